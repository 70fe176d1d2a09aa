import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt } from "../../store/columns.ts";
import type { Relationship } from "./core/types.ts";
import { campaigns } from "../../platform/campaigns/schema.ts";
import { participants } from "../../platform/participants/schema.ts";

// Moral graphs: questions, contexts, values cards, merges, stories, votes and articulation chats.

export const questions = pgTable(
  "questions",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    externalRef: text("external_ref"),
  },
  (t) => [index("questions_campaign").on(t.campaignId)],
);

export const contexts = pgTable(
  "contexts",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    position: integer("position").notNull(),
    name: text("name").notNull(),
  },
  (t) => [uniqueIndex("contexts_campaign_name").on(t.campaignId, t.name)],
);

/** A moral-graph campaign's own scalar settings; a campaign without a row has the defaults. */
export const moralGraphSettings = pgTable("moral_graph_settings", {
  campaignId: text("campaign_id").primaryKey().references(() => campaigns.id),
  /** How many stories a participant is asked to judge before the closing survey. */
  judgingQuota: integer("judging_quota").notNull(),
});

export const canonicalCards = pgTable(
  "canonical_cards",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    questionId: text("question_id").references(() => questions.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    policies: jsonb("policies").$type<string[]>().notNull(),
    /** Set while this card is merged into another; votes on it then count for that card. */
    mergedInto: text("merged_into"),
    externalRef: text("external_ref"),
    createdAt: createdAt(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true, mode: "date" }),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [index("canonical_cards_campaign").on(t.campaignId)],
);

export const valuesCards = pgTable(
  "values_cards",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    questionId: text("question_id").references(() => questions.id),
    participantId: text("participant_id").references(() => participants.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    policies: jsonb("policies").$type<string[]>().notNull(),
    /** Null only for imported cards their source never mapped to a canonical card. */
    canonicalId: text("canonical_id").references(() => canonicalCards.id),
    externalRef: text("external_ref"),
    createdAt: createdAt(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true, mode: "date" }),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [index("values_cards_campaign").on(t.campaignId)],
);

export const merges = pgTable(
  "merges",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    intoId: text("into_id").notNull().references(() => canonicalCards.id),
    fromIds: jsonb("from_ids").$type<string[]>().notNull(),
    reason: text("reason").notNull(),
    mergedBy: text("merged_by").notNull(),
    createdAt: createdAt(),
    undoneAt: timestamp("undone_at", { withTimezone: true, mode: "date" }),
    undoneBy: text("undone_by"),
    undoReason: text("undo_reason"),
  },
  (t) => [index("merges_campaign").on(t.campaignId)],
);

export const stories = pgTable(
  "stories",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    fromId: text("from_id").notNull().references(() => canonicalCards.id),
    toId: text("to_id").notNull().references(() => canonicalCards.id),
    contextId: text("context_id").notNull().references(() => contexts.id),
    text: text("text").notNull(),
    source: text("source").notNull(),
    createdAt: createdAt(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true, mode: "date" }),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [index("stories_campaign").on(t.campaignId)],
);

export const votes = pgTable(
  "votes",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    participantId: text("participant_id").notNull().references(() => participants.id),
    fromId: text("from_id").notNull().references(() => canonicalCards.id),
    toId: text("to_id").notNull().references(() => canonicalCards.id),
    contextId: text("context_id").notNull().references(() => contexts.id),
    storyId: text("story_id").references(() => stories.id),
    relationship: text("relationship").$type<Relationship>().notNull(),
    comment: text("comment"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true, mode: "date" }),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [
    uniqueIndex("votes_key").on(t.participantId, t.fromId, t.toId, t.contextId),
    index("votes_campaign").on(t.campaignId),
  ],
);

/** A participant's endorsement of a card as wise for a question (MAI's card votes). */
export const cardEndorsements = pgTable(
  "card_endorsements",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    participantId: text("participant_id").notNull().references(() => participants.id),
    canonicalId: text("canonical_id").notNull().references(() => canonicalCards.id),
    questionId: text("question_id").references(() => questions.id),
    createdAt: createdAt(),
  },
  (t) => [index("card_endorsements_campaign").on(t.campaignId)],
);

export interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

/** A participant's articulation chat with the LLM for one question. */
export const articulationChats = pgTable("articulation_chats", {
  id: text("id").primaryKey(),
  campaignId: text("campaign_id").notNull().references(() => campaigns.id),
  participantId: text("participant_id").notNull().references(() => participants.id),
  questionId: text("question_id").notNull().references(() => questions.id),
  messages: jsonb("messages").$type<ChatMessage[]>().notNull(),
  draft: jsonb("draft").$type<{ title: string; description: string; policies: string[] } | null>(),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
});

/** A pair of canonical cards a researcher judged distinct: no longer proposed for merging. */
export const mergeDismissals = pgTable(
  "merge_dismissals",
  {
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    /** The pair's ids in sorted order, so that a pair is one row whichever way it was named. */
    firstId: text("first_id").notNull().references(() => canonicalCards.id),
    secondId: text("second_id").notNull().references(() => canonicalCards.id),
    dismissedBy: text("dismissed_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.firstId, t.secondId] })],
);
