import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { createTestApi, POLICIES, type TestApi } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

// Four on the left, three in the centre, one on the right; each wrote an email in free text.
const PEOPLE = [...Array(4).fill("left"), ...Array(3).fill("centre"), "right"] as string[];

describe.each(storeTargets())("public results never single anyone out, on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let at: string;

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    const created = await t.call("POST", "/api/v1/campaigns", {
      token: t.researcher,
      body: {
        title: "Small groups",
        questions: ["How should it answer?"],
        contexts: ["In distress"],
        // The free-text question comes first: the export's default breakdown must skip it in public.
        demographics: [
          { key: "email", question: "Your email, if you want the results" },
          { key: "politics", question: "Political affiliation", options: ["left", "centre", "right"] },
        ],
        minGroupSize: 3,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const campaign = created.body.campaign as { id: string; questions: { id: string }[]; contexts: { id: string }[]; minGroupSize: number };
    expect(campaign.minGroupSize).toBe(3);
    at = `/api/v1/campaigns/${campaign.id}`;
    const tokens: string[] = [];
    for (const [i, politics] of PEOPLE.entries()) {
      const joined = await t.call("POST", `${at}/participants`, { body: { answers: { politics, email: `person${i}@example.org` } } });
      tokens.push(joined.body.token as string);
    }
    const card = async (token: string, title: string) =>
      (await t.call("POST", `${at}/cards`, { token, body: { question: campaign.questions[0]!.id, title, description: `Living by ${title}.`, policies: POLICIES } })).body.card
        .canonicalId as string;
    const [a, b] = [await card(tokens[0]!, "calm first"), await card(tokens[1]!, "facts first")];
    for (const [i, token] of tokens.entries()) {
      await t.call("POST", `${at}/votes`, { token, body: { from: a, to: b, context: campaign.contexts[0]!.id, relationship: i % 2 ? "upgrade" : "no_upgrade" } });
      await t.call("POST", `${at}/survey`, { token, body: { represented: 1 + (i % 5), fair: 5 - (i % 5) } });
    }
  });
  afterAll(async () => store?.close());

  it("refuses to group a public view by a free-text question, and lets a researcher", async () => {
    for (const path of ["/legitimacy?groupBy=email", "/graph?groupBy=email"]) {
      const res = await t.call("GET", `${at}${path}`);
      expect(res.status, path).toBe(422);
      expect(res.body).toMatchObject({ field: "groupBy" });
    }
    const researcher = await t.call("GET", `${at}/legitimacy?groupBy=email`, { token: t.researcher });
    expect(researcher.status).toBe(200);
    expect(researcher.body.groups).toHaveLength(PEOPLE.length);
  });

  it("shows in public only groups of at least minGroupSize, hiding one more so that the small one cannot be derived", async () => {
    const res = await t.call("GET", `${at}/legitimacy?groupBy=politics`);
    expect(res.status).toBe(200);
    expect(res.body.minGroupSize).toBe(3);
    expect(res.body.overall.participants).toBe(PEOPLE.length);
    const byGroup = Object.fromEntries((res.body.groups as { group: string; hidden?: true; participants?: number }[]).map((g) => [g.group, g]));
    expect(byGroup.left).toMatchObject({ participants: 4 });
    // Centre (3) is large enough, but with right (1) the only other hidden group, the totals would give right away.
    expect(byGroup.centre).toEqual({ group: "centre", hidden: true });
    expect(byGroup.right).toEqual({ group: "right", hidden: true });
    const researcher = await t.call("GET", `${at}/legitimacy?groupBy=politics`, { token: t.researcher });
    expect(researcher.body.minGroupSize).toBeNull();
    expect((researcher.body.groups as { participants: number }[]).map((g) => g.participants)).toEqual([4, 3, 1]);
  });

  it("breaks the graph and the export down only by the groups a public view may show", async () => {
    const graph = await t.call("GET", `${at}/graph?groupBy=politics`);
    expect(graph.status).toBe(200);
    for (const edge of graph.body.edges as { groups: { of: number; byGroup: Record<string, unknown> } }[]) {
      expect(Object.keys(edge.groups.byGroup)).toEqual(["left"]);
      expect(edge.groups.of).toBe(1);
    }
    const exported = await t.call("GET", `${at}/export`);
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).not.toContain("@example.org");
    expect(exported.body.graphs.polyphony.parameters.groupBy).toBe("politics");
    const full = await t.call("GET", `${at}/graph?groupBy=politics`, { token: t.researcher });
    expect(Object.keys((full.body.edges as { groups: { byGroup: Record<string, unknown> } }[])[0]!.groups.byGroup).sort()).toEqual(["centre", "left", "right"]);
  });

  it("treats a token that is not a researcher's as the public", async () => {
    const res = await t.call("GET", `${at}/legitimacy?groupBy=politics`, { token: "pr_not-a-real-token" });
    expect(res.status).toBe(200);
    expect(res.body.minGroupSize).toBe(3);
  });
});
