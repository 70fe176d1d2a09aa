import { useState, type FormEvent } from "react";
import { SelectField, TextArea } from "../../../components/fields.tsx";
import { ErrorNotice, SuccessNotice } from "../../../components/notice.tsx";
import { api, ApiError } from "../../../lib/api.ts";
import type { Campaign, CanonicalCard } from "../../../lib/types.ts";
import { useAsync } from "../../../lib/use-async.ts";

interface StoryRow {
  id: string;
  from: string;
  to: string;
  context: string;
  text: string;
  source: string;
}

const SHOWN = 20;

/** Upgrade stories: written by hand, or by the LLM in both directions when the server has one. */
export function StoriesPanel({ campaign }: { campaign: Campaign }) {
  const base = `/campaigns/${encodeURIComponent(campaign.id)}`;
  const cards = useAsync((signal) => api<{ cards: CanonicalCard[] }>(`${base}/canonical-cards`, { signal }).then((b) => b.cards), [base]);
  const stories = useAsync(
    (signal) => api<{ stories: StoryRow[] }>(`${base}/export?format=polyphony`, { signal }).then((b) => b.stories),
    [base],
  );
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [context, setContext] = useState(campaign.contexts[0]?.id ?? "");
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [llmMissing, setLlmMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const titles = new Map((cards.data ?? []).map((c) => [c.id, c.title]));
  const contextName = new Map(campaign.contexts.map((c) => [c.id, c.name]));

  const check = () => {
    if (!from || !to) return "Choose both values.";
    if (from === to) return "Choose two different values.";
    return undefined;
  };
  const run = async (generate: boolean) => {
    const problem = check() ?? (!generate && !text.trim() ? "Write the story, or have the LLM write it." : undefined);
    setError(problem);
    if (problem) return;
    setBusy(true);
    setFailure(undefined);
    setMessage(undefined);
    try {
      if (generate) {
        await api(`${base}/stories/generate`, { body: { from, to, context } });
        setMessage("The LLM wrote the story in both directions.");
      } else {
        await api(`${base}/stories`, { body: { from, to, context, text: text.trim() } });
        setMessage("The story is saved; participants will be served it.");
        setText("");
      }
      stories.reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 503) setLlmMissing(true);
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(false);
  };
  const options = (cards.data ?? []).map((c) => (
    <option key={c.id} value={c.id}>
      {c.title}
    </option>
  ));
  return (
    <>
      <p>
        A story tells of someone who lived by one value and came to see another as wiser, in a context. Participants judge
        whether the change was wise. Write stories both ways (A to B and B to A), so voters rather than the writer decide.
      </p>
      <form onSubmit={submit} noValidate>
        <div className="row">
          <SelectField label="From the value" value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">Choose a value</option>
            {options}
          </SelectField>
          <SelectField label="To the value" value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">Choose a value</option>
            {options}
          </SelectField>
          <SelectField label="Context" value={context} onChange={(e) => setContext(e.target.value)}>
            {campaign.contexts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        </div>
        <TextArea label="Story" hint="First person, a few sentences." value={text} onChange={(e) => setText(e.target.value)} rows={5} maxLength={5000} />
        {error && <p className="field-error">{error}</p>}
        {message && <SuccessNotice><p>{message}</p></SuccessNotice>}
        <ErrorNotice error={failure} />
        <div className="actions">
          <button type="submit" disabled={busy}>Save the story</button>
          {!llmMissing && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void run(true)}>
              Have the LLM write both directions
            </button>
          )}
        </div>
      </form>
      <h3>Stories ({stories.data?.length ?? 0})</h3>
      <ul className="plain-list">
        {(stories.data ?? []).slice(-SHOWN).reverse().map((s) => (
          <li key={s.id}>
            <p className="small">
              <strong>{titles.get(s.from) ?? s.from}</strong> → <strong>{titles.get(s.to) ?? s.to}</strong>{" "}
              <span className="context-tag">{contextName.get(s.context) ?? s.context}</span> <span className="badge">{s.source}</span>
            </p>
            <p className="small">{s.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
