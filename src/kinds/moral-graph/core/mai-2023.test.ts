import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexVotes } from "./index-votes.ts";
import {
  MAI_2023_MAX_ENTROPY,
  MAI_2023_MIN_LIKELIHOOD,
  MAI_2023_MIN_WISER,
  scoreMai2023,
} from "./mai-2023.ts";
import { createVoteTable, type VoteRow } from "./vote-rows.ts";
import type { Relationship, UpgradeVote } from "./types.ts";

const vote = (
  participant: string,
  from: string,
  to: string,
  relationship: Relationship,
  context = "x",
): UpgradeVote => ({ participant, from, to, context, relationship });

// A→B: 3 up, 1 no. B→C: 2 up, 1 unsure (contexts y, x, y) and C→B: 1 no (context z).
// A→C: 2 up, 1 no, 1 unsure. A→D: 1 up. C→D: 1 unsure. B→D: 2 up, 5 no.
const votes: UpgradeVote[] = [
  vote("p0", "A", "B", "upgrade"),
  vote("p1", "A", "B", "upgrade"),
  vote("p2", "A", "B", "upgrade"),
  vote("p3", "A", "B", "no_upgrade"),
  vote("p4", "B", "C", "upgrade", "y"),
  vote("p5", "B", "C", "upgrade"),
  vote("p6", "B", "C", "not_sure", "y"),
  vote("p7", "C", "B", "no_upgrade", "z"),
  vote("p0", "A", "C", "upgrade"),
  vote("p1", "A", "C", "upgrade"),
  vote("p2", "A", "C", "no_upgrade"),
  vote("p3", "A", "C", "not_sure"),
  vote("p4", "A", "D", "upgrade"),
  vote("p5", "C", "D", "not_sure"),
  ...["p0", "p1"].map((p) => vote(p, "B", "D", "upgrade")),
  ...["p2", "p3", "p4", "p5", "p6"].map((p) => vote(p, "B", "D", "no_upgrade")),
];
const arbitraryVoteTable = () =>
  fc
    .array(fc.tuple(fc.nat(7), fc.nat(5), fc.nat(5), fc.nat(2), fc.nat(2)), { maxLength: 80 })
    .map((rows) => createVoteTable(rows as VoteRow[]));

const { table, cardIds, contextIds } = indexVotes(votes);
const graph = scoreMai2023(table);
const card = (id: string) => cardIds.indexOf(id);
const pairOf = (a: string, b: string) => {
  for (let i = 0; i < graph.pairs.count; i++) {
    if (graph.pairs.from[i] === card(a) && graph.pairs.to[i] === card(b)) return i;
  }
  throw new Error(`no pair ${a}→${b}`);
};

