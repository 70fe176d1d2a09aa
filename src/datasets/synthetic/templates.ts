import { createHash } from "node:crypto";
import { renderPrompt } from "../../providers/prompts.ts";
import type { GroundingValue } from "../types.ts";

/** The prompt templates a synthetic row is made with (prompts/synthetic-*.md). */
export const TEMPLATES = ["synthetic-context", "synthetic-grounded", "synthetic-clarify", "synthetic-plain"] as const;

/** SHA-256 (hex) of the templates' text, as rendered without values: marks every row made with them. */
export function templateHash(): string {
  const hash = createHash("sha256");
  for (const name of TEMPLATES) hash.update(`${name}\n${renderPrompt(name, { contexts: "{{contexts}}", prompt: "{{prompt}}", context: "{{context}}", values: "{{values}}" })}\n`);
  return hash.digest("hex");
}

/** The values a response attends to, as the templates list them: what each attends to, not its name. */
export const listValues = (values: readonly GroundingValue[]) =>
  values.map((v, i) => [`${i + 1}. ${v.description}`, ...v.policies.map((p) => `   - ${p}`)].join("\n")).join("\n");
