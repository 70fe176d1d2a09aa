import { describe, expect, it } from "vitest";
import { PolyphonyError } from "../errors.ts";
import { indexVotes } from "./index-votes.ts";
import { scorePolyphony } from "./polyphony.ts";
import type { PolyphonyGraph } from "./polyphony-types.ts";
import type { Relationship, UpgradeVote } from "./types.ts";

const vote = (participant: string, from: string, to: string, relationship: Relationship, context: string): UpgradeVote => ({
  participant,
  from,
  to,
  context,
  relationship,
});

// Context x: A→B 4 upgrades; B→C 2 upgrades, 1 no-upgrade, 1 not-sure; C→B 1 upgrade; one self-vote.
// Context y: A→B, B→C, C→A 3 upgrades each (a cycle). p0, p1 are group "left"; p4..p6 "right".
const votes: UpgradeVote[] = [
  ...["p0", "p1", "p4", "p5"].map((p) => vote(p, "A", "B", "upgrade", "x")),
  vote("p0", "B", "C", "upgrade", "x"),
  vote("p1", "B", "C", "upgrade", "x"),
  vote("p4", "B", "C", "no_upgrade", "x"),
  vote("p5", "B", "C", "not_sure", "x"),
  vote("p6", "C", "B", "upgrade", "x"),
  vote("p6", "A", "A", "upgrade", "x"),
  ...["p0", "p1", "p4"].flatMap((p) => [
    vote(p, "A", "B", "upgrade", "y"),
    vote(p, "B", "C", "upgrade", "y"),
    vote(p, "C", "A", "upgrade", "y"),
  ]),
];
const indexed = indexVotes(votes, { cards: ["A", "B", "C"], contexts: ["x", "y"] });
const ofParticipant = Int32Array.from(indexed.participantIds, (p) => (p === "p0" || p === "p1" ? 0 : 1));
const graph = scorePolyphony(indexed.table, { groups: { labels: ["left", "right"], ofParticipant } });
const [A, B, C] = [0, 1, 2];
const X = 0;
const Y = 1;

function edgeOf(g: PolyphonyGraph, context: number, from: number, to: number): number {
  for (let e = 0; e < g.edges.count; e++) {
    if (g.edges.context[e] === context && g.edges.from[e] === from && g.edges.to[e] === to) return e;
  }
  return -1;
}
const scoreOf = (g: PolyphonyGraph, context: number, card: number) => {
  const ctx = g.contexts[context]!;
  const k = ctx.cards.indexOf(card);
  return k < 0 ? 0 : ctx.score[k]!;
};

describe("scorePolyphony edges", () => {
  it("counts support, against and not-sure per direction and context", () => {
    const ab = edgeOf(graph, X, A, B);
    const bc = edgeOf(graph, X, B, C);
    const cb = edgeOf(graph, X, C, B);
    expect([graph.edges.support[ab], graph.edges.against[ab]]).toEqual([4, 0]);
    // B→C: 2 upgrades for; 1 no-upgrade plus C→B's upgrade against.
    expect([graph.edges.support[bc], graph.edges.against[bc], graph.edges.notSure[bc]]).toEqual([2, 2, 1]);
    // C→B: its own upgrade for; B→C's two upgrades against.
    expect([graph.edges.support[cb], graph.edges.against[cb]]).toEqual([1, 2]);
    expect(graph.edges.reverse[bc]).toBe(cb);
    expect(graph.edges.reverse[ab]).toBe(-1);
    expect(edgeOf(graph, X, B, A)).toBe(-1);
    expect(edgeOf(graph, X, A, A)).toBe(-1);
    expect(graph.selfVotes).toBe(1);
  });

  it("summarizes each share by a Beta posterior and keeps edges on the lower bound", () => {
    const ab = edgeOf(graph, X, A, B);
    // Beta(1 + 4, 1 + 0) has CDF x^5: quantiles 0.1^(1/5) and 0.9^(1/5); mean 5/6.
    expect(graph.edges.mean[ab]).toBeCloseTo(5 / 6, 15);
    expect(graph.edges.lower[ab]).toBeCloseTo(Math.pow(0.1, 0.2), 13);
    expect(graph.edges.upper[ab]).toBeCloseTo(Math.pow(0.9, 0.2), 13);
    expect(graph.edges.kept[ab]).toBe(1);
    // B→C is Beta(3, 3) and C→B Beta(2, 3); quantiles from SciPy 1.17.1 betaincinv.
    const bc = edgeOf(graph, X, B, C);
    const cb = edgeOf(graph, X, C, B);
    expect(graph.edges.lower[bc]).toBeCloseTo(0.2466364532884666, 12);
    expect(graph.edges.upper[bc]).toBeCloseTo(0.7533635467115334, 12);
    expect(graph.edges.lower[cb]).toBeCloseTo(0.14255931671003072, 12);
    expect(graph.edges.upper[cb]).toBeCloseTo(0.6795394162781817, 12);
    expect([graph.edges.kept[bc], graph.edges.kept[cb]]).toEqual([0, 0]);
    // Both directions judged and both intervals contain 0.5.
    expect([graph.edges.contested[bc], graph.edges.contested[cb], graph.edges.contested[ab]]).toEqual([1, 1, 0]);
  });

  it("reports per-group counts, endorsing groups and Polis consensus", () => {
    const groups = graph.edges.groups!;
    const at = (e: number, g: number) => [groups.support[e * 2 + g], groups.against[e * 2 + g]];
    const ab = edgeOf(graph, X, A, B);
    expect([at(ab, 0), at(ab, 1)]).toEqual([[2, 0], [2, 0]]);
    expect([groups.endorsing[ab], groups.voting[ab]]).toEqual([2, 2]);
    expect(groups.consensus[ab]).toBeCloseTo((3 / 4) * (3 / 4), 15);
    // B→C: left 2 for; right 1 no-upgrade and p6's C→B upgrade against. Means 3/4 and 1/4.
    const bc = edgeOf(graph, X, B, C);
    expect([at(bc, 0), at(bc, 1)]).toEqual([[2, 0], [0, 2]]);
    expect([groups.endorsing[bc], groups.voting[bc]]).toEqual([1, 2]);
    expect(groups.consensus[bc]).toBeCloseTo((3 / 4) * (1 / 4), 15);
  });
});

