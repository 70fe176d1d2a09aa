import { useState, type FormEvent } from "react";
import { TextArea, TextField } from "../components/fields.tsx";
import { Loading } from "../components/layout.tsx";
import { ErrorNotice, SuccessNotice } from "../components/notice.tsx";
import { api } from "../lib/api.ts";
import { saveBlob } from "../lib/download.ts";
import { count } from "../lib/format.ts";
import { Link } from "../lib/router.tsx";
import type { Campaign } from "../lib/types.ts";
import { useAsync } from "../lib/use-async.ts";

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
          {count(usage.data.total)} invite codes: {count(usage.data.used)} used, {count(usage.data.unused)} unused.
        </p>
      ) : (
        <Loading label="Counting invite codes" />
      )}
      <form onSubmit={(event) => void create(event)} noValidate className="row">
        <TextField label="Number of new invite links" inputMode="numeric" value={n} onChange={(e) => setN(e.target.value)} />
        <button type="submit" style={{ marginBottom: "1rem" }}>Create invite links</button>
      </form>
      <ErrorNotice error={failure} />
      {links.length > 0 && (
        <div className="panel">
          <p>
            <strong>{links.length} new invite links.</strong> Each admits one person. Copy or download them now: the
            codes are not shown again.
          </p>
          <TextArea label="Invite links" readOnly value={links.join("\n")} rows={Math.min(10, links.length)} wrap="off" className="mono" />
          <button type="button" className="secondary" onClick={() => saveBlob(new Blob([links.join("\n") + "\n"], { type: "text/plain" }), `invites-${campaign.id}.txt`)}>
            Download as a text file
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
      setDone(`${r.added} added, ${r.removed} removed.`);
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
        Give your recruitment platform this link; it adds each person&apos;s id: <code>{`${joinLink}?${param}=…`}</code>
      </p>
      {state.data && (
        <p>
          {count(state.data.total)} ids on the allowlist; {count(state.data.joined)} people have joined with an id.
        </p>
      )}
      <form onSubmit={(event) => void save(event)} noValidate>
        <TextArea label="Add ids" hint="One per line, or separated by commas or spaces." value={add} onChange={(e) => setAdd(e.target.value)} rows={4} />
        <TextArea label="Remove ids" hint="Removing an id does not remove someone who has joined." value={remove} onChange={(e) => setRemove(e.target.value)} rows={2} />
        {done && <SuccessNotice><p>{done}</p></SuccessNotice>}
        <ErrorNotice error={failure} />
        <button type="submit">Update the allowlist</button>
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
        Admission:{" "}
        <strong>{mode === "open" ? "open link" : mode === "invite" ? "invite codes" : "allowlist of external ids"}</strong>. Change it
        under <Link href={`/researcher/c/${encodeURIComponent(campaign.id)}?tab=settings`}>Settings</Link>.
      </p>
      {mode === "open" && (
        <p>
          Anyone with this link can join: <code>{joinLink}</code>
        </p>
      )}
      {mode === "invite" && <Invites campaign={campaign} joinLink={joinLink} />}
      {mode === "allowlist" && <Allowlist campaign={campaign} joinLink={joinLink} />}
    </>
  );
}
