import { inArray } from "drizzle-orm";
import { coalesce, coalescerPer } from "../../store/coalesce.ts";
import type { Queryable } from "../../store/open.ts";
import { invalid, PolyphonyError } from "../../core/errors.ts";
import { participantAnswers, participants } from "./schema.ts";
import { type DemographicQuestion } from "../campaigns/schema.ts";
import { admitParticipant } from "./admission.ts";
import { getCampaign } from "../campaigns/campaigns.ts";
import type { ServiceDeps } from "../deps.ts";
import { hashSecret, newId, newSecret } from "../ids.ts";
import { addParticipantKey, parsePublicKey, signContribution } from "./participant-keys.ts";
import type { JoinCampaign } from "../schemas.ts";

export interface Participant {
  id: string;
  campaignId: string;
  /** The base64 signature sent with this request over its contribution, if the participant signs. */
  signature?: string | undefined;
}

/** Checks demographic answers against the campaign's questions. */
export function checkAnswers(questions: readonly DemographicQuestion[], answers: Record<string, string>) {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const [key, value] of Object.entries(answers)) {
    const q = byKey.get(key);
    if (!q) throw invalid(`answers/${key}`, `the campaign asks no demographic question "${key}"`);
    if (q.options && !q.options.includes(value)) {
      throw invalid(`answers/${key}`, `"${value}" is not one of the options: ${q.options.join(", ")}`);
    }
  }
  for (const q of questions) {
    if (q.required && answers[q.key] === undefined) {
      throw invalid(`answers/${q.key}`, `the campaign requires an answer to "${q.question}"`);
    }
  }
}

/**
 * A participant joins a campaign and receives a session token (returned once). The campaign's
 * admission mode decides what they must present: nothing, an unused invite code, or an
 * allowlisted external id; nothing is written unless they are admitted. A participant who sends
 * their own Ed25519 public key signs this join with it (and every later contribution); otherwise
 * the server makes and holds a key for them. The join is logged under that key, with the
 * demographic answers as its content; the external id and invite code are not.
 */
export async function joinCampaign(deps: ServiceDeps, campaignId: string, input: JoinCampaign, signature?: string) {
  const campaign = await getCampaign(deps.store.db, campaignId);
  if (campaign.status !== "open") throw new PolyphonyError("forbidden", "the campaign is closed");
  checkAnswers(campaign.demographics, input.answers);
  const ownKey = input.publicKey === undefined ? undefined : parsePublicKey(input.publicKey, "publicKey");
  const id = newId("ptc");
  const token = newSecret("ps");
  const { value: publicKey, receipts } = await deps.log.commit(async (tx, now) => {
    await tx.insert(participants).values({ id, campaignId, sessionTokenHash: hashSecret(token), createdAt: now });
    await admitParticipant(tx, campaignId, campaign.admission, id, input, now);
    const entries = Object.entries(input.answers);
    if (entries.length > 0) {
      await tx.insert(participantAnswers).values(entries.map(([key, value]) => ({ participantId: id, key, value })));
    }
    const key = await addParticipantKey(tx, { id, campaignId }, ownKey, now);
    const content = { answers: input.answers };
    const signed = await signContribution(tx, { id, campaignId, signature }, "participant_joined", content, now);
    const refs = { custody: ownKey ? "participant" : "server" };
    const draft = { kind: "participant_joined", campaign: campaignId, author: signed.author, refs, content, signature: signed.signature, participant: id };
    return { value: key.publicKey, drafts: [draft] };
  });
  return { participant: { id, campaignId, publicKey }, token, receipt: receipts[0]! };
}

/** The participants behind session token hashes, null for unknown ones; the lookups of one moment share a query. */
const findSessions = coalescerPer((db: Queryable) =>
  coalesce(async (hashes: readonly string[]) => {
    const rows = await db
      .select({ id: participants.id, campaignId: participants.campaignId, hash: participants.sessionTokenHash })
      .from(participants)
      .where(inArray(participants.sessionTokenHash, [...new Set(hashes)]));
    const byHash = new Map(rows.map((r) => [r.hash, { id: r.id, campaignId: r.campaignId }]));
    return hashes.map((hash) => byHash.get(hash) ?? null);
  }),
);

export async function authenticateParticipant(deps: ServiceDeps, token: string): Promise<Participant> {
  const participant = await findSessions(deps.store.db)(hashSecret(token));
  if (!participant) throw new PolyphonyError("unauthorized", "the participant session token is unknown");
  return participant;
}

/** Fails unless the participant belongs to the campaign named in the request. */
export function assertInCampaign(participant: Participant, campaignId: string) {
  if (participant.campaignId !== campaignId) {
    throw new PolyphonyError("forbidden", "this participant session belongs to another campaign");
  }
}
