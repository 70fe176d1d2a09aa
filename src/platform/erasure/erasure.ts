import { and, eq, inArray, or } from "drizzle-orm";
import { conflict, notFound } from "../../core/errors.ts";
import type { Tx } from "../../store/open.ts";
import { erasures } from "./schema.ts";
import { logOpenings } from "../log/schema.ts";
import { participantAnswers, participantIdentities, participantKeys, participants, surveyAnswers } from "../participants/schema.ts";
import { compactTables } from "../../store/compact.ts";
import { getCampaign } from "../campaigns/campaigns.ts";
import type { ServiceDeps } from "../deps.ts";
import { newId } from "../ids.ts";
import type { KindRegistry } from "../kind.ts";
import { researcherAuthor } from "../log/drafts.ts";
import { appendEntries } from "../log/sequencer.ts";
import { forgetImportedSeeds } from "../log/ed25519.ts";
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

/** The shared tables that hold what a participant wrote or answered, compacted after an erasure. */
const SHARED_TEXT_TABLES = ["survey_answers", "participant_answers", "participant_keys", "log_openings"];

/**
 * Removes the text a participant wrote from every row that holds it — each campaign kind blanks
 * its own and what quotes it, the survey comment and the demographic answers here — and ends
 * their session. Their judgments stay. Returns the other entries whose openings must go, and
 * what else was removed.
 */
async function removeText(tx: Tx, kinds: KindRegistry, participantId: string, now: Date) {
  const entries: number[] = [];
  const removed: Record<string, number> = {};
  for (const kind of kinds.all) {
    const erased = await kind.erase(tx, participantId, now);
    entries.push(...erased.entries);
    Object.assign(removed, erased.removed);
  }
  await tx.update(surveyAnswers).set({ comment: null }).where(eq(surveyAnswers.participantId, participantId));
  const answers = await tx.delete(participantAnswers).where(eq(participantAnswers.participantId, participantId)).returning({ key: participantAnswers.key });
  removed.demographicAnswers = answers.length;
  // The person asked to be forgotten: their session ends, so nothing more is added in their name.
  await tx.update(participants).set({ sessionTokenHash: null }).where(eq(participants.id, participantId));
  return { entries, removed };
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
    const now = deps.clock.now();
    const { entries, removed } = await removeText(tx, deps.kinds, participantId, now);
    const theirs = eq(logOpenings.participantId, participantId);
    const opened = await tx
      .delete(logOpenings)
      .where(entries.length > 0 ? or(theirs, inArray(logOpenings.entryIndex, entries)) : theirs)
      .returning({ index: logOpenings.entryIndex });
    const [key] = await tx
      .update(participantKeys)
      .set({ privateKey: null })
      .where(eq(participantKeys.participantId, participantId))
      .returning({ publicKey: participantKeys.publicKey });
    const refs = { subject: key?.publicKey ?? null, openings: opened.length };
    const draft = { kind: "erasure", campaign: campaignId, author: researcherAuthor(researcher), refs, content: { reason: input.reason } };
    const [appended] = await appendEntries(tx, [draft], now);
    const row = { id: newId("era"), campaignId, participantId, researcherId: researcher.id, reason: input.reason, openings: opened.length, entryIndex: appended!.index, at: now };
    await tx.insert(erasures).values(row);
    const view = { id: row.id, participant: participantId, publicKey: refs.subject, openings: row.openings, removed, entryIndex: row.entryIndex, at: now.toISOString() };
    return { erasure: view, entry: appended! };
  });
  forgetImportedSeeds();
  // The rows are rewritten now, not someday: until then the old versions sit in the data files.
  const compaction = await compactTables(deps.store.db, [...deps.kinds.all.flatMap((k) => k.textTables), ...SHARED_TEXT_TABLES]);
  if (compaction.tables.length > 0) console.warn(`erasure ${erasure.id}: could not rewrite ${compaction.tables.join(", ")}: old row versions stay in the data files until their pages are reused`);
  if (compaction.wal !== null) console.warn(`erasure ${erasure.id}: the write-ahead log still holds the erased rows until PostgreSQL recycles it (${compaction.wal}); see docs/privacy.md`);
  return { erasure: { ...erasure, compacted: compaction.tables.length === 0 }, receipt: await deps.log.issueReceipt(entry) };
}
