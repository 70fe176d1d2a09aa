import type { ReactNode } from "react";
import { SuccessNotice } from "../components/notice.tsx";
import { Link } from "../lib/router.tsx";
import { saveBlob } from "../lib/download.ts";
import type { KeptReceipt } from "./session.ts";
import { SurveyForm, type SurveyAnswer } from "./survey-form.tsx";
import { t } from "../i18n/i18n.ts";

const sharedLabels = (): Readonly<Record<string, string>> => ({ joined: t("closing.joined"), survey: t("closing.survey") });

/** Where the participant's contributions sit in the public log, with their receipts to keep. */
function MyReceipts({ receipts, campaignId, labels }: { receipts: KeptReceipt[]; campaignId: string; labels: Readonly<Record<string, string>> }) {
  if (receipts.length === 0) return null;
  return (
    <section aria-labelledby="receipts-heading">
      <h2 id="receipts-heading">{t("closing.receiptsHeading")}</h2>
      <p>{t("closing.receiptsIntro")}</p>
      <ul>
        {receipts.map(({ what, receipt }) => (
          <li key={receipt.index}>
            {labels[what] ?? sharedLabels()[what] ?? t("closing.contribution")}: <Link href={`/log?index=${receipt.index}`}>{t("closing.entry", { index: String(receipt.index) })}</Link>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="secondary"
        onClick={() => saveBlob(new Blob([JSON.stringify(receipts, null, 2)], { type: "application/json" }), `polyphony-receipts-${campaignId}.json`)}
      >
        {t("closing.download")}
      </button>
    </section>
  );
}

/** The end of the flow: what the kind shows of the participant's contribution, the closing survey, the receipts. */
export function ClosingStep({
  campaignId,
  contribution,
  receiptLabels,
  surveyed,
  receipts,
  onSurvey,
}: {
  campaignId: string;
  contribution: ReactNode;
  receiptLabels: Readonly<Record<string, string>>;
  surveyed: boolean;
  receipts: KeptReceipt[];
  onSurvey: (answer: SurveyAnswer) => Promise<void>;
}) {
  return (
    <>
      <h2>{t("closing.heading")}</h2>
      <p>{t("closing.intro")}</p>
      {contribution}
      {surveyed ? (
        <SuccessNotice>
          <p>{t("closing.surveyThanks")}</p>
        </SuccessNotice>
      ) : (
        <SurveyForm onSubmit={onSurvey} />
      )}
      <MyReceipts receipts={receipts} campaignId={campaignId} labels={receiptLabels} />
      <p>
        <Link href={`/c/${encodeURIComponent(campaignId)}/results`}>{t("closing.fullResults")}</Link>
      </p>
    </>
  );
}
