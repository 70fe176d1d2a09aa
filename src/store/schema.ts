
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull();

export const researcherTokens = pgTable("researcher_tokens", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: createdAt(),
  revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
});

export interface DemographicQuestion {
  key: string;
  question: string;
  options?: string[];
  required?: boolean;
}

export interface Admission {
  mode: "open" | "invite" | "allowlist";
  /** For `allowlist`: the URL query parameter a recruitment platform passes the id in. */
  externalIdParam?: string;
}

export const campaigns = pgTable("campaigns", {
  id: text("id").primaryKey(),
  kind: text("kind").notNull(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  consent: text("consent").notNull().default(""),
  status: text("status").notNull().default("open"),
  demographics: jsonb("demographics").$type<DemographicQuestion[]>().notNull().default([]),
  /** How participants get in: an open link, single-use invite codes, or an allowlist of external ids. */
  admission: jsonb("admission").$type<Admission>().notNull().default({ mode: "open" }),
  /** Whether results (graph, legitimacy figures) are public or need a researcher token. */
  resultsVisibility: text("results_visibility").notNull().default("public"),
  /** Identifies an imported source (e.g. a digest of a data dump) so it is imported once. */
  source: text("source").unique(),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
});

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

export const participants = pgTable(
  "participants",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    sessionTokenHash: text("session_token_hash").unique(),
    createdAt: createdAt(),
  },
  (t) => [index("participants_campaign").on(t.campaignId)],
);

/** Private: links a pseudonymous participant to an outside identity. No export reads it. */
export const participantIdentities = pgTable(
  "participant_identities",
  {
    participantId: text("participant_id").notNull().references(() => participants.id),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    externalId: text("external_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId] }),
    uniqueIndex("participant_identities_external").on(t.campaignId, t.externalId),
  ],
);

export const participantAnswers = pgTable(
  "participant_answers",
  {
    participantId: text("participant_id").notNull().references(() => participants.id),
    key: text("key").notNull(),
    value: text("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.key] })],
);

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
    relationship: text("relationship").notNull(),
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


/** Single-use invite codes for campaigns admitted by invitation. */
export const invites = pgTable(
  "invites",
  {
    codeHash: text("code_hash").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    createdAt: createdAt(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    participantId: text("participant_id").references(() => participants.id),
  },
  (t) => [index("invites_campaign").on(t.campaignId)],
);

/** Private: external ids (e.g. a recruitment platform's) allowed into a campaign. */
export const allowlist = pgTable(
  "allowlist",
  {
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    externalId: text("external_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.externalId] })],
);

/** A participant reaching a step of a campaign's flow: resumes sessions, feeds the funnel. */
export const progressEvents = pgTable(
  "progress_events",
  {
    participantId: text("participant_id").notNull().references(() => participants.id),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    step: text("step").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.step] }), index("progress_events_campaign").on(t.campaignId)],
);

/** The closing survey: did the participant feel represented, is the process fair. */
export const surveyAnswers = pgTable("survey_answers", {
  participantId: text("participant_id").primaryKey().references(() => participants.id),
  campaignId: text("campaign_id").notNull().references(() => campaigns.id),
  represented: integer("represented").notNull(),
  fair: integer("fair").notNull(),
  comment: text("comment"),
  createdAt: createdAt(),
});

/**
 * Every hide and unhide a researcher makes, with who and why. The content's own `hidden_at` and
 * `hidden_reason` say whether it is hidden now; this table keeps the history, unhide reasons included.
 */
export const moderationActions = pgTable(
  "moderation_actions",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    targetKind: text("target_kind").notNull(),
    targetId: text("target_id").notNull(),
    action: text("action").notNull(),
    reason: text("reason").notNull(),
    researcherId: text("researcher_id").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("moderation_actions_campaign").on(t.campaignId)],
);

export * from "./log-schema.ts";
export * from "./witness-schema.ts";
