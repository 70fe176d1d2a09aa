import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { createTestApi, POLICIES, countRows, type TestApi } from "./support/api.ts";
import { readAllEntries, readLogVerifier, verifyReceipt } from "./support/receipts.ts";
import { storeTargets } from "./support/stores.ts";

const entriesAuthor = (leaf: string) => (JSON.parse(Buffer.from(leaf, "base64").toString("utf8")) as { author: string }).author;

// A window wide enough that every vote sent at once lands in one batch, written by one statement.
const commit = { batchSize: 64, windowMs: 200 };

describe.each(storeTargets())("votes that arrive together on $name", (target) => {
  let store: Store;
  let t: TestApi;
  beforeEach(async () => {
    store = await target.open();
    t = await createTestApi(store, { commit });
  });
  afterEach(async () => store?.close());

  it("are checked and written together: each refused one alone, a repeated key replaced in order, all under one checkpoint", async () => {
    const body = { title: "Batches", questions: ["How should it answer?"], contexts: ["In distress"] };
    const { campaign } = (await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body })).body;
    const path = `/api/v1/campaigns/${campaign.id}`;
    const people: string[] = [];
    const cards: string[] = [];
    for (let i = 0; i < 3; i++) {
      const joined = (await t.call("POST", `${path}/participants`, { body: {} })).body;
      people.push(joined.token);
      const card = { question: campaign.questions[0].id, title: `Value ${i}`, description: `Living by value ${i}.`, policies: POLICIES };
      cards.push((await t.call("POST", `${path}/cards`, { token: joined.token, body: card })).body.card.canonicalId);
    }
    const context = campaign.contexts[0].id;
    const [a, b] = people as [string, string];
    const sent = [
      { token: a, body: { from: cards[0], to: cards[1], context, relationship: "upgrade" } },
      { token: b, body: { from: cards[0], to: "cc_missing", context, relationship: "upgrade" } },
      { token: a, body: { from: cards[0], to: cards[1], context, relationship: "no_upgrade", comment: "on second thought" } },
      { token: b, body: { from: cards[1], to: cards[2], context: "ctx_missing", relationship: "upgrade" } },
      { token: b, body: { from: cards[1], to: cards[2], context, relationship: "not_sure" } },
    ];
    const answers = await Promise.all(sent.map(({ token, body }) => t.call("POST", `${path}/votes`, { token, body })));

    expect(answers.map((r) => r.status)).toEqual([201, 404, 201, 422, 201]);
    expect(answers[1]!.body).toMatchObject({ field: "to" });
    expect(answers[3]!.body).toMatchObject({ field: "context" });
    // The second vote on the same key replaced the first, and says so in its entry.
    expect(answers[2]!.body.vote).toMatchObject({ id: answers[0]!.body.vote.id, relationship: "no_upgrade", comment: "on second thought" });
    expect(await countRows(store, "votes")).toBe(2);

    const receipts = [answers[0]!, answers[2]!, answers[4]!].map((r) => r.body.receipt);
    expect(new Set(receipts.map((r) => r.checkpoint)).size).toBe(1);
    expect(receipts.map((r) => r.index)).toEqual([receipts[0].index, receipts[0].index + 1, receipts[0].index + 2]);
    const verifier = await readLogVerifier(t);
    for (const receipt of receipts) expect(verifyReceipt(receipt, verifier)).toBe(true);
    const entries = await readAllEntries(t);
    const logged = receipts.map((r) => entries.find((e) => e.index === r.index)!.entry);
    expect(logged.map((e) => e.kind)).toEqual(["vote", "vote", "vote"]);
    expect(logged.map((e) => e.body.replaced)).toEqual([false, true, false]);
    expect(JSON.parse(receipts[1].opening.content)).toMatchObject({ relationship: "no_upgrade", comment: "on second thought" });

    // A participant from before keys existed gets one key from the first of their votes in a batch.
    const legacy = people[2]!;
    const me = (await t.call("GET", `${path}/me`, { token: legacy })).body;
    await store.db.execute(sql`DELETE FROM participant_keys WHERE participant_id = ${me.participant.id}`);
    const both = await Promise.all(
      [cards[0], cards[1]].map((to) => t.call("POST", `${path}/votes`, { token: legacy, body: { from: cards[2], to, context, relationship: "upgrade" } })),
    );
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    expect(new Set(both.map((r) => r.body.receipt.checkpoint)).size).toBe(1);
    const authors = both.map((r) => entriesAuthor(r.body.receipt.leaf));
    expect(authors[0]).toBe(authors[1]);
  });
});
