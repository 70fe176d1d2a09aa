import { and, desc, eq, inArray } from "drizzle-orm";
import { invalid, notFound, PolyphonyError } from "../../core/errors.ts";
import { canonicalCards, merges } from "./schema.ts";
import { requireActiveCard } from "./cards.ts";
import { lockCampaignForCuration } from "../../platform/campaigns/guards.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import { newId } from "../../platform/ids.ts";
import { researcherAuthor } from "../../platform/log/drafts.ts";
import type { MergeCards } from "./inputs.ts";
import type { Researcher } from "../../platform/auth/tokens.ts";

export interface MergeView {
  id: string;
  into: string;
  from: string[];
  reason: string;
  mergedBy: string;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
}

function toView(row: typeof merges.$inferSelect): MergeView {
  return {
    id: row.id,
    into: row.intoId,
    from: row.fromIds,
    reason: row.reason,
    mergedBy: row.mergedBy,
    createdAt: row.createdAt.toISOString(),
    undoneAt: row.undoneAt?.toISOString() ?? null,
    undoneBy: row.undoneBy,
    undoReason: row.undoReason,
  };
}

/** Merges canonical cards into one; votes on the merged cards then count for `into`. Logged. */
export async function mergeCards(deps: ServiceDeps, researcher: Researcher, campaignId: string, input: MergeCards) {
  const from = [...new Set(input.from)];
  if (from.includes(input.into)) throw invalid("from", "a card cannot be merged into itself");
  const { value: merge, receipts } = await deps.log.commit(async (tx, now) => {
    await lockCampaignForCuration(tx, campaignId);
    await requireActiveCard(tx, campaignId, input.into, "into");
    for (const [i, id] of from.entries()) await requireActiveCard(tx, campaignId, id, `from/${i}`);
    const id = newId("mrg");
    await tx.update(canonicalCards).set({ mergedInto: input.into }).where(inArray(canonicalCards.id, from));
    const [row] = await tx
      .insert(merges)
      .values({ id, campaignId, intoId: input.into, fromIds: from, reason: input.reason, mergedBy: researcher.id, createdAt: now })
      .returning();
    const draft = {
      kind: "merge",
      campaign: campaignId,
      author: researcherAuthor(researcher),
      refs: { merge: id, into: input.into, from },
      content: { into: input.into, from, reason: input.reason },
    };
    return { value: toView(row!), drafts: [draft] };
  }, { alone: true });
  return { merge, receipt: receipts[0]! };
}

/** Undoes a merge: the merged cards stand on their own again. The merge stays on record; the undo is logged. */
export async function undoMerge(deps: ServiceDeps, researcher: Researcher, campaignId: string, mergeId: string, reason: string) {
  const { value: merge, receipts } = await deps.log.commit(async (tx, now) => {
    await lockCampaignForCuration(tx, campaignId);
    const [merge] = await tx
      .select()
      .from(merges)
      .where(and(eq(merges.id, mergeId), eq(merges.campaignId, campaignId)));
    if (!merge) throw notFound("merge", mergeId, "merge");
    if (merge.undoneAt) throw new PolyphonyError("conflict", `merge ${mergeId} was already undone`);
    await tx
      .update(canonicalCards)
      .set({ mergedInto: null })
      .where(and(inArray(canonicalCards.id, merge.fromIds), eq(canonicalCards.mergedInto, merge.intoId)));
    const [row] = await tx
      .update(merges)
      .set({ undoneAt: now, undoneBy: researcher.id, undoReason: reason })
      .where(eq(merges.id, mergeId))
      .returning();
    const draft = {
      kind: "merge_undone",
      campaign: campaignId,
      author: researcherAuthor(researcher),
      refs: { merge: mergeId },
      content: { merge: mergeId, reason },
    };
    return { value: toView(row!), drafts: [draft] };
  }, { alone: true });
  return { merge, receipt: receipts[0]! };
}

export async function listMerges(deps: ServiceDeps, campaignId: string) {
  const rows = await deps.store.db
    .select()
    .from(merges)
    .where(eq(merges.campaignId, campaignId))
    .orderBy(desc(merges.createdAt));
  return rows.map(toView);
}
