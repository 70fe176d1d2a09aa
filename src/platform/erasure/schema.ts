import { bigint, integer, pgTable, text } from "drizzle-orm/pg-core";
import { at } from "../../store/columns.ts";
import { campaigns } from "../campaigns/schema.ts";
import { participants } from "../participants/schema.ts";

// Erasures done on a person's request.

/** Erasures done on a person's request: who asked for whom, why, and the entry that records it. */
export const erasures = pgTable("erasures", {
  id: text("id").primaryKey(),
  campaignId: text("campaign_id").notNull().references(() => campaigns.id),
  participantId: text("participant_id").notNull().unique().references(() => participants.id),
  researcherId: text("researcher_id").notNull(),
  reason: text("reason").notNull(),
  /** How many entries' openings were deleted. */
  openings: integer("openings").notNull(),
  entryIndex: bigint("entry_index", { mode: "number" }).notNull(),
  at: at("at"),
});
