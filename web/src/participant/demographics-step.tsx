import { useState, type FormEvent } from "react";
import { RadioGroup, SelectField, TextField } from "../components/fields.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { t } from "../i18n/i18n.ts";
import { ApiError } from "../lib/api.ts";
import type { DemographicQuestion } from "../lib/types.ts";

// Errors are kept as message keys, so that switching the language translates them too.
const NEEDS_ANSWER = "about.needsAnswer";
const CHOOSE_OR_DECLINE = "about.chooseOrDecline";
const textOf = (error: string) => (error === NEEDS_ANSWER || error === CHOOSE_OR_DECLINE ? t(error) : error);

/** The participant chose not to answer: recorded as no answer, but only when chosen. */
const DECLINED = "\u0000declined";

function Question({ q, value, onChange, error }: { q: DemographicQuestion; value: string | undefined; onChange: (v: string) => void; error?: string }) {
  const label = q.required ? q.question : t("about.optional", { question: q.question });
  const errorId = `demo-${q.key}-error`;
  if (q.options && q.options.length <= 6) {
    const options = [...q.options.map((o) => ({ value: o, label: o })), ...(q.required ? [] : [{ value: DECLINED, label: t("about.preferNot") }])];
    return (
      <>
        <RadioGroup legend={label} name={`demo-${q.key}`} options={options} value={value ?? null} onChange={onChange} {...(error && { errorId })} />
        {error && <p className="field-error" id={errorId}>{error}</p>}
      </>
    );
  }
  if (q.options) {
    return (
      <SelectField label={label} value={value ?? ""} onChange={(e) => onChange(e.target.value)} error={error}>
        <option value="" disabled>
          {t("about.chooseOne")}
        </option>
        {!q.required && <option value={DECLINED}>{t("about.preferNot")}</option>}
        {q.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </SelectField>
    );
  }
  return <TextField label={label} value={value ?? ""} onChange={(e) => onChange(e.target.value)} error={error} maxLength={500} />;
}

/**
 * The campaign's demographic questions; answering them joins the campaign. Nothing is chosen in
 * advance: a question with options needs a choice, "Prefer not to say" included, so that pressing
 * Continue never records a non-answer the participant did not give.
 */
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
      questions.flatMap((q) => {
        const answer = answers[q.key];
        if (q.required && (!answer || answer === DECLINED || !answer.trim())) return [[q.key, NEEDS_ANSWER]];
        if (!q.required && q.options && answer === undefined) return [[q.key, CHOOSE_OR_DECLINE]];
        return [];
      }),
    );
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      document.querySelector<HTMLElement>(`[name="demo-${Object.keys(missing)[0]}"], .field [aria-invalid="true"]`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await onJoin(Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== DECLINED && v.trim() !== "")));
    } catch (error) {
      if (error instanceof ApiError && error.field?.startsWith("answers/")) setErrors({ [error.field.slice(8)]: error.message });
      setFailure(error);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t("about.heading")}</h2>
      <p>{t("about.intro")}</p>
      {questions.map((q) => (
        <Question
          key={q.key}
          q={q}
          value={answers[q.key]}
          onChange={(v) => {
            setAnswers((a) => ({ ...a, [q.key]: v }));
            setErrors(({ [q.key]: _gone, ...rest }) => rest);
          }}
          {...(errors[q.key] !== undefined && { error: textOf(errors[q.key]!) })}
        />
      ))}
      <ErrorNotice error={failure} title={t("about.cannotJoin")} />
      <button type="submit" disabled={busy}>
        {busy ? t("join.joining") : t("join.continue")}
      </button>
    </form>
  );
}
