import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { campaigns } from "../campaigns/schema.ts";

// Moderation: every hide and unhide, with its reason.

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
    action: text("action", { enum: ["hide", "unhide"] }).notNull(),
    reason: text("reason").notNull(),
    researcherId: text("researcher_id").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("moderation_actions_campaign").on(t.campaignId)],
);
