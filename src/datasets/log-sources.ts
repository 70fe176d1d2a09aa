import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../store/open.ts";
import { rowsOf } from "../store/rows.ts";
import type { RowSource } from "./types.ts";

/**
 * The text of a top-level or body field of a leaf, read from its RFC 8785 text without parsing
 * it: a leaf's keys are sorted and its strings escape every quote, so `"name":"` occurs only where
 * the field starts, and the first occurrence is the outer object's (`author` comes before `body`;
 * the body's refs are ids). Parsing a million leaves as JSON takes PGlite some 4 s; this, 1 s.
 */
const fieldOf = (text: SQL, name: string) => sql`split_part(split_part(${text}, ${`"${name}":"`}, 2), '"', 1)`;

/**
 * A subquery of the campaign's latest log entry per record, for rows to cite as their source:
 * columns `ref` (the record's id as the entry's body names it under `refField`, or the entry's
 * `author` when `refField` is "author"), `entry_index`, `entry_digest`, and the opening
 * (`opening_salt`, `opening_content`) when one is kept. A record written again (a replaced vote)
 * cites the entry of its current content: the latest. `only`, a subquery of ids, limits the refs.
 */
export function latestEntries(campaignId: string, kinds: readonly string[], refField: string, only?: SQL): SQL {
  const text = sql`convert_from(e.leaf, 'UTF8')`;
  return sql`(
    SELECT DISTINCT ON (x.ref) x.ref, x.entry_index, x.entry_digest, encode(o.salt, 'base64') AS opening_salt, o.content AS opening_content
    FROM (
      SELECT ${fieldOf(text, refField)} AS ref, e.index AS entry_index, ${fieldOf(text, "digest")} AS entry_digest
      FROM log_entries e
      WHERE e.campaign_id = ${campaignId} AND e.kind IN ${sql`(${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})`}
    ) x
    LEFT JOIN log_openings o ON o.entry_index = x.entry_index
    ${only ? sql`WHERE x.ref IN ${only}` : sql``}
    ORDER BY x.ref, x.entry_index DESC
  )`;
}

/** The columns a row read with `latestEntries` (as alias `src`) carries, for `sourceOf`. */
export const SOURCE_COLUMNS = sql`src.entry_index, src.entry_digest, src.opening_salt, src.opening_content`;

interface SourceColumns {
  entry_index: number | string | null;
  entry_digest: string | null;
  opening_salt: string | null;
  opening_content: string | null;
}

/** The source a row read with SOURCE_COLUMNS cites; none when its record has no entry (rows written before the log). */
export function sourceOf(row: SourceColumns, publish = true): RowSource[] {
  if (row.entry_index === null || row.entry_digest === null) return [];
  const opening = publish && row.opening_salt !== null && row.opening_content !== null ? { salt: row.opening_salt, content: row.opening_content } : null;
  return [{ index: Number(row.entry_index), digest: row.entry_digest, opening }];
}

let cursors = 0;

/**
 * Runs `query` through a cursor and yields its rows `page` at a time, so that a million rows are
 * never held at once. Must run in a transaction (a cursor lives in one), on its handle only.
 */
export async function* streamRows<T>(tx: Queryable, query: SQL, page = 5000): AsyncGenerator<T> {
  const name = sql.raw(`polyphony_dataset_${++cursors}`);
  // A cursor is planned for its first rows (cursor_tuple_fraction 0.1): nested loops that, on
  // tables whose statistics lag (PGlite runs no autovacuum), take minutes over a million rows.
  // Every row is read, so plan for all of them.
  await tx.execute(sql`SET LOCAL cursor_tuple_fraction = 1`);
  await tx.execute(sql`DECLARE ${name} NO SCROLL CURSOR FOR ${query}`);
  try {
    for (;;) {
      const rows = rowsOf<T>(await tx.execute(sql`FETCH FORWARD ${sql.raw(String(page))} FROM ${name}`));
      yield* rows;
      if (rows.length < page) break;
    }
  } finally {
    await tx.execute(sql`CLOSE ${name}`);
  }
}
