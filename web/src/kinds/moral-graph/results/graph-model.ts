import type { components } from "../../../api/openapi.d.ts";

/** The graph as the results page reads it, whatever the method: values ranked in one context, edges with their votes. */

export type Method = "polyphony" | "pagerank" | "mai-2023";
export const METHODS: readonly Method[] = ["polyphony", "pagerank", "mai-2023"];

type Page = components["schemas"]["MoralGraphPage"];
type Band = { score: number; low: number | null; high: number | null; rank: number };
/** A value as any method's page lists it: MAI's scoring has no bands. */
type PageValue = { id: string; title: string; score: number; low?: number | null; high?: number | null; contexts?: Record<string, Band> };

export interface RankedValue {
  id: string;
  title: string;
  score: number;
  low: number | null;
  high: number | null;
  /** 1 for the best; values tied on score share the rank of the first of them. */
  rank: number;
  tied: boolean;
  /** Judgments of stories that name this value in the context (upgrade, not wiser, not sure). */
  votes: number;
}

export interface ViewEdge {
  id: string;
  from: string;
  to: string;
  upgrade: number;
  against: number;
  notSure: number;
  /** Kept: enough agreement that the upgrade holds (polyphony and pagerank); a likelihood over ½ for MAI's scoring. */
  kept: boolean;
  contested: boolean;
  endorsing: number | null;
  of: number | null;
  byGroup: Record<string, { support: number; against: number }> | null;
}

export interface ContextSummary {
  id: string;
  name: string;
  votes: number;
  participants: number;
  /** The context's best values (at most 10): which questions were judged in it. */
  top: string[];
}

export interface GraphView {
  method: Method;
  context: ContextSummary | null;
  values: RankedValue[];
  edges: ViewEdge[];
  groupBy: string | null;
  /** False when the view stopped before the last page (a very large graph): the list says so. */
  complete: boolean;
  totalValues: number;
}

/** Contexts with fewer judgments than this are marked: their ranking rests on little evidence. */
export const THIN_CONTEXT_VOTES = 30;

/** Scores shown with three significant decimals; values equal at that precision are tied. */
const TIE_PRECISION = 1e-3;

function edgesOf(page: Page, context: string | null): ViewEdge[] {
  if (page.method === "mai-2023") {
    return page.edges
      .filter((e) => context === null || e.contexts.includes(context))
      .map((e) => ({
        id: `${e.from}>${e.to}`,
        from: e.from,
        to: e.to,
        upgrade: e.counts.markedWiser,
        against: e.counts.markedNotWiser + e.counts.markedLessWise,
        notSure: e.counts.markedUnsure,
        kept: e.summary.wiserLikelihood > 0.5,
        contested: false,
        endorsing: null,
        of: null,
        byGroup: null,
      }));
  }
  return page.edges
    .filter((e) => context === null || e.contexts.includes(context))
    .map((e) => ({
      id: `${e.from}>${e.to}`,
      from: e.from,
      to: e.to,
      upgrade: e.counts.upgrade,
      against: e.counts.against,
      notSure: e.counts.notSure,
      kept: e.kept,
      contested: e.contested,
      endorsing: e.groups?.endorsing ?? null,
      of: e.groups?.of ?? null,
      byGroup: e.groups?.byGroup ?? null,
    }));
}

/** Merges edges listed once per context into one per direction (the view is one context's, or all). */
function mergeEdges(edges: ViewEdge[]): ViewEdge[] {
  const merged = new Map<string, ViewEdge>();
  for (const e of edges) {
    const seen = merged.get(e.id);
    if (!seen) merged.set(e.id, { ...e, byGroup: e.byGroup && structuredClone(e.byGroup) });
    else {
      seen.upgrade += e.upgrade;
      seen.against += e.against;
      seen.notSure += e.notSure;
      seen.kept ||= e.kept;
      seen.contested ||= e.contested;
      if (e.endorsing !== null) seen.endorsing = Math.max(seen.endorsing ?? 0, e.endorsing);
    }
  }
  return [...merged.values()];
}

