import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi, POLICIES } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

const policies = POLICIES;

describe.each(storeTargets())("live stats API on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let campaign: { id: string; questions: { id: string }[]; contexts: { id: string; name: string }[] };

  const path = (rest: string) => `/api/v1/campaigns/${campaign.id}${rest}`;
  const join = async () => (await t.call("POST", path("/participants"), { body: { answers: {} } })).body.token as string;
  const reach = async (token: string, step: string) => {
    const res = await t.call("POST", path("/progress"), { token, body: { step } });
    return Date.parse(res.body.steps.find((s: { step: string }) => s.step === step).at);
  };
  const submit = async (token: string, title: string) =>
    (await t.call("POST", path("/cards"), { token, body: { question: campaign.questions[0]!.id, title, description: `About ${title}.`, policies } }))
      .body.card.canonicalId as string;

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    campaign = (
      await t.call("POST", "/api/v1/campaigns", {
        token: t.researcher,
        body: { title: "Stats", questions: ["How should an assistant answer?"], contexts: ["When in distress", "When curious"] },
      })
    ).body.campaign;
  });
  afterAll(async () => store?.close());

  it("starts at zero with every step of the funnel listed", async () => {
    const res = await t.call("GET", path("/stats"), { token: t.researcher });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ participants: 0, cards: 0, canonicalCards: 0, votes: 0, stories: 0, surveys: 0 });
    expect(res.body.funnel.map((f: { step: string }) => f.step)).toEqual([
      "consent", "demographics", "question", "articulate", "similar", "judge", "survey", "done",
    ]);
    expect(res.body.funnel.every((f: { participants: number; medianSeconds: null }) => f.participants === 0 && f.medianSeconds === null)).toBe(true);
  });

  it("counts contributions, votes per context, the funnel and median time per step", async () => {
    const p1 = await join();
    const p2 = await join();
    const p3 = await join();
    const gaps: number[] = [];
    for (const token of [p1, p2]) {
      const consent = await reach(token, "consent");
      if (token === p2) await submit(token, "Patience");
      gaps.push((await reach(token, "question")) - consent);
    }
    await reach(p3, "consent");
    const a = await submit(p1, "Candour");
    const b = await submit(p1, "Company");
    const [distress, curious] = campaign.contexts;
    await t.call("POST", path("/stories"), { token: t.researcher, body: { from: a, to: b, context: distress!.id, text: "I learnt to listen first." } });
    for (const token of [p2, p3]) {
      await t.call("POST", path("/votes"), { token, body: { from: a, to: b, context: distress!.id, relationship: "upgrade" } });
    }
    await t.call("POST", path("/votes"), { token: p2, body: { from: b, to: a, context: curious!.id, relationship: "not_sure" } });
    await t.call("POST", path("/survey"), { token: p1, body: { represented: 4, fair: 5 } });

    const res = await t.call("GET", path("/stats"), { token: t.researcher });
    expect(res.body).toMatchObject({ participants: 3, cards: 3, canonicalCards: 3, votes: 3, stories: 1, surveys: 1 });
    expect(res.body.votesPerContext).toEqual([
      { context: { id: distress!.id, name: "When in distress" }, votes: 2 },
      { context: { id: curious!.id, name: "When curious" }, votes: 1 },
    ]);
    const funnel = new Map(res.body.funnel.map((f: { step: string }) => [f.step, f]));
    expect(funnel.get("consent")).toEqual({ step: "consent", participants: 3, medianSeconds: null });
    expect(funnel.get("question")).toEqual({ step: "question", participants: 2, medianSeconds: (gaps[0]! + gaps[1]!) / 2000 });
    expect(funnel.get("judge")).toEqual({ step: "judge", participants: 0, medianSeconds: null });
  });

  it("is for researchers only and answers 404 for an unknown campaign", async () => {
    expect((await t.call("GET", path("/stats"))).status).toBe(401);
    const unknown = await t.call("GET", "/api/v1/campaigns/cmp_missing/stats", { token: t.researcher });
    expect(unknown.status).toBe(404);
  });
});
