import { and, asc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../store/open.ts";
import type { GroupPolicy } from "../../platform/campaigns/group-privacy.ts";
import { aggregateScenario, type ScenarioBallot } from "./core/scenario.ts";
import { requireScenariosCampaign } from "./guards.ts";
import { behaviours, behaviourTags, scenarioRankings, scenarios } from "./schema.ts";

/** Bootstrap resamples per scenario, and their seed: results are the same on every request. */
const SAMPLES = 200;
const SEED = 13;

const finite = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);

interface Ranking {
  participantId: string;
  tiers: string[][];
  acceptable: number | null;
}

/**
 * A stored ranking over the scenario's current behaviours: ids no longer visible (hidden, erased)
 * drop out, tiers left empty go, and the acceptable cut counts the tiers that remain above it.
 */
export function ballotOf(ranking: Ranking, index: ReadonlyMap<string, number>): ScenarioBallot {
  const tiers: number[][] = [];
  let acceptable = ranking.acceptable === null ? null : 0;
  ranking.tiers.forEach((tier, t) => {
    const kept = tier.flatMap((id) => (index.has(id) ? [index.get(id)!] : []));
    if (kept.length === 0) return;
    tiers.push(kept);
    if (acceptable !== null && t < ranking.acceptable!) acceptable++;
  });
  return { tiers, acceptable };
}

/** Per scenario: consensus orders, Plackett–Luce scores with intervals, agreement, tags; per rater: agreement and gold accuracy. */
export async function computeResults(db: Queryable, campaignId: string, policy: GroupPolicy) {
  const { minGroupSize } = await requireScenariosCampaign(db, campaignId);
  const list = await db.select().from(scenarios).where(and(eq(scenarios.campaignId, campaignId), isNull(scenarios.hiddenAt))).orderBy(asc(scenarios.position));
  const allBehaviours = await db
    .select({ id: behaviours.id, scenarioId: behaviours.scenarioId, description: behaviours.description })
    .from(behaviours)
    .where(and(eq(behaviours.campaignId, campaignId), isNull(behaviours.hiddenAt)))
    .orderBy(asc(behaviours.createdAt), asc(behaviours.position), asc(behaviours.id));
  const rankings = await db
    .select({ scenarioId: scenarioRankings.scenarioId, participantId: scenarioRankings.participantId, tiers: scenarioRankings.tiers, acceptable: scenarioRankings.acceptable, skipped: scenarioRankings.skipped })
    .from(scenarioRankings)
    .where(and(eq(scenarioRankings.campaignId, campaignId), isNull(scenarioRankings.hiddenAt)))
    .orderBy(asc(scenarioRankings.createdAt), asc(scenarioRankings.id));
  const tags = await db.select({ behaviourId: behaviourTags.behaviourId, tag: behaviourTags.tag }).from(behaviourTags).where(eq(behaviourTags.campaignId, campaignId));
  const raters = new Map<string, { rankings: number; agreement: number[]; gold: number[] }>();
  const results = list.map((scenario) => {
    const own = allBehaviours.filter((b) => b.scenarioId === scenario.id && b.description !== "");
    const index = new Map(own.map((b, i) => [b.id, i]));
    const mine = rankings.filter((r) => r.scenarioId === scenario.id);
    const ranked = mine.filter((r) => !r.skipped);
    const ballots = ranked.map((r) => ballotOf(r, index));
    const gold = scenario.gold ? goldPlaces(scenario.gold, index, own.length) : undefined;
    const base = { id: scenario.id, situation: scenario.situation, gold: scenario.gold !== null, rankings: ranked.length, skips: mine.length - ranked.length };
    // Public views show no scenario fewer people ranked than the campaign's smallest group.
    if (policy.audience === "public" && ranked.length < minGroupSize) return { ...base, suppressed: true as const };
    const result = aggregateScenario(own.length, ballots, { samples: SAMPLES, seed: SEED }, gold);
    ranked.forEach((r, b) => {
      const rater = raters.get(r.participantId) ?? { rankings: 0, agreement: [], gold: [] };
      rater.rankings++;
      if (!Number.isNaN(result.leaveOneOut[b])) rater.agreement.push(result.leaveOneOut[b]!);
      if (!Number.isNaN(result.gold[b])) rater.gold.push(result.gold[b]!);
      raters.set(r.participantId, rater);
    });
    const idOf = (i: number) => (i < own.length ? own[i]!.id : null);
    const order = (c: { order: Int32Array; rank: Int32Array }) => [...c.order].map((i) => ({ behaviour: idOf(i), rank: c.rank[i]! }));
    return {
      ...base,
      suppressed: false as const,
      rankedPairs: order(result.rankedPairs),
      schulze: order(result.schulze),
      acceptable: result.acceptable?.map((i) => own[i]!.id) ?? null,
      noneAcceptable: result.noneAcceptable,
      scores: own.map((b, i) => ({
        behaviour: b.id,
        description: b.description,
        score: finite(result.score[i]),
        low: finite(result.low[i]),
        high: finite(result.high[i]),
        tags: countTags(tags, b.id),
      })),
      agreement: { kendallW: finite(result.kendallW), krippendorffAlpha: finite(result.alpha) },
    };
  });
  const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  const raterList =
    policy.audience === "public"
      ? null
      : [...raters].map(([participant, r]) => {
          const agreement = mean(r.agreement);
          const goldAccuracy = mean(r.gold);
          return { participant, rankings: r.rankings, agreement, goldAccuracy, flagged: (agreement !== null && agreement < 0) || (goldAccuracy !== null && goldAccuracy < 0.5) };
        });
  return { campaign: campaignId, scenarios: results, raters: raterList };
}

function goldPlaces(gold: string[][], index: ReadonlyMap<string, number>, n: number): Int32Array {
  const place = new Int32Array(n).fill(-1);
  gold.forEach((tier, t) => tier.forEach((id) => index.has(id) && (place[index.get(id)!] = t)));
  return place;
}

function countTags(tags: readonly { behaviourId: string; tag: string }[], behaviourId: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of tags) if (t.behaviourId === behaviourId) counts[t.tag] = (counts[t.tag] ?? 0) + 1;
  return counts;
}
