import { z } from "@hono/zod-openapi";
import { Id } from "../../platform/schemas.ts";
import { RELATIONSHIPS } from "./core/types.ts";

/** Inputs of the moral-graph routes and CLI commands, validated once at the edge. */

const text = (max: number) => z.string().trim().min(1).max(max);

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

export const GraphMethod = z.enum(["polyphony", "pagerank", "mai-2023"]);
export type GraphMethod = z.infer<typeof GraphMethod>;

export const GraphQuery = z.object({
  method: GraphMethod.default("polyphony").openapi({
    description: "polyphony: hierarchical Bradley–Terry (default); pagerank: PageRank over kept edges (decision 0002); mai-2023: MAI's 2023 scoring",
  }),
  context: z.string().max(200).optional().openapi({ description: "A context id or name: the graph scored on every vote, sliced to that context" }),
  groupBy: z.string().max(40).optional(),
});
export type GraphQuery = z.infer<typeof GraphQuery>;

/** The most values (and edges) one page of the graph holds, and how many when not asked. */
export const GRAPH_PAGE_MAX = 1000;
export const GRAPH_PAGE_DEFAULT = 100;

export const GraphPageQuery = GraphQuery.extend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(GRAPH_PAGE_MAX)
    .default(GRAPH_PAGE_DEFAULT)
    .openapi({ description: `Values and edges per page (at most ${GRAPH_PAGE_MAX} of each)` }),
  cursor: z.string().max(100).optional().openapi({ description: "The `next` of the previous page" }),
});
export type GraphPageQuery = z.infer<typeof GraphPageQuery>;

export const ExportFormat = z.enum(["polyphony", "mai"]);
export type ExportFormat = z.infer<typeof ExportFormat>;
