/** Shapes of the Polyphony API's answers that the web app reads. */

export interface DemographicQuestion {
  key: string;
  question: string;
  options?: string[];
  required?: boolean;
}

export type AdmissionMode = "open" | "invite" | "allowlist";

export interface Admission {
  mode: AdmissionMode;
  externalIdParam?: string;
}

export interface Campaign {
  id: string;
  kind: string;
  title: string;
  description: string;
  consent: string;
  status: "open" | "closed";
  demographics: DemographicQuestion[];
  questions: { id: string; text: string }[];
  contexts: { id: string; name: string }[];
  admission?: Admission;
  resultsVisibility?: "public" | "token";
  createdAt: string;
  updatedAt: string;
}

export interface CampaignSummary {
  id: string;
  kind: string;
  title: string;
  status: string;
  createdAt: string;
}

export interface CardContent {
  title: string;
  description: string;
  policies: string[];
}

export interface CanonicalCard extends CardContent {
  id: string;
  questionId: string | null;
  mergedInto: string | null;
  externalRef: string | null;
}

export interface StoryCard extends CardContent {
  id: string;
}

export interface ServedStory {
  id: string;
  context: { id: string; name: string };
  from: StoryCard;
  to: StoryCard;
  text: string;
  votes: number;
}

export type Relationship = "upgrade" | "no_upgrade" | "not_sure";

export interface MergeProposal {
  similarity: number;
  cards: [CanonicalCard, CanonicalCard];
}

export interface Merge {
  id: string;
  into: string;
  from: string[];
  reason: string;
  mergedBy: string;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
}

export interface ChatTurn {
  chat: string;
  reply: string;
  draft: CardContent | null;
  messages: { role: "user" | "assistant"; content: string }[];
}
