import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { Store } from "../src/store/open.ts";
import { exportDataset } from "../src/datasets/export.ts";
import { openAiFineTuning } from "../src/datasets/finetune/client.ts";
import { submitFineTune } from "../src/datasets/finetune/submit.ts";
import { writeTrlScript } from "../src/datasets/finetune/trl-script.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { buildDatasetCampaign, type DatasetCampaign } from "./support/dataset-campaign.ts";
import { startFakeFineTuning, type FakeFineTuning } from "./support/fake-finetune-server.ts";
import { readAllEntries } from "./support/receipts.ts";
import { storeTargets } from "./support/stores.ts";

const researcher = { id: "cli:tester", name: "tester" };

describe("fine-tuning jobs", () => {
  let store: Store;
  let t: TestApi;
  let c: DatasetCampaign;
  let fake: FakeFineTuning;
  let dir: string;

  beforeAll(async () => {
    fake = await startFakeFineTuning();
    store = await storeTargets()[0]!.open();
    t = await createTestApi(store);
    c = await buildDatasetCampaign(t);
    dir = await mkdtemp(join(tmpdir(), "polyphony-finetune-"));
    await exportDataset(t.deps, c.campaign, { format: "openai-preference" }, join(dir, "openai"));
    await exportDataset(t.deps, c.campaign, { format: "trl-preference" }, join(dir, "trl"));
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("uploads the files, runs a DPO job, follows its events and records the model on the campaign", async () => {
    const events: string[] = [];
    const statuses: string[] = [];
    const result = await submitFineTune(t.deps, openAiFineTuning({ baseUrl: fake.baseUrl, model: "base-model" }), researcher, {
      dataset: join(dir, "openai"),
      model: "base-model",
      follow: true,
      pollMs: 1,
      sleep: async () => {},
      onEvent: (e) => events.push(e.step === null ? e.message : `${e.step}/${e.totalSteps}`),
      onStatus: (job) => statuses.push(job.status),
    });
    expect(statuses).toEqual(["validating_files", "running", "succeeded"]);
    expect(events).toEqual(["Created fine-tuning job: ftjob-1", "1/4", "2/4", "3/4", "4/4", "The job has successfully completed"]);
    expect(result.job.fineTunedModel).toBe("ft:base-model:polyphony:ftjob-1");
    const uploaded = fake.files.get(result.trainingFile)!;
    expect(uploaded.purpose).toBe("fine-tune");
    expect(uploaded.content).toBe(await readFile(join(dir, "openai/data/train.jsonl"), "utf8"));
    expect(fake.files.get(result.validationFile!)!.content).toBe(await readFile(join(dir, "openai/data/test.jsonl"), "utf8"));
    expect(fake.jobs.get("ftjob-1")!.method).toEqual({ type: "dpo", dpo: {} });
    const entry = (await readAllEntries(t)).find((e) => e.index === result.receipt!.index)!.entry;
    expect(entry).toMatchObject({ kind: "finetune_model", campaign: c.campaign, author: "researcher:cli", body: { job: "ftjob-1", model: "ft:base-model:polyphony:ftjob-1" } });
  });

  it("fails a job the provider failed, naming why, and records nothing", async () => {
    const failing = await startFakeFineTuning({ failWith: "line 3 has no assistant message" });
    try {
      const before = (await readAllEntries(t)).length;
      const run = submitFineTune(t.deps, openAiFineTuning({ baseUrl: failing.baseUrl, model: "m" }), researcher, { dataset: join(dir, "openai"), model: "m", follow: true, pollMs: 1, sleep: async () => {} });
      await expect(run).rejects.toThrow("fine-tuning job ftjob-1 ended failed: line 3 has no assistant message");
      expect((await readAllEntries(t)).length).toBe(before);
    } finally {
      await failing.close();
    }
  });

  it("refuses a dataset the API does not take, naming --dataset", async () => {
    const api = openAiFineTuning({ baseUrl: fake.baseUrl, model: "m" });
    await expect(submitFineTune(t.deps, api, researcher, { dataset: join(dir, "trl"), model: "m", follow: false, pollMs: 1 })).rejects.toMatchObject({ field: "dataset", message: /openai-sft or openai-preference/ });
  });

  it("writes a TRL script and config for SFT then DPO that name the dataset folders", async () => {
    const out = join(dir, "train");
    const written = await writeTrlScript({ out, model: "Qwen/Qwen2.5-0.5B-Instruct", preference: join(dir, "trl") });
    const config = parseYaml(await readFile(written.config, "utf8")) as { model: string; sft: unknown; dpo: { dataset: string; args: { beta: number } } };
    expect(config).toMatchObject({ model: "Qwen/Qwen2.5-0.5B-Instruct", sft: null, dpo: { dataset: "../trl", args: { beta: 0.1 } } });
    const script = await readFile(written.script, "utf8");
    expect(script).toContain("DPOTrainer");
    expect(script).toContain("load_dataset(folder)");
    // The script is valid Python: the interpreter compiles it (no training library needed for that).
    await promisify(execFile)("python3", ["-m", "py_compile", written.script]);
    await expect(writeTrlScript({ out, model: "m", preference: join(dir, "openai") })).rejects.toMatchObject({ field: "--preference" });
  });
});
