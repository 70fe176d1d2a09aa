import { readFileSync } from "node:fs";
import type { ZodType, z } from "zod";
import { PolyphonyError } from "../core/errors.ts";
import { findTextViolation } from "../core/text/text-rule.ts";

/**
 * Validates CLI input with the same schema the API uses. The error's field is the schema's path
 * (or `name` for a single value), which the error report turns into the flag the user typed.
 */
export function parseInput<S extends ZodType>(schema: S, value: unknown, name = "input"): z.output<S> {
  // The API's text rule, for input from flags and files alike.
  const violation = findTextViolation(value);
  if (violation) throw new PolyphonyError("invalid_input", violation.problem, { field: violation.path || name });
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join("/") || name;
  throw new PolyphonyError("invalid_input", issue?.message ?? "invalid", { field });
}

/** Reads and parses a JSON file, with a clear error when it is missing or malformed. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new PolyphonyError("not_found", `cannot read ${path}: ${(error as Error).message}`, { field: "file" });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PolyphonyError("malformed", `${path} is not valid JSON: ${(error as Error).message}`, { field: "file" });
  }
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];
