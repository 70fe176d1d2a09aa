import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi, countRows } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

describe.each(storeTargets())("admission API on $name", (target) => {
  let store: Store;
  let t: TestApi;

  const count = (table: string) => countRows(store, table);
  const createCampaign = async (extra: Record<string, unknown>) => {
    const res = await t.call("POST", "/api/v1/campaigns", {
      token: t.researcher,
      body: {
        title: "Admission",
        questions: ["How should an assistant answer?"],
        contexts: ["When in distress"],
        demographics: [{ key: "age", question: "Your age band", options: ["young", "old"], required: true }],
        ...extra,
      },
    });
    expect(res.status).toBe(201);
    return res.body.campaign as { id: string; admission: { mode: string; externalIdParam?: string } };
  };
  const join = (campaignId: string, body: Record<string, unknown>) =>
    t.call("POST", `/api/v1/campaigns/${campaignId}/participants`, { body: { answers: { age: "young" }, ...body } });

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
  });
  afterAll(async () => store?.close());

  it("stores the admission mode and reads it back with the campaign", async () => {
    const open = await createCampaign({});
    expect(open.admission).toEqual({ mode: "open" });
    const listed = await createCampaign({ admission: { mode: "allowlist", externalIdParam: "PROLIFIC_PID" }, resultsVisibility: "token" });
    const read = await t.call("GET", `/api/v1/campaigns/${listed.id}`);
    expect(read.body.campaign).toMatchObject({ admission: { mode: "allowlist", externalIdParam: "PROLIFIC_PID" }, resultsVisibility: "token" });
    const bad = await t.call("POST", "/api/v1/campaigns", {
      token: t.researcher,
      body: { title: "x", questions: ["q"], contexts: ["c"], admission: { mode: "lottery" } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.field).toMatch(/^admission/);
  });

  it("admits once per invite code and refuses a reused or unknown code, writing nothing", async () => {
    const campaign = await createCampaign({ admission: { mode: "invite" } });
    const made = await t.call("POST", `/api/v1/campaigns/${campaign.id}/invites`, { token: t.researcher, body: { count: 3 } });
    expect(made.status).toBe(201);
    expect(made.body.codes).toHaveLength(3);
    expect(made.body.usage).toEqual({ total: 3, used: 0, unused: 3 });
    const [code] = made.body.codes as string[];

    const first = await join(campaign.id, { invite: code });
    expect(first.status).toBe(201);
    expect(typeof first.body.token).toBe("string");

    const participantsBefore = await count("participants");
    const answersBefore = await count("participant_answers");
    const reused = await join(campaign.id, { invite: code });
    expect(reused.status).toBe(403);
    expect(reused.type).toContain("application/problem+json");
    expect(reused.body.field).toBe("invite");
    expect(reused.body.detail).toMatch(/used already/);
    const unknown = await join(campaign.id, { invite: "inv_notacode" });
    expect(unknown.status).toBe(403);
    expect(unknown.body.field).toBe("invite");
    const none = await join(campaign.id, {});
    expect(none.status).toBe(403);
    expect(none.body.field).toBe("invite");
    expect(await count("participants")).toBe(participantsBefore);
    expect(await count("participant_answers")).toBe(answersBefore);

    const usage = await t.call("GET", `/api/v1/campaigns/${campaign.id}/invites`, { token: t.researcher });
    expect(usage.body.usage).toEqual({ total: 3, used: 1, unused: 2 });
    expect(JSON.stringify(usage.body)).not.toContain(code!);
  });

  it("admits exactly one of several simultaneous joins with one code or one external id", async () => {
    const invited = await createCampaign({ admission: { mode: "invite" } });
    const [code] = (await t.call("POST", `/api/v1/campaigns/${invited.id}/invites`, { token: t.researcher, body: { count: 1 } })).body.codes;
    const byCode = await Promise.all(Array.from({ length: 5 }, () => join(invited.id, { invite: code })));
    expect(byCode.map((r) => r.status).sort()).toEqual([201, 403, 403, 403, 403]);

    const listed = await createCampaign({ admission: { mode: "allowlist" } });
    await t.call("PATCH", `/api/v1/campaigns/${listed.id}/allowlist`, { token: t.researcher, body: { add: ["pid-race"] } });
    const byId = await Promise.all(Array.from({ length: 5 }, () => join(listed.id, { externalId: "pid-race" })));
    expect(byId.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const summary = await t.call("GET", `/api/v1/campaigns/${listed.id}/allowlist`, { token: t.researcher });
    expect(summary.body.joined).toBe(1);
  });

  it("does not let a code of one campaign open another", async () => {
    const a = await createCampaign({ admission: { mode: "invite" } });
    const b = await createCampaign({ admission: { mode: "invite" } });
    const [code] = (await t.call("POST", `/api/v1/campaigns/${a.id}/invites`, { token: t.researcher, body: { count: 1 } })).body.codes;
    const res = await join(b.id, { invite: code });
    expect(res.status).toBe(403);
    expect(res.body.field).toBe("invite");
  });

  it("admits allowlisted external ids once each and keeps the id private", async () => {
    const campaign = await createCampaign({ admission: { mode: "allowlist", externalIdParam: "PROLIFIC_PID" } });
    const edit = await t.call("PATCH", `/api/v1/campaigns/${campaign.id}/allowlist`, {
      token: t.researcher,
      body: { add: ["pid-1", "pid-2", "pid-3", "pid-1"] },
    });
    expect(edit.status).toBe(200);
    const { receipt, ...counts } = edit.body;
    expect(counts).toEqual({ added: 3, removed: 0, total: 3, joined: 0 });
    expect(receipt.index).toBeGreaterThan(0);

    const joined = await join(campaign.id, { externalId: "pid-1" });
    expect(joined.status).toBe(201);
    expect(JSON.stringify(joined.body)).not.toContain("pid-1");

    const before = await count("participants");
    const again = await join(campaign.id, { externalId: "pid-1" });
    expect(again.status).toBe(409);
    expect(again.body.field).toBe("externalId");
    expect(again.body.detail).toMatch(/session token/);
    const stranger = await join(campaign.id, { externalId: "pid-99" });
    expect(stranger.status).toBe(403);
    expect(stranger.body.field).toBe("externalId");
    const missing = await join(campaign.id, {});
    expect(missing.status).toBe(403);
    expect(missing.body.field).toBe("externalId");
    expect(await count("participants")).toBe(before);

    const removed = await t.call("PATCH", `/api/v1/campaigns/${campaign.id}/allowlist`, {
      token: t.researcher,
      body: { remove: ["pid-2", "pid-404"] },
    });
    const { receipt: removal, ...after } = removed.body;
    expect(after).toEqual({ added: 0, removed: 1, total: 2, joined: 1 });
    expect(removal.index).toBeGreaterThan(receipt.index);
    expect((await join(campaign.id, { externalId: "pid-2" })).status).toBe(403);
    const summary = await t.call("GET", `/api/v1/campaigns/${campaign.id}/allowlist`, { token: t.researcher });
    expect(summary.body).toEqual({ total: 2, joined: 1 });
  });

  it("rejects an allowlist edit that adds and removes the same id, changing nothing", async () => {
    const campaign = await createCampaign({ admission: { mode: "allowlist" } });
    expect(campaign.admission).toEqual({ mode: "allowlist", externalIdParam: "externalId" });
    const res = await t.call("PATCH", `/api/v1/campaigns/${campaign.id}/allowlist`, {
      token: t.researcher,
      body: { add: ["a", "b"], remove: ["b"] },
    });
    expect(res.status).toBe(422);
    expect(res.body.field).toBe("remove");
    const summary = await t.call("GET", `/api/v1/campaigns/${campaign.id}/allowlist`, { token: t.researcher });
    expect(summary.body.total).toBe(0);
  });

  it("keeps demographic checks and refuses joins to a closed campaign", async () => {
    const campaign = await createCampaign({});
    const noAge = await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: { answers: {} } });
    expect(noAge.status).toBe(422);
    expect(noAge.body.field).toBe("answers/age");
    await t.call("PATCH", `/api/v1/campaigns/${campaign.id}`, { token: t.researcher, body: { status: "closed" } });
    const closed = await join(campaign.id, {});
    expect(closed.status).toBe(403);
  });

  it("needs a researcher token for invites and the allowlist", async () => {
    const campaign = await createCampaign({ admission: { mode: "invite" } });
    expect((await t.call("POST", `/api/v1/campaigns/${campaign.id}/invites`, { body: { count: 1 } })).status).toBe(401);
    expect((await t.call("GET", `/api/v1/campaigns/${campaign.id}/allowlist`)).status).toBe(401);
    const tooMany = await t.call("POST", `/api/v1/campaigns/${campaign.id}/invites`, { token: t.researcher, body: { count: 1001 } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.field).toBe("count");
    const unknown = await t.call("POST", "/api/v1/campaigns/cmp_missing/invites", { token: t.researcher, body: { count: 1 } });
    expect(unknown.status).toBe(404);
  });
});
