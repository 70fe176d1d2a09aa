import { bigint, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { bytea } from "../../../store/columns.ts";
import { logCheckpoints } from "../schema.ts";

/**
 * Witnesses' cosignatures of the log's checkpoints (c2sp.org/tlog-cosignature): one row per
 * checkpoint and witness key, the latest cosignature kept. `GET /api/v1/log/checkpoint` appends
 * them to the log's own signature, so that anyone reading the checkpoint sees who vouched for it.
 */
export const logCosignatures = pgTable(
  "log_cosignatures",
  {
    checkpointSize: bigint("checkpoint_size", { mode: "number" }).notNull().references(() => logCheckpoints.size),
    /** The witness's key name, as in its signature line. */
    witness: text("witness").notNull(),
    /** The 4-byte key id of its cosignature/v1 key, as an unsigned integer. */
    keyId: bigint("key_id", { mode: "number" }).notNull(),
    /** The note signature bytes after the key id: 8-byte timestamp ‖ 64-byte Ed25519 signature. */
    signature: bytea("signature").notNull(),
    /** POSIX seconds the witness claims to have cosigned at. */
    cosignedAt: bigint("cosigned_at", { mode: "number" }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull(),
    /** Position among the checkpoint's cosignatures, so that the note lists them in arrival order. */
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkpointSize, t.witness, t.keyId] })],
);
