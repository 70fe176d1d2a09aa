import type { ReactNode } from "react";
import { SuccessNotice } from "../components/notice.tsx";
import { Link } from "../lib/router.tsx";
import { saveBlob } from "../lib/download.ts";
import type { KeptReceipt } from "./session.ts";
import { SurveyForm, type SurveyAnswer } from "./survey-form.tsx";

const SHARED_LABELS: Readonly<Record<string, string>> = { joined: "Joining", survey: "Your survey answers" };

/** Where the participant's contributions sit in the public log, with their receipts to keep. */
function MyReceipts({ receipts, campaignId, labels }: { receipts: KeptReceipt[]; campaignId: string; labels: Readonly<Record<string, string>> }) {
  if (receipts.length === 0) return null;
  return (
    <section aria-labelledby="receipts-heading">
      <h2 id="receipts-heading">Your contributions on the public record</h2>
      <p>
        Each contribution is an entry in Polyphony&apos;s tamper-evident log, under a pseudonym. Anyone can check it is
        there, and that it was never altered.
      </p>
      <ul>
        {receipts.map(({ what, receipt }) => (
          <li key={receipt.index}>
            {labels[what] ?? SHARED_LABELS[what] ?? "A contribution"}: <Link href={`/log?index=${receipt.index}`}>entry {receipt.index}</Link>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="secondary"
        onClick={() => saveBlob(new Blob([JSON.stringify(receipts, null, 2)], { type: "application/json" }), `polyphony-receipts-${campaignId}.json`)}
      >
        Download my receipts
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
      <h2>Thank you</h2>
      <p>Your contribution is recorded. Here is how it fits with everyone else&apos;s so far.</p>
      {contribution}
      {surveyed ? (
        <SuccessNotice>
          <p>Thank you for answering the survey. You can close this page now, or come back later to see the results grow.</p>
        </SuccessNotice>
      ) : (
        <SurveyForm onSubmit={onSurvey} />
      )}
      <MyReceipts receipts={receipts} campaignId={campaignId} labels={receiptLabels} />
      <p>
        <Link href={`/c/${encodeURIComponent(campaignId)}/results`}>See the full results</Link>
      </p>
    </>
  );
}
