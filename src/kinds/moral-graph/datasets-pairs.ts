import { sql } from "drizzle-orm";
import type { ChatMessage, PreferencePair, RowSource } from "../../datasets/types.ts";
import { rowsOf } from "../../store/rows.ts";
import { readSettings } from "./campaign-settings.ts";
import { latestEntries, SOURCE_COLUMNS, sourceOf, streamRows } from "../../datasets/log-sources.ts";
import type { Queryable } from "../../store/open.ts";
import { resolveCanonical } from "./core/canonical.ts";

// Preference pairs from the upgrades a campaign kept, per context: for the question a value
// answers, a response guided by the wiser value B is preferred to one guided by A.

const VOTE_ENTRIES = ["vote", "moral-graph/vote"];
const CARD_ENTRIES = ["canonical_card", "moral-graph/canonical_card"];

/** MAI's 2023 edge rule (DESIGN.md), applied per context: at least 2 upgrades, likelihood ≥ 0.33, entropy ≤ 1.69 bits. */
export const KEEP = { wiser: 2, likelihood: 0.33, entropy: 1.69 } as const;

/** Shannon entropy in bits of the counters, as MAI computes an edge's disagreement. */
export function entropyBits(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  return -counts.reduce((sum, n) => (n === 0 ? sum : sum + (n / total) * Math.log2(n / total)), 0);
}

export interface PairCounts {
  readonly wiser: number;
  readonly notWiser: number;
  readonly unsure: number;
  readonly lessWise: number;
}

/** Whether an upgrade A → B is kept, and its likelihood (the pair's margin). */
export function keepUpgrade(c: PairCounts): { kept: boolean; likelihood: number } {
  const total = c.wiser + c.notWiser + c.unsure + c.lessWise;
  const likelihood = total === 0 ? 0 : (c.wiser - c.lessWise) / total;
  const entropy = entropyBits([total, c.wiser, c.notWiser, c.unsure, c.lessWise]);
  return { kept: c.wiser >= KEEP.wiser && likelihood >= KEEP.likelihood && entropy <= KEEP.entropy, likelihood };
}

interface Card {
  title: string;
  description: string;
  policies: string[];
  question: string | null;
  questionText: string | null;
  source: RowSource[];
}

/** What a response guided by a value attends to: the value's card as the assistant's plan. */
export function respondWith(card: { title: string; description: string; policies: readonly string[] }): string {
  return [`I will answer guided by the value "${card.title}": ${card.description}`, "In my answer I attend to:", ...card.policies.map((p) => `- ${p}`)].join("\n");
}

/** The conversation a pair answers: the situation (the context) as a system message, then the question. */
export const promptOf = (context: string, question: string): ChatMessage[] => [
  { role: "system", content: `The situation: ${context}.` },
  { role: "user", content: question },
];

async function readCards(db: Queryable, campaignId: string) {
  type Row = Parameters<typeof sourceOf>[0] & { id: string; merged_into: string | null; title: string; description: string; policies: string[] | string; question_id: string | null; text: string | null };
  const cards = new Map<string, Card>();
  const mergedInto = new Map<string, string | null>();
  const query = sql`SELECT cc.id, cc.merged_into, cc.title, cc.description, cc.policies, cc.question_id, q.text, ${SOURCE_COLUMNS}
    FROM canonical_cards cc LEFT JOIN questions q ON q.id = cc.question_id
    LEFT JOIN ${latestEntries(campaignId, CARD_ENTRIES, "card")} src ON src.ref = cc.id
    WHERE cc.campaign_id = ${campaignId} AND cc.hidden_at IS NULL ORDER BY cc.id`;
  for await (const r of streamRows<Row>(db, query)) {
    mergedInto.set(r.id, r.merged_into);
    if (r.title === "") continue;
    const policies = typeof r.policies === "string" ? (JSON.parse(r.policies) as string[]) : r.policies;
    cards.set(r.id, { title: r.title, description: r.description, policies, question: r.question_id, questionText: r.text, source: sourceOf(r) });
  }
  const roots = resolveCanonical(mergedInto);
  return { cards, roots };
}

type RawCount = { ctx: string; f: string; t: string; wiser: number; not_wiser: number; unsure: number };
type SourceRow = Parameters<typeof sourceOf>[0] & { pair: number };

/**
 * The kept upgrades of every context, in context order then by card ids, each as a preference
 * pair citing the two cards' entries and every vote on the pair in either direction. Votes on a
 * merged card count for the card it was merged into; votes on a hidden or erased card, none.
 * One query counts the votes per pair; a second reads the entries of the votes on kept pairs.
 */
