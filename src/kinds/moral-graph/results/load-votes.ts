import { sql } from "drizzle-orm";
import type { Queryable } from "../../../store/open.ts";
import { rowsOf } from "../../../store/rows.ts";
import { readLogSize } from "../../../platform/results/log-size.ts";
import { resolveCanonical } from "../core/canonical.ts";
import { listHiddenCardIds, type CanonicalCardView } from "../cards.ts";
import type { VoteText } from "./vote-text.ts";

/** Table blocks (8 KB, some 40 votes each) one query reads: on PGlite a query holds the thread. */
const BLOCKS_PER_QUERY = 32;

const LINE = sql`string_agg((extract(epoch from updated_at) * 1000000)::bigint || E'\\t' || id || E'\\t' || participant_id || E'\\t' ||
  from_id || E'\\t' || to_id || E'\\t' || context_id || E'\\t' || relationship, E'\\n')`;

const where = (campaignId: string) => sql`campaign_id = ${campaignId} AND hidden_at IS NULL`;

async function readAll(db: Queryable, campaignId: string): Promise<string[]> {
  const [row] = rowsOf<{ text: string | null }>(await db.execute(sql`SELECT ${LINE} AS text FROM votes WHERE ${where(campaignId)}`));
  return [row?.text ?? ""];
}

/**
 * Reads the votes a few table blocks at a time (by their physical place, a TID range scan: no
 * index, no sort), so that on PGlite, where a query runs on the thread that answers requests, no
 * query holds it for long. Each query is its own snapshot: a vote changed meanwhile could be
 * missed, so when the log grew during the reads they are done again in one query.
 */
async function readInChunks(db: Queryable, campaignId: string): Promise<string[]> {
  const size = await readLogSize(db);
  const [info] = rowsOf<{ blocks: string | number }>(
    await db.execute(sql`SELECT pg_relation_size('votes'::regclass) / current_setting('block_size')::int AS blocks`),
  );
  const blocks = Number(info?.blocks ?? 0);
  const chunks: string[] = [];
  // Rows added while reading land in new blocks: one range more than the table had reads them.
  for (let first = 0; first <= blocks; first += BLOCKS_PER_QUERY) {
    const range = sql`ctid >= ${`(${first},0)`}::tid AND ctid < ${`(${first + BLOCKS_PER_QUERY},0)`}::tid`;
    const [row] = rowsOf<{ text: string | null }>(await db.execute(sql`SELECT ${LINE} AS text FROM votes WHERE ${range} AND ${where(campaignId)}`));
    if (row?.text) chunks.push(row.text);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return (await readLogSize(db)) === size ? chunks : readAll(db, campaignId);
}

/**
 * The campaign's canonical cards, merged-away ones too, hidden ones not, in the order of
 * `listCanonicalCards`: as one JSON value, which both drivers read far faster than 2,000 rows.
 */
async function readCards(db: Queryable, campaignId: string): Promise<CanonicalCardView[]> {
  const [row] = rowsOf<{ cards: CanonicalCardView[] | string | null }>(
    await db.execute(sql`SELECT json_agg(json_build_object('id', id, 'questionId', question_id, 'title', title, 'description', description,
      'policies', policies, 'mergedInto', merged_into, 'externalRef', external_ref) ORDER BY created_at, id) AS cards
      FROM canonical_cards WHERE campaign_id = ${campaignId} AND hidden_at IS NULL`),
  );
  const cards = row?.cards ?? [];
  return typeof cards === "string" ? (JSON.parse(cards) as CanonicalCardView[]) : cards;
}

/**
 * A campaign's votes, every context's (a context's graph is a slice of the graph scored on all of
 * them), with its cards and merges, as `countVotes` reads them; and its active canonical cards by id.
 */
export async function loadVoteText(db: Queryable, campaignId: string, contextIds: readonly string[]) {
  const all = await readCards(db, campaignId);
  const roots = resolveCanonical(new Map(all.map((c) => [c.id, c.mergedInto])));
  const hidden = await listHiddenCardIds(db, campaignId);
  const chunks = await readInChunks(db, campaignId);
  const active = all.filter((c) => c.mergedInto === null);
  const text: VoteText = { chunks, cards: active.map((c) => c.id), contexts: contextIds, roots, hidden };
  return { text, cards: new Map(active.map((c) => [c.id, c])) };
}
