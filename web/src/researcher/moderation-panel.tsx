import { useState, type FormEvent } from "react";
import { SelectField, TextField } from "../components/fields.tsx";
import { ErrorNotice, SuccessNotice } from "../components/notice.tsx";
import { api } from "../lib/api.ts";
import { date } from "../lib/format.ts";
import type { Campaign, CanonicalCard } from "../lib/types.ts";
import { useAsync } from "../lib/use-async.ts";
import { ReasonAction } from "./hide-form.tsx";
import { t } from "../i18n/i18n.ts";

type Kind = "values_card" | "canonical_card" | "story" | "vote";
const KINDS: { value: Kind; label: string }[] = [
  { value: "canonical_card", label: "Value (canonical card)" },
  { value: "values_card", label: "A participant's own card" },
  { value: "story", label: "Upgrade story" },
  { value: "vote", label: "Vote" },
];

interface Moderation {
  hidden: { target: { kind: Kind; id: string }; label: string; hiddenAt: string; reason: string }[];
  actions: { id: string; target: { kind: Kind; id: string }; action: "hide" | "unhide"; reason: string; by: string; at: string }[];
}

const SHOWN = 50;

function HideById({ onHide }: { onHide: (kind: Kind, id: string, reason: string) => Promise<void> }) {
  const [kind, setKind] = useState<Kind>("values_card");
  const [id, setId] = useState("");
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    try {
      await onHide(kind, id.trim(), reason.trim());
      setId("");
      setReason("");
    } catch (e) {
      setFailure(e);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <div className="row">
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
        </SelectField>
        <TextField label="Id" value={id} onChange={(e) => setId(e.target.value)} />
      </div>
      <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      <ErrorNotice error={failure} />
      <button type="submit">Hide</button>
    </form>
  );
}

/** Hide contributions with a reason (they stay on record, views and exports skip them), and unhide them. */
export function ModerationPanel({ campaign }: { campaign: Campaign }) {
  const base = `/campaigns/${encodeURIComponent(campaign.id)}`;
  const state = useAsync((signal) => api<Moderation>(`${base}/moderation`, { signal }), [base]);
  const cards = useAsync((signal) => api<{ cards: CanonicalCard[] }>(`${base}/canonical-cards`, { signal }).then((b) => b.cards), [base]);
  const stories = useAsync(
    (signal) => api<{ stories: { id: string; text: string }[] }>(`${base}/export?format=polyphony`, { signal }).then((b) => b.stories),
    [base],
  );
  const [filter, setFilter] = useState("");
  const [message, setMessage] = useState<string>();
  const refresh = () => [state, cards, stories].forEach((s) => s.reload());
  const moderate = async (kind: Kind, id: string, reason: string, unhide = false) => {
    await api(`${base}/moderation${unhide ? "/unhide" : ""}`, { body: { target: { kind, id }, reason } });
    setMessage(unhide ? "Shown again." : "Hidden. It stays in the log; views and exports skip it.");
    refresh();
  };
  const needle = filter.trim().toLowerCase();
  const matching = (text: string) => !needle || text.toLowerCase().includes(needle);
  const shownCards = (cards.data ?? []).filter((c) => matching(`${c.title} ${c.description} ${c.id}`));
  const shownStories = (stories.data ?? []).filter((s) => matching(`${s.text} ${s.id}`));
  return (
    <>
      {message && <SuccessNotice><p>{message}</p></SuccessNotice>}
      <ErrorNotice error={state.error} />
      <h3>Hidden now</h3>
      {state.data?.hidden.length === 0 && <p className="muted">Nothing is hidden.</p>}
      <ul className="plain-list">
        {state.data?.hidden.map((h) => (
          <li key={`${h.target.kind}:${h.target.id}`}>
            <p>
              <span className="badge">{KINDS.find((k) => k.value === h.target.kind)?.label ?? h.target.kind}</span> {h.label}
            </p>
            <p className="small muted">Hidden {date(h.hiddenAt)}: “{h.reason}”</p>
            <ReasonAction action="Show again" what={h.label} onConfirm={(reason) => moderate(h.target.kind, h.target.id, reason, true)} />
          </li>
        ))}
      </ul>
      <h3>Find something to hide</h3>
      <TextField label="Filter values and stories" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <h4>Values ({shownCards.length})</h4>
      <ul className="plain-list">
        {shownCards.slice(0, SHOWN).map((c) => (
          <li key={c.id}>
            <p><strong>{c.title}</strong> <span className="small muted">{c.description}</span></p>
            <ReasonAction action="Hide" what={`value “${c.title}”`} danger onConfirm={(reason) => moderate("canonical_card", c.id, reason)} />
          </li>
        ))}
      </ul>
      {shownCards.length > SHOWN && <p className="small muted">Showing {SHOWN}; filter to find others.</p>}
      <h4>Stories ({shownStories.length})</h4>
      <ErrorNotice error={stories.error} />
      <ul className="plain-list">
        {shownStories.slice(0, SHOWN).map((s) => (
          <li key={s.id}>
            <p className="small">{s.text.length > 240 ? `${s.text.slice(0, 239)}…` : s.text}</p>
            <ReasonAction action="Hide" what={`story ${s.id}`} danger onConfirm={(reason) => moderate("story", s.id, reason)} />
          </li>
        ))}
      </ul>
      {shownStories.length > SHOWN && <p className="small muted">Showing {SHOWN}; filter to find others.</p>}
      <h4>Hide by id</h4>
      <p className="small muted">For a participant&apos;s own card or a vote, as named in an export or a report.</p>
      <HideById onHide={(kind, id, reason) => moderate(kind, id, reason)} />
      <h3>History</h3>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("frame.table")}>
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {state.data?.actions.map((a) => (
              <tr key={a.id}>
                <td>{date(a.at)}</td>
                <td>{a.action}</td>
                <td>
                  {a.target.kind} <code>{a.target.id}</code>
                </td>
                <td>{a.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
