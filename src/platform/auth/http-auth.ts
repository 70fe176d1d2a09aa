import type { Context } from "hono";
import { PolyphonyError } from "../../core/errors.ts";
import type { ServiceDeps } from "../deps.ts";
import { SIGNATURE_HEADER } from "../participants/participant-keys.ts";
import { assertInCampaign, authenticateParticipant, type Participant } from "../participants/participants.ts";
import { authenticateResearcher, type Researcher } from "./tokens.ts";

function bearer(c: Context): string {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new PolyphonyError("unauthorized", "send the token as `Authorization: Bearer <token>`", { field: "authorization" });
  return match[1]!;
}

export const researcherOf = (c: Context, deps: ServiceDeps): Promise<Researcher> => authenticateResearcher(deps, bearer(c));

/** The signature a participant sent over this request's contribution, if any. */
export const signatureOf = (c: Context): string | undefined => c.req.header(SIGNATURE_HEADER);

/**
 * The participant behind the session token, checked to belong to `campaignId`, with the signature
 * they sent over this request's contribution.
 */
export async function participantOf(c: Context, deps: ServiceDeps, campaignId: string): Promise<Participant> {
  const participant = await authenticateParticipant(deps, bearer(c));
  assertInCampaign(participant, campaignId);
  return { ...participant, signature: signatureOf(c) };
}
