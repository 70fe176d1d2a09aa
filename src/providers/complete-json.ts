import type { z } from "zod";
import { PolyphonyError } from "../core/errors.ts";
import type { ChatTurn, Llm } from "../ports.ts";
import { renderPrompt } from "./prompts.ts";

/** What is wrong with a reply, in words a model (and a person reading the error) can act on. */
function problemWith<T>(reply: string, schema: z.ZodType<T>): { value: T } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(reply);
  } catch {
    return { problem: "it is not valid JSON" };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data };
  const issues = parsed.error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join(".") : "the object";
    return `${path}: ${issue.message}`;
  });
  return { problem: issues.join("; ") };
}

/**
 * Asks the model for a JSON object matching `schema`. A reply that does not match gets one
 * second chance with the problem spelled out (small local models often slip once); a second
 * miss is an `upstream_failed` error that names the model and the problem.
 */
export async function completeJson<T>(
  llm: Llm,
  turns: readonly ChatTurn[],
  schema: z.ZodType<T>,
  what: string,
  options: { temperature?: number } = {},
): Promise<T> {
  let conversation = [...turns];
  let problem = "";
  let reply = "";
  for (let attempt = 0; attempt < 2; attempt++) {
    reply = await llm.complete(conversation, { json: true, ...options });
    const checked = problemWith(reply, schema);
    if ("value" in checked) return checked.value;
    problem = checked.problem;
    conversation = [
      ...conversation,
      { role: "assistant", content: reply },
      { role: "user", content: renderPrompt("json-repair", { problem }) },
    ];
  }
  throw new PolyphonyError("upstream_failed", `model ${llm.model} returned an unusable ${what}: ${problem}`, {
    detail: { model: llm.model, reply: reply.slice(0, 500) },
  });
}
