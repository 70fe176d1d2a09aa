import { describe, expect, it } from "vitest";
import { PolyphonyError } from "../../../core/errors.ts";
import { indexVotes } from "./index-votes.ts";
import { scorePageRank } from "./pagerank-scoring.ts";
import type { PageRankGraph } from "./pagerank-types.ts";
import type { Relationship, UpgradeVote } from "./types.ts";

const vote = (participant: string, from: string, to: string, relationship: Relationship, context: string): UpgradeVote => ({
  participant,
  from,
  to,
  context,
  relationship,
});

// Context x: A→B 4 upgrades; B→C 2 upgrades, 1 no-upgrade, 1 not-sure; C→B 1 upgrade and 1
// no-upgrade; one self-vote. Context y: A→B, B→C, C→A 3 upgrades each (a cycle) and D→A one
// no-upgrade, so D is judged in y only. p0, p1 are group "left"; p4..p7 "right".
const votes: UpgradeVote[] = [
  ...["p0", "p1", "p4", "p5"].map((p) => vote(p, "A", "B", "upgrade", "x")),
  vote("p0", "B", "C", "upgrade", "x"),
  vote("p1", "B", "C", "upgrade", "x"),
  vote("p4", "B", "C", "no_upgrade", "x"),
  vote("p5", "B", "C", "not_sure", "x"),
  vote("p6", "C", "B", "upgrade", "x"),
  vote("p7", "C", "B", "no_upgrade", "x"),
  vote("p6", "A", "A", "upgrade", "x"),
  ...["p0", "p1", "p4"].flatMap((p) => [
    vote(p, "A", "B", "upgrade", "y"),
    vote(p, "B", "C", "upgrade", "y"),
    vote(p, "C", "A", "upgrade", "y"),
  ]),
  vote("p7", "D", "A", "no_upgrade", "y"),
];
const indexed = indexVotes(votes, { cards: ["A", "B", "C", "D"], contexts: ["x", "y"] });
const ofParticipant = Int32Array.from(indexed.participantIds, (p) => (p === "p0" || p === "p1" ? 0 : 1));
const graph = scorePageRank(indexed.table, { groups: { labels: ["left", "right"], ofParticipant } });
const [A, B, C, D] = [0, 1, 2, 3];
const X = 0;
const Y = 1;

function edgeOf(g: PageRankGraph, context: number, from: number, to: number): number {
  for (let e = 0; e < g.edges.count; e++) {
    if (g.edges.context[e] === context && g.edges.from[e] === from && g.edges.to[e] === to) return e;
  }
  return -1;
}
function pooledOf(g: PageRankGraph, from: number, to: number): number {
  for (let e = 0; e < g.pooled.count; e++) if (g.pooled.from[e] === from && g.pooled.to[e] === to) return e;
  return -1;
}
const scoreOf = (g: PageRankGraph, context: number, card: number) => g.contexts[context]!.byCard[card]!;

