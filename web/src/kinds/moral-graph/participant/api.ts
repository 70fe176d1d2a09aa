import { api } from "../../../lib/api.ts";
import * as signing from "../../../lib/signing.ts";
import type { CardContent, Relationship, ServedStory } from "../../../lib/types.ts";
import { path, signed, type Draft, type Me, type Receipt, type Session } from "../../../participant/session.ts";

/** The participant's own card, as `GET …/me` lists it. */
export interface MyCard extends CardContent {
  id: string;
  question: string;
  canonicalId: string;
}

/** What `GET …/me` says of a moral-graph participant, besides the shared fields. */
export interface MoralGraphMe extends Me {
  cards: MyCard[];
  votes: number;
}

/** The moral-graph fields of the browser's draft: the question chosen, the card being written, the chat. */
export interface MoralGraphDraft extends Draft {
  question?: string;
  card?: CardContent;
  chat?: string;
}

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

