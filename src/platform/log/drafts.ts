import type { JsonValue } from "../../core/log/index.ts";

/**
 * What a service hands the sequencer for one entry. The sequencer adds the salt, the digest, the
 * time and the index; see docs/log-format.md for the kinds and what their bodies hold.
 */
export interface EntryDraft {
  /** lower_snake_case: "values_card", "vote", "merge", "erasure", … */
  readonly kind: string;
  readonly campaign: string | null;
  /** A participant's base64 public key, `researcher:<id>`, or `system`. */
  readonly author: string;
  /** Public, non-personal fields of the body next to the digest: ids and counts. */
  readonly refs: Readonly<Record<string, JsonValue>>;
  /** What the digest commits to; kept with its salt in `log_openings` until erased. */
  readonly content: JsonValue;
  /**
   * The author's signature over the content, kept with it in `log_openings` and never in the
   * public leaf, where it would confirm guesses of the content.
   */
  readonly signature?: string | null;
  /** The participant whose content this is, so that erasure can find it. */
  readonly participant?: string | null;
}

/** What opens an entry's digest: the salt and the exact content it commits to, and the author's signature. */
export interface Opening {
  /** Base64 salt. */
  readonly salt: string;
  /** The RFC 8785 JSON text of the content, exactly as committed. */
  readonly content: string;
  /** The author's base64 signature over the content, for a participant's entry. */
  readonly signature: string | null;
}

/** An entry the sequencer stored: its index, RFC 9162 leaf hash, leaf bytes and opening. */
export interface AppendedEntry {
  readonly index: number;
  readonly leafHash: Uint8Array;
  readonly leaf: Uint8Array;
  readonly opening: Opening;
}

/** The author of entries the server makes on its own (imports, canonical cards). */
export const SYSTEM_AUTHOR = "system";

/**
 * The author of a researcher's action. Researchers are named by their token id; the CLI acts as
 * `cli:<user name>` on the operator's machine, which the public log names only as `researcher:cli`.
 */
export function researcherAuthor(researcher: { readonly id: string }): string {
  return researcher.id.startsWith("cli:") ? "researcher:cli" : `researcher:${researcher.id}`;
}
