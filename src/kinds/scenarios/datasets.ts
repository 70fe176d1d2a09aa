import { sql } from "drizzle-orm";
import type { DatasetRow, DatasetTable, KindDatasets, PreferencePair, RowSource } from "../../datasets/types.ts";
import { latestEntries, SOURCE_COLUMNS, sourceOf, streamRows } from "../../datasets/log-sources.ts";
import type { Queryable } from "../../store/open.ts";
import { RESEARCHER_VIEW } from "../../platform/campaigns/group-privacy.ts";
import { computeResults } from "./results.ts";

type Sourced = Parameters<typeof sourceOf>[0];
const iso = (d: Date | string) => new Date(d).toISOString();
const json = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

type RankingRow = Sourced & { id: string; scenario_id: string; participant_id: string; tiers: string[][] | string; acceptable: number | null; skipped: boolean; display_order: string[] | string; duration_ms: number | null; updated_at: Date | string };

function readRankings(db: Queryable, campaignId: string) {
  return streamRows<RankingRow>(
    db,
    sql`SELECT r.id, r.scenario_id, r.participant_id, r.tiers, r.acceptable, r.skipped, r.display_order, r.duration_ms, r.updated_at, ${SOURCE_COLUMNS}
      FROM scenario_rankings r LEFT JOIN ${latestEntries(campaignId, ["scenarios/ranking"], "ranking")} src ON src.ref = r.id
      WHERE r.campaign_id = ${campaignId} AND r.hidden_at IS NULL ORDER BY r.created_at, r.id`,
  );
}

const rankingsTable: DatasetTable = {
  name: "rankings",
  description: "Every ranking and skip of a scenario, oldest first: the raw judgments for reward-model training",
  columns: [
    { name: "ranking", type: "string", description: "The ranking's id" },
    { name: "scenario", type: "string", description: "The scenario ranked", content: "scenario" },
    { name: "participant", type: "string", description: "Who ranked it, by pseudonymous id" },
    { name: "tiers", type: "string", description: "JSON: behaviour ids best first, ties sharing a tier; behaviours left out are unranked" },
    { name: "acceptable", type: "integer", description: "How many leading tiers are acceptable (0: none is); empty when not said" },
    { name: "skipped", type: "boolean", description: "The participant skipped the scenario" },
    { name: "display_order", type: "strings", description: "The behaviours in the order shown" },
    { name: "duration_ms", type: "integer", description: "How long the participant took" },
    { name: "ranked_at", type: "timestamp", description: "When it was given or last changed (ISO-8601 UTC)" },
  ],
  async *rows(db, campaignId) {
    for await (const r of readRankings(db, campaignId)) {
      yield {
        values: {
          ranking: r.id,
          scenario: r.scenario_id,
          participant: r.participant_id,
          tiers: JSON.stringify(json(r.tiers)),
          acceptable: r.acceptable,
          skipped: r.skipped,
          display_order: json(r.display_order),
          duration_ms: r.duration_ms,
          ranked_at: iso(r.updated_at),
        },
        sources: sourceOf(r),
      };
    }
  },
};

type BehaviourRow = Sourced & { id: string; scenario_id: string; origin: string; synthetic: { model: string; prompt: string } | string | null; description: string; thoughts: string | null };

