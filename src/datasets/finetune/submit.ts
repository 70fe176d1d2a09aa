import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { invalid, PolyphonyError } from "../../core/errors.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import { researcherAuthor } from "../../platform/log/drafts.ts";
import type { Receipt } from "../../platform/log/transparency-log.ts";
import { getCampaign } from "../../platform/campaigns/campaigns.ts";
import type { Researcher } from "../../platform/auth/tokens.ts";
import { MANIFEST_FILE, type Manifest } from "../manifest.ts";
import type { FineTuneApi, FineTuneEvent, FineTuneJob } from "./client.ts";

/** OpenAI's fine-tuning statuses that end a job. */
const FINISHED = new Set(["succeeded", "failed", "cancelled"]);

export interface SubmitRequest {
  readonly dataset: string;
  /** The base model to fine-tune. */
  readonly model: string;
  /** Follow the job until it ends, polling every `pollMs`. */
  readonly follow: boolean;
  readonly pollMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onEvent?: (event: FineTuneEvent) => void;
  readonly onStatus?: (job: FineTuneJob) => void;
}

export interface SubmitResult {
  readonly job: FineTuneJob;
  readonly trainingFile: string;
  readonly validationFile: string | null;
  /** The log entry recording the fine-tuned model on the campaign, once the job succeeded. */
  readonly receipt: Receipt | null;
}

/** Reads an export's manifest and checks it is in a format the OpenAI fine-tuning API takes. */
export async function readSubmittable(dir: string): Promise<{ manifest: Manifest; method: "supervised" | "dpo"; digest: string }> {
  const text = await readFile(join(dir, MANIFEST_FILE), "utf8").catch(() => {
    throw invalid("dataset", `${dir} holds no ${MANIFEST_FILE}: give a folder from \`polyphony dataset export\` or \`dataset synthesize\``);
  });
  const manifest = JSON.parse(text) as Manifest;
  if (manifest.format !== "openai-sft" && manifest.format !== "openai-preference") {
    throw invalid("dataset", `the dataset is ${manifest.format}; the fine-tuning API takes openai-sft or openai-preference (export again with --format)`);
  }
  if (!manifest.files.some((f) => f.split === "train" && f.rows > 0)) throw invalid("dataset", "the dataset has no training rows");
  return { manifest, method: manifest.format === "openai-sft" ? "supervised" : "dpo", digest: createHash("sha256").update(text).digest("hex") };
}

/** Records the fine-tuned model on its campaign: a log entry a researcher makes, naming the job, the model and the data. */
async function recordModel(deps: ServiceDeps, researcher: Researcher, manifest: Manifest, digest: string, job: FineTuneJob): Promise<Receipt> {
  const { receipts } = await deps.log.commit(async (tx) => {
    await getCampaign(tx, manifest.campaign.id);
    const content = { job: job.id, model: job.fineTunedModel!, baseModel: job.model, dataset: digest, format: manifest.format, checkpoint: manifest.checkpoint };
    return { value: null, drafts: [{ kind: "finetune_model", campaign: manifest.campaign.id, author: researcherAuthor(researcher), refs: { job: job.id, model: job.fineTunedModel! }, content }] };
  });
  return receipts[0]!;
}

/**
 * Submits an exported dataset to an OpenAI-compatible fine-tuning API: uploads the train (and
 * test, as validation) file, creates the job (SFT or DPO, by the dataset's format), then, when
 * asked, follows its status and events until it ends; a job that succeeded is recorded on the
 * campaign as a `finetune_model` log entry with the model's id.
 */
export async function submitFineTune(deps: ServiceDeps, api: FineTuneApi, researcher: Researcher, request: SubmitRequest): Promise<SubmitResult> {
  const { manifest, method, digest } = await readSubmittable(request.dataset);
  const train = manifest.files.find((f) => f.split === "train")!;
  const test = manifest.files.find((f) => f.split === "test" && f.rows > 0);
  const trainingFile = await api.upload(join(request.dataset, train.path), `${manifest.campaign.id}-${manifest.format}-train.jsonl`);
  const validationFile = test ? await api.upload(join(request.dataset, test.path), `${manifest.campaign.id}-${manifest.format}-test.jsonl`) : null;
  let job = await api.create({ model: request.model, trainingFile, validationFile, method, suffix: "polyphony" });
  request.onStatus?.(job);
  if (!request.follow) return { job, trainingFile, validationFile, receipt: null };
  const sleep = request.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const seen = new Set<string>();
  for (;;) {
    for (const event of await api.events(job.id)) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      request.onEvent?.(event);
    }
    if (FINISHED.has(job.status)) break;
    await sleep(request.pollMs);
    job = await api.retrieve(job.id);
    request.onStatus?.(job);
  }
  if (job.status !== "succeeded" || !job.fineTunedModel) {
    throw new PolyphonyError("upstream_failed", `fine-tuning job ${job.id} ended ${job.status}${job.error ? `: ${job.error}` : ""}`, { detail: { job: job.id, status: job.status } });
  }
  return { job, trainingFile, validationFile, receipt: await recordModel(deps, researcher, manifest, digest, job) };
}
