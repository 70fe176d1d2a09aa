import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt } from "../../store/columns.ts";

// Researcher tokens: who may run campaigns.

export const researcherTokens = pgTable("researcher_tokens", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: createdAt(),
  revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
});
