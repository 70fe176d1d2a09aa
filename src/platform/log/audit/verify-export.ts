import { PolyphonyError } from "../../../core/errors.ts";
import type { Checkpoint, HashTree } from "../../../core/log/index.ts";
import type { ShapeCheck } from "./entry-shape.ts";
import { explainLocation } from "./explain.ts";
import { VerificationFailure } from "./failure.ts";
import type { LeafFact, LogProver } from "./evidence.ts";
import { readLeafProofs } from "./leaf-proofs.ts";
import { compareWithCheckpoints, type Breach } from "./compare-checkpoints.ts";
import { locateFirstBadIndex } from "./locate.ts";
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
  /** Receipts or inclusion proofs (JSON lines), to name a changed entry without the running log. */
  readonly proofs?: string | undefined;
  readonly trust: Trust;
  readonly shapes: ShapeCheck | null;
  /** Check entries on a worker thread; by default, from PARALLEL_FROM entries on. */
  readonly parallel?: boolean | undefined;
  /** The running log's proofs, to bisect to the first bad index; null offline. */
  readonly prover: LogProver | null;
  readonly onProgress?: ((lines: number) => void) | undefined;
}

/** The checked checkpoints: the target, the --previous ones, and those receipts carried. */
interface Opened {
  readonly target: TrustedCheckpoint;
  readonly previous: TrustedCheckpoint[];
  readonly carried: readonly Checkpoint[];
  readonly facts: readonly LeafFact[];
}

function openAll(request: VerifyRequest): Opened {
  const target = openTrustedCheckpoint(request.checkpoint, request.trust, "the checkpoint");
  const previous = request.previous.map((note, i) => openTrustedCheckpoint(note, request.trust, `previous checkpoint ${i + 1}`));
  for (const p of previous) {
    if (p.checkpoint.size > target.checkpoint.size) {
      throw new PolyphonyError("invalid_input", `a previous checkpoint (size ${p.checkpoint.size}) is larger than the checkpoint (${target.checkpoint.size})`, { field: "previous" });
    }
  }
  const anchors = [target, ...previous].map((t) => t.checkpoint);
  const proofs = request.proofs ? readLeafProofs(request.proofs, request.trust, anchors) : { facts: [], checkpoints: [] };
  const carried = proofs.checkpoints.map((c) => c.checkpoint);
  const foreign = [...previous.map((p) => p.checkpoint), ...carried].find((c) => c.origin !== target.checkpoint.origin);
  if (foreign) throw new VerificationFailure("origin", `a previous checkpoint names the log ${foreign.origin}, the checkpoint ${target.checkpoint.origin}`);
  return { target, previous, carried, facts: proofs.facts };
}

interface Checked {
  readonly tree: HashTree;
  readonly entries: number;
  readonly bytes: number;
  readonly proofs: number;
  readonly failure: VerificationFailure | null;
}

async function check(request: VerifyRequest, opened: Opened): Promise<Checked> {
  const target = opened.target.checkpoint;
  const parallel = request.parallel ?? target.size >= PARALLEL_FROM;
  const reading = await readExport(request.chunks, { shapes: request.shapes, parallel, onProgress: request.onProgress });
  const tree = reading.tree.tree;
  const earlier = [...opened.previous.map((p) => p.checkpoint), ...opened.carried];
  const broken: Breach | null = reading.failure
    ? { found: reading.failure, end: reading.failure.index! + 1, anchors: [target, ...earlier], target, proofsApply: true }
    : compareWithCheckpoints(tree, target, earlier);
  let proofs = 0;
  let failure: VerificationFailure | null = null;
  if (broken) {
    const prover = broken.proofsApply ? request.prover : null;
    const facts = broken.proofsApply ? opened.facts : [];
    const at = await locateFirstBadIndex(tree, broken.end, { anchors: broken.anchors, facts, target: broken.target, prover });
    proofs = at.proofs;
    failure = explainLocation(broken.found, at);
  }
  return { tree, entries: reading.entries, bytes: reading.bytes, proofs, failure };
}

/**
 * Verifies an export against a signed checkpoint: signatures and origin, every line, the rebuilt
 * root, consistency with earlier checkpoints; on any failure, names the first bad index as
 * precisely as the checkpoints, receipts and the log's proofs allow. A failed check is in the
 * report, never thrown; only bad input (an unreadable checkpoint or proof) throws.
 */
export async function verifyExport(request: VerifyRequest): Promise<VerifyReport> {
  const started = performance.now();
  const head = peekCheckpoint(request.checkpoint, "the checkpoint");
  let opened: Opened | null = null;
  let result: Checked | null = null;
  let failure: VerificationFailure | null;
  try {
    opened = openAll(request);
    result = await check(request, opened);
    failure = result.failure;
  } catch (error) {
    if (!(error instanceof VerificationFailure)) throw error;
    failure = error;
  }
  return buildReport({
    head,
    opened,
    tree: result?.tree ?? null,
    entries: result?.entries ?? 0,
    bytes: result?.bytes ?? 0,
    proofs: result?.proofs ?? 0,
    failure,
    seconds: (performance.now() - started) / 1000,
  });
}
