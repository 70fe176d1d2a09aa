import { asc, eq, sql } from "drizzle-orm";
import { PolyphonyError } from "../../../core/errors.ts";
import {
  formatNote,
  makeVerifier,
  openNote,
  parseNote,
  readCosignatureTime,
  type NoteSignature,
  type NoteVerifier,
} from "../../../core/log/index.ts";
import { logCheckpoints } from "../schema.ts";
import { logCosignatures } from "./schema.ts";
import type { ServiceDeps } from "../../deps.ts";

/** A cosignature the log keeps: which witness, and the time it claims. */
export interface CosignatureView {
  readonly name: string;
  readonly time: number;
}

/** What a witness's submission added to one checkpoint. */
export interface CosignedCheckpoint {
  readonly size: number;
  readonly cosignatures: CosignatureView[];
}

/** Verifiers of the witnesses the log accepts (POLYPHONY_LOG_WITNESSES): cosignature/v1 keys. */
export function readWitnessKeys(keys: readonly string[]): NoteVerifier[] {
  return keys.map((key) => {
    try {
      return makeVerifier(key);
    } catch (error) {
      throw new PolyphonyError("invalid_input", `POLYPHONY_LOG_WITNESSES holds a key that is not a verifier key: ${(error as Error).message}`, {
        field: "POLYPHONY_LOG_WITNESSES",
      });
    }
  });
}

const refuse = (code: "invalid_input" | "forbidden" | "conflict" | "not_found", message: string) =>
  new PolyphonyError(code, message, { field: "checkpoint" });

/**
 * Stores the cosignatures a witness made of one of this log's checkpoints. The note must be a
 * checkpoint the log signed, word for word, and carry at least one valid cosignature by a
 * configured witness; a configured witness's invalid signature refuses the whole note, and
 * signatures by keys the log does not know are ignored.
 */
export async function addCosignatures(deps: ServiceDeps, message: string): Promise<CosignedCheckpoint> {
  const witnesses = deps.logWitnesses ?? [];
  let text: string;
  try {
    text = parseNote(message).text;
  } catch (error) {
    throw refuse("invalid_input", `not a signed note: ${(error as Error).message}`);
  }
  const size = Number(text.split("\n")[1]);
  const [stored] = Number.isSafeInteger(size) ? await deps.store.db.select().from(logCheckpoints).where(eq(logCheckpoints.size, size)) : [];
  if (!stored || parseNote(stored.note).text !== text) throw refuse("not_found", "this log signed no such checkpoint");
  let verified: readonly NoteSignature[];
  try {
    verified = openNote(message, [deps.log.key.verifier, ...witnesses]).verified;
  } catch (error) {
    throw refuse("invalid_input", (error as Error).message);
  }
  const cosigned = verified.flatMap((s) => {
    const time = witnesses.some((w) => w.name === s.name && w.keyId === s.keyId) ? readCosignatureTime(s) : null;
    return time === null ? [] : [{ signature: s, time }];
  });
  if (cosigned.length === 0) throw refuse("forbidden", "the note carries no cosignature by a witness this log accepts (POLYPHONY_LOG_WITNESSES)");
  const receivedAt = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    for (const { signature: s, time } of cosigned) {
      const row = { checkpointSize: size, witness: s.name, keyId: s.keyId, signature: s.signature, cosignedAt: time, receivedAt };
      const position = sql`(SELECT count(*)::int FROM log_cosignatures WHERE checkpoint_size = ${size})`;
      await tx
        .insert(logCosignatures)
        .values({ ...row, position })
        .onConflictDoUpdate({
          target: [logCosignatures.checkpointSize, logCosignatures.witness, logCosignatures.keyId],
          set: { signature: s.signature, cosignedAt: time, receivedAt },
        });
    }
  });
  return { size, cosignatures: cosigned.map(({ signature, time }) => ({ name: signature.name, time })) };
}

/** A stored checkpoint's note with the cosignatures witnesses gave it appended, in arrival order. */
export async function appendCosignatures(deps: ServiceDeps, checkpoint: { size: number; note: string }): Promise<string> {
  const rows = await deps.store.db
    .select()
    .from(logCosignatures)
    .where(eq(logCosignatures.checkpointSize, checkpoint.size))
    .orderBy(asc(logCosignatures.position));
  if (rows.length === 0) return checkpoint.note;
  const note = parseNote(checkpoint.note);
  const cosignatures = rows.map((r) => ({ name: r.witness, keyId: r.keyId, signature: r.signature }));
  return formatNote({ text: note.text, signatures: [...note.signatures, ...cosignatures] });
}
