import { z } from "@hono/zod-openapi";
import { authenticate, type Caller } from "../platform/auth/http-auth.ts";
import { guardBody } from "./text-guard.ts";

/** An RFC 9457 problem document; a failing upstream provider adds extension members (§3.2) naming it. */
const Problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    field: z.string().optional(),
    instance: z.string().optional().openapi({ description: "The request path" }),
  })
  .openapi("Problem");

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: Problem } } });

const pathParam = (name: string) => z.string().min(1).max(100).openapi({ param: { name, in: "path" } });

export const CampaignParam = z.object({ campaign: pathParam("campaign") });

/** The header a participant who holds their own key signs a contribution in (docs/log-format.md). */
export const SignatureHeader = z.object({
  "polyphony-signature": z
    .string()
    .max(200)
    .optional()
    .openapi({
      param: { name: "polyphony-signature", in: "header" },
      description:
        "Base64 Ed25519 signature, by the participant's own key, of the RFC 8785 JSON of {v: 1, campaign, kind, content}; " +
        "required when the participant joined with a publicKey",
    }),
});
export const MergeParam = z.object({ campaign: pathParam("campaign"), merge: pathParam("merge") });

/**
 * Who may call a route: anyone (`public`), a researcher or a participant with their token, or
 * anyone for a campaign whose results are public and a researcher otherwise (`results`).
 */
export type Access = "public" | Caller | "results";

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  public: [],
  researcher: [{ researcher: [] }, { researcherSession: [] }],
  participant: [{ participant: [] }],
  results: [{}, { researcher: [] }, { researcherSession: [] }],
};

/**
 * Operation id, tag, summary and security of a route. A route that needs a token checks it in
 * its middleware, before its validators: authentication comes before input validation.
 */
export const meta = (tag: string, summary: string, { id, auth = "public" }: { id: string; auth?: Access }) => ({
  operationId: id,
  tags: [tag],
  summary,
  security: SECURITY[auth],
  middleware: auth === "researcher" || auth === "participant" ? [authenticate(auth), guardBody] : [guardBody],
});

/** A required JSON request body validated by `schema`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true as const,
  content: { "application/json": { schema } },
});

const shared = {
  400: problem("Malformed request"),
  401: problem("Missing or unknown token"),
  404: problem("Unknown id"),
  422: problem("Invalid input; `field` names the offending field"),
  429: {
    ...problem("Too many requests from this address or token; `Retry-After` says how many seconds to wait"),
    headers: { "Retry-After": { description: "Seconds until the limit's window ends", schema: { type: "integer" as const, minimum: 1 } } },
  },
};

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

const location = {
  Location: {
    description: "The created resource; where it cannot be read on its own, its entry in the log",
    schema: { type: "string" as const, format: "uri-reference" },
  },
};

/** A 200 JSON response of `schema`, plus the problem responses every route shares. */
export const ok = <T extends z.ZodType>(schema: T, description: string) => ({ 200: json(schema, description), ...shared });

/** A 201 JSON response of `schema` with a `Location` header, plus the problem responses every route shares. */
export const createdWith = <T extends z.ZodType>(schema: T, description: string) => ({
  201: { ...json(schema, description), headers: location },
  ...shared,
});

/** The answer of a route that needs an LLM when none is configured. */
export const unavailable = problem("No LLM provider is configured");

/** The problem responses every route shares, for routes that answer in several media types. */
export const problems = shared;