describe("scorePolyphony rankings", () => {
  it("redistributes dangling rank so a context's scores sum to 1", () => {
    // Context x keeps only A→B. With u = x_A = x_C = 0.05 + 0.85·(x_B + x_C)/3 and
    // x_B = u + 0.85·u, the sum 3.85·u = 1 gives u = 0.2597402597402597.
    const u = 1 / 3.85;
    expect(scoreOf(graph, X, A)).toBeCloseTo(u, 11);
    expect(scoreOf(graph, X, C)).toBeCloseTo(u, 11);
    expect(scoreOf(graph, X, B)).toBeCloseTo(1.85 * u, 11);
    expect(graph.contexts[X]!.cards[0]).toBe(B);
    expect(graph.contexts[X]!.keptEdges).toBe(1);
  });

  it("flags a cycle of kept edges as contested", () => {
    // Each y edge is Beta(4, 1): lower bound 0.1^(1/4) = 0.562 > 0.5, so all three are kept.
    expect(graph.contexts[Y]!.keptEdges).toBe(3);
    expect(graph.contested.map((c) => [c.context, Array.from(c.cards)])).toEqual([[Y, [A, B, C]]]);
    for (const card of [A, B, C]) expect(scoreOf(graph, Y, card)).toBeCloseTo(1 / 3, 11);
  });

  it("averages contexts by their share of counted votes", () => {
    // 9 counted votes in each context (the self-vote is skipped): weights ½ and ½.
    expect(graph.contexts.map((c) => [c.votes, c.weight])).toEqual([[9, 0.5], [9, 0.5]]);
    expect(graph.contexts[X]!.participants).toBe(5);
    const u = 1 / 3.85;
    expect(graph.overall.byCard[B]).toBeCloseTo(0.5 * 1.85 * u + 0.5 / 3, 11);
    expect(Array.from(graph.overall.cards)).toEqual([B, A, C]);
    expect(graph.overall.score.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});

describe("scorePolyphony bootstrap and edge cases", () => {
  it("gives zero-width intervals when every participant votes alike", () => {
    // Any resample of identical voters recounts 10 upgrades on A→B and on B→C: the same graph.
    const same = indexVotes(
      Array.from({ length: 10 }, (_, p) => [
        vote(`p${p}`, "A", "B", "upgrade", "x"),
        vote(`p${p}`, "B", "C", "upgrade", "x"),
      ]).flat(),
    );
    const g = scorePolyphony(same.table, { bootstrap: { samples: 30, seed: 3 } });
    const ctx = g.contexts[0]!;
    expect(Array.from(ctx.scoreLow!)).toEqual(Array.from(ctx.score));
    expect(Array.from(ctx.scoreHigh!)).toEqual(Array.from(ctx.score));
  });

  it("scores an empty table to empty rankings", () => {
    const g = scorePolyphony(indexVotes([], { contexts: ["x"] }).table);
    expect(g.edges.count).toBe(0);
    expect(g.contexts[0]!.cards.length).toBe(0);
    expect(g.overall.cards.length).toBe(0);
  });

  it("rejects options it cannot honour, naming the field", () => {
    const bad = [
      { credibleMass: 1 },
      { prior: { alpha: 0, beta: 1 } },
      { threshold: 1.5 },
      { damping: 1 },
      { maxIterations: 0 },
      { bootstrap: { samples: 0, seed: 1 } },
      { groups: { labels: ["g"], ofParticipant: new Int32Array(indexed.table.participantCount).fill(1) } },
    ];
    for (const options of bad) {
      expect(() => scorePolyphony(indexed.table, options)).toThrow(PolyphonyError);
    }
    let caught: unknown;
    try {
      scorePolyphony(indexed.table, { threshold: -1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PolyphonyError);
    expect((caught as PolyphonyError).field).toBe("threshold");
  });
});
