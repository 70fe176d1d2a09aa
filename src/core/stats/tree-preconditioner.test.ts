import { describe, expect, it } from "vitest";
import { createRandom } from "./prng.ts";
import { factorForest, spanNodes } from "./tree-preconditioner.ts";

/** M = L_G + D as a dense matrix. */
function dense(n: number, a: Int32Array, b: Int32Array, weight: Float64Array, extra: Float64Array): number[][] {
  const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? extra[i]! : 0)));
  for (let k = 0; k < a.length; k++) {
    const [i, j, w] = [a[k]!, b[k]!, weight[k]!];
    m[i]![i]! += w;
    m[j]![j]! += w;
    m[i]![j]! -= w;
    m[j]![i]! -= w;
  }
  return m;
}

const times = (m: number[][], z: Float64Array) => Float64Array.from(m, (row) => row.reduce((s, v, j) => s + v * z[j]!, 0));

describe("the spanning-forest preconditioner", () => {
  it("keeps the heaviest edges: a cycle loses its lightest, and each component gets a root", () => {
    // A triangle 0–1–2 (weights 3, 2, 1) and an edge 3–4.
    const forest = spanNodes(5, Int32Array.from([0, 1, 2, 3]), Int32Array.from([1, 2, 0, 4]), Float64Array.from([3, 2, 1, 5]));
    const kept = [...forest.parentEdge].filter((e) => e >= 0).sort();
    expect(kept).toEqual([0, 1, 3]);
    expect([...forest.parent].filter((p) => p < 0)).toHaveLength(2);
    // Every node comes before its parent.
    const position = new Int32Array(5);
    forest.order.forEach((node, k) => (position[node] = k));
    forest.parent.forEach((p, i) => p >= 0 && expect(position[i]!).toBeLessThan(position[p]!));
  });

  it("solves a matrix whose graph is a tree exactly", () => {
    const random = createRandom(7);
    const n = 40;
    // A random tree: node i > 0 joins a node before it.
    const a = Int32Array.from({ length: n - 1 }, (_, k) => k + 1);
    const b = Int32Array.from(a, (i) => Math.floor(random() * i));
    const weight = Float64Array.from(a, () => 0.1 + random() * 5);
    const extra = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0.3 : 0));
    const m = dense(n, a, b, weight, extra);
    const solve = factorForest(spanNodes(n, a, b, weight), Float64Array.from(m, (row, i) => row[i]!), weight);
    const r = Float64Array.from({ length: n }, () => random() - 0.5);
    const z = solve(r, new Float64Array(n));
    times(m, z).forEach((v, i) => expect(v).toBeCloseTo(r[i]!, 10));
  });

  it("on a graph with cycles, is the forest's Laplacian plus M's diagonal", () => {
    const a = Int32Array.from([0, 1, 2, 0]);
    const b = Int32Array.from([1, 2, 3, 3]);
    const weight = Float64Array.from([4, 3, 2, 1]);
    const extra = Float64Array.from([0.5, 0, 0, 0]);
    const m = dense(4, a, b, weight, extra);
    const diagonal = Float64Array.from(m, (row, i) => row[i]!);
    const solve = factorForest(spanNodes(4, a, b, weight), diagonal, weight);
    // The forest is the path 0–1–2–3; edge 0–3 leaves its weight on the diagonal.
    const p = dense(4, a.subarray(0, 3), b.subarray(0, 3), weight.subarray(0, 3), Float64Array.from([1.5, 0, 0, 1]));
    const r = Float64Array.from([1, -2, 0.5, 3]);
    const z = solve(r, new Float64Array(4));
    times(p, z).forEach((v, i) => expect(v).toBeCloseTo(r[i]!, 10));
  });
});
