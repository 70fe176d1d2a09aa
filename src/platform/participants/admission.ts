import { and, count, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { conflict, notFound, PolyphonyError } from "../../core/errors.ts";
import type { Queryable, Tx } from "../../store/open.ts";
import { allowlist, invites, participantIdentities } from "./schema.ts";
import { campaigns, type Admission } from "../campaigns/schema.ts";
import { getCampaign } from "../campaigns/campaigns.ts";
import type { ServiceDeps } from "../deps.ts";
import { hashSecret, newId } from "../ids.ts";
import { researcherAuthor } from "../log/drafts.ts";
import type { EditAllowlist } from "../schemas.ts";
import type { Researcher } from "../auth/tokens.ts";

/** What a joining person presents to get in. */
export interface Credentials {
  invite?: string | undefined;
  externalId?: string | undefined;
}

const forbidden = (field: string, message: string) => new PolyphonyError("forbidden", message, { field });

/**
 * Lets a new participant in under the campaign's admission mode, inside the join transaction:
 * an invite campaign uses up one unused code; an allowlist campaign needs a listed external id.
 * An external id, in any mode, is linked to the participant in the private identities table, and
 * one person joins once: a second join with the same id is a conflict (the participant resumes
 * with the session token they were given).
 */
export async function admitParticipant(tx: Tx, campaignId: string, admission: Admission, participantId: string, who: Credentials, now: Date) {
  if (admission.mode === "invite") {
    if (who.invite === undefined) throw forbidden("invite", "this campaign admits by invitation: an invite code is needed");
    const codeHash = hashSecret(who.invite);
    const used = await tx
      .update(invites)
      .set({ usedAt: now, participantId })
      .where(and(eq(invites.codeHash, codeHash), eq(invites.campaignId, campaignId), isNull(invites.usedAt)))
      .returning({ codeHash: invites.codeHash });
    if (used.length === 0) {
      const [known] = await tx
        .select({ usedAt: invites.usedAt })
        .from(invites)
        .where(and(eq(invites.codeHash, codeHash), eq(invites.campaignId, campaignId)));
      throw forbidden("invite", known ? "this invite code has been used already" : "this invite code is not valid for this campaign");
    }
  }
  if (admission.mode === "allowlist") {
    if (who.externalId === undefined) throw forbidden("externalId", "this campaign admits listed participants only: an external id is needed");
    const [listed] = await tx
      .select({ id: allowlist.externalId })
      .from(allowlist)
      .where(and(eq(allowlist.campaignId, campaignId), eq(allowlist.externalId, who.externalId)));
    if (!listed) throw forbidden("externalId", "this external id is not on the campaign's allowlist");
  }
  if (who.externalId !== undefined) {
    const linked = await tx
      .insert(participantIdentities)
      .values({ participantId, campaignId, externalId: who.externalId })
      .onConflictDoNothing()
      .returning({ participantId: participantIdentities.participantId });
    if (linked.length === 0) {
      throw conflict("someone with this external id has joined already; resume with the session token given on joining", "externalId");
    }
  }
}

/**
 * Creates single-use invite codes; the codes are returned once and only their hashes are kept.
 * The log records how many were made, never the codes.
 */
export async function createInvites(deps: ServiceDeps, researcher: Researcher, campaignId: string, n: number) {
  await getCampaign(deps.store.db, campaignId);
  const codes = Array.from({ length: n }, () => newId("inv", 20));
  const { receipts } = await deps.log.commit(
    async (tx, now) => {
      await tx.insert(invites).values(codes.map((code) => ({ codeHash: hashSecret(code), campaignId, createdAt: now })));
      const draft = { kind: "invites_created", campaign: campaignId, author: researcherAuthor(researcher), refs: { count: n }, content: { count: n } };
      return { value: null, drafts: [draft] };
    },
    { alone: true },
  );
  return { codes, usage: await describeInvites(deps.store.db, campaignId), receipt: receipts[0]! };
}

/** How many invite codes a campaign has, and how many were used. */
export async function describeInvites(db: Queryable, campaignId: string) {
  await getCampaign(db, campaignId);
  const [all] = await db.select({ n: count() }).from(invites).where(eq(invites.campaignId, campaignId));
  const [used] = await db
    .select({ n: count() })
    .from(invites)
    .where(and(eq(invites.campaignId, campaignId), isNotNull(invites.usedAt)));
  const total = all?.n ?? 0;
  const usedCount = used?.n ?? 0;
  return { total, used: usedCount, unused: total - usedCount };
}

/**
 * Adds and removes allowlisted external ids in one transaction. Removing one does not expel who
 * joined. The log records how many were added and removed, never the ids.
 */
export async function editAllowlist(deps: ServiceDeps, researcher: Researcher, campaignId: string, edit: EditAllowlist) {
  const { value: counts, receipts } = await deps.log.commit(async (tx) => {
    const [campaign] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, campaignId));
    if (!campaign) throw notFound("campaign", campaignId, "campaign");
    const fresh = [...new Set(edit.add)];
    const inserted = fresh.length
      ? await tx
          .insert(allowlist)
          .values(fresh.map((externalId) => ({ campaignId, externalId })))
          .onConflictDoNothing()
          .returning({ id: allowlist.externalId })
      : [];
    const deleted = edit.remove.length
      ? await tx
          .delete(allowlist)
          .where(and(eq(allowlist.campaignId, campaignId), inArray(allowlist.externalId, edit.remove)))
          .returning({ id: allowlist.externalId })
      : [];
    const counts = { added: inserted.length, removed: deleted.length };
    const draft = { kind: "allowlist_changed", campaign: campaignId, author: researcherAuthor(researcher), refs: counts, content: counts };
    return { value: counts, drafts: [draft] };
  }, { alone: true });
  return { ...counts, ...(await describeAllowlist(deps.store.db, campaignId)), receipt: receipts[0]! };
}

