import { createReadStream } from "node:fs";
import OpenAI, { toFile } from "openai";
import type { ProviderConfig } from "../../providers/provider-env.ts";
import { translateClientError } from "../../providers/upstream-error.ts";

/** A fine-tuning job as the provider reports it. */
export interface FineTuneJob {
  readonly id: string;
  readonly status: string;
  readonly model: string;
  readonly fineTunedModel: string | null;
  readonly error: string | null;
}

export interface FineTuneEvent {
  readonly id: string;
  readonly createdAt: number;
  readonly message: string;
  readonly step: number | null;
  readonly totalSteps: number | null;
}

/** The parts of the OpenAI fine-tuning API a submission uses: files, then a job, its status and events. */
export interface FineTuneApi {
  upload(path: string, name: string): Promise<string>;
  create(job: { model: string; trainingFile: string; validationFile: string | null; method: "supervised" | "dpo"; suffix: string }): Promise<FineTuneJob>;
  retrieve(id: string): Promise<FineTuneJob>;
  /** The job's latest events, oldest first. */
  events(id: string): Promise<FineTuneEvent[]>;
}

const WHAT = "fine-tuning provider";

const jobOf = (job: OpenAI.FineTuning.Jobs.FineTuningJob): FineTuneJob => ({
  id: job.id,
  status: job.status,
  model: job.model,
  fineTunedModel: job.fine_tuned_model ?? null,
  error: job.error ? job.error.message : null,
});

/** The fine-tuning API of an OpenAI-compatible server (platform.openai.com/docs/api-reference/fine-tuning). */
export function openAiFineTuning(config: ProviderConfig): FineTuneApi {
  const timeoutMs = config.timeoutMs ?? 300_000;
  const client = new OpenAI({ baseURL: config.baseUrl, apiKey: config.apiKey || "none", timeout: timeoutMs, maxRetries: 3 });
  const wrap = <T>(call: Promise<T>) =>
    call.catch((error: unknown) => {
      throw translateClientError(WHAT, config.baseUrl, timeoutMs, error);
    });
  return {
    async upload(path, name) {
      const file = await wrap(client.files.create({ file: await toFile(createReadStream(path), name), purpose: "fine-tune" }));
      return file.id;
    },
    async create(job) {
      const method = job.method === "dpo" ? { type: "dpo" as const, dpo: {} } : { type: "supervised" as const, supervised: {} };
      const created = await wrap(
        client.fineTuning.jobs.create({ model: job.model, training_file: job.trainingFile, ...(job.validationFile && { validation_file: job.validationFile }), suffix: job.suffix, method }),
      );
      return jobOf(created);
    },
    async retrieve(id) {
      return jobOf(await wrap(client.fineTuning.jobs.retrieve(id)));
    },
    async events(id) {
      const page = await wrap(client.fineTuning.jobs.listEvents(id, { limit: 100 }));
      const events = page.data.map((e) => {
        const data = (e.data ?? {}) as { step?: unknown; total_steps?: unknown };
        return { id: e.id, createdAt: e.created_at, message: e.message, step: typeof data.step === "number" ? data.step : null, totalSteps: typeof data.total_steps === "number" ? data.total_steps : null };
      });
      // The API lists newest first.
      return events.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    },
  };
}
