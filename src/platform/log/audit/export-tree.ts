import { HashTree, readExportLine, type ExportLine, type TreeHasher } from "../../../core/log/index.ts";
import { NODE_HASHER } from "../node-hasher.ts";
import { checkEntryShape, type ShapeCheck } from "./entry-shape.ts";
import { VerificationFailure } from "./failure.ts";

/**
 * Rebuilds the Merkle tree of an export, one line at a time, checking each line's layout (its
 * "entry" must be the text of its "leaf"), that the indices run 0, 1, 2, … without a gap, a
 * repeat or a swap, and each entry's shape. The first line that breaks a rule names the first
 * bad index, and is not added. Keeping every
 * node (a HashTree, 64 MB for a million entries) rather than a frontier lets the verifier compare
 * the root at any earlier size with earlier checkpoints and bisect with a log's proofs.
 */
export class ExportTree {
  readonly tree: HashTree;
  readonly #hasher: TreeHasher;
  readonly #shapes: ShapeCheck | null;

  /** `shapes` says how closely to read each entry; null reads only the layout of lines. */
  constructor(shapes: ShapeCheck | null, hasher: TreeHasher = NODE_HASHER) {
    this.#shapes = shapes;
    this.#hasher = hasher;
    this.tree = new HashTree(hasher);
  }

  /** Number of lines accepted so far. */
  get size(): number {
    return this.tree.size;
  }

  /** Checks the next line (without its newline) and appends its leaf hash. */
  add(line: Uint8Array): void {
    const position = this.tree.size;
    const parsed = readLine(line, position);
    if (parsed.index !== position) throw describeSequenceBreak(position, parsed.index);
    if (this.#shapes) checkEntryShape(parsed.leaf, position, this.#shapes);
    this.tree.append(this.#hasher.hashLeaf(parsed.leaf));
  }
}

function readLine(line: Uint8Array, position: number): ExportLine {
  try {
    return readExportLine(line);
  } catch (error) {
    throw new VerificationFailure("line", `line ${position + 1} (index ${position}): ${(error as Error).message}`, {
      index: position,
    });
  }
}

/** Line `position` holds `index`: an entry was dropped, inserted, repeated or moved there. */
function describeSequenceBreak(position: number, index: number): VerificationFailure {
  const message =
    index > position
      ? `index ${position} is missing: line ${position + 1} holds index ${index} (an entry was dropped or moved)`
      : `line ${position + 1} holds index ${index} again where index ${position} belongs (an entry was repeated, inserted or moved)`;
  return new VerificationFailure("sequence", message, { index: position });
}
