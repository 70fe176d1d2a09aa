import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

const [pglite] = storeTargets();

describe("the web app's researcher session", () => {
  let store: Store;
  let t: TestApi;

  beforeAll(async () => {
    store = await pglite!.open();
    t = await createTestApi(store);
  });
  afterAll(async () => store?.close());

  const withCookie = (cookie: string) => ({ headers: { cookie } });

  it("signs in with a valid token only, into an HttpOnly, SameSite=Strict cookie for the API alone", async () => {
    const wrong = await t.call("POST", "/api/v1/researcher-session", { body: { token: "pr_wrong" } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const res = await t.call("POST", "/api/v1/researcher-session", { body: { token: t.researcher } });
    expect(res.status).toBe(200);
    expect(res.body.researcher.name).toBe("test researcher");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^polyphony_researcher=/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/api/);
    expect(cookie).not.toMatch(/; Secure/);
    const https = await t.call("POST", "/api/v1/researcher-session", { body: { token: t.researcher }, headers: { "x-forwarded-proto": "https" } });
    expect(https.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("lets the cookie stand for the token on researcher routes, and says who is signed in", async () => {
    const cookie = (await t.call("POST", "/api/v1/researcher-session", { body: { token: t.researcher } })).headers.get("set-cookie")!.split(";")[0]!;
    expect((await t.call("GET", "/api/v1/campaigns", withCookie(cookie))).status).toBe(200);
    const created = await t.call("POST", "/api/v1/campaigns", { ...withCookie(cookie), body: { title: "By cookie", questions: ["Q?"], contexts: ["C"] } });
    expect(created.status).toBe(201);
    expect((await t.call("GET", "/api/v1/researcher-session", withCookie(cookie))).body.researcher.name).toBe("test researcher");
    expect((await t.call("GET", "/api/v1/researcher-session")).body).toEqual({ researcher: null });
    expect((await t.call("GET", "/api/v1/researcher-session", withCookie("polyphony_researcher=pr_forged"))).status).toBe(401);
    // A participant's routes take the participant's bearer token only.
    expect((await t.call("GET", `/api/v1/campaigns/${created.body.campaign.id}/me`, withCookie(cookie))).status).toBe(401);
  });

  it("signs out by clearing the cookie", async () => {
    const res = await t.call("DELETE", "/api/v1/researcher-session");
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/^polyphony_researcher=; Max-Age=0; Path=\/api/);
  });
});
