import { and, desc, eq } from "drizzle-orm";
import { conflict, notFound } from "../../core/errors.ts";
import type { Queryable, Tx } from "../../store/open.ts";
import { canonicalCards, stories, valuesCards, votes } from "../../kinds/moral-graph/schema.ts";
import { moderationActions } from "./schema.ts";
import { getCampaign } from "../campaigns/campaigns.ts";
import { listHiddenContent } from "../../kinds/moral-graph/hidden-content.ts";
import type { ServiceDeps } from "../deps.ts";
import { newId } from "../ids.ts";
import { researcherAuthor } from "../log/drafts.ts";
import { appendEntries } from "../log/sequencer.ts";
import type { ModerationKind, Moderate } from "../schemas.ts";
import type { Researcher } from "../auth/tokens.ts";

/** The table holding each kind of content that moderation can hide. */
export const MODERATED_TABLES = {
  values_card: valuesCards,
  canonical_card: canonicalCards,
  story: stories,
  vote: votes,
} as const;

type Target = Moderate["target"];

async function readHiddenState(tx: Tx, campaignId: string, target: Target) {
  const table = MODERATED_TABLES[target.kind];
  const [row] = await tx
    .select({ hiddenAt: table.hiddenAt })
    .from(table)
    .where(and(eq(table.id, target.id), eq(table.campaignId, campaignId)));
  if (!row) throw notFound(target.kind.replace("_", " "), target.id, "target/id");
  return row.hiddenAt !== null;
}

async function writeHidden(tx: Tx, target: Target, hidden: { at: Date; reason: string } | null) {
  const set = { hiddenAt: hidden?.at ?? null, hiddenReason: hidden?.reason ?? null };
  switch (target.kind) {
    case "values_card":
      return tx.update(valuesCards).set(set).where(eq(valuesCards.id, target.id));
    case "canonical_card":
      return tx.update(canonicalCards).set(set).where(eq(canonicalCards.id, target.id));
    case "story":
      return tx.update(stories).set(set).where(eq(stories.id, target.id));
    case "vote":
      return tx.update(votes).set(set).where(eq(votes.id, target.id));
  }
}

/** Keeps the action on record and logs it; the content of its entry is the target and the reason. */
async function recordAction(tx: Tx, campaignId: string, researcher: Researcher, target: Target, action: "hide" | "unhide", reason: string, at: Date) {
  const id = newId("mod");
  const [row] = await tx
    .insert(moderationActions)
    .values({ id, campaignId, targetKind: target.kind, targetId: target.id, action, reason, researcherId: researcher.id, at })
    .returning();
  const draft = {
    kind: action === "hide" ? "content_hidden" : "content_unhidden",
    campaign: campaignId,
    author: researcherAuthor(researcher),
    refs: { action: id, targetKind: target.kind, target: target.id },
    content: { target: { kind: target.kind, id: target.id }, reason },
  };
  const [entry] = await appendEntries(tx, [draft], at);
  return { action: toActionView(row!), entry: entry! };
}

function toActionView(row: typeof moderationActions.$inferSelect) {
  return {
    id: row.id,
    target: { kind: row.targetKind as ModerationKind, id: row.targetId },
    action: row.action,
    reason: row.reason,
    by: row.researcherId,
    at: row.at.toISOString(),
  };
}

/**
 * Hides a contribution with a reason. It stays stored; card lists, story serving, graphs and
 * exports skip it. Hiding what is hidden already is a conflict: unhide it first.
 */
export async function hideContent(deps: ServiceDeps, researcher: Researcher, campaignId: string, input: Moderate) {
  const { action, entry } = await deps.store.transaction(async (tx) => {
    await getCampaign(tx, campaignId);
    if (await readHiddenState(tx, campaignId, input.target)) throw conflict(`this ${input.target.kind} is hidden already`, "target/id");
    const at = deps.clock.now();
    await writeHidden(tx, input.target, { at, reason: input.reason });
    return recordAction(tx, campaignId, researcher, input.target, "hide", input.reason, at);
  });
  return { action, receipt: await deps.log.issueReceipt(entry) };
}

/** Shows a hidden contribution again; the reason for showing it is kept with the hiding. */
export async function unhideContent(deps: ServiceDeps, researcher: Researcher, campaignId: string, input: Moderate) {
  const { action, entry } = await deps.store.transaction(async (tx) => {
    await getCampaign(tx, campaignId);
    if (!(await readHiddenState(tx, campaignId, input.target))) throw conflict(`this ${input.target.kind} is not hidden`, "target/id");
    const at = deps.clock.now();
    await writeHidden(tx, input.target, null);
    return recordAction(tx, campaignId, researcher, input.target, "unhide", input.reason, at);
  });
  return { action, receipt: await deps.log.issueReceipt(entry) };
}

/** What is hidden now, with why, and every hide and unhide on the campaign, newest first. */
export async function describeModeration(db: Queryable, campaignId: string) {
  await getCampaign(db, campaignId);
  const rows = await db
    .select()
    .from(moderationActions)
    .where(eq(moderationActions.campaignId, campaignId))
    .orderBy(desc(moderationActions.at), desc(moderationActions.id));
  return { hidden: await listHiddenContent(db, campaignId), actions: rows.map(toActionView) };
}