export async function* preferencePairs(db: Queryable, campaignId: string): AsyncGenerator<PreferencePair> {
  const { cards, roots } = await readCards(db, campaignId);
  const rootOf = (id: string) => {
    const root = roots.get(id);
    return root !== undefined && cards.has(root) ? root : null;
  };
  // Votes counted per context and card pair as voted; merges and hidden cards are resolved here,
  // on the few thousand pairs rather than on every vote.
  const raw = rowsOf<RawCount>(
    await db.execute(sql`SELECT context_id AS ctx, from_id AS f, to_id AS t, count(*) FILTER (WHERE relationship = 'upgrade')::int AS wiser,
        count(*) FILTER (WHERE relationship = 'no_upgrade')::int AS not_wiser, count(*) FILTER (WHERE relationship = 'not_sure')::int AS unsure
      FROM votes WHERE campaign_id = ${campaignId} AND hidden_at IS NULL GROUP BY 1, 2, 3`),
  );
  const counts = new Map<string, { ctx: string; f: string; t: string; wiser: number; notWiser: number; unsure: number; raw: RawCount[] }>();
  for (const row of raw) {
    const f = rootOf(row.f);
    const t = rootOf(row.t);
    if (f === null || t === null || f === t) continue;
    const key = `${row.ctx} ${f} ${t}`;
    const pair = counts.get(key) ?? { ctx: row.ctx, f, t, wiser: 0, notWiser: 0, unsure: 0, raw: [] };
    pair.wiser += row.wiser;
    pair.notWiser += row.not_wiser;
    pair.unsure += row.unsure;
    pair.raw.push(row);
    counts.set(key, pair);
  }
  const settings = await readSettings(db, campaignId);
  const position = new Map(settings.contexts.map((c, i) => [c.id, i]));
  const kept = [...counts.values()]
    .filter((pair) => pair.wiser >= KEEP.wiser)
    .map((pair) => {
      const reverse = counts.get(`${pair.ctx} ${pair.t} ${pair.f}`);
      return { row: pair, reverse, ...keepUpgrade({ ...pair, lessWise: reverse?.wiser ?? 0 }) };
    })
    .filter((k) => k.kept)
    .sort((x, y) => position.get(x.row.ctx)! - position.get(y.row.ctx)! || (x.row.f < y.row.f ? -1 : x.row.f > y.row.f ? 1 : 0) || (x.row.t < y.row.t ? -1 : x.row.t > y.row.t ? 1 : 0));
  if (kept.length === 0) return;
  // Every (context, from, to) as voted that counts for a kept pair, in either direction.
  const voted = kept.flatMap((k, pair) => [...k.row.raw, ...(k.reverse?.raw ?? [])].map((r) => ({ pair, ...r })));
  const p = <T>(values: T[]) => sql.param(values);
  const onKept = sql`k(pair, ctx, f, t) AS (SELECT * FROM unnest(${p(voted.map((v) => v.pair))}::int[], ${p(voted.map((v) => v.ctx))}::text[],
      ${p(voted.map((v) => v.f))}::text[], ${p(voted.map((v) => v.t))}::text[])),
    voted AS (SELECT k.pair, v.id FROM votes v JOIN k ON k.ctx = v.context_id AND k.f = v.from_id AND k.t = v.to_id
      WHERE v.campaign_id = ${campaignId} AND v.hidden_at IS NULL)`;
  const sources = sql`WITH ${onKept}
    SELECT voted.pair, ${SOURCE_COLUMNS} FROM voted
    LEFT JOIN ${latestEntries(campaignId, VOTE_ENTRIES, "vote")} src ON src.ref = voted.id
    ORDER BY voted.pair, src.entry_index`;
  let current = -1;
  let votes: RowSource[] = [];
  const pairOf = (i: number): PreferencePair | null => {
    const { row, likelihood } = kept[i]!;
    const from = cards.get(row.f)!;
    const to = cards.get(row.t)!;
    const question = to.questionText ?? from.questionText;
    if (!question) return null;
    return {
      group: to.question ?? from.question ?? "none",
      prompt: promptOf(settings.contexts[position.get(row.ctx)!]!.name, question),
      chosen: respondWith(to),
      rejected: respondWith(from),
      margin: Math.round(likelihood * 1e6) / 1e6,
      sources: [...to.source, ...from.source, ...votes],
    };
  };
  for await (const row of streamRows<SourceRow>(db, sources)) {
    if (row.pair !== current) {
      if (current >= 0) {
        const pair = pairOf(current);
        if (pair) yield pair;
      }
      current = row.pair;
      votes = [];
    }
    votes.push(...sourceOf(row));
  }
  if (current >= 0) {
    const pair = pairOf(current);
    if (pair) yield pair;
  }
}
