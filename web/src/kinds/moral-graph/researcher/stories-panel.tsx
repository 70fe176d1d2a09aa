import { useEffect, useState, type FormEvent } from "react";
import { SelectField, TextArea } from "../../../components/fields.tsx";
import { ErrorNotice, SuccessNotice } from "../../../components/notice.tsx";
import { t } from "../../../i18n/i18n.ts";
import { api, ApiError } from "../../../lib/api.ts";
import { moralGraphOf, type Campaign, type CanonicalCard } from "../../../lib/types.ts";
import { useAsync } from "../../../lib/use-async.ts";
import { chatAvailable } from "../../../participant/session.ts";
import { StoryCoverageView } from "./story-coverage.tsx";
import { ValuePicker } from "./value-picker.tsx";

interface StoryRow {
  id: string;
  from: string;
  to: string;
  context: string;
  text: string;
  source: string;
}

const SHOWN = 20;

/**
 * Upgrade stories: written by hand, or by the LLM in both directions when the server has one;
 * the values are picked by searching, and a coverage view says where stories are still missing.
 */
export function StoriesPanel({ campaign: shown }: { campaign: Campaign }) {
  const campaign = moralGraphOf(shown);
  const base = `/campaigns/${encodeURIComponent(campaign.id)}`;
  const cards = useAsync((signal) => api<{ cards: CanonicalCard[] }>(`${base}/canonical-cards`, { signal }).then((b) => b.cards), [base]);
  const stories = useAsync(
    (signal) => api<{ stories: StoryRow[] }>(`${base}/export?format=polyphony`, { signal }).then((b) => b.stories),
    [base],
  );
  const [pair, setPair] = useState({ from: "", to: "", version: 0 });
  const [context, setContext] = useState(campaign.contexts[0]?.id ?? "");
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [llm, setLlm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    chatAvailable().then((ok) => live && setLlm(ok), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  const titles = new Map((cards.data ?? []).map((c) => [c.id, c.title]));
  const contextName = new Map(campaign.contexts.map((c) => [c.id, c.name]));

  const check = () => {
    if (!pair.from || !pair.to) return t("stories.errBoth");
    if (pair.from === pair.to) return t("stories.errSame");
    return undefined;
  };
  const run = async (generate: boolean) => {
    const problem = check() ?? (!generate && !text.trim() ? (llm ? t("stories.errTextOrLlm") : t("stories.errText")) : undefined);
    setError(problem);
    if (problem) return;
    setBusy(true);
    setFailure(undefined);
    setMessage(undefined);
    try {
      if (generate) {
        await api(`${base}/stories/generate`, { body: { from: pair.from, to: pair.to, context } });
        setMessage(t("stories.generated"));
      } else {
        await api(`${base}/stories`, { body: { from: pair.from, to: pair.to, context, text: text.trim() } });
        setMessage(t("stories.saved"));
        setText("");
      }
      stories.reload();
      setVersion((v) => v + 1);
    } catch (e) {
      if (e instanceof ApiError && e.status === 503) setLlm(false);
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(false);
  };
  const list = cards.data ?? [];
  return (
    <>
      <p>{t("stories.intro")}</p>
      <form onSubmit={submit} noValidate aria-label={t("stories.formLabel")}>
        {/* The pickers start afresh when the coverage view chooses a pair. */}
        <div className="row" key={pair.version}>
          <ValuePicker label={t("stories.from")} cards={list} value={pair.from} onChange={(from) => setPair((p) => ({ ...p, from }))} />
          <ValuePicker label={t("stories.to")} cards={list} value={pair.to} onChange={(to) => setPair((p) => ({ ...p, to }))} />
          <SelectField label={t("results.context")} value={context} onChange={(e) => setContext(e.target.value)}>
            {campaign.contexts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        </div>
        <TextArea label={t("stories.story")} hint={t("stories.storyHint")} value={text} onChange={(e) => setText(e.target.value)} rows={5} maxLength={5000} />
        {error && <p className="field-error">{error}</p>}
        {message && (
          <SuccessNotice>
            <p>{message}</p>
          </SuccessNotice>
        )}
        <ErrorNotice error={failure} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t("stories.save")}
          </button>
          {llm && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void run(true)}>
              {t("stories.generate")}
            </button>
          )}
        </div>
      </form>
      <StoryCoverageView
        campaignId={campaign.id}
        version={version}
        onPick={(from, to, ctx) => {
          setPair((p) => ({ from, to, version: p.version + 1 }));
          setContext(ctx);
          document.querySelector<HTMLElement>("form[aria-label] input")?.focus();
        }}
      />
      <h3>{t("stories.listHeading", { count: stories.data?.length ?? 0 })}</h3>
      <ul className="plain-list">
        {(stories.data ?? [])
          .slice(-SHOWN)
          .reverse()
          .map((s) => (
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
