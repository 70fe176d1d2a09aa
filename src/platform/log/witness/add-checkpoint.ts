import {
  equalBytes,
  openNote,
  parseCheckpoint,
  parseNote,
  signNote,
  verifyConsistency,
  type Checkpoint,
  type NoteSigner,
  type NoteVerifier,
} from "../../../core/log/index.ts";
import { parseAddCheckpoint, TLOG_SIZE_TYPE, type AddCheckpoint } from "../../../core/log/tlog-witness.ts";
import type { WitnessState } from "./witness-state.ts";

/** A witness that logs push checkpoints to (c2sp.org/tlog-witness), for any log it is told to trust. */
export interface PushedWitness {
  /** The keys it trusts, by log origin; a checkpoint of another origin is refused. */
  readonly logs: ReadonlyMap<string, readonly NoteVerifier[]>;
  /** Makes a cosignature/v1 signer stamped with the given POSIX seconds. */
  readonly cosigner: (timestamp: number) => NoteSigner;
  /** The checkpoint it last cosigned for each origin; `save` must persist before it returns. */
  readonly state: { get(origin: string): WitnessState | null; save(state: WitnessState): Promise<void> };
}

/** An answer as the protocol prescribes it: status, media type, body. */
export interface WitnessAnswer {
  readonly status: 200 | 400 | 403 | 404 | 409 | 422;
  readonly type: string;
  readonly body: string;
}

const refuse = (status: WitnessAnswer["status"], reason: string): WitnessAnswer => ({ status, type: "text/plain; charset=utf-8", body: `${reason}\n` });

/**
 * Answers one add-checkpoint request: checks the checkpoint's signature by a trusted key for its
 * origin (404 unknown origin, 403 no trusted signature), that the old size is the one this witness
 * last cosigned (409 naming that size, as text/x.tlog.size), and the consistency proof from it
 * (422); then records the checkpoint and returns the cosignature line. Callers run requests for
 * one witness one at a time, so the check and the record are atomic.
 */
export async function addCheckpoint(witness: PushedWitness, body: string, now: Date): Promise<WitnessAnswer> {
  let request: AddCheckpoint;
  let checkpoint: Checkpoint;
  try {
    request = parseAddCheckpoint(body);
    checkpoint = parseCheckpoint(parseNote(request.checkpoint).text);
  } catch (error) {
    return refuse(400, (error as Error).message);
  }
  const keys = witness.logs.get(checkpoint.origin);
  if (!keys) return refuse(404, `this witness does not watch ${checkpoint.origin}`);
  try {
    openNote(request.checkpoint, keys);
  } catch {
    return refuse(403, `no trusted key of ${checkpoint.origin} signed this checkpoint`);
  }
  if (request.oldSize > checkpoint.size) return refuse(400, `old size ${request.oldSize} is larger than the checkpoint's ${checkpoint.size}`);
  const state = witness.state.get(checkpoint.origin);
  const cosigned = state?.size ?? 0;
  if (request.oldSize !== cosigned) return { status: 409, type: TLOG_SIZE_TYPE, body: `${cosigned}\n` };
  if (state && checkpoint.size === state.size && !equalBytes(checkpoint.root, state.root)) {
    return refuse(409, `the checkpoint's root differs from the one cosigned at size ${state.size}: the log forked`);
  }
  if (state && checkpoint.size > state.size && !verifyConsistency(state.size, checkpoint.size, request.proof, state.root, checkpoint.root)) {
    return refuse(422, `the consistency proof from size ${state.size} to ${checkpoint.size} does not verify`);
  }
  const timestamp = Math.floor(now.getTime() / 1000);
  const signed = signNote({ text: parseNote(request.checkpoint).text, signatures: [] }, [witness.cosigner(timestamp)]);
  await witness.state.save({ origin: checkpoint.origin, size: checkpoint.size, root: checkpoint.root, checkpoint: request.checkpoint, cosignedAt: timestamp });
  // The note's signature lines, after its text and the blank line: here, this witness's one.
  return { status: 200, type: "text/plain; charset=utf-8", body: signed.slice(signed.indexOf("\n\n") + 2) };
}
