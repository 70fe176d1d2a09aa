/**
 * The participant's own Ed25519 key for a campaign, and their signatures over contributions.
 *
 * A participant who sends a public key when joining signs the join and every contribution: the
 * base64 Ed25519 signature, in a `Polyphony-Signature` header, over the UTF-8 RFC 8785 JSON of
 * `{"campaign", "content", "kind", "v": 1}`, where content is the contribution as the server stores
 * it (see docs/log-format.md). The builders below give that content from a request body; the body
 * sent is the same object, so what is signed is exactly what the server checks.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import canonicalize from "canonicalize";
import { decodeBase64, encodeBase64, encodeUtf8 } from "../../../src/core/log/bytes.ts";

/** The HTTP header that carries a participant's signature over a contribution. */
export const SIGNATURE_HEADER = "Polyphony-Signature";

/** A participant's key pair, both halves in standard base64; the seed never leaves the browser. */
export interface ParticipantKey {
  publicKey: string;
  seed: string;
}

export type ContributionKind = "participant_joined" | "values_card" | "vote" | "survey_answer";

/** A new key pair from the browser's random source. */
export function generateParticipantKey(): ParticipantKey {
  const seed = crypto.getRandomValues(new Uint8Array(32));
  return { publicKey: encodeBase64(ed25519.getPublicKey(seed)), seed: encodeBase64(seed) };
}

/** Whether a stored value is a usable key pair (its public key is the seed's). */
export function isParticipantKey(value: unknown): value is ParticipantKey {
  if (typeof value !== "object" || value === null) return false;
  const { publicKey, seed } = value as Record<string, unknown>;
  if (typeof publicKey !== "string" || typeof seed !== "string") return false;
  const bytes = decodeBase64(seed);
  return bytes !== null && bytes.length === 32 && encodeBase64(ed25519.getPublicKey(bytes)) === publicKey;
}

/** The bytes signed for a contribution of `kind` with this content. */
export function signingMessage(campaign: string, kind: ContributionKind, content: unknown): Uint8Array {
  return encodeUtf8(canonicalize({ v: 1, campaign, kind, content })!);
}

/** The base64 signature over a contribution, for the `Polyphony-Signature` header. */
export function signContribution(key: ParticipantKey, campaign: string, kind: ContributionKind, content: unknown): string {
  return encodeBase64(ed25519.sign(signingMessage(campaign, kind, content), decodeBase64(key.seed)!));
}

/** A join's content: the demographic answers, as sent. */
export const joinContent = (answers: Record<string, string>) => ({ answers });

/** A values card's content: its text trimmed, as the server stores it; `sameAs` when the participant endorses a card. */
export function cardContent(input: { question: string; title: string; description: string; policies: readonly string[]; sameAs?: string | undefined }) {
  return {
    question: input.question,
    title: input.title.trim(),
    description: input.description.trim(),
    policies: input.policies.map((p) => p.trim()),
    ...(input.sameAs !== undefined && { sameAs: input.sameAs }),
  };
}

/** A vote's content; an empty comment is left out. */
export function voteContent(input: { from: string; to: string; context: string; relationship: string; comment?: string | undefined; story?: string | undefined }) {
  const comment = input.comment?.trim();
  return {
    from: input.from,
    to: input.to,
    context: input.context,
    relationship: input.relationship,
    ...(comment && { comment }),
    ...(input.story !== undefined && { story: input.story }),
  };
}

/** A survey answer's content. */
export function surveyContent(input: { represented: number; fair: number; comment?: string | undefined }) {
  return { represented: input.represented, fair: input.fair, ...(input.comment !== undefined && { comment: input.comment }) };
}
