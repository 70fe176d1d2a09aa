import { invalid } from "../errors.ts";
import { decodeBase64, encodeBase64 } from "./bytes.ts";
import { HASH_SIZE } from "./hash.ts";

/**
 * The C2SP tlog-proof text form of a receipt (https://c2sp.org/tlog-proof): an offline-verifiable
 * proof that an entry is in the log, as a detached file (`.tlog-proof`). Polyphony puts the
 * entry's leaf bytes in `extra`, so the holder can recompute the leaf hash from the proof alone.
 *
 *   c2sp.org/tlog-proof@v1
 *   extra <base64 leaf bytes>
 *   index <n>
 *   <base64 proof hash, leaf's sibling first, one per line>
 *
 *   <the signed checkpoint, verbatim>
 */
export const TLOG_PROOF_HEADER = "c2sp.org/tlog-proof@v1";

export interface TlogProof {
  readonly index: number;
  readonly proof: readonly Uint8Array[];
  /** The signed checkpoint note, verbatim (ends with a newline). */
  readonly checkpoint: string;
  readonly extra: Uint8Array | null;
}

export function formatTlogProof({ index, proof, checkpoint, extra }: TlogProof): string {
  if (!Number.isSafeInteger(index) || index < 0) throw invalid("index", "an entry index is a whole number");
  const lines = [TLOG_PROOF_HEADER, ...(extra ? [`extra ${encodeBase64(extra)}`] : []), `index ${index}`, ...proof.map(encodeBase64)];
  return `${lines.join("\n")}\n\n${checkpoint}`;
}

/** Parses a tlog-proof, checking its shape (not its signatures or its proof: the verifier does). */
export function parseTlogProof(text: string): TlogProof {
  const split = text.indexOf("\n\n");
  if (split < 0) throw invalid("proof", "a tlog-proof has a blank line before its checkpoint");
  const lines = text.slice(0, split).split("\n");
  const checkpoint = text.slice(split + 2);
  if (lines.shift() !== TLOG_PROOF_HEADER) throw invalid("proof", `a tlog-proof starts with ${TLOG_PROOF_HEADER}`);
  let extra: Uint8Array | null = null;
  if (lines[0]?.startsWith("extra ")) {
    extra = decodeBase64(lines.shift()!.slice("extra ".length));
    if (extra === null) throw invalid("proof", "the extra line is not base64");
  }
  const indexLine = /^index (0|[1-9][0-9]*)$/.exec(lines.shift() ?? "");
  if (!indexLine || !Number.isSafeInteger(Number(indexLine[1]))) throw invalid("proof", "the index line is `index <n>`, in decimal with no leading zeroes");
  const proof = lines.map((line, i) => {
    const hash = decodeBase64(line);
    if (hash === null || hash.length !== HASH_SIZE) throw invalid("proof", `proof line ${i + 1} is not a base64 SHA-256 hash`);
    return hash;
  });
  if (!checkpoint.endsWith("\n") || checkpoint.trim() === "") throw invalid("proof", "a tlog-proof ends with its signed checkpoint");
  return { index: Number(indexLine[1]), proof, checkpoint, extra };
}
