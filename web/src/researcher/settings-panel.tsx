import { useState } from "react";
import { ErrorNotice, SuccessNotice } from "../components/notice.tsx";
import { api } from "../lib/api.ts";
import type { Campaign } from "../lib/types.ts";
import { CampaignForm } from "./campaign-form.tsx";

/** Edits a campaign: its texts, new questions and contexts, demographics, admission and visibility; opens or closes it. */
export function SettingsPanel({ campaign, onSaved }: { campaign: Campaign; onSaved: () => void }) {
  const [saved, setSaved] = useState(false);
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
          This campaign is <strong>{campaign.status}</strong>
          {campaign.status === "open" ? ": new participants can join." : ": nobody new can join, and no new votes are taken."}
        </p>
        <button type="button" className="secondary" onClick={() => void setStatus(campaign.status === "open" ? "closed" : "open")}>
          {campaign.status === "open" ? "Close the campaign" : "Reopen the campaign"}
        </button>
        <ErrorNotice error={failure} />
      </div>
      {saved && <SuccessNotice><p>Saved.</p></SuccessNotice>}
      <CampaignForm
        key={campaign.updatedAt}
        existing={campaign}
        submitLabel="Save changes"
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