describe("scoreMai2023 on a hand-computed deliberation", () => {
  it("counts both directions of every vote", () => {
    const ab = pairOf("A", "B");
    expect([graph.pairs.wiser[ab], graph.pairs.notWiser[ab], graph.pairs.impressions[ab]]).toEqual([3, 1, 4]);
    const ba = pairOf("B", "A");
    expect([graph.pairs.wiser[ba], graph.pairs.lessWise[ba], graph.pairs.impressions[ba]]).toEqual([0, 3, 4]);
    const cb = pairOf("C", "B");
    // forward: 1 no_upgrade; backwards: 3 impressions from B→C, of which 2 upgrades.
    expect([graph.pairs.notWiser[cb], graph.pairs.lessWise[cb], graph.pairs.impressions[cb]]).toEqual([1, 2, 4]);
    expect(graph.pairs.likelihood[cb]).toBeCloseTo(-2 / 3, 15);
  });

  it("computes likelihood and entropy over the five counters", () => {
    const ab = pairOf("A", "B");
    expect(graph.pairs.likelihood[ab]).toBe(0.75);
    // counters (3, 1, 0, 0, 4) of 8: H = 3/8·log2(8/3) + 1/8·3 + 1/2·1 = 1.4056390622295665
    expect(graph.pairs.entropy[ab]).toBeCloseTo(1.4056390622295665, 14);
    const bc = pairOf("B", "C");
    // (2 − 0) / (2 + 0 + 1 + 0); counters (2, 0, 0, 1, 4) of 7
    expect(graph.pairs.likelihood[bc]).toBeCloseTo(2 / 3, 15);
    const h = (2 / 7) * Math.log2(7 / 2) + (1 / 7) * Math.log2(7) + (4 / 7) * Math.log2(7 / 4);
    expect(graph.pairs.entropy[bc]).toBeCloseTo(h, 14);
    // D→A only saw A→D's upgrade backwards: (0 − 1) / 1. D→C only saw a not-sure backwards,
    // which counts nothing but an impression: 0 / 0, as in MAI's code.
    expect(graph.pairs.likelihood[pairOf("D", "A")]).toBe(-1);
    expect(graph.pairs.likelihood[pairOf("D", "C")]).toBeNaN();
    expect(graph.pairs.kept[pairOf("D", "C")]).toBe(0);
  });

  it("keeps only edges passing all three thresholds", () => {
    const kept = (a: string, b: string) => graph.pairs.kept[pairOf(a, b)];
    expect(kept("A", "B")).toBe(1);
    expect(kept("B", "C")).toBe(1);
    // A→C: likelihood 2/4 passes, entropy of (2, 1, 0, 1, 4) of 8 is 1.75 > 1.69.
    expect(graph.pairs.entropy[pairOf("A", "C")]).toBeCloseTo(1.75, 14);
    expect(kept("A", "C")).toBe(0);
    // A→D: one upgrade only. B→D: likelihood 2/7 < 0.33.
    expect(kept("A", "D")).toBe(0);
    expect(kept("B", "D")).toBe(0);
    expect(Array.from(graph.edges, (p) => `${cardIds[graph.pairs.from[p]!]}→${cardIds[graph.pairs.to[p]!]}`)).toEqual(["A→B", "B→C"]);
  });

  it("lists the contexts of votes in both directions, first seen first", () => {
    const bc = pairOf("B", "C");
    const ids = graph.pairs.contexts.subarray(graph.pairs.contextStart[bc], graph.pairs.contextStart[bc + 1]);
    expect(Array.from(ids, (c) => contextIds[c])).toEqual(["y", "x", "z"]);
  });

  it("ranks kept-edge nodes with 100 rounds of leaky weighted PageRank", () => {
    // N = 3 (D is on no kept edge), teleport 0.15/3 = 0.05, A and B each have one out-edge,
    // C is dangling: A = 0.05, B = 0.05 + 0.85·A = 0.0925, C = 0.05 + 0.85·B = 0.128625.
    expect(graph.score[card("A")]).toBeCloseTo(0.05, 15);
    expect(graph.score[card("B")]).toBeCloseTo(0.0925, 15);
    expect(graph.score[card("C")]).toBeCloseTo(0.128625, 15);
    expect(graph.score[card("D")]).toBe(0);
    expect(Array.from(graph.nodes, (c) => cardIds[c])).toEqual(["C", "B", "A"]);
  });

  it("splits a node's rank in proportion to likelihood", () => {
    const split = indexVotes([
      ...["p0", "p1", "p2"].map((p) => vote(p, "A", "B", "upgrade")),
      ...["p0", "p1"].map((p) => vote(p, "A", "C", "upgrade")),
      vote("p2", "A", "C", "not_sure"),
    ]);
    const g = scoreMai2023(split.table);
    // Weights 1 and 2/3, so B gets 3/5 and C 2/5 of 0.85·A, with A = 0.05.
    expect(g.score[split.cardIds.indexOf("B")]).toBeCloseTo(0.05 + 0.85 * 0.05 * 0.6, 15);
    expect(g.score[split.cardIds.indexOf("C")]).toBeCloseTo(0.05 + 0.85 * 0.05 * 0.4, 15);
  });
});

describe("scoreMai2023 properties", () => {
  it("scores are non-negative and sum to at most 1", () => {
    fc.assert(
      fc.property(arbitraryVoteTable(), (t) => {
        const g = scoreMai2023(t);
        let sum = 0;
        for (const s of g.score) {
          expect(s).toBeGreaterThanOrEqual(0);
          sum += s;
        }
        expect(sum).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it("keeps exactly the pairs that pass the thresholds", () => {
    fc.assert(
      fc.property(arbitraryVoteTable(), (t) => {
        const { pairs } = scoreMai2023(t);
        for (let i = 0; i < pairs.count; i++) {
          const passes =
            pairs.wiser[i]! >= MAI_2023_MIN_WISER &&
            pairs.likelihood[i]! >= MAI_2023_MIN_LIKELIHOOD &&
            pairs.entropy[i]! <= MAI_2023_MAX_ENTROPY;
          expect(pairs.kept[i]).toBe(passes ? 1 : 0);
          expect(pairs.entropy[i]).toBeLessThanOrEqual(Math.log2(5) + 1e-12);
        }
      }),
    );
  });
});
