import {
  encodeBase64,
  equalBytes,
  parseNote,
  signNote,
  verifyConsistency,
  type Checkpoint,
  type NoteSigner,
} from "../../../core/log/index.ts";
import { VerificationFailure } from "../audit/failure.ts";
import { openTrustedCheckpoint, type Trust } from "../audit/trusted-checkpoint.ts";
import type { WitnessState } from "./witness-state.ts";

/** What a witness needs from the log it watches. Nothing it returns is trusted unverified. */
export interface WitnessedLog {
  fetchCheckpoint(): Promise<string>;
  proveConsistency(size1: number, size2: number): Promise<Uint8Array[]>;
}

/** A witness's configuration: whose checkpoints it checks, and how it cosigns. */
export interface Witness {
  /** The log's key and origin; witnesses' keys are not needed. */
  readonly trust: Trust;
  /** Makes a cosignature/v1 signer stamped with the given POSIX seconds. */
  readonly cosigner: (timestamp: number) => NoteSigner;
}

/** What one round gave: a cosigned note and the state to keep, or evidence of a fork. */
export type WitnessOutcome =
  | { readonly kind: "cosigned"; readonly note: string; readonly state: WitnessState; readonly grewBy: number }
  | { readonly kind: "stale"; readonly size: number }
  | { readonly kind: "refused"; readonly reason: string; readonly previous: string | null; readonly offered: string };

const fork = (reason: string, state: WitnessState | null, offered: string): WitnessOutcome => ({
  kind: "refused",
  reason,
  previous: state?.checkpoint ?? null,
  offered,
});

/** Whether `next` extends what the witness cosigned, proven by the log's consistency proof. */
async function extendsState(log: WitnessedLog, state: WitnessState, next: Checkpoint): Promise<boolean> {
  if (next.size === state.size) return equalBytes(next.root, state.root);
  if (next.size > state.size) {
    if (state.size === 0) return true;
    return verifyConsistency(state.size, next.size, await log.proveConsistency(state.size, next.size), state.root, next.root);
  }
  // An older checkpoint (a lagging server) is no fork if it is a prefix of the one cosigned; a log
  // that cannot prove it (it may not hold the larger tree any more) is merely stale.
  if (next.size === 0) return true;
  const proof = await log.proveConsistency(next.size, state.size).catch(() => null);
  return proof === null || verifyConsistency(next.size, state.size, proof, next.root, state.root);
}

/**
 * One round of a witness (c2sp.org/tlog-witness, simplified to polling): fetch the log's latest
 * checkpoint, check its signature and origin, check that it is consistent with the last one
 * this witness cosigned, and only then cosign it (c2sp.org/tlog-cosignature, timestamped with
 * `now`). A checkpoint smaller than the last cosigned one is stale: nothing is signed.
 */
export async function witnessOnce(log: WitnessedLog, witness: Witness, state: WitnessState | null, now: Date): Promise<WitnessOutcome> {
  const offered = await log.fetchCheckpoint();
  let checkpoint: Checkpoint;
  try {
    checkpoint = openTrustedCheckpoint(offered, witness.trust, "the log's checkpoint").checkpoint;
  } catch (error) {
    if (error instanceof VerificationFailure) return fork(error.message, state, offered);
    throw error;
  }
  if (state && state.origin !== checkpoint.origin) {
    return fork(`the state file is for ${state.origin}, the log is ${checkpoint.origin}`, state, offered);
  }
  if (state && !(await extendsState(log, state, checkpoint))) {
    const reason =
      `the log's checkpoint (size ${checkpoint.size}, root ${encodeBase64(checkpoint.root)}) is not consistent with ` +
      `the one this witness cosigned (size ${state.size}, root ${encodeBase64(state.root)}): the log forked or rewrote its history`;
    return fork(reason, state, offered);
  }
  if (state && checkpoint.size < state.size) return { kind: "stale", size: checkpoint.size };
  const timestamp = Math.floor(now.getTime() / 1000);
  const note = signNote(parseNote(offered), [witness.cosigner(timestamp)]);
  const next: WitnessState = { origin: checkpoint.origin, size: checkpoint.size, root: checkpoint.root, checkpoint: offered, cosignedAt: timestamp };
  return { kind: "cosigned", note, state: next, grewBy: checkpoint.size - (state?.size ?? 0) };
}
