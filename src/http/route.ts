import { z } from "@hono/zod-openapi";

const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    code: z.string(),
    field: z.string().optional(),
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

/** Tag, summary and security of a route. */
export const meta = (tag: string, summary: string, auth?: "researcher" | "participant") => ({
  tags: [tag],
  summary,
  ...(auth && { security: [{ [auth]: [] }] }),
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
};
const success = (description: string) => ({ description, content: { "application/json": { schema: z.any() } } });

/** The 200 response plus the problem responses every route shares. */
export const responses = (description = "Success") => ({ 200: success(description), ...shared });

/** The 201 response plus the problem responses every route shares. */
export const created = (description = "Created") => ({ 201: success(description), ...shared });
