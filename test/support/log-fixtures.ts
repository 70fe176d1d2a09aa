import {
  HashTree,
  commitContent,
  encodeBase64,
  encodeEntry,
  encodeUtf8,
  formatExportLine,
  makeEd25519Signer,
  makeEd25519Verifier,
  signCheckpoint,
  type LogEntry,
  type NoteSigner,
  type NoteVerifier,
} from "../../src/core/log/index.ts";
import { ed25519 } from "@noble/curves/ed25519.js";
import { NODE_HASHER } from "../../src/platform/log/node-hasher.ts";
import type { LogProver } from "../../src/platform/log/audit/evidence.ts";

/** The origin of the test log; its key has the same name, as C2SP suggests. */
export const TEST_ORIGIN = "test.polyphony.example/log";

/** A log key from a fixed seed: its signer and its verifier. */
export function makeTestLogKey(seedByte = 7, name = TEST_ORIGIN): { signer: NoteSigner; verifier: NoteVerifier; publicKey: Uint8Array } {
  const seed = new Uint8Array(32).fill(seedByte);
  const publicKey = ed25519.getPublicKey(seed);
  return { signer: makeEd25519Signer(name, seed), verifier: makeEd25519Verifier(name, publicKey), publicKey };
}

/** The leaf bytes of a plausible entry number i (a vote, a card, …), different for each i and tag. */
export function makeTestLeaf(i: number, tag = ""): Uint8Array {
  const salt = new Uint8Array(16).fill(i % 251);
  const entry: LogEntry = {
    v: 1,
    kind: i % 3 === 0 ? "values_card" : "vote",
    campaign: "c-test",
    author: `researcher:r${i % 5}`,
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    body: { digest: commitContent({ n: i, tag }, salt), id: `e${i}` },
  };
  return encodeEntry(entry);
}

/** A log of `size` entries held in memory, as its operator would hold it. */
export class TestLog {
  readonly leaves: Uint8Array[];
  readonly tree: HashTree;

  /** The log of `size` test leaves, or of the leaves given. */
  constructor(size: number | Uint8Array[]) {
    this.leaves = typeof size === "number" ? Array.from({ length: size }, (_, i) => makeTestLeaf(i)) : size;
    this.tree = HashTree.fromLeafHashes(this.leaves.map((l) => NODE_HASHER.hashLeaf(l)), NODE_HASHER);
  }

  /** The signed checkpoint of the first `size` entries. */
  checkpoint(signer: NoteSigner, size = this.tree.size, origin = TEST_ORIGIN): string {
    return signCheckpoint({ origin, size, root: this.tree.root(size), extensions: [] }, [signer]);
  }

  /** The receipt of entry `index`, as the API gives a contributor: its proof in the checkpoint of `size`. */
  receipt(signer: NoteSigner, index: number, size = index + 1): string {
    const leafHash = encodeBase64(this.tree.readNode(0, index));
    const inclusionProof = this.tree.proveInclusion(index, size).map(encodeBase64);
    return JSON.stringify({ index, leafHash, inclusionProof, checkpoint: this.checkpoint(signer, size) });
  }

  /** A prover that answers from this (genuine) log. */
  prover(): LogProver {
    return {
      proveConsistency: async (m, n) => this.tree.proveConsistency(m, n),
      proveLeaf: async (i, n) => ({ leafHash: this.tree.readNode(0, i), proof: this.tree.proveInclusion(i, n) }),
    };
  }
}

/** Export lines of leaves, each with the index it claims, joined into one JSONL text. */
export function formatExport(lines: readonly { index: number; leaf: Uint8Array }[]): string {
  return lines.map((l) => formatExportLine(l.index, l.leaf) + "\n").join("");
}

/** The text as an async stream of chunks of `size` bytes, as a file or an HTTP body arrives. */
export async function* chunksOf(text: string, size = 97): AsyncGenerator<Uint8Array> {
  const bytes = encodeUtf8(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}