/** How many external ids a campaign allows, and how many people have joined with an external id. */
export async function describeAllowlist(db: Queryable, campaignId: string) {
  await getCampaign(db, campaignId);
  const [listed] = await db.select({ n: count() }).from(allowlist).where(eq(allowlist.campaignId, campaignId));
  const [joined] = await db
    .select({ n: count() })
    .from(participantIdentities)
    .where(eq(participantIdentities.campaignId, campaignId));
  return { total: listed?.n ?? 0, joined: joined?.n ?? 0 };
}

/**
 * Checks, without using anything up, that a person could join with these credentials: an unused
 * invite code in an invite campaign, a listed external id in an allowlist campaign. The flow asks
 * before consent and demographics, so that a wrong code is refused before the person answers
 * anything; the join checks again, in its transaction.
 */
export async function checkAdmission(db: Queryable, campaignId: string, who: Credentials): Promise<{ admitted: true }> {
  const { admission } = await getCampaign(db, campaignId);
  if (admission.mode === "invite") {
    if (who.invite === undefined) throw forbidden("invite", "this campaign admits by invitation: an invite code is needed");
    const [known] = await db
      .select({ usedAt: invites.usedAt })
      .from(invites)
      .where(and(eq(invites.codeHash, hashSecret(who.invite)), eq(invites.campaignId, campaignId)));
    if (!known) throw forbidden("invite", "this invite code is not valid for this campaign");
    if (known.usedAt) throw forbidden("invite", "this invite code has been used already");
  }
  if (admission.mode === "allowlist") {
    if (who.externalId === undefined) throw forbidden("externalId", "this campaign admits listed participants only: an external id is needed");
    const [listed] = await db
      .select({ id: allowlist.externalId })
      .from(allowlist)
      .where(and(eq(allowlist.campaignId, campaignId), eq(allowlist.externalId, who.externalId)));
    if (!listed) throw forbidden("externalId", "this external id is not on the campaign's allowlist");
  }
  return { admitted: true };
}
