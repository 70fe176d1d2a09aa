import canonicalize from "canonicalize";
import { eq } from "drizzle-orm";
import { PolyphonyError } from "../../core/errors.ts";
import { decodeBase64, encodeBase64, encodeUtf8, type JsonValue } from "../../core/log/index.ts";
import type { Tx } from "../../store/open.ts";
import { participantKeys } from "./schema.ts";
import { generateKeyPair, importPublicKey, importSeed, signMessage, verifyMessage } from "../log/ed25519.ts";

/** The HTTP header that carries a participant's signature over a contribution. */
export const SIGNATURE_HEADER = "Polyphony-Signature";

/** Who signs for a participant, and what they sign. */
export interface Signer {
  readonly id: string;
  readonly campaignId: string;
  /** Base64 Ed25519 signature sent with the request, when the participant holds their key. */
  readonly signature?: string | undefined;
}

/**
 * The bytes a participant signs for a contribution: the UTF-8 RFC 8785 JSON of
 * `{"campaign", "content", "kind", "v": 1}`, where content is the contribution as the API stores it
 * (the request body with strings trimmed) and kind is its entry kind. See docs/log-format.md.
 */
export function formatSigningMessage(campaign: string, kind: string, content: JsonValue): Uint8Array {
  return encodeUtf8(canonicalize({ v: 1, campaign, kind, content })!);
}

/** Decodes a base64 Ed25519 public key, naming `field` when it is not one. */
export function parsePublicKey(text: string, field: string): Uint8Array {
  const bytes = decodeBase64(text);
  try {
    if (bytes === null) throw new Error("not base64");
    importPublicKey(bytes);
    return bytes;
  } catch {
    throw new PolyphonyError("invalid_input", "a public key is the standard base64 of a 32-byte Ed25519 public key", { field });
  }
}

/** A participant's stored key: base64 public key, and the seed when the server holds it. */
export interface StoredKey {
  readonly publicKey: string;
  readonly privateKey: Uint8Array | null;
}

/**
 * Stores a participant's key: the public key they sent (they sign their contributions), or a pair
 * the server makes and holds for them.
 */
export async function addParticipantKey(tx: Tx, who: Signer, publicKey: Uint8Array | undefined, now: Date): Promise<StoredKey> {
  const pair = publicKey ? { publicKey, seed: null } : generateKeyPair();
  const key = { publicKey: encodeBase64(pair.publicKey), privateKey: pair.seed };
  await tx.insert(participantKeys).values({ participantId: who.id, campaignId: who.campaignId, ...key, createdAt: now });
  return key;
}

const unsigned = (message: string) => new PolyphonyError("unauthorized", message, { field: SIGNATURE_HEADER.toLowerCase() });

/**
 * The author and signature of a participant's contribution. A signature sent with the request is
 * checked against the participant's public key; without one, the server signs with the key it
 * holds for them (and makes one for a participant from before keys existed). A participant who
 * holds their own key must sign.
 */
export async function signContribution(tx: Tx, who: Signer, kind: string, content: JsonValue, now: Date) {
  const [row] = await tx
    .select({ publicKey: participantKeys.publicKey, privateKey: participantKeys.privateKey })
    .from(participantKeys)
    .where(eq(participantKeys.participantId, who.id));
  return signWithKey(row ?? (await addParticipantKey(tx, who, undefined, now)), who, kind, content);
}

/** `signContribution` with the participant's stored key in hand. */
export function signWithKey(key: StoredKey, who: Signer, kind: string, content: JsonValue) {
  const message = formatSigningMessage(who.campaignId, kind, content);
  if (who.signature !== undefined) {
    const signature = decodeBase64(who.signature);
    if (signature === null || !verifyMessage(decodeBase64(key.publicKey)!, message, signature)) {
      throw unsigned(`the ${SIGNATURE_HEADER} does not verify with the participant's key over this ${kind}`);
    }
    return { author: key.publicKey, signature: who.signature };
  }
  if (key.privateKey === null) {
    throw unsigned(`this participant holds their own key: sign the ${kind} in a ${SIGNATURE_HEADER} header`);
  }
  return { author: key.publicKey, signature: encodeBase64(signMessage(importSeed(key.privateKey), message)) };
}
