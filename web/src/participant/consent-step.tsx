import { useState, type FormEvent } from "react";
import { t } from "../i18n/i18n.ts";
import type { Campaign } from "../lib/types.ts";

/** Who runs the study, how to reach them, how long it takes, how to have one's data erased. */
function ConsentFacts({ campaign }: { campaign: Campaign }) {
  const details = campaign.consentDetails;
  const missing = <span className="muted">{t("consent.notGiven")}</span>;
  const contact = details.contact.trim();
  const link = /^\S+@\S+\.\S+$/.test(contact) ? `mailto:${contact}` : /^https?:\/\//.test(contact) ? contact : null;
  return (
    <dl className="facts">
      <dt>{t("consent.who")}</dt>
      <dd>{details.organiser.trim() || missing}</dd>
      <dt>{t("consent.contact")}</dt>
      <dd>{contact ? link ? <a href={link}>{contact}</a> : contact : missing}</dd>
      <dt>{t("consent.duration")}</dt>
      <dd>{details.minutes ? t("consent.minutes", { count: details.minutes }) : missing}</dd>
      <dt>{t("consent.erasure")}</dt>
      <dd>{details.erasure.trim() || t("consent.erasureDefault")}</dd>
    </dl>
  );
}

/** The campaign's consent text, the facts a participant must know, and their agreement. */
export function ConsentStep({ campaign, onAgree }: { campaign: Campaign; onAgree: () => void }) {
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState(false);
  const text = campaign.consent.trim() || t("consent.default");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agreed) onAgree();
    else setError(true);
  };
  return (
    <>
      {campaign.description && <p className="lede">{campaign.description}</p>}
      <h2>{t("consent.heading")}</h2>
      <div className="panel">
        {text.split(/\n\s*\n/).map((paragraph, i) => (
          <p key={i} style={{ whiteSpace: "pre-line" }}>
            {paragraph}
          </p>
        ))}
        <ConsentFacts campaign={campaign} />
      </div>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              checked={agreed}
              onChange={(e) => {
                setAgreed(e.target.checked);
                setError(false);
              }}
              aria-invalid={error || undefined}
              aria-describedby={error ? "consent-error" : undefined}
            />
            <span>{t("consent.agree")}</span>
          </label>
          {error && (
            <span className="field-error" id="consent-error">
              {t("consent.mustAgree")}
            </span>
          )}
        </div>
        <button type="submit">{t("join.continue")}</button>
      </form>
    </>
  );
}
