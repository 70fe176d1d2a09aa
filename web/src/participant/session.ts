import { api } from "../lib/api.ts";
import * as signing from "../lib/signing.ts";
import { readStored, writeStored } from "../lib/storage.ts";

/**
 * A step of the flow as the server records it (`POST …/progress`): the shared opening steps, the
 * campaign kind's own steps, then the shared closing steps.
 */
export type Step = string;
export const OPENING_STEPS = ["consent", "demographics"] as const;
export const CLOSING_STEPS = ["survey", "done"] as const;

export interface Session {
  token: string;
  participantId: string;
}

/** What the browser keeps between visits besides the token: the work in progress, whose fields the campaign's kind owns. */
export interface Draft {
  /** Receipts of this participant's contributions, to verify against the public log. */
  receipts?: KeptReceipt[];
  [field: string]: unknown;
}

/** What the log returns with a contribution: enough to check offline that the log holds it. */
export interface Receipt {
  index: number;
  leafHash: string;
  inclusionProof: string[];
  checkpoint: string;
}

export interface KeptReceipt {
  /** "joined", "survey", or one of the campaign kind's receipt labels. */
  what: string;
  receipt: Receipt;
}

/** What the server recorded about the participant (`GET …/me`); the campaign's kind adds its own fields. */
export interface Me {
  participant: { id: string; campaignId: string; joinedAt: string | null };
  answers: Record<string, string>;
  steps: { step: Step; at: string }[];
  lastStep: Step | null;
  survey: { represented: number; fair: number; comment: string | null; answeredAt: string } | null;
  [field: string]: unknown;
}

const sessionKey = (campaignId: string) => `polyphony.session.${campaignId}`;
const draftKey = (campaignId: string) => `polyphony.draft.${campaignId}`;
const signingKey = (campaignId: string) => `polyphony.key.${campaignId}`;

export const loadSession = (campaignId: string) => readStored<Session>(sessionKey(campaignId));
/** Keeps the session; forgetting it forgets the participant's key too, as a new join makes a new one. */
export function saveSession(campaignId: string, session: Session | null) {
  writeStored(sessionKey(campaignId), session);
  if (session === null) writeStored(signingKey(campaignId), null);
}
export const loadDraft = (campaignId: string) => readStored<Draft>(draftKey(campaignId)) ?? {};
export const saveDraft = (campaignId: string, draft: Draft | null) => writeStored(draftKey(campaignId), draft);

/** The API path of `rest` under a campaign. */
export const path = (campaignId: string, rest: string) => `/campaigns/${encodeURIComponent(campaignId)}${rest}`;

/** The participant's own key for the campaign; a session from before browsers held keys has none, and the server signs for it. */
function loadKey(campaignId: string): signing.ParticipantKey | null {
  const stored = readStored<unknown>(signingKey(campaignId));
  return signing.isParticipantKey(stored) ? stored : null;
}

/** The `Polyphony-Signature` header over a contribution, when the browser holds the participant's key. */
export function signed(campaignId: string, kind: signing.ContributionKind, content: unknown, key = loadKey(campaignId)): Record<string, string> {
  return key ? { [signing.SIGNATURE_HEADER]: signing.signContribution(key, campaignId, kind, content) } : {};
}

/** Joins with a new key pair made here: the server gets its public key and a signed join, and the seed stays in this browser. */
export async function joinCampaign(
  campaignId: string,
  input: { answers: Record<string, string>; invite?: string; externalId?: string },
): Promise<Session & { receipt?: Receipt }> {
  const key = signing.generateParticipantKey();
  const body = await api<{ participant: { id: string }; token: string; receipt?: Receipt }>(path(campaignId, "/participants"), {
    body: { ...input, publicKey: key.publicKey },
    headers: signed(campaignId, "participant_joined", signing.joinContent(input.answers), key),
  });
  writeStored(signingKey(campaignId), key);
  return { token: body.token, participantId: body.participant.id, ...(body.receipt && { receipt: body.receipt }) };
}

export const fetchMe = (campaignId: string, session: Session, signal?: AbortSignal) =>
  api<Me>(path(campaignId, "/me"), { token: session.token, ...(signal && { signal }) });

export const recordStep = (campaignId: string, session: Session, step: Step) =>
  api<{ steps: { step: Step; at: string }[] }>(path(campaignId, "/progress"), { token: session.token, body: { step } });

export function answerSurvey(campaignId: string, session: Session, answer: { represented: number; fair: number; comment?: string }) {
  const content = signing.surveyContent(answer);
  return api<{ receipt?: Receipt }>(path(campaignId, "/survey"), { token: session.token, body: content, headers: signed(campaignId, "survey_answer", content) });
}

/** Whether the server has an LLM for the articulation chat (`GET /capabilities`). */
export async function chatAvailable(): Promise<boolean> {
  try {
    return (await api<{ llm: boolean }>("/capabilities")).llm;
  } catch {
    return false;
  }
}
