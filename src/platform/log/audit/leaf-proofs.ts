import { PolyphonyError } from "../../../core/errors.ts";
import { decodeBase64, HASH_SIZE, verifyInclusion } from "../../../core/log/index.ts";
import type { Anchor, LeafFact } from "./evidence.ts";
import { openTrustedCheckpoint, type TrustedCheckpoint, type Trust } from "./trusted-checkpoint.ts";

/** What a file of receipts or inclusion proofs establishes. */
export interface LeafProofs {
  readonly facts: readonly LeafFact[];
  /** The signed checkpoints the receipts carried: each is an anchor, as a --previous would be. */
  readonly checkpoints: readonly TrustedCheckpoint[];
}

const hashOf = (value: unknown) => {
  const bytes = typeof value === "string" ? decodeBase64(value) : null;
  return bytes !== null && bytes.length === HASH_SIZE ? bytes : null;
};

/**
 * Reads receipts (what the API returns for each contribution: `{index, leafHash, inclusionProof,
 * checkpoint}`) or inclusion proofs (`GET /api/v1/log/proof/inclusion`), one JSON object a line.
 * Each counts only if its proof verifies under a checkpoint the verifier trusts: the one it
 * carries (checked with `trust`), or, when it carries none, an anchor of the same size.
 */
export function readLeafProofs(text: string, trust: Trust, anchors: readonly Anchor[]): LeafProofs {
  const facts: LeafFact[] = [];
  const checkpoints: TrustedCheckpoint[] = [];
  text.split("\n").forEach((line, n) => {
    if (line.trim() === "") return;
    const where = `line ${n + 1} of --proofs`;
    const bad = (why: string) => new PolyphonyError("invalid_input", `${where}: ${why}`, { field: "proofs" });
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw bad("not JSON");
    }
    const index = value.index;
    const leafHash = hashOf(value.leafHash);
    const proof = Array.isArray(value.inclusionProof) ? value.inclusionProof.map(hashOf) : [null];
    if (!Number.isSafeInteger(index) || leafHash === null || proof.some((h) => h === null)) {
      throw bad("a proof has an index, a base64 leafHash and an inclusionProof of base64 hashes");
    }
    let anchor: Anchor | undefined;
    if (typeof value.checkpoint === "string") {
      const opened = openTrustedCheckpoint(value.checkpoint, trust, `the checkpoint on ${where}`);
      checkpoints.push(opened);
      anchor = opened.checkpoint;
    } else {
      anchor = anchors.find((a) => a.size === value.size);
    }
    if (!anchor) return;
    if (!verifyInclusion(leafHash, index as number, anchor.size, proof as Uint8Array[], anchor.root)) throw bad("its inclusion proof does not verify");
    facts.push({ index: index as number, leafHash });
  });
  return { facts, checkpoints };
}
