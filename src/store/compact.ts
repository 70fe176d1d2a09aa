import { sql } from "drizzle-orm";
import type { Queryable } from "./open.ts";

/** What compacting after an erasure could not do, for the operator. */
export interface Compaction {
  /** Tables that could not be rewritten (on a PostgreSQL server, a role that does not own them). */
  readonly tables: string[];
  /** Why the write-ahead log could not be moved past the old rows, if it could not. */
  readonly wal: string | null;
}

/**
 * Rewrites `tables` so that no old version of a row stays in the data files (VACUUM FULL: an
 * update or delete leaves the old row's bytes in place until its page is reused; each table is
 * locked while it is rewritten). Then closes the WAL segment that still holds the old rows and
 * checkpoints, so that the segment is no longer needed and, without recycling, is deleted. The
 * WAL steps need a superuser: they work on PGlite; on a PostgreSQL server they are the operator's
 * (docs/privacy.md), and what failed is returned.
 */
export async function compactTables(db: Queryable, tables: readonly string[]): Promise<Compaction> {
  const failed: string[] = [];
  for (const table of new Set(tables)) {
    try {
      await db.execute(sql`VACUUM FULL ${sql.identifier(table)}`);
    } catch {
      failed.push(table);
    }
  }
  let wal: string | null = null;
  try {
    await db.execute(sql`SET wal_recycle = off`);
    await db.execute(sql`SELECT pg_switch_wal()`);
    await db.execute(sql`CHECKPOINT`);
  } catch (error) {
    wal = (error as Error).message;
  }
  return { tables: failed, wal };
}
