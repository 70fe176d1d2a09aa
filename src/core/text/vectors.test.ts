import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cosineSimilarity, dot, norm, normalise, packUnitRows } from "./vectors.ts";

const f32 = (...xs: number[]) => Float32Array.from(xs);
const vector = fc.array(fc.float({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }).map((xs) => Float32Array.from(xs));

describe("vectors", () => {
  it("computes dot products and lengths", () => {
    expect(dot(f32(1, 2, 3), f32(4, 5, 6))).toBe(32);
    expect(norm(f32(3, 4))).toBe(5);
  });

  it("gives cosine 1 for parallel, 0 for orthogonal, -1 for opposite vectors", () => {
    expect(cosineSimilarity(f32(1, 1), f32(2, 2))).toBeCloseTo(1, 6);
    expect(cosineSimilarity(f32(1, 0), f32(0, 3))).toBe(0);
    expect(cosineSimilarity(f32(1, 2), f32(-1, -2))).toBeCloseTo(-1, 6);
  });

  it("treats the zero vector as similar to nothing", () => {
    expect(cosineSimilarity(f32(0, 0), f32(1, 2))).toBe(0);
    expect(normalise(f32(0, 0))).toEqual(f32(0, 0));
  });

  it("rejects vectors of different dimensions", () => {
    expect(() => dot(f32(1), f32(1, 2))).toThrow(/dimension/);
    expect(() => packUnitRows([f32(1, 2), f32(1)])).toThrow(/vector 1/);
  });

  it("normalises to unit length and keeps cosine within [-1, 1]", () => {
    fc.assert(
      fc.property(vector, vector, (a, b) => {
        const length = norm(normalise(a));
        expect(length === 0 || Math.abs(length - 1) < 1e-5).toBe(true);
        const c = cosineSimilarity(a, b);
        expect(c).toBeGreaterThanOrEqual(-1);
        expect(c).toBeLessThanOrEqual(1);
        expect(c).toBeCloseTo(cosineSimilarity(b, a), 6);
      }),
    );
  });
});
