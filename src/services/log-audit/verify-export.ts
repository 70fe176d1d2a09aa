import { PolyphonyError } from "../../core/errors.ts";
import { equalBytes, type HashTree } from "../../core/log/index.ts";
import type { ShapeCheck } from "./entry-shape.ts";
import { explainLocation } from "./explain.ts";
import { VerificationFailure } from "./failure.ts";
import { locateFirstBadIndex, type Anchor, type LogProver } from "./locate.ts";
import { readExport } from "./read-export.ts";
import { buildReport, type VerifyReport } from "./report.ts";
import { openTrustedCheckpoint, peekCheckpoint, type TrustedCheckpoint, type Trust } from "./trusted-checkpoint.ts";

/** From this many entries on, shapes are checked on a worker thread; below, starting it costs more. */
const PARALLEL_FROM = 20_000;

/** Everything one verification needs. */
export interface VerifyRequest {
  /** The export (JSONL), in chunks of any size. */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** The signed checkpoint the export must match. */
  readonly checkpoint: string;
  /** Earlier signed checkpoints the export must be consistent with. */
  readonly previous: readonly string[];
  readonly trust: Trust;
  readonly shapes: ShapeCheck | null;
  /** The running log's proofs, to bisect to the first bad index; null offline. */
  readonly prover: LogProver | null;
  readonly onProgress?: ((lines: number) => void) | undefined;
}

function openAll(request: VerifyRequest): { target: TrustedCheckpoint; previous: TrustedCheckpoint[] } {
  const target = openTrustedCheckpoint(request.checkpoint, request.trust, "the checkpoint");
  const previous = request.previous.map((note, i) => openTrustedCheckpoint(note, request.trust, `previous checkpoint ${i + 1}`));
  for (const p of previous) {
    if (p.checkpoint.origin !== target.checkpoint.origin) {
      throw new VerificationFailure("origin", `a previous checkpoint names the log ${p.checkpoint.origin}, the checkpoint ${target.checkpoint.origin}`);
    }
    if (p.checkpoint.size > target.checkpoint.size) {
      throw new PolyphonyError("invalid_input", `a previous checkpoint (size ${p.checkpoint.size}) is larger than the checkpoint (${target.checkpoint.size})`, { field: "previous" });
    }
  }
  return { target, previous };
}

/** The first rule the data broke, where to search for the first bad index, and against what. */
interface Breach {
  readonly found: VerificationFailure;
  /** The first bad index is below this. */
  readonly end: number;
  /** The checkpoints the data is measured against; the log's proofs apply only to the target. */
  readonly anchors: readonly Anchor[];
  readonly target: Anchor;
  readonly proofsApply: boolean;
}

/** The first rule the rebuilt tree breaks against the checkpoints, if any. */
function compareWithCheckpoints(tree: HashTree, target: Anchor, previous: readonly Anchor[]): Breach | null {
  const n = tree.size;
  const against = { anchors: [target, ...previous], target, proofsApply: true };
  if (n < target.size) {
    const found = new VerificationFailure("size", `the data ends after ${n} entries but the checkpoint commits to ${target.size}: index ${n} is missing`, { index: n });
    return { found, end: n + 1, ...against };
  }
  if (!equalBytes(tree.root(target.size), target.root)) {
    const found = new VerificationFailure("root", `the root of the first ${target.size} entries differs from the checkpoint's: an entry was changed, dropped, inserted or moved.`);
    return { found, end: target.size, ...against };
  }
  const broken = previous.find((p) => !equalBytes(tree.root(p.size), p.root));
  if (broken) {
    // The data matches the checkpoint, so the log signed two histories: measure against the earlier.
    const message = `an earlier checkpoint (size ${broken.size}) is not consistent with the checkpoint: the log rewrote entries it had signed.`;
    return { found: new VerificationFailure("previous", message), end: broken.size, anchors: previous, target: broken, proofsApply: false };
  }
  if (n > target.size) {
    const found = new VerificationFailure("size", `the data holds ${n} entries, more than the ${target.size} the checkpoint commits to: index ${target.size} is not covered`, { index: target.size });
    return { found, end: target.size + 1, ...against };
  }
  return null;
}

/**
 * Verifies an export against a signed checkpoint: signatures and origin, every line, the rebuilt
 * root, consistency with earlier checkpoints; on any failure, names the first bad index as
 * precisely as the checkpoints and the log's proofs allow. Never throws a VerificationFailure:
 * the report carries it.
 */
export async function verifyExport(request: VerifyRequest): Promise<VerifyReport> {
  const started = performance.now();
  const head = peekCheckpoint(request.checkpoint, "the checkpoint");
  let opened: { target: TrustedCheckpoint; previous: TrustedCheckpoint[] } | null = null;
  let tree: HashTree | null = null;
  let proofs = 0;
  let bytes = 0;
  let entries = 0;
  let failure: VerificationFailure | null = null;
  try {
    opened = openAll(request);
    const parallel = opened.target.checkpoint.size >= PARALLEL_FROM;
    const reading = await readExport(request.chunks, { shapes: request.shapes, parallel, onProgress: request.onProgress });
    tree = reading.tree.tree;
    entries = reading.entries;
    bytes = reading.bytes;
    const target = opened.target.checkpoint;
    const previous = opened.previous.map((p) => p.checkpoint);
    const broken: Breach | null = reading.failure
      ? { found: reading.failure, end: reading.failure.index! + 1, anchors: [target, ...previous], target, proofsApply: true }
      : compareWithCheckpoints(tree, target, previous);
    if (broken) {
      const prover = broken.proofsApply ? request.prover : null;
      const at = await locateFirstBadIndex(tree, broken.end, broken.anchors, broken.target, prover);
      proofs = at.proofs;
      failure = explainLocation(broken.found, at);
    }
  } catch (error) {
    if (!(error instanceof VerificationFailure)) throw error;
    failure = error;
  }
  return buildReport({ head, opened, tree, entries, bytes, proofs, failure, seconds: (performance.now() - started) / 1000 });
}
