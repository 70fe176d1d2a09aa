/** A trusted tree head: a size and the root a checked checkpoint gives for it. */
export interface Anchor {
  readonly size: number;
  readonly root: Uint8Array;
}

/** A leaf the log proved it holds: its hash at an index, by inclusion under a trusted root. */
export interface LeafFact {
  readonly index: number;
  readonly leafHash: Uint8Array;
}

/** The proofs a running log serves; nothing it returns is trusted before it verifies. */
export interface LogProver {
  /** RFC 9162 consistency proof from the tree of size1 to the tree of size2. */
  proveConsistency(size1: number, size2: number): Promise<Uint8Array[]>;
  /** The log's leaf hash at `index` and its inclusion proof in the tree of `size`. */
  proveLeaf(index: number, size: number): Promise<{ leafHash: Uint8Array; proof: Uint8Array[] }>;
}

/** What the search for a first bad index may use: trusted checkpoints and leaves, and perhaps the running log. */
export interface Evidence {
  readonly anchors: readonly Anchor[];
  readonly facts: readonly LeafFact[];
  /** The checkpoint the log's proofs must lead to. */
  readonly target: Anchor;
  readonly prover: LogProver | null;
}
