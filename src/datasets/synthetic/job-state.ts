import { appendFile, readFile, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { invalid } from "../../core/errors.ts";
import type { ContextValues } from "../types.ts";
import type { TokenUsage } from "../../providers/openai-chat.ts";

/** What a synthesis job was started with: a job resumes only with the same. */
export interface JobPlan {
  readonly campaign: string;
  readonly model: string;
  readonly template: string;
  readonly promptsSha256: string;
  readonly prompts: number;
  readonly logSize: number;
  readonly confidence: number;
  readonly contexts: readonly ContextValues[];
}

/** One prompt's outcome, appended to `results.jsonl` as soon as it is known. */
export interface PromptResult {
  readonly i: number;
  readonly context: string;
  readonly confidence: number;
  readonly clarifying: boolean;
  readonly chosen: string;
  readonly rejected: string;
  readonly values: readonly string[];
  readonly usage: TokenUsage;
  /** Why the row was dropped (the lecturing phrases found), or null when it is kept. */
  readonly dropped: readonly string[] | null;
}

export const PLAN_FILE = "job.json";
export const RESULTS_FILE = "results.jsonl";

const same = (a: JobPlan, b: Omit<JobPlan, "contexts" | "logSize">) =>
  a.campaign === b.campaign && a.model === b.model && a.template === b.template && a.promptsSha256 === b.promptsSha256 && a.confidence === b.confidence;

/** The job's saved plan, if `dir` holds one; a plan for another job is refused, naming --out. */
export async function readPlan(dir: string, expected: Omit<JobPlan, "contexts" | "logSize">): Promise<JobPlan | null> {
  const text = await readFile(join(dir, PLAN_FILE), "utf8").catch(() => null);
  if (text === null) return null;
  const plan = JSON.parse(text) as JobPlan;
  if (!same(plan, expected)) throw invalid("out", `${dir} holds another synthesis job (other campaign, prompts, model or templates): use a new folder`);
  return plan;
}

export const writePlan = (dir: string, plan: JobPlan) => writeFile(join(dir, PLAN_FILE), `${JSON.stringify(plan, null, 2)}\n`);

/**
 * The results saved so far. A crash may leave a last line half written: it is cut off, and its
 * prompt runs again.
 */
export async function readResults(dir: string): Promise<PromptResult[]> {
  const path = join(dir, RESULTS_FILE);
  const text = await readFile(path, "utf8").catch(() => "");
  const end = text.lastIndexOf("\n") + 1;
  if (end < text.length) await truncate(path, Buffer.byteLength(text.slice(0, end)));
  return text.slice(0, end).split("\n").filter(Boolean).map((line) => JSON.parse(line) as PromptResult);
}

/** Appends results one line each, in the order they arrive; one write at a time. */
export function resultWriter(dir: string): (result: PromptResult) => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return (result) => (last = last.then(() => appendFile(join(dir, RESULTS_FILE), `${JSON.stringify(result)}\n`)));
}
