import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { synthesize, type SynthesisRequest } from "../src/datasets/synthetic/job.ts";
import { openAiMeteredChat } from "../src/providers/openai-chat.ts";
import { verifyDataset } from "../src/datasets/verify.ts";
import { readCheckpoint } from "../src/platform/log/read.ts";
import { readTrust } from "../src/platform/log/cli/log-trust.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { buildDatasetCampaign, type DatasetCampaign } from "./support/dataset-campaign.ts";
import { readJsonl, TRAINER_SCHEMAS } from "./support/dataset-schemas.ts";
import { startFakeOpenAi, type FakeOpenAi, type FakeRequest } from "./support/fake-openai-server.ts";
import { logExport } from "./support/log-export.ts";
import { runPolyphony } from "./support/polyphony-cli.ts";
import { storeTargets } from "./support/stores.ts";

const completion = (content: string, input = 100, output = 20) => ({
  body: {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1,
    model: "fake-chat",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output },
  },
});

/** Answers as a model would, by which template the request carries; `failing` prompts get a 500. */
function fakeModel(failing: Set<string>) {
  return (request: FakeRequest) => {
    const messages = request.body.messages ?? [];
    const text = messages.map((m) => m.content).join("\n");
    const user = messages.at(-1)!.content;
    if ([...failing].some((f) => text.includes(f))) return { status: 500, body: { error: { message: "overloaded", type: "server_error" } } };
    if (text.includes("You sort requests")) {
      const confident = !text.includes("something, you know");
      return completion(JSON.stringify({ context: "When someone is in distress", confidence: confident ? 0.9 : 0.2 }), 50, 10);
    }
    if (text.includes("People who thought hard")) return completion(user.includes("preach") ? "It's important to remember that you matter." : `Tell me what happened first. (${user})`);
    if (text.includes("Ask them one short")) return completion("What matters most to you about this?");
    return completion(`Here is some general advice. (${user})`);
  };
}

describe("value-grounded synthetic data", () => {
  let store: Store;
  let t: TestApi;
  let c: DatasetCampaign;
  let fake: FakeOpenAi;
  const failing = new Set<string>();
  const dirs: string[] = [];
  const prompts = ["My friend just lost her job and is crying.", "something, you know", "Give me a preach about duty.", "My brother will not talk to me."];

  beforeAll(async () => {
    fake = await startFakeOpenAi(fakeModel(failing));
    store = await storeTargets()[0]!.open();
    t = await createTestApi(store);
    c = await buildDatasetCampaign(t);
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await fake.close();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  const request = async (out: string, sleeps: number[] = []): Promise<SynthesisRequest> => ({
    campaignId: c.campaign,
    prompts,
    out,
    format: "trl-preference",
    concurrency: 2,
    retry: { retries: 2, baseMs: 100, maxMs: 1000, sleep: async (ms) => void sleeps.push(ms) },
    top: 2,
    confidence: 0.5,
    prices: { input: 2, output: 8 },
  });
  const chat = () => openAiMeteredChat({ baseUrl: fake.baseUrl, model: "fake-chat" });

  it("grounds chosen responses in the graph's values, asks when unsure, drops lecturing, and accounts for tokens", async () => {
    const out = await mkdtemp(join(tmpdir(), "polyphony-synth-"));
    dirs.push(out);
    const summary = await synthesize(t.deps, chat(), await request(out));
    expect(summary).toMatchObject({ prompts: 4, ranNow: 4, kept: 3, dropped: 1, clarifying: 1, model: "fake-chat" });
    // Each prompt: a context call (50 + 10 tokens) and two responses (100 + 20 each).
    expect(summary.tokens).toEqual({ input: 4 * 250, output: 4 * 50 });
    expect(summary.costUsd).toBeCloseTo((1000 * 2 + 200 * 8) / 1e6, 12);
    const grounded = fake.requests.find((r) => r.body.messages?.[0]?.content.includes("People who thought hard"))!;
    expect(grounded.body.messages![0]!.content).toContain("MOMENTS when value 2 matters");
    const rows = [
      ...readJsonl(await readFile(join(summary.dataset, "data/train.jsonl"), "utf8"), TRAINER_SCHEMAS["trl-preference"]),
      ...readJsonl(await readFile(join(summary.dataset, "data/test.jsonl"), "utf8").catch(() => "\n"), TRAINER_SCHEMAS["trl-preference"]).filter(Boolean),
    ] as { chosen: { content: string }[]; rejected: { content: string }[] }[];
    expect(rows.map((r) => r.chosen[0]!.content).sort()).toEqual([
      "Tell me what happened first. (My brother will not talk to me.)",
      "Tell me what happened first. (My friend just lost her job and is crying.)",
      "What matters most to you about this?",
    ]);
    expect(rows.every((r) => r.rejected[0]!.content.startsWith("Here is some general advice."))).toBe(true);
    const provenance = (await readFile(join(summary.dataset, "provenance/rows.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    expect(provenance.every((p) => p.synthetic.model === "fake-chat" && p.synthetic.template === summary.template && p.synthetic.values.length === 2)).toBe(true);
    const card = await readFile(join(summary.dataset, "README.md"), "utf8");
    expect(card).toContain("**Synthetic.**");
    expect(card).toMatch(/tags:\n(\s+- .*\n)*\s+- synthetic\n/);
    const report = await verifyDataset({ dir: summary.dataset, checkpoint: (await readCheckpoint(t.deps)).note, trust: readTrust({ key: t.deps.log.key.verifierKey }), entries: () => logExport(t), prover: null });
    expect(report).toMatchObject({ ok: true, rows: 3 });
  });

  it("resumes after a failure with only the prompts left, retrying with backoff before giving up", async () => {
    const out = await mkdtemp(join(tmpdir(), "polyphony-synth-"));
    dirs.push(out);
    failing.add("My brother");
    const sleeps: number[] = [];
    await expect(synthesize(t.deps, chat(), { ...(await request(out, sleeps)), concurrency: 1 })).rejects.toMatchObject({ code: "upstream_failed" });
    expect(sleeps).toEqual([100, 200]);
    const saved = (await readFile(join(out, "results.jsonl"), "utf8")).trim().split("\n");
    expect(saved).toHaveLength(3);
    failing.clear();
    const before = fake.requests.length;
    const summary = await synthesize(t.deps, chat(), await request(out));
    expect(summary).toMatchObject({ prompts: 4, ranNow: 1, kept: 3 });
    expect(fake.requests.slice(before).map((r) => r.body.messages!.at(-1)!.content).every((m) => m.includes("My brother"))).toBe(true);
    const other = { ...(await request(out)), prompts: ["A different prompt."] };
    await expect(synthesize(t.deps, chat(), other)).rejects.toMatchObject({ field: "out" });
  });

  it("says so clearly when no language model is configured", async () => {
    const data = await mkdtemp(join(tmpdir(), "polyphony-synth-data-"));
    dirs.push(data);
    const run = await runPolyphony(["dataset", "synthesize", "--data", data, "--campaign", "cmp_x", "--prompts", "/dev/null", "--out", join(data, "out")], { POLYPHONY_LLM_BASE_URL: "", POLYPHONY_LLM_MODEL: "" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("synthetic data needs a language model, and none is configured: set POLYPHONY_LLM_BASE_URL and POLYPHONY_LLM_MODEL");
  }, 60_000);
});
