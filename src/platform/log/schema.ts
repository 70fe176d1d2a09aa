import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { at, bytea } from "../../store/columns.ts";
import { participants } from "../participants/schema.ts";

/**
 * The contribution log's tables. The leaves (`log_entries`) never change once written; what can be
 * erased on a person's request lives apart, in `log_openings`. See docs/log-format.md.
 */

/**
 * One row holding the log's size. Appending locks and advances it in the appending transaction, so
 * appends are serialised across every server on one database, indices have no gaps, and entries
 * commit in index order.
 */
export const logHead = pgTable("log_head", {
  id: integer("id").primaryKey(),
  size: bigint("size", { mode: "number" }).notNull(),
}, (t) => [check("log_head_one_row", sql`${t.id} = 1`)]);

/** The leaves: exact RFC 8785 bytes of each entry and their RFC 9162 leaf hash, by index. */
export const logEntries = pgTable(
  "log_entries",
  {
    index: bigint("index", { mode: "number" }).primaryKey(),
    leaf: bytea("leaf").notNull(),
    leafHash: bytea("leaf_hash").notNull(),
    kind: text("kind").notNull(),
    campaignId: text("campaign_id"),
    time: at("time"),
  },
  (t) => [index("log_entries_leaf_hash").on(t.leafHash), index("log_entries_campaign").on(t.campaignId)],
);

/**
 * What opens each entry's commitment: the salt and the exact content (RFC 8785 JSON text) that
 * the entry's digest was computed from. Erasure deletes a participant's rows here; their leaves
 * stay, and can no longer be checked against any content.
 */
export const logOpenings = pgTable(
  "log_openings",
  {
    entryIndex: bigint("entry_index", { mode: "number" }).primaryKey().references(() => logEntries.index),
    /** Whose content this is, so that erasure finds it; null for researchers' and system entries. */
    participantId: text("participant_id").references(() => participants.id),
    salt: bytea("salt").notNull(),
    content: text("content").notNull(),
    /**
     * The author's base64 Ed25519 signature over the content (docs/log-format.md), for a
     * participant's entry. It lives here and not in the public leaf: a signature over short
     * content lets anyone who guesses the content check the guess.
     */
    signature: text("signature"),
  },
  (t) => [index("log_openings_participant").on(t.participantId)],
);

/** Every checkpoint the log signed: C2SP tlog-checkpoint note text, newest has the largest size. */
export const logCheckpoints = pgTable("log_checkpoints", {
  size: bigint("size", { mode: "number" }).primaryKey(),
  root: bytea("root").notNull(),
  note: text("note").notNull(),
  signedAt: at("signed_at"),
});

/**
 * The server's tree, saved in pieces so that it loads without rehashing: chunk k holds every node
 * hash of the perfect subtree over leaves [k·2^16, (k+1)·2^16), levels 0 to 16, lowest first.
 * Derived from `log_entries` and never changed once written; a server rebuilds from the entries
 * when the chunks disagree with the latest signed checkpoint.
 */
export const logTreeChunks = pgTable("log_tree_chunks", {
  chunk: bigint("chunk", { mode: "number" }).primaryKey(),
  nodes: bytea("nodes").notNull(),
});
