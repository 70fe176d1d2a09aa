import type { Command } from "commander";
import { z } from "zod";
import { PolyphonyError } from "../../core/errors.ts";
import { decimalNumber, wholeNumber } from "../../cli/numbers.ts";
import { emit } from "../../cli/output.ts";
import { parseInput } from "../../cli/parse.ts";
import { startProgress } from "../../cli/progress.ts";
import { readTextFile } from "../../cli/read-file.ts";
import { withServices } from "../../cli/session.ts";
import { openAiMeteredChat } from "../../providers/openai-chat.ts";
import { readProviderEnv } from "../../providers/provider-env.ts";
import { FormatName, TRAINER_FORMATS } from "../formats.ts";
import { synthesize } from "./job.ts";

interface SynthesizeOptions {
  campaign: string;
  prompts: string;
  out: string;
  format: string;
  concurrency: number;
  retries: number;
  top: number;
  confidence: number;
  priceInput?: number;
  priceOutput?: number;
}

const Prompt = z.string().trim().min(1).max(4000);

/** Prompts from a file: one per line, or JSON lines with a `prompt` field; blank lines skipped. */
export function readPrompts(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      const value: unknown = line.trimStart().startsWith("{") ? (JSON.parse(line) as { prompt?: unknown }).prompt : line;
      return parseInput(Prompt, value, `prompts/${i}`);
    });
}

/** `polyphony dataset synthesize`: value-grounded synthetic data as a resumable batch job. */
export function registerSynthesizeCommand(dataset: Command) {
  dataset
    .command("synthesize")
    .description("write responses grounded in the campaign's wisest values per context, with plain responses as the rejected side; resumes where it stopped")
    .requiredOption("--campaign <id>", "campaign id")
    .requiredOption("--prompts <file>", "prompts, one per line (or JSON lines with a prompt field)")
    .requiredOption("--out <dir>", "the job's folder: run again with the same folder to resume")
    .option("--format <format>", "the dataset's format: trl-preference (default), trl-kto, trl-sft, openai-sft or openai-preference", "trl-preference")
    .option("--concurrency <n>", "prompts in flight at once", wholeNumber("--concurrency", { min: 1, max: 64 }), 4)
    .option("--retries <n>", "retries of a failed call, with exponential backoff", wholeNumber("--retries", { min: 0, max: 10 }), 4)
    .option("--top <n>", "values per context a response attends to", wholeNumber("--top", { min: 1, max: 10 }), 3)
    .option("--confidence <p>", "below this confidence in the context, ask a clarifying question", decimalNumber("--confidence", { min: 0, max: 1 }), 0.5)
    .option("--price-input <usd>", "US dollars per million input tokens, for the cost estimate", decimalNumber("--price-input", { min: 0 }))
    .option("--price-output <usd>", "US dollars per million output tokens", decimalNumber("--price-output", { min: 0 }))
    .action((options: SynthesizeOptions, command: Command) =>
      withServices(command, async (deps, g) => {
        const format = parseInput(FormatName, options.format, "format");
        if (!(TRAINER_FORMATS as readonly string[]).includes(format)) throw new PolyphonyError("invalid_input", "synthetic data is written in a trainer's format, not as tables", { field: "format" });
        const config = readProviderEnv(process.env, "LLM");
        if (!config) {
          throw new PolyphonyError("unavailable", "synthetic data needs a language model, and none is configured: set POLYPHONY_LLM_BASE_URL and POLYPHONY_LLM_MODEL (any OpenAI-compatible server: Ollama, vLLM, llama.cpp)");
        }
        const prompts = readPrompts(readTextFile(options.prompts, "--prompts"));
        const progress = startProgress("synthesizing", g);
        const prices = options.priceInput !== undefined || options.priceOutput !== undefined ? { input: options.priceInput ?? 0, output: options.priceOutput ?? 0 } : undefined;
        const summary = await synthesize(deps, openAiMeteredChat(config), {
          campaignId: options.campaign,
          prompts,
          out: options.out,
          format: format as (typeof TRAINER_FORMATS)[number],
          concurrency: options.concurrency,
          retry: { retries: options.retries, baseMs: 500, maxMs: 30_000 },
          top: options.top,
          confidence: options.confidence,
          prices,
          onProgress: (done, total) => progress.update(done, total),
        }).finally(() => progress.finish());
        emit(g, summary, () =>
          [
            `synthesized ${summary.prompts} prompts with ${summary.model} (${summary.ranNow} in this run): ${summary.kept} kept (${summary.clarifying} ask a clarifying question), ${summary.dropped} dropped for lecturing`,
            `tokens: ${summary.tokens.input} in, ${summary.tokens.output} out${summary.costUsd === null ? "" : `; cost about $${summary.costUsd.toFixed(4)}`}`,
            `dataset: ${summary.dataset} (${summary.manifest.files.map((f) => `${f.path} ${f.rows} ${f.rows === 1 ? "row" : "rows"}`).join(", ")}), every row marked synthetic with the model and templates ${summary.template.slice(0, 12)}…`,
          ].join("\n"),
        );
      }),
    );
}
