import { PolyphonyError } from "../../../core/errors.ts";
import {
  encodeBase64,
  openNote,
  parseCheckpoint,
  parseNote,
  readCosignatureTime,
  type Checkpoint,
  type NoteVerifier,
} from "../../../core/log/index.ts";
import { VerificationFailure } from "./failure.ts";

/** What a verifier trusts: the log's key, the origin it expects, and witnesses' keys. */
export interface Trust {
  /** The log's key; null when the caller has none, and then no signature is checked. */
  readonly log: NoteVerifier | null;
  /** The origin checkpoints must name; null means the log key's name (the C2SP convention). */
  readonly origin: string | null;
  /** Witnesses whose cosignatures are checked; others' are ignored. */
  readonly witnesses: readonly NoteVerifier[];
}

/** A witness cosignature that verified, and the POSIX time it claims. */
export interface Cosigned {
  readonly name: string;
  readonly time: number;
}

/** A checkpoint as far as it could be checked. */
export interface TrustedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The signed note as given. */
  readonly note: string;
  /** Whether the log's signature was checked (it always verified when checked). */
  readonly logSigned: boolean;
  readonly cosigned: readonly Cosigned[];
}

/** The origin checkpoints must carry under `trust`, or null when nothing says which. */
export function expectedOrigin(trust: Trust): string | null {
  return trust.origin ?? trust.log?.name ?? null;
}

/** Parses a signed checkpoint without checking anything; malformed text is a PolyphonyError. */
export function peekCheckpoint(note: string, what: string): Checkpoint {
  try {
    return parseCheckpoint(parseNote(note).text);
  } catch (error) {
    throw new PolyphonyError("malformed", `${what} is not a signed checkpoint: ${(error as Error).message}`, { field: what });
  }
}

/**
 * Parses a signed checkpoint (`what` names it in messages) and checks what `trust` allows: the
 * log's signature, witnesses' cosignatures, and the origin. Malformed text is the caller's
 * mistake (PolyphonyError); a bad signature or a foreign origin is a VerificationFailure.
 */
export function openTrustedCheckpoint(note: string, trust: Trust, what: string): TrustedCheckpoint {
  const checkpoint = peekCheckpoint(note, what);
  let logSigned = false;
  const cosigned: Cosigned[] = [];
  if (trust.log) {
    const log = trust.log;
    let opened;
    try {
      opened = openNote(note, [log, ...trust.witnesses]);
    } catch (error) {
      throw new VerificationFailure("signature", `${what}: ${(error as Error).message}`);
    }
    logSigned = opened.verified.some((s) => s.name === log.name && s.keyId === log.keyId);
    if (!logSigned) throw new VerificationFailure("signature", `${what} is not signed by the log key ${log.name}`);
    for (const s of opened.verified) {
      const time = s.name === log.name && s.keyId === log.keyId ? null : readCosignatureTime(s);
      if (time !== null) cosigned.push({ name: s.name, time });
    }
  }
  const origin = expectedOrigin(trust);
  if (origin !== null && checkpoint.origin !== origin) {
    throw new VerificationFailure(
      "origin",
      `${what} names the log ${JSON.stringify(checkpoint.origin)}, not ${JSON.stringify(origin)} (pass --origin if the log's origin differs from its key name)`,
    );
  }
  return { checkpoint, note, logSigned, cosigned };
}

/** One line describing a checkpoint: origin, size and base64 root. */
export function describeCheckpoint(checkpoint: Checkpoint): string {
  return `${checkpoint.origin} size ${checkpoint.size} root ${encodeBase64(checkpoint.root)}`;
}
