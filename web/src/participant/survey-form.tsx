import { useState, type FormEvent } from "react";
import { Scale, TextArea } from "../components/fields.tsx";
import { ErrorNotice } from "../components/notice.tsx";

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
      <h2 id="survey-heading">Two last questions</h2>
      <Scale
        legend="Did you feel that your views were represented in this process?"
        name="represented"
        value={represented}
        onChange={setRepresented}
        low="not at all"
        high="completely"
      />
      <Scale legend="Do you think this process is fair?" name="fair" value={fair} onChange={setFair} low="not at all" high="completely" />
      {missing && <p className="field-error">Answer both questions, please.</p>}
      <TextArea label="Anything you would like the researchers to know? (optional)" value={comment} onChange={(e) => setComment(e.target.value)} rows={3} maxLength={5000} />
      <ErrorNotice error={failure} title="Your answers were not saved" />
      <button type="submit" disabled={busy}>
        {busy ? "Sending…" : "Send my answers"}
      </button>
    </form>
  );
}
