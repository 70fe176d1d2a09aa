import { expect } from "vitest";
import {
  decodeBase64,
  decodeEntry,
  makeEd25519Verifier,
  openCheckpoint,
  parseVerifierKey,
  verifyInclusion,
  type LogEntry,
  type NoteVerifier,
} from "../../src/core/log/index.ts";
import type { TestApi } from "./api.ts";

/** A receipt as the API returns it. */
export interface ApiReceipt {
  index: number;
  leafHash: string;
  inclusionProof: string[];
  checkpoint: string;
}

const bytes = (text: string) => decodeBase64(text)!;

/** The log's verifier, read from the public key route as a stranger would. */
export async function readLogVerifier(t: TestApi): Promise<NoteVerifier> {
  const res = await t.call("GET", "/api/v1/log/key");
  expect(res.status).toBe(200);
  const key = parseVerifierKey(String(res.body).trim());
  return makeEd25519Verifier(key.name, key.publicKey);
}

/** Checks a receipt offline with the core verifiers alone: the note's signature, then the proof to its root. */
export function verifyReceipt(receipt: ApiReceipt, verifier: NoteVerifier): boolean {
  const { checkpoint } = openCheckpoint(receipt.checkpoint, verifier);
  return verifyInclusion(bytes(receipt.leafHash), receipt.index, checkpoint.size, receipt.inclusionProof.map(bytes), checkpoint.root);
}

/** Every entry of the log, decoded, read page by page through the public API. */
export async function readAllEntries(t: TestApi): Promise<{ index: number; leaf: Uint8Array; entry: LogEntry }[]> {
  const all: { index: number; leaf: Uint8Array; entry: LogEntry }[] = [];
  for (;;) {
    const res = await t.call("GET", `/api/v1/log/entries?from=${all.length}&format=json`);
    expect(res.status).toBe(200);
    const page = res.body.entries as { index: number; leaf: string }[];
    if (page.length === 0) return all;
    for (const line of page) {
      const leaf = bytes(line.leaf);
      all.push({ index: line.index, leaf, entry: decodeEntry(leaf) });
    }
  }
}
