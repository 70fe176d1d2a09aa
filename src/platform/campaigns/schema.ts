import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt } from "../../store/columns.ts";

// Campaigns: the settings every kind shares.

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

/** Who runs a study, how to reach them, how long it takes, how to have one's data erased. */
export interface ConsentDetails {
  organiser: string;
  contact: string;
  minutes: number | null;
  erasure: string;
}

export const NO_CONSENT_DETAILS: ConsentDetails = { organiser: "", contact: "", minutes: null, erasure: "" };

export const campaigns = pgTable("campaigns", {
  id: text("id").primaryKey(),
  kind: text("kind").notNull(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  consent: text("consent").notNull().default(""),
  consentDetails: jsonb("consent_details").$type<ConsentDetails>().notNull().default(NO_CONSENT_DETAILS),
  status: text("status", { enum: ["open", "closed"] }).notNull().default("open"),
  demographics: jsonb("demographics").$type<DemographicQuestion[]>().notNull().default([]),
  /** How participants get in: an open link, single-use invite codes, or an allowlist of external ids. */
  admission: jsonb("admission").$type<Admission>().notNull().default({ mode: "open" }),
  /** Whether results (graph, legitimacy figures) are public or need a researcher token. */
  resultsVisibility: text("results_visibility").notNull().default("public"),
  /** Public views show no group of fewer people than this (docs/privacy.md). */
  minGroupSize: integer("min_group_size").notNull().default(5),
  /** Identifies an imported source (e.g. a digest of a data dump) so it is imported once. */
  source: text("source").unique(),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
});
