import { PolyphonyError } from "../errors.ts";

function assertSameLength(a: Float32Array, b: Float32Array): void {
  if (a.length !== b.length) {
    throw new PolyphonyError("internal", `vectors differ in dimension: ${a.length} and ${b.length}`);
  }
}

/** Dot product of two vectors of equal dimension. */
export function dot(a: Float32Array, b: Float32Array): number {
  assertSameLength(a, b);
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k]! * b[k]!;
  return sum;
}

/** Euclidean (L2) length of a vector. */
export function norm(a: Float32Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k]! * a[k]!;
  return Math.sqrt(sum);
}

/** A copy of the vector scaled to length 1; the zero vector stays zero. */
export function normalise(a: Float32Array): Float32Array {
  const length = norm(a);
  const out = new Float32Array(a.length);
  if (length === 0) return out;
  for (let k = 0; k < a.length; k++) out[k] = a[k]! / length;
  return out;
}

/** Cosine similarity in [-1, 1]; 0 when either vector is zero. */
export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  const lengths = norm(a) * norm(b);
  if (lengths === 0) return 0;
  return Math.max(-1, Math.min(1, dot(a, b) / lengths));
}

/**
 * Copies vectors into one row-major matrix of unit rows, so that a row's dot product with
 * another is their cosine similarity. Zero vectors stay zero rows.
 */
export function packUnitRows(vectors: readonly Float32Array[]): { rows: Float32Array; dimensions: number } {
  const dimensions = vectors[0]?.length ?? 0;
  const rows = new Float32Array(vectors.length * dimensions);
  vectors.forEach((vector, i) => {
    if (vector.length !== dimensions) {
      throw new PolyphonyError("internal", `vector ${i} has dimension ${vector.length}, expected ${dimensions}`);
    }
    rows.set(normalise(vector), i * dimensions);
  });
  return { rows, dimensions };
}
