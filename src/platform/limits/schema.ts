import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { at } from "../../store/columns.ts";

/**
 * Request counts per bucket and fixed window, shared by every server on the database so that a
 * limit holds across them. A bucket names the limit and who it counts (`join:addr:203.0.113.7`,
 * `write:token:<hash>`); rows of past windows are deleted as new windows open.
 */
export const rateCounters = pgTable(
  "rate_counters",
  {
    bucket: text("bucket").notNull(),
    windowStart: at("window_start"),
    hits: integer("hits").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
);
