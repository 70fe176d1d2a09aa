import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, POLICIES, countRows } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";
import type { Store } from "../src/store/open.ts";

const policies = POLICIES;

describe.each(storeTargets())("moral-graph API on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let campaign: { id: string; questions: { id: string }[]; contexts: { id: string; name: string }[] };

  const join = async (answers: Record<string, string> = {}) => {
    const res = await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: { answers } });
    expect(res.status).toBe(201);
    return res.body.token as string;
  };
  const submit = async (token: string, title: string, extra: Record<string, unknown> = {}) =>
    t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, {
      token,
      body: { question: campaign.questions[0]!.id, title, description: `Living by ${title}.`, policies, ...extra },
    });
  const count = (table: string) => countRows(store, table);

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    const res = await t.call("POST", "/api/v1/campaigns", {
      token: t.researcher,
      body: {
        title: "Teenagers and hard questions",
        questions: ["How should an assistant respond to a teenager asking about abortion?"],
        contexts: ["When in distress", "When seeking information"],
        demographics: [{ key: "politics", question: "Political affiliation", options: ["left", "right"] }],
      },
    });
    expect(res.status).toBe(201);
    campaign = res.body.campaign;
  });
  afterAll(async () => store?.close());

  it("needs a researcher token to create campaigns", async () => {
    const res = await t.call("POST", "/api/v1/campaigns", { body: { title: "x", questions: ["q"], contexts: ["c"] } });
    expect(res.status).toBe(401);
    expect(res.type).toContain("application/problem+json");
    const bad = await t.call("POST", "/api/v1/campaigns", { token: "pr_nope", body: { title: "x", questions: ["q"], contexts: ["c"] } });
    expect(bad.status).toBe(401);
  });

  it("answers malformed JSON with a 400 problem and writes nothing", async () => {
    const before = await count("campaigns");
    const res = await t.call("POST", "/api/v1/campaigns", { token: t.researcher, raw: '{"title": "x",' });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe("body");
    expect(await count("campaigns")).toBe(before);
  });

  it("rejects a card with 2 or 8 policies, naming the field", async () => {
    const token = await join();
    const before = await count("values_cards");
    for (const n of [2, 8]) {
      const res = await submit(token, "Too few or many", { policies: Array.from({ length: n }, (_, i) => `THINGS number ${i}`) });
      expect(res.status).toBe(422);
      expect(res.body.field).toBe("policies");
    }
    expect(await count("values_cards")).toBe(before);
  });

  it("rejects a 1 MB title with 413 and writes nothing", async () => {
    const token = await join();
    const before = await count("values_cards");
    const res = await submit(token, "x".repeat(1024 * 1024));
    expect(res.status).toBe(413);
    expect(res.type).toContain("application/problem+json");
    expect(await count("values_cards")).toBe(before);
  });

  it("checks demographic answers against the campaign's questions", async () => {
    const res = await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: { answers: { politics: "centre" } } });
    expect(res.status).toBe(422);
    expect(res.body.field).toBe("answers/politics");
    const unknown = await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: { answers: { age: "12" } } });
    expect(unknown.body.field).toBe("answers/age");
  });

  it("answers unknown ids with 404", async () => {
    expect((await t.call("GET", "/api/v1/campaigns/cmp_missing")).status).toBe(404);
    const token = await join();
    const res = await submit(token, "Honest care", { question: "q_missing" });
    expect(res.status).toBe(404);
    expect(res.body.field).toBe("question");
  });

  it("runs a deliberation: cards, stories, votes, merge and undo, graph", async () => {
    const alice = await join({ politics: "left" });
    const bob = await join({ politics: "right" });
    const a = (await submit(alice, "Informational autonomy")).body.card.canonicalId as string;
    const b = (await submit(bob, "Caring presence")).body.card.canonicalId as string;
    const same = await submit(bob, "Caring presence, again", { sameAs: b });
    expect(same.status).toBe(201);
    expect(same.body.card.canonicalId).toBe(b);
    const distress = campaign.contexts[0]!.id;

    const story = await t.call("POST", `/api/v1/campaigns/${campaign.id}/stories`, {
      token: t.researcher,
      body: { from: a, to: b, context: distress, text: "I used to answer with facts; then I saw a friend needed company first." },
    });
    expect(story.status).toBe(201);

    const served = await t.call("GET", `/api/v1/campaigns/${campaign.id}/stories/next`, { token: alice });
    expect(served.status).toBe(200);
    expect(served.body.stories.map((s: { id: string }) => s.id)).toContain(story.body.story.id);

    const vote = (token: string, relationship: string, context = distress) =>
      t.call("POST", `/api/v1/campaigns/${campaign.id}/votes`, { token, body: { from: a, to: b, context, relationship, story: story.body.story.id } });
    expect((await vote(alice, "no_upgrade")).status).toBe(201);
    const replaced = await vote(alice, "upgrade");
    expect(replaced.body.vote.relationship).toBe("upgrade");
    expect(await count("votes")).toBe(1);
    expect((await vote(bob, "upgrade")).status).toBe(201);

    const again = await t.call("GET", `/api/v1/campaigns/${campaign.id}/stories/next`, { token: alice });
    expect(again.body.stories.map((s: { id: string }) => s.id)).not.toContain(story.body.story.id);

    const foreign = await t.call("POST", `/api/v1/campaigns/${campaign.id}/votes`, {
      token: alice,
      body: { from: a, to: b, context: "ctx_elsewhere", relationship: "upgrade" },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.field).toBe("context");

    const mai = await t.call("GET", `/api/v1/campaigns/${campaign.id}/graph?method=mai-2023`);
    expect(mai.status).toBe(200);
    expect(mai.body.edges).toHaveLength(1);
    expect(mai.body.edges[0]).toMatchObject({ from: a, to: b, counts: { markedWiser: 2, impressions: 2 } });
    expect(mai.body.values[0].id).toBe(b);
    const pagerank = await t.call("GET", `/api/v1/campaigns/${campaign.id}/graph?method=pagerank`);
    expect(pagerank.body.method).toBe("pagerank");
    const hbt = await t.call("GET", `/api/v1/campaigns/${campaign.id}/graph`);
    expect(hbt.body).toMatchObject({ method: "polyphony", countedVotes: 2, notSure: 0 });
    expect(hbt.body.values[0].id).toBe(b);

    const c = (await submit(alice, "Candid information")).body.card.canonicalId as string;
    const merge = await t.call("POST", `/api/v1/campaigns/${campaign.id}/merges`, {
      token: t.researcher,
      body: { into: a, from: [c], reason: "both are about giving real information" },
    });
    expect(merge.status).toBe(201);
    const votingOnMerged = await t.call("POST", `/api/v1/campaigns/${campaign.id}/votes`, {
      token: bob,
      body: { from: c, to: b, context: distress, relationship: "upgrade" },
    });
    expect(votingOnMerged.status).toBe(422);
    expect(votingOnMerged.body.field).toBe("from");
    const undone = await t.call("POST", `/api/v1/campaigns/${campaign.id}/merges/${merge.body.merge.id}/undo`, {
      token: t.researcher,
      body: { reason: "they differ after all" },
    });
    expect(undone.status).toBe(200);
    expect(undone.body.merge.undoneAt).not.toBeNull();
    const merges = await t.call("GET", `/api/v1/campaigns/${campaign.id}/merges`, { token: t.researcher });
    expect(merges.body.merges).toHaveLength(1);
    const cards = await t.call("GET", `/api/v1/campaigns/${campaign.id}/canonical-cards`);
    expect(cards.body.cards.map((x: { id: string }) => x.id)).toContain(c);
  });

  it("answers 503 for the articulation chat and story generation when no LLM is configured", async () => {
    const token = await join();
    const res = await t.call("POST", `/api/v1/campaigns/${campaign.id}/articulate`, {
      token,
      body: { question: campaign.questions[0]!.id, message: "I care about honesty" },
    });
    expect(res.status).toBe(503);
    expect(res.body.detail).toMatch(/POLYPHONY_LLM_BASE_URL/);
    expect((await t.call("GET", "/api/v1/capabilities")).body.llm).toBe(false);
  });

  it("publishes an OpenAPI 3.1 document", async () => {
    const res = await t.call("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(Object.keys(res.body.paths)).toContain("/api/v1/campaigns/{campaign}/votes");
  });
});
