import { PolyphonyError } from "../errors.ts";
import { packUnitRows } from "./vectors.ts";

/** Two items (by index, i < j) and the cosine similarity of their vectors. */
export interface SimilarPair {
  readonly i: number;
  readonly j: number;
  readonly similarity: number;
}

export interface SimilarPairOptions {
  /** Keep at most this many pairs, the most similar first. */
  readonly limit?: number;
  /** Consider only pairs for which this holds (e.g. cards of one question, not merged yet). */
  readonly accept?: (i: number, j: number) => boolean;
}

const bySimilarity = (a: SimilarPair, b: SimilarPair): number =>
  b.similarity - a.similarity || a.i - b.i || a.j - b.j;

/**
 * Finds all pairs whose cosine similarity is at least `threshold`, most similar first (ties by
 * index). Compares every pair: n²/2 dot products over packed unit rows. With 100 dimensions on one
 * core that is about 0.1 s for 1,000 items, 1.5 s for 5,000 and 6 s for 10,000; beyond ~10,000
 * an approximate index would be needed. Items with a zero vector (no known word) pair with nothing.
 */
export function findSimilarPairs(
  vectors: readonly Float32Array[],
  threshold: number,
  options: SimilarPairOptions = {},
): SimilarPair[] {
  if (!(threshold >= -1 && threshold <= 1)) {
    throw new PolyphonyError("invalid_input", `threshold must be in [-1, 1], got ${threshold}`, { field: "threshold" });
  }
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (!(limit >= 0)) {
    throw new PolyphonyError("invalid_input", `limit must be non-negative, got ${limit}`, { field: "limit" });
  }
  const { rows, dimensions } = packUnitRows(vectors);
  const n = vectors.length;
  const isZero = zeroRows(rows, n, dimensions);
  let pairs: SimilarPair[] = [];
  for (let i = 0; i < n; i++) {
    if (isZero[i]) continue;
    const a = i * dimensions;
    for (let j = i + 1; j < n; j++) {
      if (isZero[j]) continue;
      const sum = dotRows(rows, a, j * dimensions, dimensions);
      if (sum < threshold || (options.accept && !options.accept(i, j))) continue;
      pairs.push({ i, j, similarity: Math.min(1, sum) });
      // Trim now and then so a loose threshold with a limit cannot hold n² pairs in memory.
      if (pairs.length >= 4 * limit + 1024) pairs = pairs.sort(bySimilarity).slice(0, limit);
    }
  }
  pairs.sort(bySimilarity);
  return pairs.length > limit ? pairs.slice(0, limit) : pairs;
}

/** Dot product of two rows of a packed matrix, with four accumulators (about twice as fast). */
function dotRows(rows: Float32Array, a: number, b: number, dimensions: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let k = 0;
  for (; k + 3 < dimensions; k += 4) {
    s0 += rows[a + k]! * rows[b + k]!;
    s1 += rows[a + k + 1]! * rows[b + k + 1]!;
    s2 += rows[a + k + 2]! * rows[b + k + 2]!;
    s3 += rows[a + k + 3]! * rows[b + k + 3]!;
  }
  let sum = s0 + s1 + s2 + s3;
  for (; k < dimensions; k++) sum += rows[a + k]! * rows[b + k]!;
  return sum;
}

function zeroRows(rows: Float32Array, n: number, dimensions: number): Uint8Array {
  const isZero = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let any = false;
    for (let k = i * dimensions; k < (i + 1) * dimensions && !any; k++) any = rows[k] !== 0;
    isZero[i] = any ? 0 : 1;
  }
  return isZero;
}
