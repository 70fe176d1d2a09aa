import type { ServiceDeps } from "../../../platform/deps.ts";
import { groupingQuestion, type GroupPolicy } from "../../../platform/campaigns/group-privacy.ts";
import type { DemographicQuestion } from "../../../platform/campaigns/schema.ts";
import { readLogSize } from "../../../platform/results/log-size.ts";
import { ResultsCache, type Computed } from "../../../platform/results/results-cache.ts";
import { WorkerPool } from "../../../platform/results/worker-pool.ts";
import type { Store } from "../../../store/open.ts";
import { PolyphonyError } from "../../../core/errors.ts";
import { getMoralGraphCampaign, type MoralGraphCampaign } from "../campaign-settings.ts";
import type { CanonicalCardView } from "../cards.ts";
import { findContext, loadGroupAnswers } from "../graph-input.ts";
import { loadVoteText } from "./load-votes.ts";
import type { GraphMethod } from "../inputs.ts";
import type { BootstrapLimit, ScoreJob, ScoreOutcome } from "./score-job.ts";

/**
 * Bootstrap bands, by method, for deliberations up to so many votes; larger ones get point scores
 * only. Each polyphony sample refits the hierarchical model, so it bands smaller deliberations.
 */
export const BOOTSTRAP = {
  polyphony: { samples: 50, seed: 20231003, upToVotes: 20_000 },
  pagerank: { samples: 100, seed: 20231003, upToVotes: 200_000 },
} as const satisfies Record<string, BootstrapLimit>;

/** The results one server keeps in memory, all campaigns together. */
const CACHE_BYTES = 256 * 1024 * 1024;

/** What a scored graph's indices stand for: cards, contexts, and the campaign. */
export interface GraphIds {
  readonly campaign: MoralGraphCampaign;
  readonly cardIds: readonly string[];
  readonly contextIds: readonly string[];
  /** Active canonical cards by id. */
  readonly cards: ReadonlyMap<string, CanonicalCardView>;
  readonly contextName: ReadonlyMap<string, string>;
  readonly cardCount: number;
  readonly voteCount: number;
  /** The demographic question whose groups the graph counts, if any. */
  readonly groupBy: string | null;
}

export type ScoredGraph = GraphIds & ScoreOutcome;
export type ScoredPolyphony = GraphIds & Extract<ScoreOutcome, { method: "polyphony" }>;
export type ScoredPageRank = GraphIds & Extract<ScoreOutcome, { method: "pagerank" }>;
export type ScoredMai2023 = GraphIds & Extract<ScoreOutcome, { method: "mai-2023" }>;

export interface GraphRequest {
  readonly method: GraphMethod;
  /**
   * A context's id or name, checked before anything is scored; no part of the key, since a
   * context slices the graph scored on every vote when it is presented.
   */
  readonly context?: string | undefined;
  readonly groupBy?: string | undefined;
}

const pool = new WorkerPool(new URL("./score-worker.ts", import.meta.url));

interface StoreResults {
  readonly graphs: ResultsCache<ScoredGraph>;
  /** The settings of each campaign asked about lately, and the log size they were read at. */
  readonly campaigns: Map<string, { size: number; campaign: MoralGraphCampaign }>;
}
const caches = new WeakMap<Store, StoreResults>();

function resultsOf(store: Store): StoreResults {
  let results = caches.get(store);
  if (!results) caches.set(store, (results = { graphs: new ResultsCache<ScoredGraph>(CACHE_BYTES), campaigns: new Map() }));
  return results;
}

/** The results cache of a store: one per open store, so tests and servers never share one. */
export function graphCache(store: Store): ResultsCache<ScoredGraph> {
  return resultsOf(store).graphs;
}

