import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { stringify } from "yaml";
import { invalid } from "../../core/errors.ts";
import { MANIFEST_FILE, type Manifest } from "../manifest.ts";
import { readFile } from "node:fs/promises";

/**
 * A script for a local GPU run with Hugging Face TRL (huggingface.co/docs/trl): supervised
 * fine-tuning on an SFT export, then direct preference optimisation on a preference export, each
 * read with `datasets.load_dataset(DIR)` as the export's card declares it. Settings live in the
 * YAML config beside it, so a run is changed without editing code.
 */
export const TRL_SCRIPT = `"""SFT then DPO with Hugging Face TRL on Polyphony dataset exports.

Usage:
    pip install "trl>=0.19" datasets pyyaml accelerate
    python train_trl.py trl_config.yaml

The config names the base model, and for each stage the dataset folder (from
\`polyphony dataset export --format trl-sft|trl-preference\` or \`polyphony dataset synthesize\`),
the output folder and TRL's own arguments (SFTConfig, DPOConfig). A stage set to null is skipped:
without SFT data, DPO starts from the base model.
"""
import os
import sys

import yaml
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import DPOConfig, DPOTrainer, SFTConfig, SFTTrainer


def splits(folder):
    data = load_dataset(folder)
    return data["train"], data["test"] if "test" in data else None


def main(path):
    with open(path) as f:
        config = yaml.safe_load(f)
    here = os.path.dirname(os.path.abspath(path))
    model_name = config["model"]
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    model = AutoModelForCausalLM.from_pretrained(model_name, torch_dtype="auto")
    for stage, Config, Trainer in (("sft", SFTConfig, SFTTrainer), ("dpo", DPOConfig, DPOTrainer)):
        settings = config.get(stage)
        if not settings:
            continue
        train, test = splits(os.path.join(here, settings["dataset"]))
        args = Config(output_dir=os.path.join(here, settings["output_dir"]), **(settings.get("args") or {}))
        trainer = Trainer(model=model, args=args, processing_class=tokenizer, train_dataset=train, eval_dataset=test)
        trainer.train()
        trainer.save_model()
        model = trainer.model
        print(f"{stage}: saved to {args.output_dir}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "trl_config.yaml")
`;

async function readManifest(dir: string, option: string, formats: readonly string[]): Promise<Manifest> {
  const text = await readFile(join(dir, MANIFEST_FILE), "utf8").catch(() => {
    throw invalid(option, `${dir} holds no ${MANIFEST_FILE}: give a dataset folder`);
  });
  const manifest = JSON.parse(text) as Manifest;
  if (!formats.includes(manifest.format)) throw invalid(option, `${dir} is ${manifest.format}; ${option} takes ${formats.join(" or ")}`);
  return manifest;
}

/** Writes `train_trl.py` and `trl_config.yaml` into `out`, the config naming the datasets relative to it. */
export async function writeTrlScript(options: { out: string; model: string; sft?: string | undefined; preference: string }) {
  const sft = options.sft ? await readManifest(options.sft, "--sft", ["trl-sft"]) : null;
  await readManifest(options.preference, "--preference", ["trl-preference"]);
  await mkdir(options.out, { recursive: true });
  const rel = (dir: string) => relative(resolve(options.out), resolve(dir)) || ".";
  const config = {
    model: options.model,
    sft: sft && {
      dataset: rel(options.sft!),
      output_dir: "out/sft",
      args: { num_train_epochs: 1, per_device_train_batch_size: 2, gradient_accumulation_steps: 8, learning_rate: 2e-5, bf16: true, logging_steps: 10 },
    },
    dpo: {
      dataset: rel(options.preference),
      output_dir: "out/dpo",
      args: { beta: 0.1, num_train_epochs: 1, per_device_train_batch_size: 2, gradient_accumulation_steps: 8, learning_rate: 5e-7, bf16: true, logging_steps: 10 },
    },
  };
  await writeFile(join(options.out, "train_trl.py"), TRL_SCRIPT);
  await writeFile(join(options.out, "trl_config.yaml"), `# SFT then DPO with TRL: python train_trl.py trl_config.yaml\n${stringify(config)}`);
  return { script: join(options.out, "train_trl.py"), config: join(options.out, "trl_config.yaml") };
}
