import { sql } from "drizzle-orm";
import type { ChatMessage, PreferencePair, RowSource } from "../../datasets/types.ts";
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

type VoteSource = [number | null, string | null, string | null, string | null];
type PairRow = { ctx: string; name: string; f: string; t: string; wiser: number; not_wiser: number; unsure: number; less_wise: number; votes: VoteSource[] | string };

/**
 * The kept upgrades of every context, in context order then by card ids, each as a preference
 * pair citing the two cards' entries and every vote on the pair in either direction. Votes on a
 * merged card count for the card it was merged into; votes on a hidden or erased card, none.
 */
export async function* preferencePairs(db: Queryable, campaignId: string): AsyncGenerator<PreferencePair> {
  const { cards, roots } = await readCards(db, campaignId);
  const ids = [...roots.keys()].filter((id) => cards.has(roots.get(id)!));
  const p = <T>(values: T[]) => sql.param(values);
  const query = sql`
    WITH r(id, root) AS (SELECT * FROM unnest(${p(ids)}::text[], ${p(ids.map((id) => roots.get(id)!))}::text[])),
    v AS (
      SELECT v.context_id AS ctx, rf.root AS f, rt.root AS t, v.relationship AS rel, ${SOURCE_COLUMNS}
      FROM votes v JOIN r rf ON rf.id = v.from_id JOIN r rt ON rt.id = v.to_id
      LEFT JOIN ${latestEntries(campaignId, VOTE_ENTRIES, "vote")} src ON src.ref = v.id
      WHERE v.campaign_id = ${campaignId} AND v.hidden_at IS NULL AND rf.root <> rt.root
    ),
    a AS (
      SELECT ctx, f, t, count(*) FILTER (WHERE rel = 'upgrade')::int AS wiser, count(*) FILTER (WHERE rel = 'no_upgrade')::int AS not_wiser,
        count(*) FILTER (WHERE rel = 'not_sure')::int AS unsure
      FROM v GROUP BY ctx, f, t
    ),
    k AS (
      SELECT a.ctx, a.f, a.t, a.wiser, a.not_wiser, a.unsure, coalesce(b.wiser, 0) AS less_wise
      FROM a LEFT JOIN a b ON b.ctx = a.ctx AND b.f = a.t AND b.t = a.f
      WHERE a.wiser >= ${KEEP.wiser}
    )
    SELECT k.ctx, c.name, c.position, k.f, k.t, k.wiser, k.not_wiser, k.unsure, k.less_wise,
      (SELECT json_agg(json_build_array(v.entry_index, v.entry_digest, v.opening_salt, v.opening_content) ORDER BY v.entry_index)
       FROM v WHERE v.ctx = k.ctx AND ((v.f = k.f AND v.t = k.t) OR (v.f = k.t AND v.t = k.f))) AS votes
    FROM k JOIN contexts c ON c.id = k.ctx
    ORDER BY c.position, k.f, k.t`;
  for await (const row of streamRows<PairRow>(db, query, 500)) {
    const { kept, likelihood } = keepUpgrade({ wiser: row.wiser, notWiser: row.not_wiser, unsure: row.unsure, lessWise: row.less_wise });
    if (!kept) continue;
    const from = cards.get(row.f)!;
    const to = cards.get(row.t)!;
    const question = to.questionText ?? from.questionText;
    if (!question) continue;
    const votes = typeof row.votes === "string" ? (JSON.parse(row.votes) as VoteSource[]) : row.votes;
    const voteSources = votes.flatMap(([index, digest, salt, content]) => sourceOf({ entry_index: index, entry_digest: digest, opening_salt: salt, opening_content: content }));
    yield {
      group: to.question ?? from.question ?? "none",
      prompt: promptOf(row.name, question),
      chosen: respondWith(to),
      rejected: respondWith(from),
      margin: Math.round(likelihood * 1e6) / 1e6,
      sources: [...to.source, ...from.source, ...voteSources],
    };
  }
}
