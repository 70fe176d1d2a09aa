import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { at, bytea, createdAt } from "../../store/columns.ts";
import { campaigns } from "../campaigns/schema.ts";

// Participants: sessions, admission, keys, demographic answers, progress and the closing survey.

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

/** A participant's per-campaign Ed25519 key: the public key, and the seed only if the server holds it. */
export const participantKeys = pgTable("participant_keys", {
  participantId: text("participant_id").primaryKey().references(() => participants.id),
  campaignId: text("campaign_id").notNull().references(() => campaigns.id),
  /** Standard base64 of the 32-byte public key, as it appears as `author` in entries. */
  publicKey: text("public_key").notNull().unique(),
  /** The 32-byte seed of a server-held key; null when the participant holds their own key. */
  privateKey: bytea("private_key"),
  createdAt: at("created_at"),
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