/** A campaign's settings change only by a logged action, so they are read again only when the log grew. */
async function readCampaign(deps: ServiceDeps, campaignId: string, size: number): Promise<MoralGraphCampaign> {
  const { campaigns } = resultsOf(deps.store);
  const known = campaigns.get(campaignId);
  if (known && known.size === size) return known.campaign;
  const campaign = await getMoralGraphCampaign(deps.store.db, campaignId);
  if (campaigns.size >= 1000) campaigns.clear();
  campaigns.set(campaignId, { size, campaign });
  return campaign;
}

function estimateBytes(ids: GraphIds, outcome: ScoreOutcome): number {
  const seen = new Set<ArrayBufferLike>();
  const walk = (value: unknown): number => {
    if (ArrayBuffer.isView(value)) {
      if (seen.has(value.buffer)) return 0;
      seen.add(value.buffer);
      return value.buffer.byteLength;
    }
    if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + walk(item), 0);
    if (value !== null && typeof value === "object") return Object.values(value).reduce((sum: number, item) => sum + walk(item), 64);
    return 16;
  };
  let text = 0;
  for (const card of ids.cards.values()) text += 2 * (card.title.length + card.description.length + card.policies.join("").length) + 256;
  return walk(outcome.graph) + text + 64 * (ids.cardIds.length + ids.contextIds.length);
}

async function computeGraph(deps: ServiceDeps, campaign: MoralGraphCampaign, method: GraphMethod, groups: { question: DemographicQuestion; policy: GroupPolicy } | undefined) {
  const db = deps.store.db;
  // Every vote, whatever context a reader asks about: a context slices the graph scored on all of
  // them (scoring its votes alone would drop what the other contexts say about each value).
  const { text, cards } = await loadVoteText(db, campaign.id, campaign.contexts.map((c) => c.id));
  let job: ScoreJob;
  switch (method) {
    case "polyphony":
    case "pagerank": {
      const answers = groups && (await loadGroupAnswers(db, campaign.id, groups.question, groups.policy));
      job = { method, votes: text, groups: answers, bootstrap: BOOTSTRAP[method] };
      break;
    }
    case "mai-2023":
      job = { method, votes: text };
      break;
  }
  const outcome = await pool.run<ScoreOutcome>(job);
  const ids: GraphIds = {
    campaign,
    cardIds: outcome.cardIds,
    contextIds: outcome.contextIds,
    cards,
    contextName: new Map(campaign.contexts.map((c) => [c.id, c.name])),
    cardCount: outcome.cardCount,
    voteCount: outcome.voteCount,
    groupBy: groups?.question.key ?? null,
  };
  return { value: { ...ids, ...outcome }, bytes: estimateBytes(ids, outcome) };
}

/**
 * A campaign's graph scored by the method asked for, from the cache when a result as new as the
 * log is there, else computed in a scoring thread (once, however many requests ask at a time).
 * Groups are counted as `policy` lets its reader see them, so the policy is part of the key when
 * the request groups. With `at`, the result of exactly that log size (a cursor's), while kept.
 */
export async function scoreGraph(deps: ServiceDeps, campaignId: string, request: GraphRequest, policy: GroupPolicy, at?: number): Promise<Computed<ScoredGraph>> {
  const db = deps.store.db;
  const size = await readLogSize(db);
  const campaign = await readCampaign(deps, campaignId, size);
  if (request.context !== undefined) findContext(campaign, request.context);
  const question = request.groupBy === undefined || request.method === "mai-2023" ? undefined : groupingQuestion(campaign.demographics, request.groupBy, policy);
  const key = [campaignId, request.method, question ? `${question.key}\u0002${policy.audience}\u0002${policy.minGroupSize}` : "-"].join("\u0001");
  const cache = resultsOf(deps.store).graphs;
  if (at !== undefined && at !== size) {
    const kept = cache.at(key, at);
    if (!kept) throw new PolyphonyError("conflict", "the graph has changed since this cursor was made; ask again without a cursor", { field: "cursor" });
    return kept;
  }
  return cache.get(key, size, () => computeGraph(deps, campaign, request.method, question && { question, policy }));
}
