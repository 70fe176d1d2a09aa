import { and, desc, eq, isNotNull } from "drizzle-orm";
import { conflict, invalid, notFound } from "../../core/errors.ts";
import type { Queryable, Tx } from "../../store/open.ts";
import { moderationActions } from "./schema.ts";
import { getCampaign } from "../campaigns/campaigns.ts";
import { lockCampaignForCuration } from "../campaigns/guards.ts";
import type { ServiceDeps } from "../deps.ts";
import { newId } from "../ids.ts";
import { findModerated, moderationTargets, type KindRegistry, type ModeratedContent } from "../kind.ts";
import { researcherAuthor } from "../log/drafts.ts";
import type { Moderate } from "../schemas.ts";
import type { Researcher } from "../auth/tokens.ts";

type Target = Moderate["target"];

export interface HiddenItem {
  target: Target;
  /** A short human-readable reminder of what was hidden: a card's title, a story's opening. */
  label: string;
  hiddenAt: string;
  reason: string;
}

const EXCERPT = 160;

function excerpt(text: string) {
  return text.length <= EXCERPT ? text : `${text.slice(0, EXCERPT - 1)}…`;
}

function contentOf(kinds: KindRegistry, target: Target): ModeratedContent {
  const content = findModerated(kinds, target.kind);
  if (!content) throw invalid("target/kind", `moderation can hide ${moderationTargets(kinds).join(", ")}; not ${JSON.stringify(target.kind)}`);
  return content;
}

async function readHiddenState(tx: Tx, campaignId: string, { table }: ModeratedContent, target: Target) {
  const [row] = await tx
    .select({ hiddenAt: table.hiddenAt })
    .from(table)
    .where(and(eq(table.id, target.id), eq(table.campaignId, campaignId)));
  if (!row) throw notFound(target.kind.replace("_", " "), target.id, "target/id");
  return row.hiddenAt !== null;
}

async function writeHidden(tx: Tx, { table }: ModeratedContent, target: Target, hidden: { at: Date; reason: string } | null) {
  await tx
    .update(table)
    .set({ hiddenAt: hidden?.at ?? null, hiddenReason: hidden?.reason ?? null })
    .where(eq(table.id, target.id));
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
  return { value: toActionView(row!), drafts: [draft] };
}

function toActionView(row: typeof moderationActions.$inferSelect) {
  return {
    id: row.id,
    target: { kind: row.targetKind, id: row.targetId },
    action: row.action,
    reason: row.reason,
    by: row.researcherId,
    at: row.at.toISOString(),
  };
}

/** Hides (`hidden` set) or shows again (`hidden` null) a contribution, refusing a change that changes nothing. */
async function setHidden(deps: ServiceDeps, researcher: Researcher, campaignId: string, input: Moderate, hide: boolean) {
  const content = contentOf(deps.kinds, input.target);
  const { value: action, receipts } = await deps.log.commit(async (tx, at) => {
    await lockCampaignForCuration(tx, campaignId);
    const hidden = await readHiddenState(tx, campaignId, content, input.target);
    if (hide && hidden) throw conflict(`this ${input.target.kind} is hidden already`, "target/id");
    if (!hide && !hidden) throw conflict(`this ${input.target.kind} is not hidden`, "target/id");
    await writeHidden(tx, content, input.target, hide ? { at, reason: input.reason } : null);
    return recordAction(tx, campaignId, researcher, input.target, hide ? "hide" : "unhide", input.reason, at);
  }, { alone: true });
  return { action, receipt: receipts[0]! };
}

/**
 * Hides a contribution with a reason. It stays stored; lists, serving, results and exports skip
 * it. Hiding what is hidden already is a conflict: unhide it first.
 */
export function hideContent(deps: ServiceDeps, researcher: Researcher, campaignId: string, input: Moderate) {
  return setHidden(deps, researcher, campaignId, input, true);
}

/** Shows a hidden contribution again; the reason for showing it is kept with the hiding. */
export function unhideContent(deps: ServiceDeps, researcher: Researcher, campaignId: string, input: Moderate) {
  return setHidden(deps, researcher, campaignId, input, false);
}

/** The campaign's hidden contributions of every kind, with why they were hidden, newest first. */
export async function listHiddenContent(db: Queryable, kinds: KindRegistry, campaignId: string): Promise<HiddenItem[]> {
  const items: HiddenItem[] = [];
  for (const kind of kinds.all) {
    for (const [name, { table, label }] of Object.entries(kind.moderated)) {
      const rows = await db
        .select({ id: table.id, label, at: table.hiddenAt, reason: table.hiddenReason })
        .from(table)
        .where(and(eq(table.campaignId, campaignId), isNotNull(table.hiddenAt)));
      for (const row of rows) {
        items.push({
          target: { kind: name, id: String(row.id) },
          label: excerpt(row.label ?? ""),
          hiddenAt: (row.at as Date).toISOString(),
          reason: typeof row.reason === "string" ? row.reason : "",
        });
      }
    }
  }
  return items.sort((a, b) => b.hiddenAt.localeCompare(a.hiddenAt) || a.target.id.localeCompare(b.target.id));
}

/** What is hidden now, with why, and every hide and unhide on the campaign, newest first. */
export async function describeModeration(db: Queryable, kinds: KindRegistry, campaignId: string) {
  await getCampaign(db, campaignId);
  const rows = await db
    .select()
    .from(moderationActions)
    .where(eq(moderationActions.campaignId, campaignId))
    .orderBy(desc(moderationActions.at), desc(moderationActions.id));
  return { hidden: await listHiddenContent(db, kinds, campaignId), actions: rows.map(toActionView) };
}
