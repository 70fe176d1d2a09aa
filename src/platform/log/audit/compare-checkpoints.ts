import { equalBytes, type HashTree } from "../../../core/log/index.ts";
import { VerificationFailure } from "./failure.ts";
import type { Anchor } from "./evidence.ts";

/** The first rule the data broke, where to search for the first bad index, and against what. */
export interface Breach {
  readonly found: VerificationFailure;
  /** The first bad index is below this. */
  readonly end: number;
  readonly anchors: readonly Anchor[];
  /** The checkpoint the data is measured against. */
  readonly target: Anchor;
  /** Whether receipts and the running log's proofs, which lead to the latest checkpoint, can help. */
  readonly proofsApply: boolean;
}

/** The first rule the rebuilt tree breaks against the checkpoints, if any. */
export function compareWithCheckpoints(tree: HashTree, target: Anchor, earlier: readonly Anchor[]): Breach | null {
  const n = tree.size;
  const against = { anchors: [target, ...earlier], target, proofsApply: true };
  if (n < target.size) {
    const found = new VerificationFailure("size", `the data ends after ${n} entries but the checkpoint commits to ${target.size}: index ${n} is missing`, { index: n });
    return { found, end: n + 1, ...against };
  }
  if (!equalBytes(tree.root(target.size), target.root)) {
    const found = new VerificationFailure("root", `the root of the first ${target.size} entries differs from the checkpoint's: an entry was changed, dropped, inserted or moved.`);
    return { found, end: target.size, ...against };
  }
  const broken = earlier.find((p) => p.size <= target.size && !equalBytes(tree.root(p.size), p.root));
  if (broken) {
    // The data matches the checkpoint, so the log signed two histories: measure against the earlier.
    const message = `an earlier checkpoint (size ${broken.size}) is not consistent with the checkpoint: the log rewrote entries it had signed.`;
    return { found: new VerificationFailure("previous", message), end: broken.size, anchors: earlier, target: broken, proofsApply: false };
  }
  if (n > target.size) {
    const found = new VerificationFailure("size", `the data holds ${n} entries, more than the ${target.size} the checkpoint commits to: index ${target.size} is not covered`, { index: target.size });
    return { found, end: target.size + 1, ...against };
  }
  return null;
}
