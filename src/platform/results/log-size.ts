import { eq } from "drizzle-orm";
import type { Queryable } from "../../store/open.ts";
import { logHead } from "../log/schema.ts";

/**
 * How many entries the contribution log holds. Every contribution, researcher action and erasure
 * appends an entry in the transaction that makes it, so results computed from what the tables
 * held after the log reached this size stay right until it grows.
 */
export async function readLogSize(db: Queryable): Promise<number> {
  const [row] = await db.select({ size: logHead.size }).from(logHead).where(eq(logHead.id, 1));
  return row?.size ?? 0;
}
