import { useState, type FormEvent } from "react";
import { RadioGroup, SelectField, TextField } from "../components/fields.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { ApiError } from "../lib/api.ts";
import type { DemographicQuestion } from "../lib/types.ts";

const NO_ANSWER = "";

function Question({ q, value, onChange, error }: { q: DemographicQuestion; value: string; onChange: (v: string) => void; error?: string }) {
  const label = q.required ? q.question : `${q.question} (optional)`;
  if (q.options && q.options.length <= 6) {
    const options = [...q.options.map((o) => ({ value: o, label: o })), ...(q.required ? [] : [{ value: NO_ANSWER, label: "Prefer not to say" }])];
    return (
      <>
        <RadioGroup legend={label} name={`demo-${q.key}`} options={options} value={value} onChange={onChange} />
        {error && <p className="field-error">{error}</p>}
      </>
    );
  }
  if (q.options) {
    return (
      <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)} error={error}>
        <option value={NO_ANSWER}>{q.required ? "Choose one" : "Prefer not to say"}</option>
        {q.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </SelectField>
    );
  }
  return <TextField label={label} value={value} onChange={(e) => onChange(e.target.value)} error={error} maxLength={500} />;
}

/** The campaign's demographic questions; answering them joins the campaign. */
export function DemographicsStep({
  questions,
  onJoin,
}: {
  questions: DemographicQuestion[];
  onJoin: (answers: Record<string, string>) => Promise<void>;
}) {
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = Object.fromEntries(
      questions.filter((q) => q.required && !answers[q.key]).map((q) => [q.key, "This question needs an answer."]),
    );
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await onJoin(Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim() !== "")));
    } catch (error) {
      if (error instanceof ApiError && error.field?.startsWith("answers/")) setErrors({ [error.field.slice(8)]: error.message });
      setFailure(error);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h2>About you</h2>
      <p>
        These answers let the results show whether people of different backgrounds agree. They are stored apart from
        anything that could identify you.
      </p>
      {questions.map((q) => (
        <Question
          key={q.key}
          q={q}
          value={answers[q.key] ?? NO_ANSWER}
          onChange={(v) => setAnswers((a) => ({ ...a, [q.key]: v }))}
          {...(errors[q.key] !== undefined && { error: errors[q.key] })}
        />
      ))}
      <ErrorNotice error={failure} title="You could not join yet" />
      <button type="submit" disabled={busy}>
        {busy ? "Joining…" : "Continue"}
      </button>
    </form>
  );
}
