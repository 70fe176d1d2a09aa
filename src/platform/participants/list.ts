import { asc, eq } from "drizzle-orm";
import type { Queryable } from "../../store/open.ts";
import { getCampaign } from "../campaigns/campaigns.ts";
import { erasures } from "../erasure/schema.ts";
import { participantIdentities, participantKeys, participants } from "./schema.ts";

/** One participant of a campaign as a researcher needs to find them, e.g. to erase them on request. */
export interface ParticipantSummary {
  readonly id: string;
  readonly joinedAt: Date;
  /** The outside identity they joined with (a recruitment platform's id), if any. */
  readonly externalId: string | null;
  /** Their per-campaign key, as their log entries name them as `author`. */
  readonly publicKey: string | null;
  readonly erased: boolean;
}

/** Every participant of a campaign, in the order they joined; a campaign that does not exist is an error. */
export async function listParticipants(db: Queryable, campaignId: string): Promise<ParticipantSummary[]> {
  await getCampaign(db, campaignId);
  const rows = await db
    .select({
      id: participants.id,
      joinedAt: participants.createdAt,
      externalId: participantIdentities.externalId,
      publicKey: participantKeys.publicKey,
      erasure: erasures.id,
    })
    .from(participants)
    .leftJoin(participantIdentities, eq(participantIdentities.participantId, participants.id))
    .leftJoin(participantKeys, eq(participantKeys.participantId, participants.id))
    .leftJoin(erasures, eq(erasures.participantId, participants.id))
    .where(eq(participants.campaignId, campaignId))
    .orderBy(asc(participants.createdAt), asc(participants.id));
  return rows.map(({ erasure, ...row }) => ({ ...row, erased: erasure !== null }));
}
