import { useState, type FormEvent } from "react";
import { TextArea, TextField } from "../../../components/fields.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { ApiError } from "../../../lib/api.ts";
import type { CardContent } from "../../../lib/types.ts";

export const EMPTY_CARD: CardContent = { title: "", description: "", policies: ["", "", ""] };
const MIN_POLICIES = 3;
const MAX_POLICIES = 7;

type Errors = Partial<Record<string, string>>;

/** Checks a card as the API will, so most mistakes show before sending. */
export function checkCard(card: CardContent): Errors {
  const errors: Errors = {};
  if (!card.title.trim()) errors.title = "Give your value a short title.";
  else if (card.title.length > 200) errors.title = "Keep the title under 200 characters.";
  if (!card.description.trim()) errors.description = "Describe the value in a sentence or two.";
  const filled = card.policies.filter((p) => p.trim());
  if (filled.length < MIN_POLICIES) errors.policies = `Write at least ${MIN_POLICIES} things to pay attention to.`;
  card.policies.forEach((p, i) => {
    if (p.length > 300) errors[`policies/${i}`] = "Keep each one under 300 characters.";
  });
  return errors;
}

/** The card with empty policy lines dropped and text trimmed, as it is sent. */
export function tidyCard(card: CardContent): CardContent {
  return { title: card.title.trim(), description: card.description.trim(), policies: card.policies.map((p) => p.trim()).filter(Boolean) };
}

function Examples() {
  return (
    <details className="examples">
      <summary>Examples of good things to pay attention to</summary>
      <p className="small">
        Start each with a word in capitals for <em>what</em> you notice (MOMENTS, FEELINGS, CHOICES, PEOPLE, SIGNS…)
        and say which ones matter:
      </p>
      <ul className="small">
        <li><strong>MOMENTS</strong> when the person stops repeating what others told them and says what they think</li>
        <li><strong>FEELINGS</strong> of relief or dread when they picture each option</li>
        <li><strong>PEOPLE</strong> in their life they would trust with this decision</li>
        <li><strong>SIGNS</strong> that they need facts, not reassurance</li>
      </ul>
      <p className="small">
        Less helpful: rules such as &ldquo;Don&apos;t judge them&rdquo; or goals such as &ldquo;Be respectful&rdquo;. Ask
        instead what someone who respects them would <em>notice</em>.
      </p>
    </details>
  );
}

/** The guided values-card form. `onChange` sees every edit so the draft survives a closed tab. */
export function CardForm({
  card,
  onChange,
  onSubmit,
  submitLabel = "Continue",
}: {
  card: CardContent;
  onChange: (card: CardContent) => void;
  onSubmit: (card: CardContent) => Promise<void>;
  submitLabel?: string;
}) {
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const setPolicy = (i: number, text: string) => onChange({ ...card, policies: card.policies.map((p, j) => (j === i ? text : p)) });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkCard(card);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit(tidyCard(card));
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label="Title"
        hint="A few words that name the value, e.g. “Informed autonomy”."
        value={card.title}
        onChange={(e) => onChange({ ...card, title: e.target.value })}
        error={errors.title}
        maxLength={200}
      />
      <TextArea
        label="Description"
        hint="One or two sentences: what this value is about and why it matters here."
        value={card.description}
        onChange={(e) => onChange({ ...card, description: e.target.value })}
        error={errors.description}
        rows={3}
      />
      <fieldset aria-describedby="policies-hint">
        <legend>What someone living by this value pays attention to</legend>
        <p className="hint" id="policies-hint">
          Between {MIN_POLICIES} and {MAX_POLICIES} things they notice or consider.
        </p>
        <Examples />
        {card.policies.map((policy, i) => (
          <div className="row" key={i}>
            <TextField
              label={`Attention ${i + 1}`}
              value={policy}
              onChange={(e) => setPolicy(i, e.target.value)}
              error={errors[`policies/${i}`]}
              maxLength={300}
              placeholder={i === 0 ? "MOMENTS when …" : undefined}
            />
            {card.policies.length > MIN_POLICIES && (
              <button
                type="button"
                className="quiet"
                style={{ marginBottom: "1rem" }}
                onClick={() => onChange({ ...card, policies: card.policies.filter((_, j) => j !== i) })}
              >
                Remove<span className="visually-hidden"> attention {i + 1}</span>
              </button>
            )}
          </div>
        ))}
        {errors.policies && <p className="field-error">{errors.policies}</p>}
        {card.policies.length < MAX_POLICIES && (
          <button type="button" className="secondary" onClick={() => onChange({ ...card, policies: [...card.policies, ""] })}>
            Add another
          </button>
        )}
      </fieldset>
      <ErrorNotice error={failure} />
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
