import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi, POLICIES, countRows } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

const policies = POLICIES;

describe.each(storeTargets())("moderation API on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let campaign: { id: string; questions: { id: string }[]; contexts: { id: string }[] };
  let alice: string;
  let bob: string;
  let cards: { a: { id: string; canonicalId: string }; b: { id: string; canonicalId: string } };
  let storyId: string;
  let voteId: string;

  const path = (rest: string) => `/api/v1/campaigns/${campaign.id}${rest}`;
  const hide = (kind: string, id: string, reason = "off topic") =>
    t.call("POST", path("/moderation"), { token: t.researcher, body: { target: { kind, id }, reason } });
  const unhide = (kind: string, id: string, reason = "on second look it is fine") =>
    t.call("POST", path("/moderation/unhide"), { token: t.researcher, body: { target: { kind, id }, reason } });
  const count = (table: string) => countRows(store, table);
  const canonicalIds = async () =>
    (await t.call("GET", path("/canonical-cards"))).body.cards.map((c: { id: string }) => c.id) as string[];

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    campaign = (
      await t.call("POST", "/api/v1/campaigns", {
        token: t.researcher,
        body: { title: "Moderation", questions: ["How should an assistant answer?"], contexts: ["When in distress"] },
      })
    ).body.campaign;
    const join = async () => (await t.call("POST", path("/participants"), { body: { answers: {} } })).body.token as string;
    alice = await join();
    bob = await join();
    const submit = async (token: string, title: string) =>
      (await t.call("POST", path("/cards"), { token, body: { question: campaign.questions[0]!.id, title, description: `About ${title}.`, policies } }))
        .body.card;
    cards = { a: await submit(alice, "Candour"), b: await submit(bob, "Company") };
    const context = campaign.contexts[0]!.id;
    const story = await t.call("POST", path("/stories"), {
      token: t.researcher,
      body: { from: cards.a.canonicalId, to: cards.b.canonicalId, context, text: "I used to lecture; now I sit with people first." },
    });
    storyId = story.body.story.id;
    const vote = await t.call("POST", path("/votes"), {
      token: bob,
      body: { from: cards.a.canonicalId, to: cards.b.canonicalId, context, relationship: "upgrade", story: storyId },
    });
    voteId = vote.body.vote.id;
  });
  afterAll(async () => store?.close());

  it("hides a canonical card from the card list and shows it again on unhide", async () => {
    const hidden = await hide("canonical_card", cards.a.canonicalId, "spam");
    expect(hidden.status).toBe(201);
    expect(hidden.body.action).toMatchObject({ action: "hide", reason: "spam", target: { kind: "canonical_card", id: cards.a.canonicalId } });
    expect(await canonicalIds()).not.toContain(cards.a.canonicalId);
    const shown = await unhide("canonical_card", cards.a.canonicalId, "it was not spam");
    expect(shown.status).toBe(200);
    expect(await canonicalIds()).toContain(cards.a.canonicalId);
  });

  it("hides a story from serving and a values card from its author's view", async () => {
    expect((await hide("story", storyId)).status).toBe(201);
    const served = await t.call("GET", path("/stories/next"), { token: alice });
    expect(served.body.stories.map((s: { id: string }) => s.id)).not.toContain(storyId);
    expect((await hide("values_card", cards.a.id, "personal data")).status).toBe(201);
    const me = await t.call("GET", path("/me"), { token: alice });
    expect(me.body.cards).toHaveLength(0);
  });

  it("hides a vote: the voter's count and the stats skip it", async () => {
    expect((await hide("vote", voteId, "bot")).status).toBe(201);
    expect((await t.call("GET", path("/me"), { token: bob })).body.votes).toBe(0);
    const stats = await t.call("GET", path("/stats"), { token: t.researcher });
    expect(stats.body.votes).toBe(0);
  });

  it("lists what is hidden with reasons, and every action", async () => {
    const res = await t.call("GET", path("/moderation"), { token: t.researcher });
    expect(res.status).toBe(200);
    const hidden = res.body.hidden as { target: { kind: string; id: string }; reason: string; label: string }[];
    expect(hidden.map((h) => h.target.kind).sort()).toEqual(["story", "values_card", "vote"]);
    expect(hidden.find((h) => h.target.kind === "values_card")).toMatchObject({ reason: "personal data", label: "Candour" });
    expect(hidden.find((h) => h.target.kind === "vote")?.reason).toBe("bot");
    const actions = res.body.actions as { action: string; reason: string }[];
    expect(actions).toHaveLength(5);
    expect(actions.filter((a) => a.action === "unhide").map((a) => a.reason)).toEqual(["it was not spam"]);
  });

  it("answers unknown, foreign or ill-typed targets with a 4xx naming the field, writing nothing", async () => {
    const before = await count("moderation_actions");
    const unknown = await hide("story", "sty_missing");
    expect(unknown.status).toBe(404);
    expect(unknown.body.field).toBe("target/id");
    const wrongKind = await hide("canonical_card", storyId);
    expect(wrongKind.status).toBe(404);
    const badKind = await hide("planet", storyId);
    expect(badKind.status).toBe(422);
    expect(badKind.body.field).toBe("target/kind");
    const noReason = await t.call("POST", path("/moderation"), { token: t.researcher, body: { target: { kind: "story", id: storyId } } });
    expect(noReason.status).toBe(422);
    expect(noReason.body.field).toBe("reason");
    const twice = await hide("story", storyId);
    expect(twice.status).toBe(409);
    expect(twice.body.field).toBe("target/id");
    const notHidden = await unhide("canonical_card", cards.b.canonicalId);
    expect(notHidden.status).toBe(409);
    const elsewhere = await t.call("POST", "/api/v1/campaigns/cmp_missing/moderation", {
      token: t.researcher,
      body: { target: { kind: "story", id: storyId }, reason: "x" },
    });
    expect(elsewhere.status).toBe(404);
    expect(await count("moderation_actions")).toBe(before);
  });

  it("is for researchers only", async () => {
    expect((await t.call("GET", path("/moderation"))).status).toBe(401);
    const participant = await t.call("POST", path("/moderation"), { token: alice, body: { target: { kind: "story", id: storyId }, reason: "x" } });
    expect(participant.status).toBe(401);
  });
});