describe("scorePageRank edges", () => {
  it("counts support, against and not-sure per direction and context", () => {
    const ab = edgeOf(graph, X, A, B);
    const bc = edgeOf(graph, X, B, C);
    const cb = edgeOf(graph, X, C, B);
    expect([graph.edges.support[ab], graph.edges.against[ab]]).toEqual([4, 0]);
    // B→C: 2 upgrades for, its 1 no-upgrade against; C→B's upgrade is evidence for C→B only.
    expect([graph.edges.support[bc], graph.edges.against[bc], graph.edges.notSure[bc]]).toEqual([2, 1, 1]);
    expect([graph.edges.support[cb], graph.edges.against[cb]]).toEqual([1, 1]);
    expect(graph.edges.reverse[bc]).toBe(cb);
    expect(graph.edges.reverse[ab]).toBe(-1);
    expect(edgeOf(graph, X, B, A)).toBe(-1);
    expect(edgeOf(graph, X, A, A)).toBe(-1);
    expect(graph.selfVotes).toBe(1);
  });

  it("pools each ordered pair over contexts", () => {
    const bc = pooledOf(graph, B, C);
    expect([graph.pooled.support[bc], graph.pooled.against[bc], graph.pooled.notSure[bc]]).toEqual([5, 1, 1]);
    expect(graph.edges.pooledRow[edgeOf(graph, X, B, C)]).toBe(bc);
    expect(graph.edges.pooledRow[edgeOf(graph, Y, B, C)]).toBe(bc);
    expect(graph.pooled.reverse[bc]).toBe(pooledOf(graph, C, B));
    expect(graph.pooled.count).toBe(5);
  });

  it("shrinks each context's share towards the other contexts and keeps edges on the lower bound", () => {
    // κ = 2, prior Beta(1, 1), quartiles. x's A→B: y says 3–0, m = 4/5, Beta(1.6 + 4, 0.4 + 0).
    // x's B→C: y says 3–0, m = 4/5, Beta(1.6 + 2, 0.4 + 1), mean 3.6/5. y's B→C: x says 2–1,
    // m = 3/5, Beta(1.2 + 3, 0.8). x's C→B: no other context, m = ½, Beta(1 + 1, 1 + 1).
    // Quantiles from SciPy 1.10.1 scipy.special.betaincinv.
    const ab = edgeOf(graph, X, A, B);
    const bc = edgeOf(graph, X, B, C);
    const cb = edgeOf(graph, X, C, B);
    expect(graph.edges.lower[ab]).toBeCloseTo(0.9092946383682287, 12);
    expect(graph.edges.mean[bc]).toBeCloseTo(0.72, 15);
    expect(graph.edges.lower[bc]).toBeCloseTo(0.6012749707846581, 12);
    expect(graph.edges.upper[bc]).toBeCloseTo(0.8673709043561288, 12);
    expect(graph.edges.lower[edgeOf(graph, Y, B, C)]).toBeCloseTo(0.7638818784293009, 12);
    // Beta(2, 2) has CDF 3x² − 2x³; with x = ½ − y the lower quartile solves 8y³ − 6y + 1 = 0,
    // that is cos 3θ = −½ for y = cos θ: the quartiles are ½ ∓ cos(4π/9).
    expect(graph.edges.lower[cb]).toBeCloseTo(0.5 - Math.cos((4 * Math.PI) / 9), 12);
    expect(graph.edges.upper[cb]).toBeCloseTo(0.5 + Math.cos((4 * Math.PI) / 9), 12);
    expect([graph.edges.kept[ab], graph.edges.kept[bc], graph.edges.kept[cb]]).toEqual([1, 1, 0]);
    // Both directions of B, C judged; only C→B's interval contains ½.
    expect([graph.edges.contested[bc], graph.edges.contested[cb], graph.edges.contested[ab]]).toEqual([0, 1, 0]);
  });

  it("scores a context on its own votes without pooling", () => {
    // x's B→C alone is Beta(1 + 2, 1 + 1): lower quartile 0.4563 (SciPy, as above), not kept.
    const alone = scorePageRank(indexed.table, { pooling: 0 });
    const bc = edgeOf(alone, X, B, C);
    expect(alone.edges.lower[bc]).toBeCloseTo(0.4563217145809197, 12);
    expect(alone.edges.kept[bc]).toBe(0);
    // With κ = α + β, a pair judged in no other context gets the plain prior: the same bounds.
    const cb = edgeOf(alone, X, C, B);
    expect(alone.edges.lower[cb]).toBe(graph.edges.lower[edgeOf(graph, X, C, B)]);
  });

  it("reports per-group counts, endorsing groups and Polis consensus", () => {
    const groups = graph.edges.groups!;
    const at = (e: number, g: number) => [groups.support[e * 2 + g], groups.against[e * 2 + g]];
    const ab = edgeOf(graph, X, A, B);
    expect([at(ab, 0), at(ab, 1)]).toEqual([[2, 0], [2, 0]]);
    expect([groups.endorsing[ab], groups.voting[ab]]).toEqual([2, 2]);
    expect(groups.consensus[ab]).toBeCloseTo((3 / 4) * (3 / 4), 15);
    // B→C: left 2 for; right p4's no-upgrade against. Means 3/4 and 1/3.
    const bc = edgeOf(graph, X, B, C);
    expect([at(bc, 0), at(bc, 1)]).toEqual([[2, 0], [0, 1]]);
    expect([groups.endorsing[bc], groups.voting[bc]]).toEqual([1, 2]);
    expect(groups.consensus[bc]).toBeCloseTo((3 / 4) * (1 / 3), 15);
  });
});

