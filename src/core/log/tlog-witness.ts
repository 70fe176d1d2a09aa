import { invalid } from "../errors.ts";
import { decodeBase64, encodeBase64 } from "./bytes.ts";
import { HASH_SIZE } from "./hash.ts";

/**
 * The body of a C2SP tlog-witness add-checkpoint request (https://c2sp.org/tlog-witness): the
 * size of the checkpoint the witness last cosigned for the log, the consistency proof from it to
 * the offered checkpoint, a blank line, and the offered checkpoint.
 *
 *   old <size>
 *   <base64 hash>            (at most 63 lines; none when old is 0)
 *
 *   <signed checkpoint>
 */
export interface AddCheckpoint {
  readonly oldSize: number;
  readonly proof: readonly Uint8Array[];
  readonly checkpoint: string;
}

/** The most consistency proof lines a request may carry. */
export const MAX_PROOF_LINES = 63;

/** The media type of a witness's answer that names the size it last cosigned (409). */
export const TLOG_SIZE_TYPE = "text/x.tlog.size";

export function formatAddCheckpoint({ oldSize, proof, checkpoint }: AddCheckpoint): string {
  return `old ${oldSize}\n${proof.map((hash) => `${encodeBase64(hash)}\n`).join("")}\n${checkpoint}`;
}

export function parseAddCheckpoint(text: string): AddCheckpoint {
  const split = text.indexOf("\n\n");
  if (split < 0) throw invalid("body", "an add-checkpoint body has a blank line before its checkpoint");
  const lines = text.slice(0, split).split("\n");
  const old = /^old (0|[1-9][0-9]*)$/.exec(lines.shift() ?? "");
  if (!old || !Number.isSafeInteger(Number(old[1]))) throw invalid("body", "the first line is `old <size>`, in decimal with no leading zeroes");
  if (lines.length > MAX_PROOF_LINES) throw invalid("body", `a consistency proof has at most ${MAX_PROOF_LINES} lines`);
  const proof = lines.map((line, i) => {
    const hash = decodeBase64(line);
    if (hash === null || hash.length !== HASH_SIZE) throw invalid("body", `proof line ${i + 1} is not a base64 SHA-256 hash`);
    return hash;
  });
  const oldSize = Number(old[1]);
  if (oldSize === 0 && proof.length > 0) throw invalid("body", "the proof is empty when the old size is 0");
  return { oldSize, proof, checkpoint: text.slice(split + 1 + 1) };
}
