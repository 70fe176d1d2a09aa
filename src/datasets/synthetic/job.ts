import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { invalid } from "../../core/errors.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import { getCampaign } from "../../platform/campaigns/campaigns.ts";
import type { MeteredChat } from "../../providers/openai-chat.ts";
import { rowsOf } from "../../store/rows.ts";
import { writeTrainerFiles } from "../data-files.ts";
import { finishExport, prepareFolder, readFacts } from "../export.ts";
import type { TrainerFormat } from "../formats.ts";
import type { Manifest } from "../manifest.ts";
import { ProvenanceWriter } from "../provenance.ts";
import { DEFAULT_TEST_SHARE } from "../splits.ts";
import type { PreferencePair, RowSource, SftExample } from "../types.ts";
import { readPlan, readResults, resultWriter, writePlan, type JobPlan, type PromptResult } from "./job-state.ts";
import { synthesizeOne } from "./pipeline.ts";
import type { RetryPolicy } from "./retry.ts";
import { templateHash } from "./templates.ts";

export interface SynthesisRequest {
  readonly campaignId: string;
  readonly prompts: readonly string[];
  /** The job's folder: its plan and results, and the dataset in `dataset/` once every prompt is done. */
  readonly out: string;
  readonly format: TrainerFormat;
  readonly concurrency: number;
  readonly retry: RetryPolicy;
  /** Values per context the responses attend to. */
  readonly top: number;
  /** Below this confidence in the context, the chosen response asks a clarifying question. */
  readonly confidence: number;
  /** US dollars per million input and output tokens, for the cost estimate. */
  readonly prices?: { readonly input: number; readonly output: number } | undefined;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SynthesisSummary {
  readonly prompts: number;
  /** Prompts this run did (the rest were done by an earlier run of the same job). */
  readonly ranNow: number;
  readonly kept: number;
  readonly dropped: number;
  readonly clarifying: number;
  readonly tokens: { readonly input: number; readonly output: number };
  readonly costUsd: number | null;
  readonly model: string;
  readonly template: string;
  readonly dataset: string;
  readonly manifest: Manifest;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function planJob(deps: ServiceDeps, request: SynthesisRequest, chat: MeteredChat): Promise<JobPlan> {
  const campaign = await getCampaign(deps.store.db, request.campaignId);
  const kind = deps.kinds.get(campaign.kind);
  if (!kind.datasets.values) throw invalid("campaign", `${kind.id} campaigns have no values to ground synthetic data in`);
  const expected = { campaign: campaign.id, model: chat.model, template: templateHash(), promptsSha256: sha256(request.prompts.join("\n")), prompts: request.prompts.length, confidence: request.confidence };
  const saved = await readPlan(request.out, expected);
  if (saved) return saved;
  const [head] = rowsOf<{ size: number | string }>(await deps.store.db.execute(sql`SELECT size FROM log_head WHERE id = 1`));
  const contexts = await kind.datasets.values(deps, campaign.id, request.top);
  if (contexts.length === 0) throw invalid("campaign", "the campaign's graph has no values yet: synthetic data needs votes to ground in");
  const plan: JobPlan = { ...expected, logSize: Number(head?.size ?? 0), contexts };
  await writePlan(request.out, plan);
  return plan;
}

/** Runs the prompts not yet done, `concurrency` at a time, saving each result as it comes. */
async function runPending(chat: MeteredChat, request: SynthesisRequest, plan: JobPlan, done: PromptResult[]): Promise<number> {
  const finished = new Set(done.map((r) => r.i));
  const pending = request.prompts.map((_, i) => i).filter((i) => !finished.has(i));
  const save = resultWriter(request.out);
  let next = 0;
  let count = finished.size;
  request.onProgress?.(count, request.prompts.length);
  const worker = async () => {
    while (next < pending.length) {
      const i = pending[next++]!;
      const result = await synthesizeOne(chat, request.retry, plan.contexts, plan.confidence, i, request.prompts[i]!);
      await save(result);
      done.push(result);
      request.onProgress?.(++count, request.prompts.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(request.concurrency, pending.length) }, worker));
  return pending.length;
}

/** The rows of the kept results, in prompt order, each marked synthetic and citing its values' entries. */
function rowsOf_(plan: JobPlan, results: readonly PromptResult[], prompts: readonly string[]) {
  const sources = new Map<string, RowSource>(plan.contexts.flatMap((c) => c.values.map((v) => [v.id, v.source] as const)));
  const kept = [...results].filter((r) => r.dropped === null).sort((a, b) => a.i - b.i);
  return async function* (): AsyncGenerator<PreferencePair & SftExample> {
    for (const r of kept) {
      const prompt = prompts[r.i]!;
      yield {
        group: sha256(prompt).slice(0, 16),
        prompt: [{ role: "user", content: prompt }],
        chosen: r.chosen,
        completion: r.chosen,
        rejected: r.rejected,
        sources: r.values.flatMap((id) => (sources.has(id) ? [sources.get(id)!] : [])),
        synthetic: { model: plan.model, template: plan.template, values: r.values },
      };
    }
  };
}

/**
 * Makes value-grounded synthetic data for a campaign, as a batch job that resumes: its plan and
 * every prompt's result are saved in `out` as they come, so a run after a crash does only what is
 * left. Once every prompt is done, the kept rows are written as a dataset (`out/dataset`, in
 * `format`, with its card, manifest and provenance: the values each row attends to).
 */
export async function synthesize(deps: ServiceDeps, chat: MeteredChat, request: SynthesisRequest): Promise<SynthesisSummary> {
  if (request.prompts.length === 0) throw invalid("prompts", "give at least one prompt");
  await mkdir(request.out, { recursive: true });
  const plan = await planJob(deps, request, chat);
  const results = await readResults(request.out);
  const ranNow = await runPending(chat, request, plan, results);
  const dataset = join(request.out, "dataset");
  await prepareFolder(dataset).catch(async () => {
    const { rm } = await import("node:fs/promises");
    await rm(dataset, { recursive: true, force: true });
    await prepareFolder(dataset);
  });
  const campaign = await getCampaign(deps.store.db, request.campaignId);
  const kind = deps.kinds.get(campaign.kind);
  const provenance = new ProvenanceWriter(dataset);
  const files = await writeTrainerFiles(dataset, request.format, rowsOf_(plan, results, request.prompts), DEFAULT_TEST_SHARE, provenance);
  const read = await readFacts(deps.store.db, kind, campaign);
  const manifest = await finishExport(deps, dataset, { campaign, kind, format: request.format, logSize: plan.logSize, files, provenance, options: {}, read, synthetic: { model: plan.model, template: plan.template } });
  const tokens = results.reduce((sum, r) => ({ input: sum.input + r.usage.input, output: sum.output + r.usage.output }), { input: 0, output: 0 });
  const costUsd = request.prices ? (tokens.input * request.prices.input + tokens.output * request.prices.output) / 1e6 : null;
  const kept = results.filter((r) => r.dropped === null).length;
  return {
    prompts: request.prompts.length,
    ranNow,
    kept,
    dropped: results.length - kept,
    clarifying: results.filter((r) => r.dropped === null && r.clarifying).length,
    tokens,
    costUsd,
    model: plan.model,
    template: plan.template,
    dataset,
    manifest,
  };
}