const behavioursTable: DatasetTable = {
  name: "behaviours",
  description: "The scenarios' visible behaviours with their origin; model-made ones are marked synthetic",
  columns: [
    { name: "behaviour", type: "string", description: "The behaviour's id" },
    { name: "scenario", type: "string", description: "Its scenario" },
    { name: "origin", type: "string", description: "participant, researcher or model" },
    { name: "synthetic_model", type: "string", description: "The model that made it, for a synthetic behaviour" },
    { name: "description", type: "string", description: "What the AI does", content: "description" },
    { name: "thoughts", type: "string", description: "The internal thoughts that lead to it, if given" },
  ],
  async *rows(db, campaignId) {
    const rows = streamRows<BehaviourRow>(
      db,
      sql`SELECT b.id, b.scenario_id, b.origin, b.synthetic, b.description, b.thoughts, ${SOURCE_COLUMNS}
        FROM behaviours b LEFT JOIN ${latestEntries(campaignId, ["scenarios/behaviour"], "behaviour")} src ON src.ref = b.id
        WHERE b.campaign_id = ${campaignId} AND b.hidden_at IS NULL AND b.description <> '' ORDER BY b.created_at, b.position, b.id`,
    );
    for await (const b of rows) {
      const synthetic = b.synthetic === null ? null : json(b.synthetic);
      yield {
        values: { behaviour: b.id, scenario: b.scenario_id, origin: b.origin, synthetic_model: synthetic?.model ?? null, description: b.description, thoughts: b.thoughts },
        sources: sourceOf(b),
      };
    }
  },
};

type RationaleRow = Sourced & { id: string; participant_id: string; text: string; created_at: Date | string };

async function* rationales(db: Queryable, campaignId: string): AsyncGenerator<DatasetRow> {
  const rows = streamRows<RationaleRow>(
    db,
    sql`SELECT t.id, t.participant_id, t.text, t.created_at, ${SOURCE_COLUMNS}
      FROM scenario_rationales t LEFT JOIN ${latestEntries(campaignId, ["scenarios/rationale"], "rationale")} src ON src.ref = t.id
      WHERE t.campaign_id = ${campaignId} AND t.hidden_at IS NULL ORDER BY t.created_at, t.id`,
  );
  for await (const t of rows) yield { values: { source: "rationale", record: t.id, participant: t.participant_id, text: t.text, written_at: iso(t.created_at) }, sources: sourceOf(t) };
}

interface Pair extends PreferencePair {
  readonly scenario: string;
  readonly chosenId: string;
  readonly rejectedId: string;
  readonly agreement: number;
}

/**
 * Preference pairs per scenario: every pair of behaviours the ranked-pairs consensus places apart
 * (fewer behaviours above one than above the other), the better placed one chosen; margin is the Plackett–Luce score difference and agreement the share of the
 * rankers who ranked both that put the chosen one above. Each cites the scenario's rankings.
 */
async function* scenarioPairs(db: Queryable, campaignId: string): AsyncGenerator<Pair> {
  const results = await computeResults(db, campaignId, RESEARCHER_VIEW);
  const sources = new Map<string, RowSource[]>();
  const ballots = new Map<string, string[][][]>();
  for await (const r of readRankings(db, campaignId)) {
    if (r.skipped) continue;
    sources.set(r.scenario_id, [...(sources.get(r.scenario_id) ?? []), ...sourceOf(r)]);
    ballots.set(r.scenario_id, [...(ballots.get(r.scenario_id) ?? []), json(r.tiers)]);
  }
  const texts = new Map<string, { situation: string; request: string; capabilities: string; context: string | null }>();
  for await (const s of streamRows<{ id: string; situation: string; request: string; capabilities: string; context: string | null }>(
    db,
    sql`SELECT id, situation, request, capabilities, context FROM scenarios WHERE campaign_id = ${campaignId} AND hidden_at IS NULL`,
  )) {
    texts.set(s.id, s);
  }
  for (const scenario of results.scenarios) {
    if (scenario.suppressed) continue;
    const text = texts.get(scenario.id)!;
    const byId = new Map(scenario.scores.map((s) => [s.behaviour, s]));
    const order = scenario.rankedPairs.filter((p) => p.behaviour !== null);
    const prompt = [
      { role: "system" as const, content: [`Situation: ${text.situation}`, text.capabilities && `Your capabilities: ${text.capabilities}`, text.context && `Context: ${text.context}`].filter(Boolean).join("\n") },
      { role: "user" as const, content: text.request || text.situation },
    ];
    for (const [a, better] of order.entries()) {
      for (const worse of order.slice(a + 1)) {
        if (better.rank >= worse.rank) continue;
        const chosen = byId.get(better.behaviour!)!;
        const rejected = byId.get(worse.behaviour!)!;
        yield {
          group: scenario.id,
          scenario: scenario.id,
          prompt,
          chosen: chosen.description,
          rejected: rejected.description,
          chosenId: chosen.behaviour,
          rejectedId: rejected.behaviour,
          margin: chosen.score !== null && rejected.score !== null ? chosen.score - rejected.score : undefined,
          agreement: pairAgreement(ballots.get(scenario.id) ?? [], chosen.behaviour, rejected.behaviour),
          sources: sources.get(scenario.id) ?? [],
        };
      }
    }
  }
}

