import { useState, type FormEvent } from "react";
import { Scale, TextArea } from "../components/fields.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { t } from "../i18n/i18n.ts";

export interface SurveyAnswer {
  represented: number;
  fair: number;
  comment?: string;
}

/** The closing survey: did you feel represented, is the process fair. */
export function SurveyForm({ onSubmit }: { onSubmit: (answer: SurveyAnswer) => Promise<void> }) {
  const [represented, setRepresented] = useState<number | null>(null);
  const [fair, setFair] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (represented === null || fair === null) return setMissing(true);
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit({ represented, fair, ...(comment.trim() && { comment: comment.trim() }) });
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="survey-heading">
      <h2 id="survey-heading">{t("survey.heading")}</h2>
      <Scale
        legend={t("survey.represented")}
        name="represented"
        value={represented}
        onChange={setRepresented}
        low={t("survey.low")}
        high={t("survey.high")}
      />
      <Scale legend={t("survey.fair")} name="fair" value={fair} onChange={setFair} low={t("survey.low")} high={t("survey.high")} />
      {missing && <p className="field-error">{t("survey.missing")}</p>}
      <TextArea label={t("survey.comment")} value={comment} onChange={(e) => setComment(e.target.value)} rows={3} maxLength={5000} />
      <ErrorNotice error={failure} title={t("survey.notSaved")} />
      <button type="submit" disabled={busy}>
        {busy ? t("survey.sending") : t("survey.send")}
      </button>
    </form>
  );
}
