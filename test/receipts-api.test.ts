import { ed25519 } from "@noble/curves/ed25519.js";
import canonicalize from "canonicalize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBase64, decodeEntry, encodeBase64, hashLeaf, openCheckpoint, verifyContent, verifyInclusion, type NoteVerifier } from "../src/core/log/index.ts";
import { parseTlogProof } from "../src/core/log/tlog-proof.ts";
import type { Store } from "../src/store/open.ts";
import { createTestApi, POLICIES, type TestApi } from "./support/api.ts";
import { readLogVerifier } from "./support/receipts.ts";
import { storeTargets } from "./support/stores.ts";

interface FullReceipt {
  index: number;
  leafHash: string;
  inclusionProof: string[];
  checkpoint: string;
  leaf: string;
  opening: { salt: string; content: string; signature: string | null } | null;
  tlogProof: string;
}

const bytes = (text: string) => decodeBase64(text)!;

/**
 * What the author of a contribution can check offline with their receipt alone and the log's key:
 * the leaf is in the signed tree, and it commits to exactly what they sent, signed by their key.
 */
function checkMine(receipt: FullReceipt, verifier: NoteVerifier, sent: unknown, kind: string, author: string) {
  const leaf = bytes(receipt.leaf);
  expect(encodeBase64(hashLeaf(leaf))).toBe(receipt.leafHash);
  const { checkpoint } = openCheckpoint(receipt.checkpoint, verifier);
  expect(verifyInclusion(hashLeaf(leaf), receipt.index, checkpoint.size, receipt.inclusionProof.map(bytes), checkpoint.root)).toBe(true);
  const entry = decodeEntry(leaf);
  expect(entry).toMatchObject({ kind, author });
  const opening = receipt.opening!;
  const content: unknown = JSON.parse(opening.content);
  expect(content).toEqual(sent);
  expect(verifyContent(entry, content as never, bytes(opening.salt))).toBe(true);
  const message = new TextEncoder().encode(canonicalize({ v: 1, campaign: entry.campaign, kind, content }));
  expect(ed25519.verify(bytes(opening.signature!), message, bytes(author))).toBe(true);
  // The same proof as a C2SP tlog-proof file, holding the leaf bytes as its extra.
  const file = parseTlogProof(receipt.tlogProof);
  expect(file.index).toBe(receipt.index);
  expect(file.proof.map(encodeBase64)).toEqual(receipt.inclusionProof);
  expect(file.checkpoint).toBe(receipt.checkpoint);
  expect(file.extra).toEqual(leaf);
}

describe.each(storeTargets())("receipts that prove this contribution, on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let verifier: NoteVerifier;

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    verifier = await readLogVerifier(t);
  });
  afterAll(async () => store?.close());

  it("carry the leaf and its opening, so the author sees the entry commits to what they sent, also as a tlog-proof", async () => {
    const created = await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body: { title: "Receipts", questions: ["Q?"], contexts: ["C"] } });
    const campaign = created.body.campaign as { id: string; questions: { id: string }[] };
    const joined = await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: {} });
    const author = joined.body.participant.publicKey as string;
    checkMine(joined.body.receipt as FullReceipt, verifier, { answers: {} }, "participant_joined", author);
    const card = { question: campaign.questions[0]!.id, title: "Steady ground", description: "Help her find her footing.", policies: POLICIES };
    const submitted = await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, { token: joined.body.token, body: { ...card, title: "  Steady ground  " } });
    expect(submitted.status).toBe(201);
    // The content committed is what the API stored: the title trimmed.
    checkMine(submitted.body.receipt as FullReceipt, verifier, card, "values_card", author);
    const other = JSON.parse((submitted.body.receipt as FullReceipt).opening!.content) as { title: string };
    expect(other.title).toBe("Steady ground");
  });

  it("open a researcher's entry too, which no participant signed", async () => {
    const created = await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body: { title: "Erased", questions: ["Q?"], contexts: ["C"] } });
    const id = created.body.campaign.id as string;
    const joined = await t.call("POST", `/api/v1/campaigns/${id}/participants`, { body: {} });
    const erased = await t.call("POST", `/api/v1/campaigns/${id}/erasures`, { token: t.researcher, body: { participant: joined.body.participant.id, reason: "asked" } });
    expect(erased.status).toBe(201);
    const receipt = erased.body.receipt as FullReceipt;
    expect(receipt.opening).not.toBeNull();
    expect(JSON.parse(receipt.opening!.content)).toEqual({ reason: "asked" });
    expect(receipt.opening!.signature).toBeNull();
  });
});
