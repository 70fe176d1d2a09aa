import type { Command } from "commander";
import { PolyphonyError } from "../../core/errors.ts";
import { operator } from "../../cli/operator.ts";
import { wholeNumber } from "../../cli/numbers.ts";
import { emit, note } from "../../cli/output.ts";
import { startProgress } from "../../cli/progress.ts";
import { withServices } from "../../cli/session.ts";
import { readProviderEnv } from "../../providers/provider-env.ts";
import { openAiFineTuning } from "./client.ts";
import { submitFineTune } from "./submit.ts";
import { writeTrlScript } from "./trl-script.ts";

interface SubmitOptions {
  dataset: string;
  model?: string;
  follow: boolean;
  pollSeconds: number;
}

/** Where the fine-tuning API is: POLYPHONY_FINETUNE_*, else the LLM provider's (POLYPHONY_LLM_*). */
function fineTuningConfig() {
  const config = readProviderEnv(process.env, "FINETUNE") ?? readProviderEnv(process.env, "LLM");
  if (!config) {
    throw new PolyphonyError("unavailable", "no fine-tuning API is configured: set POLYPHONY_FINETUNE_BASE_URL and POLYPHONY_FINETUNE_MODEL (the base model), and POLYPHONY_FINETUNE_API_KEY if it needs one");
  }
  return config;
}

/** `polyphony finetune …`: fine-tuning jobs on an OpenAI-compatible API, and a TRL script for a local run. */
export function registerFinetuneCommands(program: Command) {
  const finetune = program.command("finetune").description("fine-tune a model on an exported dataset: an OpenAI-compatible job, or a TRL script for a local GPU");
  finetune
    .command("submit")
    .description("upload an openai-sft or openai-preference export, start the job, follow it, and record the model on the campaign")
    .requiredOption("--dataset <dir>", "a dataset folder exported as openai-sft or openai-preference")
    .option("--model <name>", "the base model (default POLYPHONY_FINETUNE_MODEL)")
    .option("--no-follow", "return once the job is created")
    .option("--poll-seconds <n>", "seconds between status checks", wholeNumber("--poll-seconds", { min: 1, max: 3600 }), 15)
    .action((options: SubmitOptions, command: Command) =>
      withServices(command, async (deps, g) => {
        const config = fineTuningConfig();
        const progress = startProgress("training", g);
        const result = await submitFineTune(deps, openAiFineTuning(config), operator(), {
          dataset: options.dataset,
          model: options.model ?? config.model,
          follow: options.follow,
          pollMs: options.pollSeconds * 1000,
          onStatus: (job) => note(`job ${job.id}: ${job.status}`),
          onEvent: (event) => {
            if (event.step !== null && event.totalSteps !== null) progress.update(event.step, event.totalSteps);
            else note(`  ${event.message}`);
          },
        }).finally(() => progress.finish());
        emit(g, result, () =>
          result.job.fineTunedModel
            ? `fine-tuned ${result.job.fineTunedModel} from ${result.job.model} (job ${result.job.id}); recorded on the campaign as log entry ${result.receipt!.index}`
            : `started job ${result.job.id} on ${result.job.model} (${result.job.status}); follow it with the provider, or run again without --no-follow`,
        );
      }),
    );
  finetune
    .command("script")
    .description("write a TRL training script and config for a local GPU: SFT on an SFT export, then DPO on a preference export")
    .requiredOption("--preference <dir>", "a trl-preference dataset folder (DPO)")
    .option("--sft <dir>", "a trl-sft dataset folder (SFT, run first)")
    .requiredOption("--model <name>", "the base model, as Hugging Face names it")
    .requiredOption("--out <dir>", "where to write train_trl.py and trl_config.yaml")
    .action(async (options: { preference: string; sft?: string; model: string; out: string }, command: Command) => {
      const written = await writeTrlScript(options);
      emit(command.optsWithGlobals(), written, () => `wrote ${written.script} and ${written.config}; run: python ${written.script} ${written.config}`);
    });
}