/** Ranks values best first: equal scores share a rank and are marked as tied. */
export function rankValues(values: Omit<RankedValue, "rank" | "tied">[]): RankedValue[] {
  const sorted = [...values].sort((a, b) => b.score - a.score || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  const ranked: RankedValue[] = [];
  sorted.forEach((v, i) => {
    const before = ranked[i - 1];
    const same = before !== undefined && Math.abs(before.score - v.score) < TIE_PRECISION * Math.max(1, Math.abs(v.score));
    ranked.push({ ...v, rank: same ? before.rank : i + 1, tied: same });
    if (same) before.tied = true;
  });
  return ranked;
}

/** One view of the graph from its pages: the values of `question` (all when null) in `context`. */
export function buildView(pages: Page[], method: Method, context: ContextSummary | null, questionOf: ReadonlyMap<string, string | null>, question: string | null): GraphView {
  const name = context?.name ?? null;
  const edges = mergeEdges(pages.flatMap((p) => edgesOf(p, name)));
  const votes = new Map<string, number>();
  for (const e of edges) {
    const n = e.upgrade + e.against + e.notSure;
    votes.set(e.from, (votes.get(e.from) ?? 0) + n);
    votes.set(e.to, (votes.get(e.to) ?? 0) + n);
  }
  // A value whose card names no question (an imported one) belongs to whichever its context was asked for.
  const inQuestion = (id: string) => question === null || (questionOf.get(id) ?? question) === question;
  const raw = pages.flatMap((p) =>
    (p.values as PageValue[]).filter((v) => inQuestion(v.id)).map((v) => {
      const band = name !== null ? v.contexts?.[name] : undefined;
      const low = band ? band.low : (v.low ?? null);
      const high = band ? band.high : (v.high ?? null);
      return { id: v.id, title: v.title, score: band?.score ?? v.score, low, high, votes: votes.get(v.id) ?? 0 };
    }),
  );
  const present = new Set(raw.map((v) => v.id));
  const last = pages.at(-1);
  return {
    method,
    context,
    values: rankValues(raw),
    edges: edges.filter((e) => present.has(e.from) && present.has(e.to)),
    groupBy: pages[0] && "parameters" in pages[0] ? pages[0].parameters.groupBy : null,
    complete: !last?.next,
    totalValues: pages[0]?.totals.values ?? 0,
  };
}

/** The contexts of a ranked page, with their votes, for choosing one. */
export function contextsOf(page: Page): ContextSummary[] {
  if (page.method === "mai-2023") return [];
  return page.contexts.map((c) => ({ id: c.id, name: c.name, votes: c.votes, participants: c.participants, top: c.top.map((v) => v.id) }));
}

/**
 * The contexts where values of `question` were judged, busiest first, and the question a context
 * was mostly judged for: a campaign's questions each have their own contexts, and mixing them
 * puts unrelated values in one ranking.
 */
export function contextsForQuestion(contexts: readonly ContextSummary[], questionOf: ReadonlyMap<string, string | null>, question: string | null) {
  const judged = question === null ? [...contexts] : contexts.filter((c) => c.top.some((id) => (questionOf.get(id) ?? question) === question));
  return judged.sort((a, b) => b.votes - a.votes || a.name.localeCompare(b.name));
}

export function mainQuestionOf(context: ContextSummary, questionOf: ReadonlyMap<string, string | null>): string | null {
  const tally = new Map<string, number>();
  for (const id of context.top) {
    const q = questionOf.get(id);
    if (q) tally.set(q, (tally.get(q) ?? 0) + 1);
  }
  return [...tally].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Whether the values can be told apart by question: imported cards may name none. */
export const questionsKnown = (questionOf: ReadonlyMap<string, string | null>) => [...questionOf.values()].some((q) => q !== null);
