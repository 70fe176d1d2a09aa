import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openAiEmbedder } from "../src/providers/openai-embedder.ts";
import { openAiLlm } from "../src/providers/openai-llm.ts";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { DEFAULT_CARD, startFakeOpenAi, type FakeOpenAi } from "./support/fake-openai-server.ts";
import { storeTargets } from "./support/stores.ts";

const pglite = storeTargets()[0]!;

describe("LLM and embedding features against an OpenAI-compatible server", () => {
  let fake: FakeOpenAi;
  let store: Store;
  let t: TestApi;
  let failNext = false;
  let campaign: { id: string; questions: { id: string }[]; contexts: { id: string }[] };
  let participant: string;

  beforeAll(async () => {
    fake = await startFakeOpenAi(() => {
      if (!failNext) return undefined;
      failNext = false;
      return { status: 500, body: { error: { message: "model crashed" } } };
    });
    store = await pglite.open();
    t = await createTestApi(store, {
      llm: openAiLlm({ baseUrl: fake.baseUrl, model: "fake-chat", maxRetries: 0 }),
      embedder: openAiEmbedder({ baseUrl: fake.baseUrl, model: "fake-embed" }),
    });
    const created = await t.call("POST", "/api/v1/campaigns", {
      token: t.researcher,
      body: { title: "Chat", questions: ["How should an assistant answer a grieving person?"], contexts: ["When in distress"] },
    });
    campaign = created.body.campaign;
    participant = (await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: {} })).body.token;
  });
  afterAll(async () => {
    await store?.close();
    await fake?.close();
  });

  it("articulates a values card through the chat, ending in a draft to confirm", async () => {
    expect((await t.call("GET", "/api/v1/capabilities")).body.llm).toBe(true);
    const question = campaign.questions[0]!.id;
    const first = await t.call("POST", `/api/v1/campaigns/${campaign.id}/articulate`, {
      token: participant,
      body: { question, message: "I would want them to feel listened to." },
    });
    expect(first.status).toBe(200);
    expect(first.body.draft).toBeNull();
    const second = await t.call("POST", `/api/v1/campaigns/${campaign.id}/articulate`, {
      token: participant,
      body: { question, chat: first.body.chat, message: "Please draft my card now." },
    });
    expect(second.status).toBe(200);
    expect(second.body.draft).toEqual(DEFAULT_CARD);
    expect(second.body.messages).toHaveLength(4);
    const submitted = await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, {
      token: participant,
      body: { question, ...second.body.draft },
    });
    expect(submitted.status).toBe(201);
  });

  it("writes upgrade stories in both directions", async () => {
    const question = campaign.questions[0]!.id;
    const other = await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, {
      token: participant,
      body: { question, title: "Practical help", description: "Offer concrete next steps.", policies: ["STEPS the person can take today", "PEOPLE who can help with errands", "TASKS that can wait"] },
    });
    const cards = (await t.call("GET", `/api/v1/campaigns/${campaign.id}/canonical-cards`)).body.cards as { id: string }[];
    const [a, b] = [cards[0]!.id, other.body.card.canonicalId as string];
    const res = await t.call("POST", `/api/v1/campaigns/${campaign.id}/stories/generate`, {
      token: t.researcher,
      body: { from: a, to: b, context: campaign.contexts[0]!.id },
    });
    expect(res.status).toBe(201);
    expect(res.body.stories.map((s: { from: string; to: string }) => [s.from, s.to])).toEqual([[a, b], [b, a]]);
    expect(res.body.stories.every((s: { source: string }) => s.source === "llm")).toBe(true);
  });

  it("answers 502 without the provider's address or model when the model server fails; the server log has them", async () => {
    failNext = true;
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    try {
      const res = await t.call("POST", `/api/v1/campaigns/${campaign.id}/articulate`, {
        token: participant,
        body: { question: campaign.questions[0]!.id, message: "Hello" },
      });
      expect(res.status).toBe(502);
      expect(res.type).toContain("application/problem+json");
      expect(JSON.stringify(res.body)).not.toContain(new URL(fake.baseUrl).host);
      expect(JSON.stringify(res.body)).not.toContain("fake-chat");
      expect(logged.join("\n")).toContain(new URL(fake.baseUrl).host);
    } finally {
      spy.mockRestore();
    }
  });

  it("proposes merges of similar cards with the configured embedder", async () => {
    const question = campaign.questions[0]!.id;
    await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, { token: participant, body: { question, ...DEFAULT_CARD, title: "Heard before helped, again" } });
    const res = await t.call("GET", `/api/v1/campaigns/${campaign.id}/merge-proposals?threshold=0.5`, { token: t.researcher });
    expect(res.status).toBe(200);
    expect(res.body.embedder).toContain("fake-embed");
    const top = res.body.proposals[0];
    expect(top.cards.map((c: { title: string }) => c.title).sort()).toEqual(["Heard before helped", "Heard before helped, again"]);
  });
});
