import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { rowsOf } from "../src/store/rows.ts";
import { createTestApi, POLICIES, type TestApi } from "./support/api.ts";
import { readAllEntries } from "./support/receipts.ts";
import { storeTargets } from "./support/stores.ts";

const CARDS = 6;

/** One researcher action; a batch of them is sent at once. */
type Op = { kind: "merge"; into: number; from: number } | { kind: "undo"; nth: number } | { kind: "hide" | "unhide"; vote: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("merge" as const), into: fc.nat(CARDS - 1), from: fc.nat(CARDS - 1) }),
  fc.record({ kind: fc.constant("undo" as const), nth: fc.nat(20) }),
  fc.record({ kind: fc.constantFrom("hide" as const, "unhide" as const), vote: fc.nat(1) }),
);

/**
 * Researchers curating one campaign at the same moment: merges (also two cards into each other),
 * undos and hides arrive together. Whatever the interleaving, merges form a forest (no card is
 * merged, through any chain, into itself) and every accepted action is in the log exactly once.
 */
describe.each(storeTargets())("concurrent merges and moderation on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let at: string;
  const cards: string[] = [];
  const votes: string[] = [];
  let token: string;
  let question: string;
  const addCard = async (title: string) => {
    const res = await t.call("POST", `${at}/cards`, { token, body: { question, title, description: `Living by ${title}.`, policies: POLICIES } });
    return (res.body as { card: { canonicalId: string } }).card.canonicalId;
  };

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    const created = await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body: { title: "Curated", questions: ["How should it answer?"], contexts: ["In distress"] } });
    const campaign = (created.body as { campaign: { id: string; questions: { id: string }[]; contexts: { id: string }[] } }).campaign;
    at = `/api/v1/campaigns/${campaign.id}`;
    const joined = await t.call("POST", `${at}/participants`, { body: {} });
    token = (joined.body as { token: string }).token;
    question = campaign.questions[0]!.id;
    for (let i = 0; i < CARDS; i++) cards.push(await addCard(`value ${i}`));
    for (const [from, to] of [[0, 1], [2, 3]] as const) {
      const res = await t.call("POST", `${at}/votes`, { token, body: { from: cards[from], to: cards[to], context: campaign.contexts[0]!.id, relationship: "upgrade" } });
      votes.push((res.body as { vote: { id: string } }).vote.id);
    }
  });
  afterAll(async () => store?.close());

  const send = async (o: Op) => {
    const researcher = { token: t.researcher };
    switch (o.kind) {
      case "merge":
        return t.call("POST", `${at}/merges`, { ...researcher, body: { into: cards[o.into], from: [cards[o.from]], reason: "alike" } });
      case "undo": {
        const merges = ((await t.call("GET", `${at}/merges`, researcher)).body as { merges: { id: string }[] }).merges;
        const merge = merges[o.nth % Math.max(1, merges.length)];
        return merge ? t.call("POST", `${at}/merges/${merge.id}/undo`, { ...researcher, body: { reason: "not alike" } }) : { status: 404, body: null };
      }
      case "hide":
      case "unhide":
        return t.call("POST", `${at}/moderation${o.kind === "unhide" ? "/unhide" : ""}`, { ...researcher, body: { target: { kind: "vote", id: votes[o.vote] }, reason: "checking" } });
    }
  };

  async function checkInvariants() {
    const rows = rowsOf<{ id: string; merged_into: string | null }>(await store.db.execute(sql`SELECT id, merged_into FROM canonical_cards`));
    const into = new Map(rows.map((r) => [r.id, r.merged_into]));
    for (const start of into.keys()) {
      const seen = new Set<string>();
      for (let at: string | null | undefined = start; at; at = into.get(at)) {
        expect(seen.has(at), `a merge cycle through ${at}`).toBe(false);
        seen.add(at);
      }
    }
    const entries = (await readAllEntries(t)).map((e) => e.entry);
    const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
    const [merges] = rowsOf<{ all: number; undone: number }>(await store.db.execute(sql`SELECT count(*)::int AS all, count(undone_at)::int AS undone FROM merges`));
    expect(count("merge")).toBe(merges!.all);
    expect(count("merge_undone")).toBe(merges!.undone);
    const [actions] = rowsOf<{ hides: number; unhides: number }>(
      await store.db.execute(sql`SELECT count(*) FILTER (WHERE action = 'hide')::int AS hides, count(*) FILTER (WHERE action = 'unhide')::int AS unhides FROM moderation_actions`),
    );
    expect(count("content_hidden")).toBe(actions!.hides);
    expect(count("content_unhidden")).toBe(actions!.unhides);
    // Hides and unhides of one vote alternate: one can never be recorded twice in a row.
    for (const vote of votes) {
      const sequence = entries.filter((e) => e.body.target === vote).map((e) => e.kind);
      for (let i = 1; i < sequence.length; i++) expect(sequence[i], `vote ${vote}: ${sequence.join(", ")}`).not.toBe(sequence[i - 1]);
    }
  }

  it("keeps merges a forest and logs every action once, whatever the interleaving", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 2, maxLength: 8 }), async (batch) => {
        const answers = await Promise.all(batch.map(send));
        for (const answer of answers) expect([200, 201, 404, 409, 422], JSON.stringify(answer.body)).toContain(answer.status);
        await checkInvariants();
      }),
      { numRuns: 25 },
    );
  }, 300_000);

  it("lets only one of two opposite merges through, and only one of five identical hides", async () => {
    const [a, b] = [await addCard("calm first"), await addCard("facts first")];
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all([
        t.call("POST", `${at}/merges`, { token: t.researcher, body: { into: a, from: [b], reason: "alike" } }),
        t.call("POST", `${at}/merges`, { token: t.researcher, body: { into: b, from: [a], reason: "alike" } }),
      ]);
      expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
      const merge = answers.find((r) => r.status === 201)!.body as { merge: { id: string } };
      expect((await t.call("POST", `${at}/merges/${merge.merge.id}/undo`, { token: t.researcher, body: { reason: "again" } })).status).toBe(200);
    }
    // A vote the random batches never touched.
    const context = (await t.call("GET", at)).body as { campaign: { contexts: { id: string }[] } };
    const voted = await t.call("POST", `${at}/votes`, { token, body: { from: a, to: b, context: context.campaign.contexts[0]!.id, relationship: "upgrade" } });
    const vote = (voted.body as { vote: { id: string } }).vote.id;
    const hides = await Promise.all(
      Array.from({ length: 5 }, () => t.call("POST", `${at}/moderation`, { token: t.researcher, body: { target: { kind: "vote", id: vote }, reason: "spam" } })),
    );
    expect(hides.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    await checkInvariants();
  }, 120_000);
});
