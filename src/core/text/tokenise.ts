import { isStopWord } from "./stop-words.ts";

// A word is a run of letters or digits, optionally joined by apostrophes or hyphens inside it
// ("don't", "second-hand"); leading and trailing punctuation is not part of the word.
const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
const CURLY_APOSTROPHES = /[\u2018\u2019\u02BC]/g;

/** Splits text into lowercase words, keeping inner apostrophes and hyphens. */
export function tokenise(text: string): string[] {
  return text.toLowerCase().replace(CURLY_APOSTROPHES, "'").match(WORD) ?? [];
}

/** Splits text into lowercase words and drops stop words. */
export function tokeniseContent(text: string): string[] {
  return tokenise(text).filter((token) => !isStopWord(token));
}
