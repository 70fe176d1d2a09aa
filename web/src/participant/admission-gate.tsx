import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { TextField } from "../components/fields.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import type { Campaign } from "../lib/types.ts";

/** What a joining person presents: an invite code, or the id a recruitment platform passed in the link. */
export interface Credentials {
  invite?: string;
  externalId?: string;
}

const externalIdParam = (campaign: Campaign) =>
  (campaign.admission?.mode === "allowlist" && campaign.admission.externalIdParam) || "externalId";

/** Reads an invite code (`?invite=`) and an external id (under the campaign's parameter name) from the link. */
export function credentialsFrom(campaign: Campaign, query: URLSearchParams): Credentials {
  const invite = query.get("invite")?.trim();
  const externalId = query.get(externalIdParam(campaign))?.trim();
  return { ...(invite && { invite }), ...(externalId && { externalId }) };
}

/**
 * Lets the flow start once the campaign's admission mode has what it needs: an invite code for
 * invitation campaigns, an external id for allowlist ones. Asks for it when the link lacked it.
 */
export function AdmissionGate({
  campaign,
  fromLink,
  rejected,
  onReady,
  children,
}: {
  campaign: Campaign;
  fromLink: Credentials;
  rejected?: unknown;
  onReady: (credentials: Credentials) => void;
  children: ReactNode;
}) {
  const mode = campaign.admission?.mode ?? "open";
  const needs = mode === "invite" ? "invite" : mode === "allowlist" ? "externalId" : null;
  const satisfied = !rejected && (needs === null || fromLink[needs] !== undefined);
  const [entered, setEntered] = useState<Credentials | null>(null);
  const [value, setValue] = useState("");
  const [missing, setMissing] = useState(false);
  const { invite, externalId } = fromLink;
  useEffect(() => {
    if (satisfied) onReady({ ...(invite && { invite }), ...(externalId && { externalId }) });
  }, [satisfied, invite, externalId, onReady]);
  if (satisfied || entered) return <>{children}</>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim() || !needs) return setMissing(true);
    const credentials = { ...fromLink, [needs]: value.trim() };
    setEntered(credentials);
    onReady(credentials);
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorNotice error={rejected} title="You could not join with that" />
      {needs === "invite" ? (
        <>
          <p>This campaign is by invitation. Your invite link should include a code; if it did not, type the code here.</p>
          <TextField label="Invite code" value={value} onChange={(e) => setValue(e.target.value)} error={missing ? "Enter your invite code." : undefined} autoComplete="off" />
        </>
      ) : (
        <>
          <p>
            This campaign is open to invited participants only. Open it from the link your recruitment platform gave you,
            or type the participant id it shows you.
          </p>
          <TextField label="Participant id" value={value} onChange={(e) => setValue(e.target.value)} error={missing ? "Enter your participant id." : undefined} autoComplete="off" />
        </>
      )}
      <button type="submit">Continue</button>
    </form>
  );
}
