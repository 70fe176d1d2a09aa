import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findSimilarPairs } from "./similar-pairs.ts";
import { clusterBySimilarity, groupConnected } from "./cluster.ts";
import { cosineSimilarity } from "./vectors.ts";

const f32 = (...xs: number[]) => Float32Array.from(xs);
// Unit-ish directions at 0°, 10°, 80° and 180°, plus a zero vector.
const angle = (degrees: number) => f32(Math.cos((degrees * Math.PI) / 180), Math.sin((degrees * Math.PI) / 180));
const vectors = [angle(0), angle(10), angle(80), angle(180), f32(0, 0)];

describe("findSimilarPairs", () => {
  it("returns pairs above the threshold, most similar first", () => {
    const pairs = findSimilarPairs(vectors, 0.1);
    expect(pairs.map(({ i, j }) => [i, j])).toEqual([[0, 1], [1, 2], [0, 2]]);
    expect(pairs[0]!.similarity).toBeCloseTo(Math.cos((10 * Math.PI) / 180), 6);
  });

  it("never pairs a zero vector, even with a negative threshold", () => {
    expect(findSimilarPairs(vectors, -1).some(({ i, j }) => i === 4 || j === 4)).toBe(false);
  });

  it("keeps the most similar pairs under a limit", () => {
    expect(findSimilarPairs(vectors, -1, { limit: 2 }).map(({ i, j }) => [i, j])).toEqual([[0, 1], [1, 2]]);
    expect(findSimilarPairs(vectors, -1, { limit: 0 })).toEqual([]);
  });

  it("considers only accepted pairs", () => {
    const pairs = findSimilarPairs(vectors, 0.1, { accept: (i, j) => i !== 0 || j !== 1 });
    expect(pairs.map(({ i, j }) => [i, j])).toEqual([[1, 2], [0, 2]]);
  });

  it("does not need normalised input", () => {
    const scaled = vectors.map((v) => v.map((x) => x * 7));
    expect(findSimilarPairs(scaled, 0.5)).toEqual(findSimilarPairs(vectors, 0.5));
  });

  it("rejects a threshold outside [-1, 1]", () => {
    expect(() => findSimilarPairs(vectors, 1.5)).toThrow(/threshold/);
    expect(() => findSimilarPairs(vectors, Number.NaN)).toThrow(/threshold/);
  });

  it("finds exactly the pairs a brute-force cosine finds (property)", () => {
    const vector = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 4, maxLength: 4 }).map((xs) => Float32Array.from(xs));
    fc.assert(
      fc.property(fc.array(vector, { maxLength: 12 }), fc.double({ min: -0.9, max: 0.9, noNaN: true }), (vs, threshold) => {
        const found = findSimilarPairs(vs, threshold);
        for (let k = 1; k < found.length; k++) expect(found[k - 1]!.similarity).toBeGreaterThanOrEqual(found[k]!.similarity);
        const expected = new Set<string>();
        vs.forEach((a, i) => vs.forEach((b, j) => {
          // Skip pairs too close to the threshold for float32 rounding to decide.
          const c = cosineSimilarity(a, b);
          if (i < j && c >= threshold + 1e-5) expected.add(`${i},${j}`);
        }));
        const got = new Set(found.map(({ i, j }) => `${i},${j}`));
        for (const key of expected) expect(got.has(key)).toBe(true);
        for (const { i, j } of found) expect(cosineSimilarity(vs[i]!, vs[j]!)).toBeGreaterThan(threshold - 1e-5);
      }),
    );
  });
});

describe("clusterBySimilarity", () => {
  it("links items through chains (single link) and leaves loners out", () => {
    const chain = [angle(0), angle(20), angle(40), angle(120), angle(300)];
    expect(clusterBySimilarity(chain, Math.cos((25 * Math.PI) / 180))).toEqual([[0, 1, 2]]);
  });

  it("groups connected pairs in order of their smallest member", () => {
    expect(groupConnected(7, [{ i: 5, j: 6 }, { i: 1, j: 3 }, { i: 3, j: 4 }])).toEqual([[1, 3, 4], [5, 6]]);
    expect(groupConnected(3, [])).toEqual([]);
  });
});
