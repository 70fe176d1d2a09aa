import { ed25519 } from "@noble/curves/ed25519.js";
import canonicalize from "canonicalize";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64, hashLeaf, verifyContent, type NoteVerifier } from "../src/core/log/index.ts";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi, countRows } from "./support/api.ts";
import { readAllEntries, readLogVerifier, verifyReceipt, type ApiReceipt } from "./support/receipts.ts";
import { storeTargets } from "./support/stores.ts";

const policies = ["MOMENTS when they name a fear", "CHOICES that still feel right later", "PEOPLE who could support them"];

/** What a browser holding its own key does: sign the RFC 8785 JSON of {v, campaign, kind, content}. */
function signAs(seed: Uint8Array, campaign: string, kind: string, content: unknown): string {
  const message = new TextEncoder().encode(canonicalize({ v: 1, campaign, kind, content }));
  return encodeBase64(ed25519.sign(message, seed));
}

describe.each(storeTargets())("contribution log API on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let verifier: NoteVerifier;
  let campaign: { id: string; questions: { id: string }[]; contexts: { id: string }[] };
  const receipts: ApiReceipt[] = [];
  const bobSeed = ed25519.utils.randomSecretKey();
  const bobKey = encodeBase64(ed25519.getPublicKey(bobSeed));
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  let aliceCard: { id: string; canonicalId: string };
  let bobCard: { id: string; canonicalId: string };

  const count = (table: string) => countRows(store, table);
  const accepted = async (res: { status: number; body: any }, status = 201) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    receipts.push(res.body.receipt);
    return res.body;
  };
  const asResearcher = (method: string, path: string, body: unknown) => t.call(method, `/api/v1/campaigns/${campaign.id}${path}`, { token: t.researcher, body });
  const card = (title: string) => ({ question: campaign.questions[0]!.id, title, description: `Living by ${title}.`, policies });

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    verifier = await readLogVerifier(t);
    const created = await accepted(
      await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body: { title: "Logged", questions: ["How should it answer?"], contexts: ["In distress"] } }),
    );
    campaign = created.campaign;
    await accepted(await asResearcher("PATCH", "", { addContexts: ["Seeking facts"] }), 200);
    await accepted(await asResearcher("POST", "/invites", { count: 2 }));
    await accepted(await asResearcher("PATCH", "/allowlist", { add: ["pid-1"] }), 200);
  });
  afterAll(async () => store?.close());

  it("logs a join under a server-held key, or signed by the participant's own key", async () => {
    const a = await accepted(await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: {} }));
    alice = { id: a.participant.id, token: a.token };
    expect(a.participant.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);

    const unsigned = await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: { publicKey: bobKey } });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.field).toBe("polyphony-signature");
    const signature = signAs(bobSeed, campaign.id, "participant_joined", { answers: {} });
    const b = await accepted(
      await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: { publicKey: bobKey }, headers: { "Polyphony-Signature": signature } }),
    );
    bob = { id: b.participant.id, token: b.token };
    expect(b.participant.publicKey).toBe(bobKey);
  });

  it("takes a signed contribution from a participant who holds their key, and refuses one unsigned or badly signed", async () => {
    const body = card("Caring presence");
    const cards = await count("values_cards");
    const entries = await count("log_entries");
    const none = await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, { token: bob.token, body });
    expect(none.status).toBe(401);
    const wrong = signAs(bobSeed, campaign.id, "values_card", { ...body, title: "Something else" });
    const bad = await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, { token: bob.token, body, headers: { "Polyphony-Signature": wrong } });
    expect(bad.status).toBe(401);
    expect(bad.type).toContain("application/problem+json");
    expect([await count("values_cards"), await count("log_entries")]).toEqual([cards, entries]);

    const signature = signAs(bobSeed, campaign.id, "values_card", body);
    bobCard = (await accepted(await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, { token: bob.token, body, headers: { "Polyphony-Signature": signature } }))).card;
  });

  it("gives cards, stories, votes, surveys, merges and moderation their entries and receipts", async () => {
    aliceCard = (await accepted(await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, { token: alice.token, body: card("Informational autonomy") }))).card;
    await accepted(await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, { token: alice.token, body: { ...card("Caring, too"), sameAs: bobCard.canonicalId } }));
    const pair = { from: aliceCard.canonicalId, to: bobCard.canonicalId, context: campaign.contexts[0]!.id };
    const story = (await accepted(await asResearcher("POST", "/stories", { ...pair, text: "First the facts; then I saw company mattered more." }))).story;
    await accepted(await t.call("POST", `/api/v1/campaigns/${campaign.id}/votes`, { token: alice.token, body: { ...pair, relationship: "no_upgrade" } }));
    const vote = (
      await accepted(
        await t.call("POST", `/api/v1/campaigns/${campaign.id}/votes`, { token: alice.token, body: { ...pair, relationship: "upgrade", comment: "my sister", story: story.id } }),
      )
    ).vote;
    const bobVote = { ...pair, relationship: "upgrade" };
    const signature = signAs(bobSeed, campaign.id, "vote", bobVote);
    await accepted(await t.call("POST", `/api/v1/campaigns/${campaign.id}/votes`, { token: bob.token, body: bobVote, headers: { "Polyphony-Signature": signature } }));
    await accepted(await t.call("POST", `/api/v1/campaigns/${campaign.id}/survey`, { token: alice.token, body: { represented: 4, fair: 5, comment: "felt heard" } }), 200);
    const merge = (await accepted(await asResearcher("POST", "/merges", { into: bobCard.canonicalId, from: [aliceCard.canonicalId], reason: "same value" }))).merge;
    await accepted(await asResearcher("POST", `/merges/${merge.id}/undo`, { reason: "they differ" }), 200);
    await accepted(await asResearcher("POST", "/moderation", { target: { kind: "vote", id: vote.id }, reason: "spam?" }));
    await accepted(await asResearcher("POST", "/moderation/unhide", { target: { kind: "vote", id: vote.id }, reason: "not spam" }), 200);

    const entries = await readAllEntries(t);
    expect(entries.map((e) => e.entry.kind)).toEqual([
      "campaign_created", "campaign_changed", "invites_created", "allowlist_changed",
      "participant_joined", "participant_joined",
      "values_card", "canonical_card", "values_card", "canonical_card", "values_card",
      "story", "vote", "vote", "vote", "survey_answer",
      "merge", "merge_undone", "content_hidden", "content_unhidden",
    ]);
    expect(entries.map((e) => e.index)).toEqual(entries.map((_, i) => i));
    const votes = entries.filter((e) => e.entry.kind === "vote").map((e) => e.entry.body);
    expect(votes.map((b) => b.replaced)).toEqual([false, true, false]);
    expect(entries[0]!.entry.author).toMatch(/^researcher:rsr_/);
    expect(entries[7]!.entry).toMatchObject({ author: "system", body: { card: bobCard.canonicalId, from: bobCard.id } });
    expect(entries[5]!.entry).toMatchObject({ author: bobKey, body: { custody: "participant" } });
    expect(entries[4]!.entry.body.custody).toBe("server");
    for (const { entry } of entries) {
      expect(JSON.stringify(entry)).not.toContain("pid-1");
      expect(JSON.stringify(entry)).not.toContain("my sister");
    }
  });

  it("gives receipts that verify offline against the signed checkpoint they carry", async () => {
    expect(receipts).toHaveLength(18); // every entry but the two canonical cards, which the system made
    for (const receipt of receipts) expect(verifyReceipt(receipt, verifier), `receipt ${receipt.index}`).toBe(true);
    const entries = await readAllEntries(t);
    for (const receipt of receipts) expect(receipt.leafHash).toBe(encodeBase64(hashLeaf(entries[receipt.index]!.leaf)));
    const tampered = { ...receipts[3]!, index: 2 };
    expect(verifyReceipt(tampered, verifier)).toBe(false);
  });

  it("opens every entry's digest with its stored salt and content, and participants' signatures, kept in the openings, verify", async () => {
    const entries = await readAllEntries(t);
    const result = await store.db.execute(sql`select entry_index as i, salt, content, signature from log_openings order by entry_index`);
    const openings = (result as { rows: { i: number | string; salt: Uint8Array; content: string; signature: string | null }[] }).rows;
    expect(openings).toHaveLength(entries.length);
    for (const o of openings) {
      const { entry } = entries[Number(o.i)]!;
      const content = JSON.parse(o.content);
      expect(verifyContent(entry, content, new Uint8Array(o.salt)), `entry ${o.i}`).toBe(true);
      // No public leaf carries a signature: over short content it would confirm guesses.
      expect(entry.body).not.toHaveProperty("sig");
      const byParticipant = !entry.author.startsWith("researcher:") && entry.author !== "system";
      expect(o.signature !== null, `entry ${o.i} by ${entry.author}`).toBe(byParticipant);
      if (o.signature !== null) {
        const message = new TextEncoder().encode(canonicalize({ v: 1, campaign: entry.campaign, kind: entry.kind, content }));
        expect(ed25519.verify(decodeBase64(o.signature)!, message, decodeBase64(entry.author)!), `signature of ${o.i}`).toBe(true);
      }
    }
  });

  it("leaves neither row nor entry when a contribution fails, before or in the middle of its transaction", async () => {
    const before = await Promise.all(["participants", "values_cards", "log_entries", "log_openings"].map(count));
    const invalid = await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, { token: alice.token, body: { ...card("Too few"), policies: ["one"] } });
    expect(invalid.status).toBe(422);
    // The second join with Bob's key inserts the participant, then fails on the key's unique index.
    const signature = signAs(bobSeed, campaign.id, "participant_joined", { answers: {} });
    const twice = await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: { publicKey: bobKey }, headers: { "Polyphony-Signature": signature } });
    expect(twice.status).toBe(409);
    expect(await Promise.all(["participants", "values_cards", "log_entries", "log_openings"].map(count))).toEqual(before);
    const next = await accepted(await t.call("POST", `/api/v1/campaigns/${campaign.id}/survey`, { token: alice.token, body: { represented: 3, fair: 3 } }), 200);
    expect(next.receipt.index).toBe(before[2]);
  });
});
