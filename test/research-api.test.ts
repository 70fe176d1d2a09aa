import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";
import { createWordVectorEmbedder } from "../src/providers/word-vectors.ts";

const POLICIES = ["MOMENTS when the person asks", "SIGNS that they are overwhelmed", "WORDS they already use"];

describe.each(storeTargets())("the participant flow's settings and the researcher's views on $name", (target) => {
  let store: Store;
  let t: TestApi;

  beforeAll(async () => {
    store = await target.open();
    // The embedder a server without an embedding provider uses: averaged word vectors.
    t = await createTestApi(store, { embedder: await createWordVectorEmbedder() });
  });
  afterAll(async () => store?.close());

  const create = async (extra: Record<string, unknown> = {}) => {
    const res = await t.call("POST", "/api/v1/campaigns", {
      token: t.researcher,
      body: { title: "Settings", questions: ["How should it answer?"], contexts: ["When in distress", "When seeking facts"], ...extra },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.campaign as { id: string; questions: { id: string }[]; contexts: { id: string }[]; judgingQuota: number; consentDetails: unknown };
  };

  it("keeps consent details and a judging quota, with defaults, and changes them", async () => {
    const plain = await create();
    expect(plain.consentDetails).toEqual({ organiser: "", contact: "", minutes: null, erasure: "" });
    expect(plain.judgingQuota).toBe(5);
    const details = { organiser: "The Civic AI Lab, Example University", contact: "lab@example.org", minutes: 15, erasure: "Write to us with your entry numbers." };
    const set = await create({ consentDetails: details, judgingQuota: 8 });
    expect(set).toMatchObject({ consentDetails: details, judgingQuota: 8 });
    const changed = await t.call("PATCH", `/api/v1/campaigns/${set.id}`, { token: t.researcher, body: { judgingQuota: 3, consentDetails: { ...details, minutes: 20 } } });
    expect(changed.status).toBe(200);
    expect(changed.body.campaign).toMatchObject({ judgingQuota: 3, consentDetails: { minutes: 20 } });
    const refused = await t.call("PATCH", `/api/v1/campaigns/${set.id}`, { token: t.researcher, body: { judgingQuota: 0 } });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain("judgingQuota");
  });

  it("checks an invite code before consent without using it up", async () => {
    const c = await create({ admission: { mode: "invite" } });
    const { codes } = (await t.call("POST", `/api/v1/campaigns/${c.id}/invites`, { token: t.researcher, body: { count: 1 } })).body as { codes: string[] };
    const check = (invite?: string) => t.call("POST", `/api/v1/campaigns/${c.id}/admission-check`, { body: invite === undefined ? {} : { invite } });
    const wrong = await check("inv_wrong");
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ field: "invite" });
    expect((await check()).status).toBe(403);
    expect((await check(codes[0])).body).toEqual({ admitted: true });
    expect((await check(codes[0])).status, "checking twice uses nothing up").toBe(200);
    const joined = await t.call("POST", `/api/v1/campaigns/${c.id}/participants`, { body: { invite: codes[0] } });
    expect(joined.status).toBe(201);
    const used = await check(codes[0]);
    expect(used.status).toBe(403);
    expect(used.body.detail).toContain("used already");
    const open = await create();
    expect((await t.call("POST", `/api/v1/campaigns/${open.id}/admission-check`, { body: {} })).status).toBe(200);
  });

  it("shows researchers the vote reasons and survey comments, and nobody else", async () => {
    const c = await create();
    const base = `/api/v1/campaigns/${c.id}`;
    const join = async () => (await t.call("POST", `${base}/participants`, { body: {} })).body.token as string;
    const [alice, bob] = [await join(), await join()];
    const card = async (token: string, title: string) =>
      (await t.call("POST", `${base}/cards`, { token, body: { question: c.questions[0]!.id, title, description: `Living by ${title}.`, policies: POLICIES } })).body.card
        .canonicalId as string;
    const [a, b] = [await card(alice, "Calm first"), await card(bob, "Facts first")];
    const vote = (token: string, comment?: string) =>
      t.call("POST", `${base}/votes`, { token, body: { from: a, to: b, context: c.contexts[0]!.id, relationship: "upgrade", ...(comment !== undefined && { comment }) } });
    expect((await vote(alice, "Facts calm people down.")).status).toBe(201);
    expect((await vote(bob)).status).toBe(201);
    await t.call("POST", `${base}/survey`, { token: alice, body: { represented: 4, fair: 5, comment: "Too many stories." } });
    await t.call("POST", `${base}/survey`, { token: bob, body: { represented: 3, fair: 3 } });
    expect((await t.call("GET", `${base}/comments`)).status).toBe(401);
    expect((await t.call("GET", `${base}/comments`, { token: alice })).status).toBe(401);
    const { body } = await t.call("GET", `${base}/comments`, { token: t.researcher });
    expect(body.votes).toEqual([
      expect.objectContaining({ comment: "Facts calm people down.", relationship: "upgrade", from: "Calm first", to: "Facts first", context: "When in distress" }),
    ]);
    expect(body.survey).toEqual([expect.objectContaining({ comment: "Too many stories.", represented: 4, fair: 5 })]);
  });

  it("counts merge proposals, forgets a dismissed pair, and proposes only close pairs by default", async () => {
    const c = await create();
    const base = `/api/v1/campaigns/${c.id}`;
    const token = (await t.call("POST", `${base}/participants`, { body: {} })).body.token as string;
    const card = async (title: string, description: string) =>
      (await t.call("POST", `${base}/cards`, { token, body: { question: c.questions[0]!.id, title, description, policies: POLICIES } })).body.card.canonicalId as string;
    const a = await card("Balancing Responsibilities and Leisure", "Helping someone weigh their duties against their need for rest.");
    const b = await card("Education Over Distractions", "Encouraging focus on learning rather than entertainment.");
    const a2 = await card("Balancing Responsibilities and Leisure", "Helping someone weigh their duties against their need for rest.");
    const read = async (query = "") => (await t.call("GET", `${base}/merge-proposals${query}`, { token: t.researcher })).body;
    const byDefault = await read();
    expect(byDefault.threshold).toBe(0.95);
    expect(byDefault.proposals.map((p: { cards: { id: string }[] }) => p.cards.map((x) => x.id).sort())).toEqual([[a, a2].sort()]);
    const all = await read("?threshold=-1&limit=1");
    expect(all.count).toBe(3);
    expect(all.proposals).toHaveLength(1);
    const dismissed = await t.call("POST", `${base}/merge-proposals/dismissals`, { token: t.researcher, body: { cards: [b, a] } });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.cards).toEqual([a, b].sort());
    const after = await read("?threshold=-1");
    expect(after).toMatchObject({ count: 2, dismissed: 1 });
    expect(after.proposals.some((p: { cards: { id: string }[] }) => p.cards.some((x) => x.id === a) && p.cards.some((x) => x.id === b))).toBe(false);
    const self = await t.call("POST", `${base}/merge-proposals/dismissals`, { token: t.researcher, body: { cards: [a, a] } });
    expect(self.status).toBe(422);
    const stranger = await t.call("POST", `${base}/merge-proposals/dismissals`, { token: t.researcher, body: { cards: [a, "cc_nowhere"] } });
    expect(stranger.status).toBe(422);
    expect(stranger.body.detail).toContain("cc_nowhere");
  });

  it("says which values and one-way pairs lack stories, per context", async () => {
    const c = await create();
    const base = `/api/v1/campaigns/${c.id}`;
    const token = (await t.call("POST", `${base}/participants`, { body: {} })).body.token as string;
    const card = async (title: string) =>
      (await t.call("POST", `${base}/cards`, { token, body: { question: c.questions[0]!.id, title, description: `Living by ${title}.`, policies: POLICIES } })).body.card.canonicalId as string;
    const [a, b, d] = [await card("Calm first"), await card("Facts first"), await card("Company first")];
    const story = (from: string, to: string, context: string) =>
      t.call("POST", `${base}/stories`, { token: t.researcher, body: { from, to, context, text: "I used to rush. Then I saw." } });
    await story(a, b, c.contexts[0]!.id);
    await story(b, a, c.contexts[0]!.id);
    await story(a, d, c.contexts[0]!.id);
    const coverage = (await t.call("GET", `${base}/stories/coverage`, { token: t.researcher })).body;
    expect(coverage.values).toBe(3);
    const [distress, facts] = coverage.contexts;
    expect(distress).toMatchObject({ stories: 3, valuesWithout: { count: 0 }, oneWay: { count: 1, pairs: [{ from: { id: a }, to: { id: d, title: "Company first" } }] } });
    expect(facts).toMatchObject({ stories: 0, valuesWithout: { count: 3 }, oneWay: { count: 0 } });
    expect((await t.call("GET", `${base}/stories/coverage`)).status).toBe(401);
  });
});
