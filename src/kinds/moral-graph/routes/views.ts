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
    count: z.number().int().openapi({ description: "How many pairs are at least this similar (the list holds at most `limit`)" }),
    dismissed: z.number().int().openapi({ description: "How many pairs this similar a researcher dismissed as distinct" }),
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

export const DismissMergeProposal = z
  .object({ cards: z.tuple([z.string().min(1).max(100), z.string().min(1).max(100)]).openapi({ description: "The two canonical cards judged distinct" }) })
  .openapi("DismissMergeProposal");
export const DismissedProposal = z.object({ cards: z.tuple([z.string(), z.string()]) }).openapi("DismissedProposal");

export const Comments = z
  .object({
    votes: z.array(
      z.object({
        id: z.string(),
        participant: z.string(),
        relationship: z.enum(RELATIONSHIPS),
        comment: z.string(),
        context: z.string(),
        from: z.string(),
        to: z.string(),
        createdAt: z.iso.datetime(),
      }),
    ),
    survey: z.array(
      z.object({ participant: z.string(), represented: z.number().int(), fair: z.number().int(), comment: z.string(), createdAt: z.iso.datetime() }),
    ),
  })
  .openapi("Comments");

const NamedValue = z.object({ id: z.string(), title: z.string() });
export const StoryCoverage = z
  .object({
    values: z.number().int(),
    contexts: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        stories: z.number().int(),
        valuesWithout: z.object({ count: z.number().int(), values: z.array(NamedValue) }),
        oneWay: z.object({ count: z.number().int(), pairs: z.array(z.object({ from: NamedValue, to: NamedValue })) }),
      }),
    ),
  })
  .openapi("StoryCoverage");
