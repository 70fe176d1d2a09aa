import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt } from "../../store/columns.ts";
import { campaigns } from "../../platform/campaigns/schema.ts";
import { participants } from "../../platform/participants/schema.ts";

// Scenarios: situations an AI may face, behaviours it could show, and people's rankings of them.

/** A campaign's behaviour taxonomy: the tags participants and researchers may put on behaviours. */
export const scenarioSettings = pgTable("scenario_settings", {
  campaignId: text("campaign_id").primaryKey().references(() => campaigns.id),
  taxonomy: jsonb("taxonomy").$type<string[]>().notNull(),
});

export const scenarios = pgTable(
  "scenarios",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    position: integer("position").notNull(),
    situation: text("situation").notNull(),
    request: text("request").notNull(),
    capabilities: text("capabilities").notNull(),
    context: text("context"),
    /** A gold scenario's known acceptable order: tiers of behaviour ids, best first. */
    gold: jsonb("gold").$type<string[][]>(),
    externalRef: text("external_ref"),
    createdAt: createdAt(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true, mode: "date" }),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [index("scenarios_campaign").on(t.campaignId, t.position)],
);

/** Where a behaviour came from; a model's are synthetic and say which model and prompt made them. */
export type BehaviourOrigin = "participant" | "researcher" | "model";

export const behaviours = pgTable(
  "behaviours",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    scenarioId: text("scenario_id").notNull().references(() => scenarios.id),
    participantId: text("participant_id").references(() => participants.id),
    origin: text("origin").$type<BehaviourOrigin>().notNull(),
    /** The order of behaviours written together (a scenario's list); later ones follow by creation time. */
    position: integer("position").notNull(),
    /** Set for every model-made behaviour: `{model, prompt}`. */
    synthetic: jsonb("synthetic").$type<{ model: string; prompt: string }>(),
    description: text("description").notNull(),
    thoughts: text("thoughts"),
    /** The score a BIG-bench task gave this behaviour, kept so an export gives it back. */
    targetScore: doublePrecision("target_score"),
    createdAt: createdAt(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true, mode: "date" }),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [index("behaviours_scenario").on(t.scenarioId), index("behaviours_campaign").on(t.campaignId)],
);

/**
 * A participant's ranking of one scenario's behaviours, or their skip of it. `tiers` lists
 * behaviour ids best first, ties sharing a tier; `acceptable` is how many leading tiers they find
 * acceptable (0: none is), null when they did not say. Ranking again replaces the ranking.
 */
export const scenarioRankings = pgTable(
  "scenario_rankings",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    scenarioId: text("scenario_id").notNull().references(() => scenarios.id),
    participantId: text("participant_id").notNull().references(() => participants.id),
    tiers: jsonb("tiers").$type<string[][]>().notNull(),
    acceptable: integer("acceptable"),
    skipped: boolean("skipped").notNull(),
    /** The behaviours in the order the participant was shown them, and how long they took. */
    displayOrder: jsonb("display_order").$type<string[]>().notNull(),
    durationMs: integer("duration_ms"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true, mode: "date" }),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [uniqueIndex("scenario_rankings_one").on(t.scenarioId, t.participantId), index("scenario_rankings_campaign").on(t.campaignId)],
);

export const behaviourTags = pgTable(
  "behaviour_tags",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    behaviourId: text("behaviour_id").notNull().references(() => behaviours.id),
    participantId: text("participant_id").references(() => participants.id),
    tag: text("tag").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("behaviour_tags_one").on(t.behaviourId, t.participantId, t.tag), index("behaviour_tags_campaign").on(t.campaignId)],
);

/** Why a participant ranked a scenario as they did, or what they think of one behaviour. */
export const scenarioRationales = pgTable(
  "scenario_rationales",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    scenarioId: text("scenario_id").notNull().references(() => scenarios.id),
    behaviourId: text("behaviour_id").references(() => behaviours.id),
    participantId: text("participant_id").notNull().references(() => participants.id),
    text: text("text").notNull(),
    createdAt: createdAt(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true, mode: "date" }),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [index("scenario_rationales_campaign").on(t.campaignId)],
);
