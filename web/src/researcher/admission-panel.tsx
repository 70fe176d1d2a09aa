import { useState, type FormEvent } from "react";
import { TextArea, TextField } from "../components/fields.tsx";
import { Loading } from "../components/layout.tsx";
import { ErrorNotice, SuccessNotice } from "../components/notice.tsx";
import { api } from "../lib/api.ts";
import { saveBlob } from "../lib/download.ts";
import { Link } from "../lib/router.tsx";
import type { Campaign } from "../lib/types.ts";
import { useAsync } from "../lib/use-async.ts";
import { t } from "../i18n/i18n.ts";

interface InviteUsage {
  total: number;
  used: number;
  unused: number;
}

function Invites({ campaign, joinLink }: { campaign: Campaign; joinLink: string }) {
  const path = `/campaigns/${encodeURIComponent(campaign.id)}/invites`;
  const usage = useAsync((signal) => api<{ usage: InviteUsage }>(path, { signal }).then((b) => b.usage), [path]);
  const [n, setN] = useState("20");
  const [links, setLinks] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    try {
      const made = await api<{ codes: string[] }>(path, { body: { count: Number(n) } });
      setLinks(made.codes.map((code) => `${joinLink}?invite=${encodeURIComponent(code)}`));
      usage.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <>
      {usage.data ? (
        <p>
          {t("adm.usage", { count: usage.data.total, used: usage.data.used, unused: usage.data.unused })}
        </p>
      ) : (
        <Loading label={t("adm.counting")} />
      )}
      <form onSubmit={(event) => void create(event)} noValidate className="row">
        <TextField label={t("adm.number")} inputMode="numeric" value={n} onChange={(e) => setN(e.target.value)} />
        <button type="submit" style={{ marginBottom: "1rem" }}>{t("adm.create")}</button>
      </form>
      <ErrorNotice error={failure} />
      {links.length > 0 && (
        <div className="panel">
          <p>
            <strong>{t("adm.new", { count: links.length })}</strong> {t("adm.newHint")}
          </p>
          <TextArea label={t("adm.links")} readOnly value={links.join("\n")} rows={Math.min(10, links.length)} wrap="off" className="mono" />
          <button type="button" className="secondary" onClick={() => saveBlob(new Blob([links.join("\n") + "\n"], { type: "text/plain" }), `invites-${campaign.id}.txt`)}>
            {t("adm.download")}
          </button>
        </div>
      )}
    </>
  );
}

function Allowlist({ campaign, joinLink }: { campaign: Campaign; joinLink: string }) {
  const path = `/campaigns/${encodeURIComponent(campaign.id)}/allowlist`;
  const state = useAsync((signal) => api<{ total: number; joined: number }>(path, { signal }), [path]);
  const [add, setAdd] = useState("");
  const [remove, setRemove] = useState("");
  const [done, setDone] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const ids = (text: string) => [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];
  const param = campaign.admission.mode === "allowlist" ? campaign.admission.externalIdParam : "externalId";
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    setDone(undefined);
    try {
      const r = await api<{ added: number; removed: number }>(path, { method: "PATCH", body: { add: ids(add), remove: ids(remove) } });
      setDone(t("adm.changed", { added: r.added, removed: r.removed }));
      setAdd("");
      setRemove("");
      state.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <>
      <p>
        {t("adm.platform")} <code>{`${joinLink}?${param}=…`}</code>
      </p>
      {state.data && (
        <p>
          {t("adm.listed", { total: state.data.total, joined: state.data.joined })}
        </p>
      )}
      <form onSubmit={(event) => void save(event)} noValidate>
        <TextArea label={t("adm.add")} hint={t("adm.addHint")} value={add} onChange={(e) => setAdd(e.target.value)} rows={4} />
        <TextArea label={t("adm.remove")} hint={t("adm.removeHint")} value={remove} onChange={(e) => setRemove(e.target.value)} rows={2} />
        {done && <SuccessNotice><p>{done}</p></SuccessNotice>}
        <ErrorNotice error={failure} />
        <button type="submit">{t("adm.update")}</button>
      </form>
    </>
  );
}

/** How people get into the campaign: its link, invite codes, or the allowlist. */
export function AdmissionPanel({ campaign }: { campaign: Campaign }) {
  const joinLink = `${window.location.origin}/join/${encodeURIComponent(campaign.id)}`;
  const mode = campaign.admission?.mode ?? "open";
  return (
    <>
      <p>
        {t("adm.mode")} <strong>{mode === "open" ? t("adm.open") : mode === "invite" ? t("adm.invite") : t("adm.allowlist")}</strong>.{" "}
        {t("adm.changeIn")} <Link href={`/researcher/c/${encodeURIComponent(campaign.id)}?tab=settings`}>{t("tabs.settings")}</Link>.
      </p>
      {mode === "open" && (
        <p>
          {t("adm.anyone")} <code>{joinLink}</code>
        </p>
      )}
      {mode === "invite" && <Invites campaign={campaign} joinLink={joinLink} />}
      {mode === "allowlist" && <Allowlist campaign={campaign} joinLink={joinLink} />}
    </>
  );
}
