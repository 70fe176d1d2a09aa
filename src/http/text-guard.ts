import type { MiddlewareHandler } from "hono";
import { PolyphonyError } from "../core/errors.ts";
import { findTextViolation, textProblem } from "../core/text/text-rule.ts";

const refuse = (field: string, problem: string) => new PolyphonyError("invalid_input", `${field || "body"} ${problem}`, { field: field || "body" });

/**
 * Applies the text rule (src/core/text/text-rule.ts) to every string of the request's address
 * before any route sees it: each path segment and each query value. A request that breaks it gets
 * 422 naming the field, the same for every route, and nothing runs. Fields are named as the
 * validators name them: `path`, `query:…`.
 */
export const guardText = (): MiddlewareHandler => async (c, next) => {
  for (const segment of new URL(c.req.url).pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new PolyphonyError("malformed", `the path segment ${JSON.stringify(segment)} is not valid percent-encoding`, { field: "path" });
    }
    const problem = textProblem(decoded);
    if (problem) throw refuse("path", problem);
  }
  for (const [name, values] of Object.entries(c.req.queries())) {
    const keyProblem = textProblem(name);
    if (keyProblem) throw refuse("query", `has a parameter name that ${keyProblem}`);
    for (const value of values) {
      const problem = textProblem(value);
      if (problem) throw refuse(`query:${name}`, problem);
    }
  }
  await next();
};

/**
 * The text rule for a JSON body: every string and key, and its nesting. Every route runs it (route.ts
 * `meta`), after the token check, so that a caller without a token learns nothing about the input.
 */
export const guardBody: MiddlewareHandler = async (c, next) => {
  if (/^application\/(?:[\w.+-]+\+)?json\b/i.test(c.req.header("content-type") ?? "")) {
    // Parsed once here; the route's validator reads the same parsed body. Malformed JSON is the validator's to refuse.
    const body: unknown = await c.req.json().catch(() => undefined);
    const violation = findTextViolation(body);
    if (violation) throw refuse(violation.path, violation.problem);
  }
  await next();
};
