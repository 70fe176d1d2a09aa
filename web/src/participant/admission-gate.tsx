import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { TextField } from "../components/fields.tsx";
import { Loading } from "../components/layout.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { t } from "../i18n/i18n.ts";
import { api } from "../lib/api.ts";
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
 * invitation campaigns, an external id for allowlist ones. Asks for it when the link lacked it,
 * and has the server check it before consent, so a wrong code is refused before the person
 * answers anything.
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
  const [offered, setOffered] = useState<Credentials | null>(() => (needs === null || fromLink[needs] !== undefined ? fromLink : null));
  const [admitted, setAdmitted] = useState<Credentials | null>(needs === null ? fromLink : null);
  const [refusal, setRefusal] = useState<unknown>(rejected);
  const [value, setValue] = useState("");
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (rejected) {
      setRefusal(rejected);
      setAdmitted(null);
      setOffered(null);
    }
  }, [rejected]);
  useEffect(() => {
    if (!offered || admitted || needs === null) return;
    const controller = new AbortController();
    api(`/campaigns/${encodeURIComponent(campaign.id)}/admission-check`, { body: offered, signal: controller.signal }).then(
      () => setAdmitted(offered),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setRefusal(error);
        setOffered(null);
      },
    );
    return () => controller.abort();
  }, [offered, admitted, needs, campaign.id]);
  useEffect(() => {
    if (admitted) onReady(admitted);
  }, [admitted, onReady]);
  if (admitted) return <>{children}</>;
  if (offered) return <Loading label={t("join.checking")} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim() || !needs) return setMissing(true);
    setRefusal(undefined);
    setOffered({ ...fromLink, [needs]: value.trim() });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorNotice error={refusal} title={t("join.refused")} />
      {needs === "invite" ? (
        <>
          <p>{t("join.inviteIntro")}</p>
          <TextField
            label={t("join.inviteCode")}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setMissing(false);
            }}
            error={missing ? t("join.inviteMissing") : undefined}
            autoComplete="off"
          />
        </>
      ) : (
        <>
          <p>{t("join.listedIntro")}</p>
          <TextField
            label={t("join.participantId")}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setMissing(false);
            }}
            error={missing ? t("join.participantIdMissing") : undefined}
            autoComplete="off"
          />
        </>
      )}
      <button type="submit">{t("join.continue")}</button>
    </form>
  );
}
