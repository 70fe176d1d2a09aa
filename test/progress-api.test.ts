import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi, POLICIES, countRows } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

const policies = POLICIES;

describe.each(storeTargets())("progress, resume and survey API on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let campaign: { id: string; questions: { id: string }[] };

  const join = async (answers: Record<string, string> = {}) => {
    const res = await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: { answers } });
    expect(res.status).toBe(201);
    return res.body.token as string;
  };
  const reach = (token: string, step: unknown) => t.call("POST", `/api/v1/campaigns/${campaign.id}/progress`, { token, body: { step } });
  const survey = (token: string, body: unknown) => t.call("POST", `/api/v1/campaigns/${campaign.id}/survey`, { token, body });
  const count = (table: string) => countRows(store, table);

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    const res = await t.call("POST", "/api/v1/campaigns", {
      token: t.researcher,
      body: {
        title: "Resume",
        questions: ["How should an assistant answer a worried parent?"],
        contexts: ["When in distress"],
        demographics: [{ key: "region", question: "Where do you live?" }],
      },
    });
    campaign = res.body.campaign;
  });
  afterAll(async () => store?.close());

  it("records steps once each and returns them in flow order", async () => {
    const token = await join();
    expect((await reach(token, "consent")).body.steps.map((s: { step: string }) => s.step)).toEqual(["consent"]);
    const first = await reach(token, "question");
    const again = await reach(token, "question");
    expect(again.status).toBe(200);
    expect(again.body.steps).toEqual(first.body.steps);
    await reach(token, "demographics");
    const steps = (await reach(token, "articulate")).body.steps.map((s: { step: string }) => s.step);
    expect(steps).toEqual(["consent", "demographics", "question", "articulate"]);
  });

  it("rejects a step outside the list, naming the field and writing nothing", async () => {
    const token = await join();
    const before = await count("progress_events");
    const res = await reach(token, "lunch");
    expect(res.status).toBe(422);
    expect(res.type).toContain("application/problem+json");
    expect(res.body.field).toBe("step");
    expect(await count("progress_events")).toBe(before);
  });

  it("gives a returning participant what they need to resume", async () => {
    const token = await join({ region: "north" });
    await reach(token, "consent");
    await reach(token, "articulate");
    const card = await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, {
      token,
      body: { question: campaign.questions[0]!.id, title: "Steady care", description: "Stay with the worry first.", policies },
    });
    expect(card.status).toBe(201);
    const me = await t.call("GET", `/api/v1/campaigns/${campaign.id}/me`, { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      answers: { region: "north" },
      lastStep: "articulate",
      votes: 0,
      survey: null,
      participant: { campaignId: campaign.id },
    });
    expect(me.body.steps.map((s: { step: string }) => s.step)).toEqual(["consent", "articulate"]);
    expect(me.body.cards).toHaveLength(1);
    expect(me.body.cards[0]).toMatchObject({ id: card.body.card.id, title: "Steady care", canonicalId: card.body.card.canonicalId });
  });

  it("needs the participant's own session", async () => {
    expect((await t.call("GET", `/api/v1/campaigns/${campaign.id}/me`)).status).toBe(401);
    expect((await t.call("GET", `/api/v1/campaigns/${campaign.id}/me`, { token: "ps_unknown" })).status).toBe(401);
    const other = await t.call("POST", "/api/v1/campaigns", {
      token: t.researcher,
      body: { title: "Other", questions: ["q"], contexts: ["c"] },
    });
    const token = await join();
    const foreign = await t.call("GET", `/api/v1/campaigns/${other.body.campaign.id}/me`, { token });
    expect(foreign.status).toBe(403);
  });

  it("stores the survey and replaces it when answered again", async () => {
    const token = await join();
    const first = await survey(token, { represented: 2, fair: 5, comment: "too fast" });
    expect(first.status).toBe(200);
    expect(first.body.survey).toMatchObject({ represented: 2, fair: 5, comment: "too fast" });
    const second = await survey(token, { represented: 4, fair: 4 });
    expect(second.body.survey).toMatchObject({ represented: 4, fair: 4, comment: null });
    const me = await t.call("GET", `/api/v1/campaigns/${campaign.id}/me`, { token });
    expect(me.body.survey).toMatchObject({ represented: 4, fair: 4, comment: null });
    const rows = await store.db.execute(sql.raw(`select count(*)::int as n from survey_answers where participant_id = '${me.body.participant.id}'`));
    expect((rows as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });

  it("rejects survey answers outside 1–5, naming the field and keeping the earlier answer", async () => {
    const token = await join();
    await survey(token, { represented: 3, fair: 3 });
    for (const [body, field] of [
      [{ represented: 6, fair: 3 }, "represented"],
      [{ represented: 3, fair: 0 }, "fair"],
      [{ represented: 2.5, fair: 3 }, "represented"],
      [{ represented: 3 }, "fair"],
    ] as const) {
      const res = await survey(token, body);
      expect(res.status).toBe(422);
      expect(res.body.field).toBe(field);
    }
    const me = await t.call("GET", `/api/v1/campaigns/${campaign.id}/me`, { token });
    expect(me.body.survey).toMatchObject({ represented: 3, fair: 3 });
  });
});
