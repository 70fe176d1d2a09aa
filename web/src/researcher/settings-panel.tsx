import { useState } from "react";
import { ErrorNotice } from "../components/notice.tsx";
import { t } from "../i18n/i18n.ts";
import { api } from "../lib/api.ts";
import type { Campaign } from "../lib/types.ts";
import { CampaignForm } from "./campaign-form.tsx";

/** Edits a campaign: its texts, new questions and contexts, demographics, admission and visibility; opens or closes it. */
export function SettingsPanel({ campaign, onSaved }: { campaign: Campaign; onSaved: () => void }) {
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const path = `/campaigns/${encodeURIComponent(campaign.id)}`;
  const setStatus = async (status: "open" | "closed") => {
    setFailure(undefined);
    try {
      await api(path, { method: "PATCH", body: { status } });
      onSaved();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <>
      <div className="panel">
        <p>
          {campaign.status === "open" ? t("settings.isOpen") : t("settings.isClosed")}
        </p>
        {confirming ? (
          <div className="notice confirm" role="group" aria-labelledby="confirm-close">
            <p id="confirm-close">{t("settings.confirmClose")}</p>
            <div className="actions">
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setConfirming(false);
                  void setStatus("closed");
                }}
              >
                {t("settings.yesClose")}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t("settings.keepOpen")}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="secondary" onClick={() => (campaign.status === "open" ? setConfirming(true) : void setStatus("open"))}>
            {campaign.status === "open" ? t("settings.close") : t("settings.reopen")}
          </button>
        )}
        <ErrorNotice error={failure} />
      </div>
      <CampaignForm
        key={campaign.updatedAt}
        existing={campaign}
        submitLabel={t("settings.save")}
        saved={saved}
        onSubmit={async (input) => {
          setSaved(false);
          await api(path, {
            method: "PATCH",
            body: {
              title: input.title,
              description: input.description,
              consent: input.consent,
              demographics: input.demographics,
              admission: input.admission,
              resultsVisibility: input.resultsVisibility,
              consentDetails: input.consentDetails,
              judgingQuota: input.judgingQuota,
              ...(input.questions.length > 0 && { addQuestions: input.questions }),
              ...(input.contexts.length > 0 && { addContexts: input.contexts }),
            },
          });
          setSaved(true);
          onSaved();
        }}
      />
    </>
  );
}
