import { useState, type FormEvent } from "react";
import type { Campaign } from "../lib/types.ts";

const DEFAULT_CONSENT = `What you write (your values card, your judgments and comments) becomes part of a public data set that is used to study and train AI systems. It is published under a pseudonym: your name is never attached to it. Every contribution is also entered in an open, tamper-evident log, so that anyone can check the data set was not altered. You can stop at any time.`;

/** The campaign's consent text and the participant's agreement. */
export function ConsentStep({ campaign, onAgree }: { campaign: Campaign; onAgree: () => void }) {
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState(false);
  const text = campaign.consent.trim() || DEFAULT_CONSENT;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agreed) onAgree();
    else setError(true);
  };
  return (
    <>
      {campaign.description && <p className="lede">{campaign.description}</p>}
      <h2>Before you start</h2>
      <div className="panel">
        {text.split(/\n\s*\n/).map((paragraph, i) => (
          <p key={i} style={{ whiteSpace: "pre-line" }}>
            {paragraph}
          </p>
        ))}
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
            <span>I have read this and I agree to take part.</span>
          </label>
          {error && (
            <span className="field-error" id="consent-error">
              Tick the box to agree, or close this page if you would rather not take part.
            </span>
          )}
        </div>
        <button type="submit">Continue</button>
      </form>
    </>
  );
}
