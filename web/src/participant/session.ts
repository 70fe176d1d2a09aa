import { api, ApiError } from "../lib/api.ts";
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

export const loadSession = (campaignId: string) => readStored<Session>(sessionKey(campaignId));
export const saveSession = (campaignId: string, session: Session | null) => writeStored(sessionKey(campaignId), session);
export const loadDraft = (campaignId: string) => readStored<Draft>(draftKey(campaignId)) ?? {};
export const saveDraft = (campaignId: string, draft: Draft | null) => writeStored(draftKey(campaignId), draft);

const path = (campaignId: string, rest: string) => `/campaigns/${encodeURIComponent(campaignId)}${rest}`;

export async function joinCampaign(
  campaignId: string,
  input: { answers: Record<string, string>; invite?: string; externalId?: string },
): Promise<Session & { receipt?: Receipt }> {
  const body = await api<{ participant: { id: string }; token: string; receipt?: Receipt }>(path(campaignId, "/participants"), { body: input });
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

export const submitCard = (campaignId: string, session: Session, question: string, card: CardContent, sameAs?: string) =>
  api<{ card: MyCard; receipt?: Receipt }>(path(campaignId, "/cards"), {
    token: session.token,
    body: { question, ...card, ...(sameAs !== undefined && { sameAs }) },
  });

export const nextStories = (campaignId: string, session: Session, limit = 5) =>
  api<{ stories: ServedStory[] }>(path(campaignId, `/stories/next?limit=${limit}`), { token: session.token });

export const castVote = (
  campaignId: string,
  session: Session,
  story: ServedStory,
  relationship: Relationship,
  comment: string,
) =>
  api<{ receipt?: Receipt }>(path(campaignId, "/votes"), {
    token: session.token,
    body: {
      from: story.from.id,
      to: story.to.id,
      context: story.context.id,
      story: story.id,
      relationship,
      ...(comment.trim() && { comment: comment.trim() }),
    },
  });

export const answerSurvey = (campaignId: string, session: Session, answer: { represented: number; fair: number; comment?: string }) =>
  api<{ receipt?: Receipt }>(path(campaignId, "/survey"), { token: session.token, body: answer });

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
