import { z } from "@hono/zod-openapi";

const text = (max: number) => z.string().trim().min(1).max(max);
const Id = z.string().min(1).max(100);

export const ProposeBehaviour = z
  .object({
    description: text(4000),
    thoughts: text(4000).optional().openapi({ description: "The internal thoughts that lead to the behaviour" }),
    tags: z.array(text(80)).max(20).optional(),
  })
  .openapi("ProposeBehaviour");
export type ProposeBehaviour = z.infer<typeof ProposeBehaviour>;

export const RankScenario = z
  .object({
    tiers: z
      .array(z.array(Id).min(1).max(50))
      .max(50)
      .default([])
      .openapi({ description: "Behaviour ids best first; the ids of one tier are tied. Behaviours left out are unranked (a partial ranking)" }),
    acceptable: z.number().int().min(0).max(50).optional().openapi({ description: "How many leading tiers are acceptable; 0 says none is" }),
    noneAcceptable: z.boolean().optional().openapi({ description: "None of the behaviours is acceptable (the same as `acceptable: 0`)" }),
    skip: z.boolean().optional().openapi({ description: "The participant skipped the scenario: `tiers` must be empty" }),
    displayOrder: z.array(Id).max(50).openapi({ description: "The behaviours in the order the participant was shown them" }),
    durationMs: z.number().int().min(0).max(86_400_000).optional().openapi({ description: "How long the participant took" }),
  })
  .openapi("RankScenario");
export type RankScenario = z.infer<typeof RankScenario>;

export const TagBehaviour = z.object({ tags: z.array(text(80)).min(1).max(20) }).openapi("TagBehaviour");
export const AddRationale = z
  .object({ text: text(4000), behaviour: Id.optional().openapi({ description: "The behaviour the rationale is about, if one" }) })
  .openapi("AddRationale");
