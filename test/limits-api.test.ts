import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAiLlm } from "../src/providers/openai-llm.ts";
import { DEFAULT_LIMITS, readLimits, type LimitSettings } from "../src/platform/limits/limits.ts";
import type { Store } from "../src/store/open.ts";
import { countRows, createTestApi, NO_LIMITS, type TestApi } from "./support/api.ts";
import { startFakeOpenAi, type FakeOpenAi } from "./support/fake-openai-server.ts";
import { storeTargets } from "./support/stores.ts";

const LIMITS: LimitSettings = {
  ...NO_LIMITS,
  joinsPerAddress: { max: 3, seconds: 3600 },
  failedAuthPerAddress: { max: 4, seconds: 300 },
  writesPerToken: { max: 5, seconds: 60 },
  llmCallsPerParticipant: { max: 2, seconds: 86_400 },
  llmCallsPerCampaign: { max: 3, seconds: 86_400 },
  trustProxy: true,
};

const from = (address: string) => ({ "x-forwarded-for": `10.0.0.1, ${address}` });

function expectTooMany(res: { status: number; type: string; headers: Headers; body: unknown }) {
  expect(res.status, JSON.stringify(res.body)).toBe(429);
  expect(res.type).toContain("application/problem+json");
  expect(res.body).toMatchObject({ code: "rate_limited", status: 429 });
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
}

describe.each(storeTargets())("rate limits and LLM budgets on $name", (target) => {
  let store: Store;
  let a: TestApi;
  let b: TestApi;
  let fake: FakeOpenAi;
  let campaign: { id: string; questions: { id: string }[] };
  const at = (rest = "") => `/api/v1/campaigns/${campaign.id}${rest}`;
  // Servers of one log share its key.
  const logSeed = new Uint8Array(32).fill(7);

  beforeAll(async () => {
    store = await target.open();
    fake = await startFakeOpenAi();
    const llm = openAiLlm({ baseUrl: fake.baseUrl, model: "fake-chat", maxRetries: 0 });
    // Two servers on one database: the limits are counted in it, so they hold across both.
    a = await createTestApi(store, { limits: LIMITS, llm, logSeed });
    b = await createTestApi(store, { limits: LIMITS, llm, logSeed });
    const created = await a.call("POST", "/api/v1/campaigns", { token: a.researcher, body: { title: "Limited", questions: ["How should it answer?"], contexts: ["In distress"] } });
    campaign = (created.body as { campaign: typeof campaign }).campaign;
  });
  afterAll(async () => {
    await store?.close();
    await fake?.close();
  });

  it("refuses a fourth join from one address across two servers, with Retry-After, and writes nothing for it", async () => {
    for (const t of [a, b, a]) expect((await t.call("POST", at("/participants"), { body: {}, headers: from("203.0.113.7") })).status).toBe(201);
    const [participants, entries] = [await countRows(store, "participants"), await countRows(store, "log_entries")];
    expectTooMany(await b.call("POST", at("/participants"), { body: {}, headers: from("203.0.113.7") }));
    expect([await countRows(store, "participants"), await countRows(store, "log_entries")]).toEqual([participants, entries]);
    // Only the proxy's own entry counts: a client cannot dodge the limit by writing its own.
    expectTooMany(await a.call("POST", at("/participants"), { body: {}, headers: { "x-forwarded-for": "198.51.100.1, 203.0.113.7" } }));
    expect((await a.call("POST", at("/participants"), { body: {}, headers: from("203.0.113.8") })).status).toBe(201);
  });

  it("slows an address that guesses tokens: after four wrong ones even the right token waits", async () => {
    const guess = (token: string, t = a) => t.call("GET", "/api/v1/campaigns", { token, headers: from("198.51.100.9") });
    for (let i = 0; i < 4; i++) expect((await guess(`pr_wrong${i}`)).status).toBe(401);
    expectTooMany(await guess(`pr_wrong4`, b));
    expectTooMany(await guess(a.researcher));
    expect((await a.call("GET", "/api/v1/campaigns", { token: a.researcher, headers: from("198.51.100.10") })).status).toBe(200);
  });

  it("limits the writes of one token", async () => {
    const joined = await a.call("POST", at("/participants"), { body: {}, headers: from("192.0.2.1") });
    const token = (joined.body as { token: string }).token;
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await (i % 2 ? a : b).call("POST", at("/survey"), { token, body: { represented: 3, fair: 3 } })).status);
    expect(answers.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[5]).toBe(429);
  });

  it("caps a participant's chat turns, a campaign's, and the length of a chat", async () => {
    const join = async (address: string) => ((await a.call("POST", at("/participants"), { body: {}, headers: from(address) })).body as { token: string }).token;
    const [first, second] = [await join("192.0.2.2"), await join("192.0.2.3")];
    const turn = (token: string, message = "I want them to feel heard.") =>
      a.call("POST", at("/articulate"), { token, body: { question: campaign.questions[0]!.id, message } });
    expect((await turn(first)).status).toBe(200);
    expect((await turn(first)).status).toBe(200);
    const requests = fake.requests.length;
    expectTooMany(await turn(first));
    expect((await turn(second)).status).toBe(200);
    // The campaign's budget of three turns is spent, whoever asks.
    expectTooMany(await turn(second));
    expect(fake.requests.length).toBe(requests + 1);

    const unlimited = await createTestApi(store, { llm: openAiLlm({ baseUrl: fake.baseUrl, model: "fake-chat", maxRetries: 0 }), logSeed });
    const third = ((await unlimited.call("POST", at("/participants"), { body: {} })).body as { token: string }).token;
    let chat: string | undefined;
    let last: { status: number; body: unknown } = { status: 0, body: null };
    for (let i = 0; i < 30 && last.status !== 422; i++) {
      last = await unlimited.call("POST", at("/articulate"), { token: third, body: { question: campaign.questions[0]!.id, message: "x".repeat(3900), ...(chat && { chat }) } });
      chat ??= (last.body as { chat?: string }).chat;
    }
    expect(last.status).toBe(422);
    expect(last.body).toMatchObject({ field: "chat" });
  });
});

describe("limit settings", () => {
  it("read POLYPHONY_LIMIT_* as max/seconds, 0 to turn one off, and refuse anything else naming the variable", () => {
    const limits = readLimits({ POLYPHONY_LIMIT_JOINS_PER_ADDRESS: "10/60", POLYPHONY_LIMIT_WRITES_PER_TOKEN: "0", POLYPHONY_TRUST_PROXY: "true" });
    expect(limits.joinsPerAddress).toEqual({ max: 10, seconds: 60 });
    expect(limits.writesPerToken.max).toBe(0);
    expect(limits.failedAuthPerAddress).toEqual(DEFAULT_LIMITS.failedAuthPerAddress);
    expect(limits.trustProxy).toBe(true);
    expect(() => readLimits({ POLYPHONY_LIMIT_WRITES_PER_TOKEN: "lots" })).toThrow(expect.objectContaining({ field: "POLYPHONY_LIMIT_WRITES_PER_TOKEN" }));
  });
});
