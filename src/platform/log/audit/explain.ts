import { VerificationFailure } from "./failure.ts";
import type { Location } from "./locate.ts";

const NARROW_HINT = "earlier checkpoints (--previous), contributors' receipts (--proofs) or the running log (--url) narrow it";

function describeChange(at: Location): string {
  const e = at.evidence;
  if (e) return `index ${at.start} differs from the log: its leaf hash is ${e.found}, the log's is ${e.logged} (proven by inclusion in the checkpoint)`;
  const proof = at.start === 0 ? "" : ` (the first ${at.start} entries match the log)`;
  return `index ${at.start} is the first entry that differs from the log${proof}`;
}

/**
 * Joins the first rule the data broke (`found`: a bad line, which names its own index, or a
 * root that differs, which names none) with where the search put the first bad index.
 */
export function explainLocation(found: VerificationFailure, at: Location): VerificationFailure {
  const note = at.note ? ` ${at.note}` : "";
  const exact = at.end - at.start === 1;
  if (found.index !== null && (!exact || at.start >= found.index)) {
    if (at.start >= found.index) return new VerificationFailure(found.reason, found.message + note, { index: found.index });
    const range = [at.start, found.index + 1] as const;
    const caveat = ` Entries before it are proven to match the log only up to index ${at.start} (${NARROW_HINT}).`;
    return new VerificationFailure(found.reason, found.message + caveat + note, { index: found.index, range });
  }
  if (exact) {
    const also = found.index !== null ? ` The data also breaks at index ${found.index}: ${found.message}` : "";
    return new VerificationFailure("changed", describeChange(at) + "." + also + note, {
      index: at.start,
      ...(at.evidence ? { evidence: at.evidence } : {}),
    });
  }
  const where = ` The first bad index lies in [${at.start}, ${at.end}); ${NARROW_HINT}.`;
  return new VerificationFailure(found.reason, found.message + where + note, { range: [at.start, at.end] });
}
