import { and, eq } from "drizzle-orm";
import { conflict, notFound } from "../../core/errors.ts";
import type { Tx } from "../../store/open.ts";
import { erasures } from "./schema.ts";
import { logOpenings } from "../log/schema.ts";
import { participantIdentities, participantKeys, participants, surveyAnswers } from "../participants/schema.ts";
import { getCampaign } from "../campaigns/campaigns.ts";
import type { ServiceDeps } from "../deps.ts";
import { newId } from "../ids.ts";
import type { KindRegistry } from "../kind.ts";
import { researcherAuthor } from "../log/drafts.ts";
import { appendEntries } from "../log/sequencer.ts";
import type { EraseParticipant } from "../schemas.ts";
import type { Researcher } from "../auth/tokens.ts";

async function findParticipant(tx: Tx, campaignId: string, who: EraseParticipant): Promise<string> {
  const [row] =
    who.participant !== undefined
      ? await tx.select({ id: participants.id }).from(participants).where(and(eq(participants.id, who.participant), eq(participants.campaignId, campaignId)))
      : who.externalId !== undefined
        ? await tx
            .select({ id: participantIdentities.participantId })
            .from(participantIdentities)
            .where(and(eq(participantIdentities.externalId, who.externalId), eq(participantIdentities.campaignId, campaignId)))
        : await tx
            .select({ id: participantKeys.participantId })
            .from(participantKeys)
            .where(and(eq(participantKeys.publicKey, who.publicKey ?? ""), eq(participantKeys.campaignId, campaignId)));
  if (!row) throw notFound("participant", who.participant ?? who.externalId ?? who.publicKey ?? "", "participant");
  return row.id;
}

/**
 * Removes the text a participant wrote from every row that holds it — each campaign kind blanks
 * its own, the survey comment here — and ends their session. Their judgments stay.
 */
async function removeText(tx: Tx, kinds: KindRegistry, participantId: string): Promise<void> {
  for (const kind of kinds.all) await kind.erase(tx, participantId);
  await tx.update(surveyAnswers).set({ comment: null }).where(eq(surveyAnswers.participantId, participantId));
  // The person asked to be forgotten: their session ends, so nothing more is added in their name.
  await tx.update(participants).set({ sessionTokenHash: null }).where(eq(participants.id, participantId));
}

/**
 * Erases a participant's content on their request: the text they wrote (each campaign kind
 * blanks its own: for moral graphs their cards and the canonical cards made from them, vote
 * comments, articulation chats), their survey comment, the openings (salt and content) of all
 * their entries, and the private key the server held for them. Their entries stay in the log, so
 * every proof still verifies, but no content can be checked against their digests any more.
 * Judgments (votes, endorsements) and demographic answers stay; the session token stops working.
 * The erasure is logged.
 */
export async function eraseParticipant(deps: ServiceDeps, researcher: Researcher, campaignId: string, input: EraseParticipant) {
  const { erasure, entry } = await deps.store.transaction(async (tx) => {
    await getCampaign(tx, campaignId);
    const participantId = await findParticipant(tx, campaignId, input);
    const [done] = await tx.select({ id: erasures.id }).from(erasures).where(eq(erasures.participantId, participantId));
    if (done) throw conflict(`participant ${participantId} was erased already (${done.id})`, "participant");
    await removeText(tx, deps.kinds, participantId);
    const opened = await tx.delete(logOpenings).where(eq(logOpenings.participantId, participantId)).returning({ index: logOpenings.entryIndex });
    const [key] = await tx
      .update(participantKeys)
      .set({ privateKey: null })
      .where(eq(participantKeys.participantId, participantId))
      .returning({ publicKey: participantKeys.publicKey });
    const now = deps.clock.now();
    const refs = { subject: key?.publicKey ?? null, openings: opened.length };
    const draft = { kind: "erasure", campaign: campaignId, author: researcherAuthor(researcher), refs, content: { reason: input.reason } };
    const [appended] = await appendEntries(tx, [draft], now);
    const row = { id: newId("era"), campaignId, participantId, researcherId: researcher.id, reason: input.reason, openings: opened.length, entryIndex: appended!.index, at: now };
    await tx.insert(erasures).values(row);
    const view = { id: row.id, participant: participantId, publicKey: refs.subject, openings: row.openings, entryIndex: row.entryIndex, at: now.toISOString() };
    return { erasure: view, entry: appended! };
  });
  return { erasure, receipt: await deps.log.issueReceipt(entry) };
}
