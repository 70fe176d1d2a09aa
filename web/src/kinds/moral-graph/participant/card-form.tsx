import { useEffect, useRef, useState, type FormEvent } from "react";
import { GrowingTextArea, TextArea, TextField } from "../../../components/fields.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { t } from "../../../i18n/i18n.ts";
import { ApiError } from "../../../lib/api.ts";
import type { CardContent } from "../../../lib/types.ts";

export const EMPTY_CARD: CardContent = { title: "", description: "", policies: ["", "", ""] };
const MIN_POLICIES = 3;
const MAX_POLICIES = 7;

type Errors = Partial<Record<string, string>>;

/** Checks a card as the API will, so most mistakes show before sending. */
export function checkCard(card: CardContent): Errors {
  const errors: Errors = {};
  if (!card.title.trim()) errors.title = t("card.errTitle");
  else if (card.title.length > 200) errors.title = t("card.errTitleLong");
  if (!card.description.trim()) errors.description = t("card.errDescription");
  card.policies.forEach((p, i) => {
    if (p.length > 300) errors[`policies/${i}`] = t("card.errPolicyLong");
  });
  if (card.policies.filter((p) => p.trim()).length < MIN_POLICIES) errors.policies = t("card.errPolicies", { min: MIN_POLICIES });
  return errors;
}

/** The card with empty policy lines dropped and text trimmed, as it is sent. */
export function tidyCard(card: CardContent): CardContent {
  return { title: card.title.trim(), description: card.description.trim(), policies: card.policies.map((p) => p.trim()).filter(Boolean) };
}

/** The field each error belongs to, for the summary's links. */
const fieldIdOf = (key: string) => (key === "policies" ? "policy-0" : key.startsWith("policies/") ? `policy-${key.slice(9)}` : `card-${key}`);

function Example() {
  return (
    <aside className="example panel" aria-labelledby="example-heading">
      <h3 id="example-heading">{t("card.exampleHeading")}</h3>
      <p className="small">{t("card.exampleIntro")}</p>
      <ul className="small">
        {(["card.example1", "card.example2", "card.example3", "card.example4"] as const).map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p className="small">{t("card.exampleAvoid")}</p>
    </aside>
  );
}

/**
 * The guided values-card form. `onChange` sees every edit so the draft survives a closed tab.
 * Once sent with mistakes, the errors follow the fields as they change, and a summary at the top
 * takes focus and links to each.
 */
export function CardForm({
  card,
  onChange,
  onSubmit,
  submitLabel = t("join.continue"),
}: {
  card: CardContent;
  onChange: (card: CardContent) => void;
  onSubmit: (card: CardContent) => Promise<void>;
  submitLabel?: string;
}) {
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const errors: Errors = checked ? { ...checkCard(card), ...serverErrors } : serverErrors;
  const listed = Object.entries(errors).filter((e): e is [string, string] => e[1] !== undefined);
  useEffect(() => {
    if (attempt > 0) summary.current?.focus();
  }, [attempt]);
  const change = (next: CardContent) => {
    setServerErrors({});
    onChange(next);
  };
  const setPolicy = (i: number, text: string) => change({ ...card, policies: card.policies.map((p, j) => (j === i ? text : p)) });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(checkCard(card)).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit(tidyCard(card));
    } catch (error) {
      if (error instanceof ApiError && error.field) setServerErrors({ [error.field]: error.message });
      setFailure(error);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      {listed.length > 0 && attempt > 0 && (
        <div className="notice error error-summary" tabIndex={-1} ref={summary} aria-labelledby="card-errors-heading">
          <p id="card-errors-heading">
            <strong>{t("card.errorsHeading", { count: listed.length })}</strong>
          </p>
          <ul>
            {listed.map(([key, message]) => (
              <li key={key}>
                <a href={`#${fieldIdOf(key)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <TextField
        id="card-title"
        label={t("card.title")}
        hint={t("card.titleHint")}
        value={card.title}
        onChange={(e) => change({ ...card, title: e.target.value })}
        error={errors.title}
        maxLength={200}
      />
      <TextArea
        id="card-description"
        label={t("card.description")}
        hint={t("card.descriptionHint")}
        value={card.description}
        onChange={(e) => change({ ...card, description: e.target.value })}
        error={errors.description}
        rows={3}
      />
      <fieldset aria-describedby="policies-hint">
        <legend>{t("card.policiesLegend")}</legend>
        <p className="hint" id="policies-hint">
          {t("card.policiesHint", { min: MIN_POLICIES, max: MAX_POLICIES })}
        </p>
        <Example />
        {card.policies.map((policy, i) => (
          <div className="row policy-row" key={i}>
            <GrowingTextArea
              id={`policy-${i}`}
              label={t("card.policy", { n: i + 1 })}
              value={policy}
              onChange={(e) => setPolicy(i, e.target.value)}
              error={errors[`policies/${i}`] ?? (i === 0 ? errors.policies : undefined)}
              maxLength={300}
              placeholder={i === 0 ? t("card.policyPlaceholder") : undefined}
            />
            {card.policies.length > MIN_POLICIES && (
              <button type="button" className="quiet" onClick={() => change({ ...card, policies: card.policies.filter((_, j) => j !== i) })}>
                {t("card.remove")}
                <span className="visually-hidden">{t("card.removeWhich", { n: i + 1 })}</span>
              </button>
            )}
          </div>
        ))}
        {card.policies.length < MAX_POLICIES && (
          <button type="button" className="secondary" onClick={() => change({ ...card, policies: [...card.policies, ""] })}>
            {t("card.add")}
          </button>
        )}
      </fieldset>
      <ErrorNotice error={failure} />
      <button type="submit" disabled={busy}>
        {busy ? t("card.saving") : submitLabel}
      </button>
    </form>
  );
}
