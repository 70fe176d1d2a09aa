import { z } from "@hono/zod-openapi";
import { RELATIONSHIPS } from "../core/types.ts";
import { Receipt } from "../../../platform/log/views.ts";

/** What the moral-graph routes answer about cards, merges, stories and votes. */

const Card = { title: z.string(), description: z.string(), policies: z.array(z.string()) };

export const CanonicalCard = z
  .object({
    id: z.string(),
    questionId: z.string().nullable(),
    ...Card,
    mergedInto: z.string().nullable().openapi({ description: "The card this one was merged into, if it was" }),
    externalRef: z.string().nullable().openapi({ description: "The card's id in the dataset it was imported from" }),
  })
  .openapi("CanonicalCard");

export const CanonicalCards = z.object({ cards: z.array(CanonicalCard) }).openapi("CanonicalCards");

export const MergeProposals = z
  .object({
    embedder: z.string(),
    threshold: z.number(),
    proposals: z.array(z.object({ similarity: z.number(), cards: z.tuple([CanonicalCard, CanonicalCard]) })),
  })
  .openapi("MergeProposals");

export const Merge = z
  .object({
    id: z.string(),
    into: z.string(),
    from: z.array(z.string()),
    reason: z.string(),
    mergedBy: z.string(),
    createdAt: z.iso.datetime(),
    undoneAt: z.iso.datetime().nullable(),
    undoneBy: z.string().nullable(),
    undoReason: z.string().nullable(),
  })
  .openapi("Merge");

export const Merges = z.object({ merges: z.array(Merge) }).openapi("Merges");
export const MergeReceipt = z.object({ merge: Merge, receipt: Receipt }).openapi("MergeReceipt");

export const Story = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    context: z.string(),
    text: z.string(),
    source: z.enum(["researcher", "llm", "import"]),
  })
  .openapi("Story");

export const StoryReceipt = z.object({ story: Story, receipt: Receipt }).openapi("StoryReceipt");
export const StoriesReceipts = z.object({ stories: z.array(Story), receipts: z.array(Receipt) }).openapi("StoriesReceipts");

const StoryCard = z.object({ id: z.string(), ...Card });
export const ServedStories = z
  .object({
    stories: z.array(
      z.object({
        id: z.string(),
        context: z.object({ id: z.string(), name: z.string() }),
        from: StoryCard,
        to: StoryCard,
        text: z.string(),
        votes: z.number().int(),
      }),
    ),
  })
  .openapi("ServedStories");

export const ValuesCardReceipt = z
  .object({
    card: z.object({ id: z.string(), question: z.string(), canonicalId: z.string(), ...Card }),
    receipt: Receipt,
  })
  .openapi("ValuesCardReceipt");

export const SimilarCards = z
  .object({ similar: z.array(z.object({ card: CanonicalCard, similarity: z.number() })) })
  .openapi("SimilarCards");

export const ArticulationTurn = z
  .object({
    chat: z.string(),
    reply: z.string(),
    draft: z.object(Card).nullable().openapi({ description: "A values card drafted from the chat once it has enough, else null" }),
    messages: z.array(z.object({ role: z.enum(["user", "assistant"]), content: z.string() })),
  })
  .openapi("ArticulationTurn");

export const VoteReceipt = z
  .object({
    vote: z.object({
      id: z.string(),
      from: z.string(),
      to: z.string(),
      context: z.string(),
      relationship: z.enum(RELATIONSHIPS),
      comment: z.string().nullable(),
      story: z.string().nullable(),
      createdAt: z.iso.datetime(),
      updatedAt: z.iso.datetime(),
    }),
    receipt: Receipt,
  })
  .openapi("VoteReceipt");