/** Of the rankings that rank both, the share placing `a` strictly above `b` (a tie counts ½). */
export function pairAgreement(ballots: readonly (readonly (readonly string[])[])[], a: string, b: string): number {
  let both = 0;
  let credit = 0;
  for (const tiers of ballots) {
    const ta = tiers.findIndex((t) => t.includes(a));
    const tb = tiers.findIndex((t) => t.includes(b));
    if (ta < 0 || tb < 0) continue;
    both++;
    credit += ta < tb ? 1 : ta === tb ? 0.5 : 0;
  }
  return both === 0 ? 0 : credit / both;
}

const pairsTable: DatasetTable = {
  name: "preference-pairs",
  description: "Per scenario, each pair of behaviours the consensus orders, with its margin and agreement",
  columns: [
    { name: "scenario", type: "string", description: "The scenario" },
    { name: "chosen", type: "string", description: "The behaviour the consensus puts higher" },
    { name: "rejected", type: "string", description: "The behaviour it puts lower" },
    { name: "margin", type: "number", description: "Plackett–Luce score of chosen minus rejected" },
    { name: "agreement", type: "number", description: "Share of the rankers who ranked both that put chosen above (a tie ½)" },
  ],
  async *rows(db, campaignId) {
    for await (const p of scenarioPairs(db, campaignId)) {
      yield { values: { scenario: p.scenario, chosen: p.chosenId, rejected: p.rejectedId, margin: p.margin ?? null, agreement: p.agreement }, sources: p.sources };
    }
  },
};

/** The scenarios kind's data sets: rankings, behaviours, consensus pairs, rationales. */
export const SCENARIO_DATASETS: KindDatasets = {
  tables: [rankingsTable, behavioursTable, pairsTable],
  comments: rationales,
  trainer: {
    async *preference(db, campaignId) {
      for await (const { scenario: _s, chosenId: _c, rejectedId: _r, agreement: _a, ...pair } of scenarioPairs(db, campaignId)) yield pair;
    },
  },
  card: {
    collection:
      "Researchers wrote scenarios a very capable AI may face (a situation, a request, the AI's capabilities) and behaviours " +
      "it could show; participants proposed more, tagged them from a behaviour taxonomy and ranked each scenario's " +
      "behaviours from most to least desirable: fully or partially, with ties, saying which are acceptable or that none is, " +
      "or skipping the scenario. The order each participant saw and the time they took are kept. Every proposal, ranking, " +
      "tag and rationale is an entry of the campaign's public Merkle log.",
    rows: {
      rankings: "One participant's ranking (or skip) of one scenario.",
      behaviours: "One behaviour of one scenario, with its origin; model-made behaviours are marked synthetic.",
      "preference-pairs": "Two behaviours of one scenario that the ranked-pairs consensus orders, with margin and agreement.",
      preference: "A scenario's prompt with the behaviour the consensus prefers as chosen and one it ranks lower as rejected.",
    },
    biases: [
      "Each scenario is ranked by few people (often three to ten): consensus orders and scores carry wide intervals.",
      "Participants rank the behaviours they are shown; behaviours proposed later were seen by fewer rankers.",
      "Pairs are taken from the consensus, so a contested pair (agreement near ½) is as present as a clear one: weigh by agreement.",
    ],
  },
};
