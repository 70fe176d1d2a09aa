import { api } from "../lib/api.ts";
import * as signing from "../lib/signing.ts";
import { readStored, writeStored } from "../lib/storage.ts";
import type { CardContent, Relationship, ServedStory } from "../lib/types.ts";

/** The steps of the flow as the server records them (`POST …/progress`). */
export const STEPS = ["consent", "demographics", "question", "articulate", "similar", "judge", "survey", "done"] as const;
export type Step = (typeof STEPS)[number];

export interface Session {
  token: string;
  participantId: string;
}

/** What the browser keeps between visits besides the token: the work in progress. */
export interface Draft {
  question?: string;
  card?: CardContent;
  chat?: string;
  /** Receipts of this participant's contributions, to verify against the public log. */
  receipts?: KeptReceipt[];
}

/** What the log returns with a contribution: enough to check offline that the log holds it. */
export interface Receipt {
  index: number;
  leafHash: string;
  inclusionProof: string[];
  checkpoint: string;
}

export interface KeptReceipt {
  what: "joined" | "card" | "vote" | "survey";
  receipt: Receipt;
}

export interface MyCard extends CardContent {
  id: string;
  question: string;
  canonicalId: string;
}

export interface Me {
  participant: { id: string; campaignId: string; joinedAt: string | null };
  answers: Record<string, string>;
  steps: { step: Step; at: string }[];
  lastStep: Step | null;
  cards: MyCard[];
  votes: number;
  survey: { represented: number; fair: number; comment: string | null; answeredAt: string } | null;
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

const path = (campaignId: string, rest: string) => `/campaigns/${encodeURIComponent(campaignId)}${rest}`;

/** The participant's own key for the campaign; a session from before browsers held keys has none, and the server signs for it. */
function loadKey(campaignId: string): signing.ParticipantKey | null {
  const stored = readStored<unknown>(signingKey(campaignId));
  return signing.isParticipantKey(stored) ? stored : null;
}

/** The `Polyphony-Signature` header over a contribution, when the browser holds the participant's key. */
function signed(campaignId: string, kind: signing.ContributionKind, content: unknown, key = loadKey(campaignId)): Record<string, string> {
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

export const findSimilar = (campaignId: string, session: Session, question: string, card: CardContent) =>
  api<{ similar: { card: CardContent & { id: string }; similarity: number }[] }>(path(campaignId, "/cards/similar"), {
    token: session.token,
    body: { question, ...card },
  });

export function submitCard(campaignId: string, session: Session, question: string, card: CardContent, sameAs?: string) {
  const content = signing.cardContent({ question, ...card, sameAs });
  return api<{ card: MyCard; receipt?: Receipt }>(path(campaignId, "/cards"), {
    token: session.token,
    body: content,
    headers: signed(campaignId, "values_card", content),
  });
}

export const nextStories = (campaignId: string, session: Session, limit = 5) =>
  api<{ stories: ServedStory[] }>(path(campaignId, `/stories/next?limit=${limit}`), { token: session.token });

export function castVote(campaignId: string, session: Session, story: ServedStory, relationship: Relationship, comment: string) {
  const content = signing.voteContent({ from: story.from.id, to: story.to.id, context: story.context.id, story: story.id, relationship, comment });
  return api<{ receipt?: Receipt }>(path(campaignId, "/votes"), { token: session.token, body: content, headers: signed(campaignId, "vote", content) });
}

export function answerSurvey(campaignId: string, session: Session, answer: { represented: number; fair: number; comment?: string }) {
  const content = signing.surveyContent(answer);
  return api<{ receipt?: Receipt }>(path(campaignId, "/survey"), { token: session.token, body: content, headers: signed(campaignId, "survey_answer", content) });
}

export interface ChatTurn {
  chat: string;
  reply: string;
  draft: CardContent | null;
  messages: { role: "user" | "assistant"; content: string }[];
}

export const articulate = (campaignId: string, session: Session, question: string, message: string, chat?: string) =>
  api<ChatTurn>(path(campaignId, "/articulate"), {
    token: session.token,
    body: { question, message, ...(chat !== undefined && { chat }) },
  });

/** Whether the server has an LLM for the articulation chat (`GET /capabilities`). */
export async function chatAvailable(): Promise<boolean> {
  try {
    return (await api<{ llm: boolean }>("/capabilities")).llm;
  } catch {
    return false;
  }
}
