import { and, eq, isNotNull } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "../../store/open.ts";
import { canonicalCards, stories, valuesCards, votes } from "./schema.ts";
import type { ModerationKind } from "../../platform/schemas.ts";

export interface HiddenItem {
  target: { kind: ModerationKind; id: string };
  /** A short human-readable reminder of what was hidden: a card's title, a story's opening. */
  label: string;
  hiddenAt: string;
  reason: string;
}

const EXCERPT = 160;

function excerpt(text: string) {
  return text.length <= EXCERPT ? text : `${text.slice(0, EXCERPT - 1)}…`;
}

/** The campaign's hidden contributions of every kind, with why they were hidden, newest first. */
export async function listHiddenContent(db: Queryable, campaignId: string): Promise<HiddenItem[]> {
  const hiddenIn = (table: { campaignId: AnyPgColumn; hiddenAt: AnyPgColumn }) =>
    and(eq(table.campaignId, campaignId), isNotNull(table.hiddenAt));
  const item = (kind: ModerationKind, id: string, label: string, hiddenAt: Date | null, reason: string | null): HiddenItem => ({
    target: { kind, id },
    label,
    hiddenAt: hiddenAt!.toISOString(),
    reason: reason ?? "",
  });
  const cards = await db
    .select({ id: valuesCards.id, title: valuesCards.title, at: valuesCards.hiddenAt, reason: valuesCards.hiddenReason })
    .from(valuesCards)
    .where(hiddenIn(valuesCards));
  const canonical = await db
    .select({ id: canonicalCards.id, title: canonicalCards.title, at: canonicalCards.hiddenAt, reason: canonicalCards.hiddenReason })
    .from(canonicalCards)
    .where(hiddenIn(canonicalCards));
  const storyRows = await db
    .select({ id: stories.id, text: stories.text, at: stories.hiddenAt, reason: stories.hiddenReason })
    .from(stories)
    .where(hiddenIn(stories));
  const voteRows = await db
    .select({ id: votes.id, relationship: votes.relationship, from: votes.fromId, to: votes.toId, at: votes.hiddenAt, reason: votes.hiddenReason })
    .from(votes)
    .where(hiddenIn(votes));
  const items = [
    ...cards.map((r) => item("values_card", r.id, r.title, r.at, r.reason)),
    ...canonical.map((r) => item("canonical_card", r.id, r.title, r.at, r.reason)),
    ...storyRows.map((r) => item("story", r.id, excerpt(r.text), r.at, r.reason)),
    ...voteRows.map((r) => item("vote", r.id, `${r.relationship}: ${r.from} → ${r.to}`, r.at, r.reason)),
  ];
  return items.sort((a, b) => b.hiddenAt.localeCompare(a.hiddenAt) || a.target.id.localeCompare(b.target.id));
}
