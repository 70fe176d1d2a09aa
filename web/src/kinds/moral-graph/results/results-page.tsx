import { lazy, Suspense, useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { SelectField } from "../../../components/fields.tsx";
import { Loading } from "../../../components/layout.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { formatNumber, t } from "../../../i18n/i18n.ts";
import { api, ApiError } from "../../../lib/api.ts";
import { useResearcher } from "../../../researcher/use-researcher.ts";
import { Link, navigate, useLocation, usePageTitle } from "../../../lib/router.tsx";
import { moralGraphOf, type Campaign, type CanonicalCard } from "../../../lib/types.ts";
import { useAsync } from "../../../lib/use-async.ts";
import { drawingOf, neighbourhoodOf, topOf } from "./drawing.ts";
import { GraphLegend } from "./graph-legend.tsx";
import { buildView, contextsForQuestion, contextsOf, mainQuestionOf, METHODS, questionsKnown, THIN_CONTEXT_VOTES, type ContextSummary, type Method } from "./graph-model.ts";
import { loadGraphPages, loadGraphSummary } from "./load-graph.ts";
import { LegitimacyFigures, type Legitimacy } from "./legitimacy-figures.tsx";
import { ValueList } from "./value-list.tsx";
import { ValuePanel } from "./value-panel.tsx";

const GraphCanvas = lazy(() => import("./graph-canvas.tsx"));

const DRAWN_CHOICES = [12, 24, 48];
const PHONE = "(max-width: 40rem)";
const PHONE_GRAPH = 7;

function usePhone(): boolean {
  return useSyncExternalStore(
    (listener) => {
      const query = window.matchMedia(PHONE);
      query.addEventListener("change", listener);
      return () => query.removeEventListener("change", listener);
    },
    () => window.matchMedia(PHONE).matches,
  );
}

function Restricted() {
  return (
    <div className="notice">
      <p>
        {t("results.restricted")} <Link href="/researcher">{t("results.signIn")}</Link>
      </p>
    </div>
  );
}

const methodLabel = (m: Method) => t(m === "polyphony" ? "results.methodPolyphony" : m === "pagerank" ? "results.methodPagerank" : "results.methodMai");

/**
 * A campaign's results: one question in one context at a time (the context with the most
 * judgments first), a ranked list with each score's interval and vote count, the best values
 * drawn in a ranked layout (on a phone, a small graph around the chosen value), and the
 * legitimacy figures. Only the pages of the graph the view needs are read.
 */
export default function ResultsPage({ campaignId }: { campaignId: string }) {
  const { researcher } = useResearcher();
  const { path, query } = useLocation();
  const phone = usePhone();
  const base = `/campaigns/${encodeURIComponent(campaignId)}`;
  const campaign = useAsync((signal) => api<{ campaign: Campaign }>(base, { signal }).then((b) => moralGraphOf(b.campaign)), [campaignId]);
  const c = campaign.data;
  const setQuery = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(change)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    navigate(`${path}?${next.toString()}`, { replace: true, keepScroll: true });
  };
  const method: Method = (METHODS as readonly string[]).includes(query.get("method") ?? "") ? (query.get("method") as Method) : "polyphony";
  const groupable = (c?.demographics ?? []).filter((d) => Boolean(researcher) || (d.options?.length ?? 0) > 0);
  const group = query.get("groupBy") ?? groupable[0]?.key ?? null;
  const groupQuery = group ? `&groupBy=${encodeURIComponent(group)}` : "";
  const drawnCount = DRAWN_CHOICES.includes(Number(query.get("drawn"))) ? Number(query.get("drawn")) : DRAWN_CHOICES[1]!;

  const summary = useAsync(c ? (signal) => loadGraphSummary(`${base}/graph?method=polyphony${groupQuery}`, signal) : null, [c, groupQuery]);
  const cards = useAsync(
    (signal) => api<{ cards: CanonicalCard[] }>(`${base}/canonical-cards`, { signal }).then((b) => new Map(b.cards.map((x) => [x.id, x]))),
    [base],
  );
  const questionOf = useMemo(() => new Map([...(cards.data?.values() ?? [])].map((x) => [x.id, x.questionId])), [cards.data]);
  const allContexts: ContextSummary[] = useMemo(() => (summary.data ? contextsOf(summary.data) : []), [summary.data]);
  // One question at a time: the one asked for, else the one the busiest context was judged for.
  const several = (c?.questions.length ?? 0) > 1 && questionsKnown(questionOf);
  const busiest = contextsForQuestion(allContexts, questionOf, null)[0];
  const question = c
    ? (c.questions.find((q) => q.id === query.get("question")) ??
      c.questions.find((q) => several && busiest && cards.data && q.id === mainQuestionOf(busiest, questionOf)) ??
      c.questions[0] ??
      null)
    : null;
  const contexts = useMemo(
    () => (several && cards.data ? contextsForQuestion(allContexts, questionOf, question?.id ?? null) : contextsForQuestion(allContexts, questionOf, null)),
    [several, cards.data, allContexts, questionOf, question?.id],
  );
  const context = contexts.find((x) => x.id === query.get("context")) ?? contexts[0] ?? null;
  const pages = useAsync(
    context ? (signal) => loadGraphPages(`${base}/graph?method=${method}&context=${encodeURIComponent(context.id)}${groupQuery}`, signal) : null,
    [context?.id, method, groupQuery],
  );
  const legitimacy = useAsync(
    c ? (signal) => api<Legitimacy>(`${base}/legitimacy${group ? `?groupBy=${encodeURIComponent(group)}` : ""}`, { signal }) : null,
    [c, group],
  );
  const view = useMemo(
    () => (pages.data && cards.data ? buildView(pages.data, method, context, questionOf, several ? (question?.id ?? null) : null) : null),
    [pages.data, cards.data, method, context, questionOf, question?.id, c],
  );
  const selected = view?.values.some((v) => v.id === query.get("value")) ? query.get("value") : null;
  const choose = (id: string | null) => setQuery({ value: id });
  const focusBack = useRef<string | null>(null);
  const close = () => {
    focusBack.current = selected;
    choose(null);
  };
  useEffect(() => {
    if (selected || !focusBack.current) return;
    const id = focusBack.current;
    focusBack.current = null;
    [...document.querySelectorAll<HTMLButtonElement>(".value-list button")].find((b) => b.closest("li")?.dataset.id === id)?.focus();
  }, [selected]);
  const drawing = useMemo(() => {
    if (!view || view.values.length === 0) return null;
    const ids = phone ? neighbourhoodOf(view, selected ?? view.values[0]!.id, PHONE_GRAPH) : topOf(view, drawnCount);
    return drawingOf(view, ids);
  }, [view, phone, selected, drawnCount]);
  usePageTitle(c ? t("results.title", { title: c.title }) : t("results.titleShort"));

  if (campaign.status === "failed") return <ErrorNotice error={campaign.error} title={t("results.cannotLoad")} />;
  if (!c) return <Loading label={t("results.loadingCampaign")} />;
  const failure = summary.error ?? pages.error;
  const restricted = failure instanceof ApiError && (failure.status === 401 || failure.status === 403);
  const thin = context !== null && context.votes < THIN_CONTEXT_VOTES;
  const exportPath = `${base}/export?format=polyphony`;
  const graph = drawing && drawing.values.length > 0 && (
    <Suspense fallback={<div className="graph-frame"><Loading label={t("results.drawing")} /></div>}>
      <GraphCanvas
        graph={drawing}
        selected={selected}
        onSelect={choose}
        columns={phone ? 2 : 4}
        compact={phone}
        label={t("results.graphLabel", { values: drawing.values.length, upgrades: drawing.edges.length })}
      />
    </Suspense>
  );
  return (
    <>
      <h1>{t("results.title", { title: c.title })}</h1>
      {restricted ? <Restricted /> : <ErrorNotice error={failure} title={t("results.cannotCompute")} />}
      <div className="row results-controls">
        {several && (
          <SelectField label={t("results.question")} value={question?.id ?? ""} onChange={(e) => setQuery({ question: e.target.value, context: null, value: null })}>
            {c.questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.text}
              </option>
            ))}
          </SelectField>
        )}
        {contexts.length > 0 && (
          <SelectField label={t("results.context")} value={context?.id ?? ""} onChange={(e) => setQuery({ context: e.target.value, value: null })}>
            {contexts.map((x) => (
              <option key={x.id} value={x.id}>
                {t(x.votes < THIN_CONTEXT_VOTES ? "results.contextThinOption" : "results.contextOption", { name: x.name, count: x.votes })}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label={t("results.method")} value={method} onChange={(e) => setQuery({ method: e.target.value })}>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {methodLabel(m)}
            </option>
          ))}
        </SelectField>
        {groupable.length > 0 && (
          <SelectField label={t("results.endorsementBy")} value={group ?? ""} onChange={(e) => setQuery({ groupBy: e.target.value })}>
            {groupable.map((d) => (
              <option key={d.key} value={d.key}>
                {d.question}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      {several || c.questions.length === 1 ? (
        question && <p className="question-quote">{question.text}</p>
      ) : (
        cards.data && (
          <details className="questions-asked">
            <summary>{t("results.questionsAsked", { count: c.questions.length })}</summary>
            <p className="small muted">{t("results.questionsUnknown")}</p>
            <ul>
              {c.questions.map((q) => (
                <li key={q.id}>{q.text}</li>
              ))}
            </ul>
          </details>
        )
      )}
      {summary.status === "ready" && contexts.length === 0 && <p className="notice">{t("results.noContexts")}</p>}
      {thin && context && <p className="notice thin">{t("results.thin", { count: context.votes, least: THIN_CONTEXT_VOTES })}</p>}
      {!view && !failure && (summary.status === "loading" || pages.status === "loading" || cards.status === "loading") && <Loading label={t("results.computing")} />}
      {view && context && (
        <>
          <p>
            {t("results.summary", { participants: context.participants, votes: context.votes, values: view.values.length })} {t("results.howToRead")}
          </p>
          {!view.complete && <p className="small muted">{t("results.partial", { count: view.totalValues })}</p>}
          {view.values.length === 0 ? (
            <p className="notice">{t("results.noJudgments")}</p>
          ) : (
            <div className="results-layout">
              {!phone && (
                <div>
                  <GraphLegend widthMeans={drawing?.widthMeans ?? "votes"} groupLabel={group ? t("results.groups") : null} />
                  <div className="row drawn-choice">
                    <SelectField label={t("results.drawnCount")} value={String(drawnCount)} onChange={(e) => setQuery({ drawn: e.target.value })}>
                      {DRAWN_CHOICES.map((n) => (
                        <option key={n} value={n}>
                          {t("results.drawnOption", { count: Math.min(n, view.values.length) })}
                        </option>
                      ))}
                    </SelectField>
                  </div>
                  {graph}
                </div>
              )}
              <div className="side-panel">
                {selected && (
                  <ValuePanel view={view} id={selected} cards={cards.data} exportPath={exportPath} onClose={close}>
                    {phone && graph}
                  </ValuePanel>
                )}
                <ValueList values={view.values} selected={selected} onSelect={choose} />
                {phone && !selected && (
                  <section aria-labelledby="phone-graph-heading">
                    <h2 id="phone-graph-heading">{t("results.aroundTop")}</h2>
                    <GraphLegend widthMeans={drawing?.widthMeans ?? "votes"} groupLabel={group ? t("results.groups") : null} />
                    {graph}
                  </section>
                )}
              </div>
            </div>
          )}
        </>
      )}
      {legitimacy.data && <LegitimacyFigures data={legitimacy.data} />}
      <p className="small muted">{t("results.methodNote", { method: methodLabel(method), count: formatNumber(view?.values.length ?? 0) })}</p>
    </>
  );
}
