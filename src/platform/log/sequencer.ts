import { randomBytes } from "node:crypto";
import canonicalize from "canonicalize";
import { sql } from "drizzle-orm";
import { commitContent, encodeBase64, encodeEntry, MIN_SALT_BYTES, type LogEntry } from "../../core/log/index.ts";
import type { Tx } from "../../store/open.ts";
import { rowsOf } from "../../store/rows.ts";
import type { AppendedEntry, EntryDraft } from "./drafts.ts";
import { NODE_HASHER } from "./node-hasher.ts";

/** Rows per INSERT statement: large enough to amortise a statement, small enough for its parameters. */
const CHUNK = 4096;

interface BuiltLeaf {
  readonly leaf: Uint8Array;
  readonly leafHash: Uint8Array;
  readonly salt: Uint8Array;
  readonly content: string;
}

function buildLeaf(draft: EntryDraft, time: string): BuiltLeaf {
  const salt = new Uint8Array(randomBytes(MIN_SALT_BYTES));
  const content = canonicalize(draft.content);
  if (content === undefined) throw new TypeError(`the content of a ${draft.kind} entry is not JSON`);
  if ("digest" in draft.refs) throw new TypeError("an entry's refs cannot name a digest");
  const entry: LogEntry = {
    v: 1,
    kind: draft.kind,
    campaign: draft.campaign,
    author: draft.author,
    time,
    body: { ...draft.refs, digest: commitContent(draft.content, salt) },
  };
  const leaf = encodeEntry(entry);
  return { leaf, leafHash: NODE_HASHER.hashLeaf(leaf), salt, content };
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");

/**
 * Inserts one chunk of entries and their openings in a single statement (on PGlite each statement
 * costs about as much as the rows it writes). The first chunk also reserves the indices of all
 * `reserve` entries: the single `log_head` row is advanced, and locked until the caller's
 * transaction ends. Every appender on the database waits there for the one before it to commit
 * or roll back, so indices are consecutive with no gaps (a rolled-back append gives its indices
 * back) and entries become visible in index order. Returns the first index of the chunk.
 */
async function insertChunk(tx: Tx, drafts: readonly EntryDraft[], built: readonly BuiltLeaf[], time: string, at: { reserve: number } | { first: number }) {
  const p = <T>(values: T[]) => sql.param(values);
  const start =
    "reserve" in at
      ? sql`INSERT INTO log_head (id, size) VALUES (1, ${at.reserve}) ON CONFLICT (id) DO UPDATE SET size = log_head.size + EXCLUDED.size
          RETURNING size - ${at.reserve} AS first`
      : sql`SELECT ${at.first}::bigint AS first`;
  const result = await tx.execute(sql`
    WITH start AS (${start}),
    fresh AS (
      SELECT (SELECT first FROM start) + n - 1 AS i, l, h, k, c, pid, s, t, sig
      FROM unnest(${p(built.map((b) => hex(b.leaf)))}::text[], ${p(built.map((b) => hex(b.leafHash)))}::text[],
        ${p(drafts.map((d) => d.kind))}::text[], ${p(drafts.map((d) => d.campaign))}::text[],
        ${p(drafts.map((d) => d.participant ?? null))}::text[], ${p(built.map((b) => hex(b.salt)))}::text[],
        ${p(built.map((b) => b.content))}::text[], ${p(drafts.map((d) => d.signature ?? null))}::text[])
        WITH ORDINALITY AS u(l, h, k, c, pid, s, t, sig, n)),
    entries AS (
      INSERT INTO log_entries (index, leaf, leaf_hash, kind, campaign_id, time)
      SELECT i, decode(l, 'hex'), decode(h, 'hex'), k, c, ${time}::timestamptz FROM fresh)
    INSERT INTO log_openings (entry_index, participant_id, salt, content, signature)
    SELECT i, pid, decode(s, 'hex'), t, sig FROM fresh
    RETURNING (SELECT first FROM start) AS first`);
  return Number(rowsOf<{ first: string | number }>(result)[0]!.first);
}

/**
 * The log's single sequencer. Appends the drafts, in order, inside the caller's transaction: the
 * entries exist exactly when the contribution they record does. Call it last in the transaction,
 * after the contribution's own writes, because every other appender waits from here to commit.
 * `time` is the service clock's reading, recorded in each entry as the operator's claim.
 */
export async function appendEntries(tx: Tx, drafts: readonly EntryDraft[], time: Date): Promise<AppendedEntry[]> {
  if (drafts.length === 0) return [];
  const iso = time.toISOString();
  const built = drafts.map((d) => buildLeaf(d, iso));
  const first = await insertChunk(tx, drafts.slice(0, CHUNK), built.slice(0, CHUNK), iso, { reserve: drafts.length });
  for (let i = CHUNK; i < drafts.length; i += CHUNK) {
    await insertChunk(tx, drafts.slice(i, i + CHUNK), built.slice(i, i + CHUNK), iso, { first: first + i });
  }
  return built.map((b, i) => ({
    index: first + i,
    leafHash: b.leafHash,
    leaf: b.leaf,
    opening: { salt: encodeBase64(b.salt), content: b.content, signature: drafts[i]!.signature ?? null },
  }));
}