describe("scorePageRank rankings", () => {
  it("ranks every card in every context, so a context's scores sum to 1", () => {
    // x keeps A→B→C over the four cards; C and D (not judged in x) are dangling. With
    // u = x_A = x_D = 0.0375 + 0.2125·(x_C + x_D), x_B = 1.85·u and x_C = u + 0.85·x_B, the sum
    // (1 + 1.85 + 2.5725 + 1)·u = 1 gives u = 1 / 6.4225.
    const u = 1 / 6.4225;
    const x = graph.contexts[X]!;
    expect(Array.from(x.cards)).toEqual([C, B, A]);
    expect(Array.from(x.score)).toEqual([scoreOf(graph, X, C), scoreOf(graph, X, B), scoreOf(graph, X, A)]);
    expect(scoreOf(graph, X, A)).toBeCloseTo(u, 11);
    expect(scoreOf(graph, X, B)).toBeCloseTo(1.85 * u, 11);
    expect(scoreOf(graph, X, C)).toBeCloseTo(2.5725 * u, 11);
    expect(x.baseline).toBeCloseTo(u, 11);
    expect(scoreOf(graph, X, D)).toBe(x.baseline);
    expect(x.keptEdges).toBe(2);
  });

  it("flags a cycle of kept edges as contested", () => {
    // y keeps its 3-cycle; D is dangling: x_D = 0.0375 + 0.2125·x_D = 1/21, the rest 20/63 each.
    expect(graph.contexts[Y]!.keptEdges).toBe(3);
    expect(graph.contested.map((c) => [c.context, Array.from(c.cards)])).toEqual([[Y, [A, B, C]]]);
    for (const card of [A, B, C]) expect(scoreOf(graph, Y, card)).toBeCloseTo(20 / 63, 11);
    expect(scoreOf(graph, Y, D)).toBeCloseTo(1 / 21, 11);
  });

  it("ranks overall by PageRank on the pooled graph", () => {
    // Pooled: A→B 7–0, B→C 5–1, C→A 3–0 are kept (Beta(8, 1), Beta(6, 2), Beta(4, 1)); C→B 1–1
    // and D→A 0–1 are not. One out-edge per card, so the weights do not matter: y's scores again.
    expect(graph.contexts.map((c) => [c.votes, c.weight])).toEqual([[10, 0.5], [10, 0.5]]);
    expect(graph.contexts[X]!.participants).toBe(6);
    expect(graph.overall.keptEdges).toBe(3);
    expect(graph.pooled.lower[pooledOf(graph, B, C)]).toBeCloseTo(0.6592897856986362, 12);
    for (const card of [A, B, C]) expect(graph.overall.byCard[card]).toBeCloseTo(20 / 63, 11);
    expect(graph.overall.byCard[D]).toBeCloseTo(1 / 21, 11);
    expect(graph.overall.cards[3]).toBe(D);
    expect(graph.overall.contested.map((c) => Array.from(c))).toEqual([[A, B, C]]);
    expect(graph.overall.score.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});

describe("scorePageRank bootstrap and edge cases", () => {
  it("gives zero-width intervals when every participant votes alike", () => {
    // Any resample of identical voters recounts 10 upgrades on A→B and on B→C: the same graph.
    const same = indexVotes(
      Array.from({ length: 10 }, (_, p) => [
        vote(`p${p}`, "A", "B", "upgrade", "x"),
        vote(`p${p}`, "B", "C", "upgrade", "x"),
      ]).flat(),
    );
    const g = scorePageRank(same.table, { bootstrap: { samples: 30, seed: 3 } });
    const ctx = g.contexts[0]!;
    expect(Array.from(ctx.scoreLow!)).toEqual(Array.from(ctx.score));
    expect(Array.from(ctx.scoreHigh!)).toEqual(Array.from(ctx.score));
  });

  it("scores an empty table to empty rankings", () => {
    const g = scorePageRank(indexVotes([], { contexts: ["x"] }).table);
    expect(g.edges.count).toBe(0);
    expect(g.contexts[0]!.cards.length).toBe(0);
    expect(g.contexts[0]!.baseline).toBe(0);
    expect(g.overall.cards.length).toBe(0);
  });

  it("rejects options it cannot honour, naming the field", () => {
    const bad = [
      { credibleMass: 1 },
      { prior: { alpha: 0, beta: 1 } },
      { threshold: 1.5 },
      { pooling: -1 },
      { damping: 1 },
      { maxIterations: 0 },
      { bootstrap: { samples: 0, seed: 1 } },
      { groups: { labels: ["g"], ofParticipant: new Int32Array(indexed.table.participantCount).fill(1) } },
    ];
    for (const options of bad) {
      expect(() => scorePageRank(indexed.table, options)).toThrow(PolyphonyError);
    }
    let caught: unknown;
    try {
      scorePageRank(indexed.table, { threshold: -1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PolyphonyError);
    expect((caught as PolyphonyError).field).toBe("threshold");
  });
});

// Issue 10: with two upgrades on A→B in y, one not-sure on A→B in x gave x's edge the pooled
// prior Beta(1.5, 0.5), whose lower quartile (0.597) passed the threshold, so a "not sure" made
// an edge and lifted B in x.
describe("a single not-sure vote", () => {
  const base = [vote("p0", "A", "B", "upgrade", "y"), vote("p1", "A", "B", "upgrade", "y"), vote("p2", "B", "C", "upgrade", "x")];
  const known = { cards: ["A", "B", "C"], contexts: ["x", "y"] };
  const without = scorePageRank(indexVotes(base, known).table);
  const withIt = scorePageRank(indexVotes([...base, vote("p3", "A", "B", "not_sure", "x")], known).table);

  it("never keeps an edge, though the pooled prior alone clears the threshold", () => {
    const e = edgeOf(withIt, X, A, B);
    expect(withIt.edges.notSure[e]).toBe(1);
    expect(withIt.edges.lower[e]).toBeGreaterThan(0.5);
    expect(withIt.edges.kept[e]).toBe(0);
  });

  it("changes no score", () => {
    for (const c of [X, Y]) expect(Array.from(withIt.contexts[c]!.byCard)).toEqual(Array.from(without.contexts[c]!.byCard));
    expect(Array.from(withIt.overall.byCard)).toEqual(Array.from(without.overall.byCard));
  });
});
