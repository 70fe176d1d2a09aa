import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

describe.each(storeTargets())("legitimacy figures and results visibility on $name", (target) => {
  let store: Store;
  let t: TestApi;

  const createCampaign = async (resultsVisibility: "public" | "token") =>
    (
      await t.call("POST", "/api/v1/campaigns", {
        token: t.researcher,
        body: {
          title: "Legitimacy",
          questions: ["How should an assistant answer?"],
          contexts: ["When in distress"],
          demographics: [{ key: "politics", question: "Political affiliation", options: ["left", "right", "centre"] }],
          resultsVisibility,
        },
      })
    ).body.campaign as { id: string };
  const takePart = async (campaignId: string, answers: Record<string, string>, survey?: { represented: number; fair: number }) => {
    const token = (await t.call("POST", `/api/v1/campaigns/${campaignId}/participants`, { body: { answers } })).body.token as string;
    if (survey) expect((await t.call("POST", `/api/v1/campaigns/${campaignId}/survey`, { token, body: survey })).status).toBe(200);
  };

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
  });
  afterAll(async () => store?.close());

  it("reports who felt represented and who thinks it fair, overall and per group", async () => {
    const { id } = await createCampaign("public");
    await takePart(id, { politics: "left" }, { represented: 5, fair: 5 });
    await takePart(id, { politics: "left" }, { represented: 2, fair: 4 });
    await takePart(id, { politics: "right" }, { represented: 4, fair: 1 });
    await takePart(id, {});

    const overall = await t.call("GET", `/api/v1/campaigns/${id}/legitimacy`);
    expect(overall.status).toBe(200);
    expect(overall.body).toEqual({
      overall: { participants: 4, surveyed: 3, represented: { count: 2, share: 2 / 3 }, fair: { count: 2, share: 2 / 3 } },
      groupBy: null,
      minGroupSize: 5,
      groups: [],
    });

    // A researcher sees every group; the public sees none of these, all smaller than 5 (public-groups.test.ts).
    const grouped = await t.call("GET", `/api/v1/campaigns/${id}/legitimacy?groupBy=politics`, { token: t.researcher });
    expect(grouped.body.overall).toEqual(overall.body.overall);
    expect(grouped.body.groupBy).toBe("politics");
    expect(grouped.body.groups).toEqual([
      { group: "left", participants: 2, surveyed: 2, represented: { count: 1, share: 0.5 }, fair: { count: 2, share: 1 } },
      { group: "right", participants: 1, surveyed: 1, represented: { count: 1, share: 1 }, fair: { count: 0, share: 0 } },
      { group: "centre", participants: 0, surveyed: 0, represented: { count: 0, share: null }, fair: { count: 0, share: null } },
      { group: null, participants: 1, surveyed: 0, represented: { count: 0, share: null }, fair: { count: 0, share: null } },
    ]);
    const publicly = await t.call("GET", `/api/v1/campaigns/${id}/legitimacy?groupBy=politics`);
    expect(publicly.body.groups).toEqual([
      { group: "left", hidden: true },
      { group: "right", hidden: true },
      { group: "centre", participants: 0, surveyed: 0, represented: { count: 0, share: null }, fair: { count: 0, share: null } },
      { group: null, hidden: true },
    ]);
  });

  it("rejects grouping by a question the campaign does not ask", async () => {
    const { id } = await createCampaign("public");
    const res = await t.call("GET", `/api/v1/campaigns/${id}/legitimacy?groupBy=age`);
    expect(res.status).toBe(422);
    expect(res.body.field).toBe("groupBy");
  });

  it("keeps token-only results from anyone without a researcher token", async () => {
    const { id } = await createCampaign("token");
    for (const route of ["legitimacy", "graph?method=mai-2023", "export"]) {
      const anonymous = await t.call("GET", `/api/v1/campaigns/${id}/${route}`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.type).toContain("application/problem+json");
      expect(anonymous.body.field).toBe("authorization");
      expect(anonymous.body.detail).toMatch(/researchers only/);
      expect((await t.call("GET", `/api/v1/campaigns/${id}/${route}`, { token: "pr_wrong" })).status).toBe(401);
    }
    const participant = (await t.call("POST", `/api/v1/campaigns/${id}/participants`, { body: { answers: {} } })).body.token as string;
    expect((await t.call("GET", `/api/v1/campaigns/${id}/legitimacy`, { token: participant })).status).toBe(401);
    const researcher = await t.call("GET", `/api/v1/campaigns/${id}/legitimacy`, { token: t.researcher });
    expect(researcher.status).toBe(200);
    expect(researcher.body.overall.participants).toBe(1);
    expect((await t.call("GET", `/api/v1/campaigns/${id}/graph?method=mai-2023`, { token: t.researcher })).status).toBe(200);
  });

  it("opens results when the researcher makes them public", async () => {
    const { id } = await createCampaign("token");
    const patched = await t.call("PATCH", `/api/v1/campaigns/${id}`, { token: t.researcher, body: { resultsVisibility: "public" } });
    expect(patched.body.campaign.resultsVisibility).toBe("public");
    expect((await t.call("GET", `/api/v1/campaigns/${id}/legitimacy`)).status).toBe(200);
    expect((await t.call("GET", "/api/v1/campaigns/cmp_missing/legitimacy")).status).toBe(404);
  });
});
