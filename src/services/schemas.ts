import { z } from "@hono/zod-openapi";
import { RELATIONSHIPS } from "../core/moral-graph/types.ts";

/**
 * Input schemas shared by the HTTP API and the CLI: validation happens once, at the edge;
 * services trust the types they receive.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const Id = z.string().min(1).max(100).openapi({ example: "cmp_4k2j9x" });

export const DemographicQuestion = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "a lowercase key such as political_affiliation"),
    question: text(500),
    options: z.array(text(200)).min(2).max(50).optional(),
    required: z.boolean().optional(),
  })
  .openapi("DemographicQuestion");

export const CreateCampaign = z
  .object({
    kind: z.literal("moral-graph").default("moral-graph"),
    title: text(200),
    description: z.string().max(5000).default(""),
    consent: z.string().max(20000).default(""),
    questions: z.array(text(2000)).min(1).max(50),
    contexts: z
      .array(text(200))
      .min(1)
      .max(500)
      .refine((list) => new Set(list).size === list.length, "contexts must be distinct"),
    demographics: z.array(DemographicQuestion).max(50).default([]),
  })
  .openapi("CreateCampaign");
export type CreateCampaign = z.infer<typeof CreateCampaign>;

export const UpdateCampaign = z
  .object({
    title: text(200).optional(),
    description: z.string().max(5000).optional(),
    consent: z.string().max(20000).optional(),
    status: z.enum(["open", "closed"]).optional(),
    addQuestions: z.array(text(2000)).max(50).optional(),
    addContexts: z.array(text(200)).max(500).optional(),
    demographics: z.array(DemographicQuestion).max(50).optional(),
  })
  .openapi("UpdateCampaign");
export type UpdateCampaign = z.infer<typeof UpdateCampaign>;

export const JoinCampaign = z
  .object({
    answers: z.record(z.string().max(40), z.string().max(500)).default({}),
  })
  .openapi("JoinCampaign");
export type JoinCampaign = z.infer<typeof JoinCampaign>;

/** An attention policy: what a person attends to when living by the value. */
export const Policy = text(300);

export const CardContent = z.object({
  title: text(200),
  description: text(3000),
  policies: z.array(Policy).min(3, "a values card needs 3 to 7 attention policies").max(7, "a values card needs 3 to 7 attention policies"),
});
export type CardContent = z.infer<typeof CardContent>;

export const SubmitCard = CardContent.extend({
  question: Id,
  /** The participant says their card is the same as this canonical card. */
  sameAs: Id.optional(),
}).openapi("SubmitCard");
export type SubmitCard = z.infer<typeof SubmitCard>;

export const ArticulateMessage = z
  .object({
    question: Id,
    chat: Id.optional(),
    message: text(4000),
  })
  .openapi("ArticulateMessage");
export type ArticulateMessage = z.infer<typeof ArticulateMessage>;

export const MergeCards = z
  .object({
    into: Id,
    from: z.array(Id).min(1).max(100),
    reason: text(2000),
  })
  .openapi("MergeCards");
export type MergeCards = z.infer<typeof MergeCards>;

export const UndoMerge = z.object({ reason: text(2000) }).openapi("UndoMerge");

export const StoryPair = z.object({ from: Id, to: Id, context: Id });

export const WriteStory = StoryPair.extend({ text: text(5000) }).openapi("WriteStory");
export type WriteStory = z.infer<typeof WriteStory>;

export const GenerateStories = StoryPair.openapi("GenerateStories");
export type GenerateStories = z.infer<typeof GenerateStories>;

export const CastVote = z
  .object({
    from: Id,
    to: Id,
    context: Id,
    relationship: z.enum(RELATIONSHIPS as [string, ...string[]]),
    comment: z.string().max(5000).optional(),
    story: Id.optional(),
  })
  .openapi("CastVote");
export type CastVote = z.infer<typeof CastVote> & { relationship: (typeof RELATIONSHIPS)[number] };

export const GraphMethod = z.enum(["polyphony", "mai-2023"]);
export type GraphMethod = z.infer<typeof GraphMethod>;

export const GraphQuery = z.object({
  method: GraphMethod.default("polyphony"),
  context: z.string().max(200).optional(),
  groupBy: z.string().max(40).optional(),
});
export type GraphQuery = z.infer<typeof GraphQuery>;
