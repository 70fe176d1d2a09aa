import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAdjacency, findStrongComponents } from "./scc.ts";

const componentsOf = (n: number, edges: [number, number][]) => {
  const adjacency = createAdjacency(n, Int32Array.from(edges, (e) => e[0]), Int32Array.from(edges, (e) => e[1]));
  return findStrongComponents(adjacency);
};

/** Reachability by repeated relaxation, for checking against. */
function reaches(n: number, edges: [number, number][]): boolean[][] {
  const r = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b] of edges) {
      for (let s = 0; s < n; s++) {
        if (r[s]![a] && !r[s]![b]) {
          r[s]![b] = true;
          changed = true;
        }
      }
    }
  }
  return r;
}

describe("findStrongComponents", () => {
  it("finds a cycle and leaves the tail alone", () => {
    // 0 → 1 → 2 → 0 is a cycle; 2 → 3 leaves it.
    const { component, count } = componentsOf(4, [[0, 1], [1, 2], [2, 0], [2, 3]]);
    expect(count).toBe(2);
    expect(component[0]).toBe(component[1]);
    expect(component[1]).toBe(component[2]);
    expect(component[3]).not.toBe(component[0]);
    // Tarjan completes sinks first.
    expect(component[3]).toBe(0);
  });

  it("handles a 200,000-node path and ring without recursion", () => {
    const n = 200_000;
    const path: [number, number][] = Array.from({ length: n - 1 }, (_, i) => [i, i + 1]);
    expect(componentsOf(n, path).count).toBe(n);
    expect(componentsOf(n, [...path, [n - 1, 0]]).count).toBe(1);
  });

  it("puts two nodes together exactly when each reaches the other", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 30 }), (edges) => {
        const { component } = componentsOf(8, edges);
        const r = reaches(8, edges);
        for (let a = 0; a < 8; a++) {
          for (let b = 0; b < 8; b++) {
            expect(component[a] === component[b]).toBe(r[a]![b]! && r[b]![a]!);
          }
        }
      }),
    );
  });
});
