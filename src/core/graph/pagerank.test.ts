import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPageRankScratch, rankPages, type WeightedGraph } from "./pagerank.ts";

const options = { damping: 0.85, tolerance: 1e-13, maxIterations: 1000 };
const graphOf = (n: number, edges: [number, number, number][]): WeightedGraph => ({
  nodeCount: n,
  edgeCount: edges.length,
  from: Int32Array.from(edges, (e) => e[0]),
  to: Int32Array.from(edges, (e) => e[1]),
  weight: Float64Array.from(edges, (e) => e[2]),
});
const rank = (g: WeightedGraph) => {
  const out = new Float64Array(g.nodeCount);
  rankPages(g, options, out);
  return out;
};

describe("rankPages", () => {
  it("spreads a dangling node's rank over every node", () => {
    // 0 → 1, 1 dangling: x0 = 0.15/2 + 0.85·x1/2 and x0 + x1 = 1,
    // so x0 = (0.075 + 0.425) / 1.425 = 0.3508771929824561.
    const x = rank(graphOf(2, [[0, 1, 1]]));
    expect(x[0]).toBeCloseTo(0.5 / 1.425, 12);
    expect(x[1]).toBeCloseTo(1 - 0.5 / 1.425, 12);
  });

  it("splits rank in proportion to weight", () => {
    // 0 → 1 (3), 0 → 2 (1), 1 → 0, 2 → 0 (single out-edges, so their weights do not matter).
    // Solving x0 = 0.05 + 0.85(x1 + x2), x1 = 0.05 + 0.85·0.75·x0, x2 = 0.05 + 0.85·0.25·x0
    // gives x0 = 0.05·2.7 / (1 − 0.7225) = 0.4864864864864865.
    const x = rank(graphOf(3, [[0, 1, 3], [0, 2, 1], [1, 0, 0.5], [2, 0, 2]]));
    const x0 = (0.05 * 2.7) / (1 - 0.7225);
    expect(x[0]).toBeCloseTo(x0, 11);
    expect(x[1]).toBeCloseTo(0.05 + 0.6375 * x0, 11);
    expect(x[2]).toBeCloseTo(0.05 + 0.2125 * x0, 11);
  });

  it("gives uniform scores to a graph without edges", () => {
    expect(Array.from(rank(graphOf(4, [])))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("tracks isolated nodes as one number, exactly as if they were listed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.integer({ min: 0, max: 5 }),
            fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.double({ min: 0.01, max: 5, noNaN: true })), {
              maxLength: 12,
            }),
          ),
        ),
        ([n, isolated, edges]) => {
          const listed = rank(graphOf(n + isolated, edges));
          const short = new Float64Array(n);
          const run = rankPages({ ...graphOf(n, edges), isolatedCount: isolated }, options, short);
          for (let v = 0; v < n; v++) expect(Math.abs(short[v]! - listed[v]!)).toBeLessThan(1e-12);
          for (let v = n; v < n + isolated; v++) expect(Math.abs(run.isolatedScore - listed[v]!)).toBeLessThan(1e-12);
          if (isolated === 0) expect(run.isolatedScore).toBe(0);
        },
      ),
    );
  });

  it("returns a fixed point of the PageRank equations that sums to 1", () => {
    const scratch = createPageRankScratch();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.double({ min: 0.01, max: 5, noNaN: true })), {
              maxLength: 20,
            }),
          ),
        ),
        ([n, edges]) => {
          const g = graphOf(n, edges);
          const x = new Float64Array(n);
          rankPages(g, options, x, scratch);
          const out = new Float64Array(n);
          for (const [a, _, w] of edges) out[a]! += w;
          let dangling = 0;
          for (let v = 0; v < n; v++) if (out[v] === 0) dangling += x[v]!;
          const expected = new Float64Array(n).fill(0.15 / n + (0.85 * dangling) / n);
          for (const [a, b, w] of edges) expected[b]! += (0.85 * x[a]! * w) / out[a]!;
          let sum = 0;
          for (let v = 0; v < n; v++) {
            expect(Math.abs(x[v]! - expected[v]!)).toBeLessThan(1e-11);
            sum += x[v]!;
          }
          expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
        },
      ),
    );
  });
});
