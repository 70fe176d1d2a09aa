import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexVotes } from "./index-votes.ts";
import { scorePageRank } from "./pagerank-scoring.ts";
import { NO_UPGRADE, NOT_SURE, UPGRADE, type UpgradeVote } from "./types.ts";
import { createVoteTable, type VoteRow } from "./vote-rows.ts";

const CARDS = 4;
const CONTEXTS = 2;
// Few cards, short tables and upgrades drawn three times as often as each other judgment make
// kept edges and cycles common: the former rule (an upgrade on b→a counted against a→b) fails the
// monotonicity property below within a few hundred runs.
const relationship = fc.constantFrom(UPGRADE, UPGRADE, UPGRADE, NO_UPGRADE, NOT_SURE);
const rowsOf = (maxLength: number) =>
  fc.array(fc.tuple(fc.nat(9), fc.nat(CARDS - 1), fc.nat(CARDS - 1), fc.nat(CONTEXTS - 1), relationship), { maxLength });
const rows = rowsOf(80);
const settings = fc.record({
  credibleMass: fc.constantFrom(0.2, 0.5, 0.8, 0.95),
  pooling: fc.constantFrom(0, 0.5, 2, 10),
  prior: fc.constantFrom({ alpha: 1, beta: 1 }, { alpha: 0.5, beta: 0.5 }, { alpha: 2, beta: 3 }),
});
const added = fc.record({
  p: fc.nat(9),
  a: fc.nat(CARDS - 1),
  b: fc.nat(CARDS - 1),
  c: fc.nat(CONTEXTS - 1),
  reversing: fc.option(fc.nat(), { freq: 2 }),
});
const tableOf = (r: readonly VoteRow[]) =>
  createVoteTable(r, { cards: CARDS, contexts: CONTEXTS, participants: 10 });
const sumOf = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0);

describe("scorePageRank properties", () => {
  it("gives every context and the overall ranking non-negative scores over all cards that sum to 1", () => {
    fc.assert(
      fc.property(rows, settings, (r, options) => {
        const g = scorePageRank(tableOf(r), options);
        for (const ctx of [...g.contexts, g.overall]) {
          expect(ctx.byCard).toHaveLength(CARDS);
          for (const s of ctx.byCard) expect(s).toBeGreaterThanOrEqual(0);
          expect(Math.abs(sumOf(ctx.byCard) - 1)).toBeLessThan(1e-12);
        }
        expect(Math.abs(sumOf(g.overall.score) - 1)).toBeLessThan(1e-12);
        for (const ctx of g.contexts) {
          const listed = sumOf(ctx.score) + (CARDS - ctx.cards.length) * ctx.baseline;
          expect(Math.abs(listed - 1)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 300 },
    );
  });

  // An upgrade on a→b only raises the Beta parameters' first and lowers their second for edges
  // a→b (per context and pooled), so it can only add an edge a→b or raise its weight: row a of
  // the transition matrix moves mass towards b and no other row changes. Over a fixed node set,
  // that never lowers b's stationary probability, whatever the graph (every expected hitting
  // time of b weakly falls; Chien, Dwork, Kumar, Simon & Sivakumar, "Link Evolution: Analysis
  // and Algorithms", Internet Mathematics 1(3), 2004). docs/decisions/0002-polyphony-scoring.md.
  it("never lowers b's score in c or overall when an upgrade on a→b in c is added", () => {
    fc.assert(
      fc.property(rowsOf(20), settings, added, (r, options, vote) => {
        const row = vote.reversing !== null && r.length > 0 ? r[vote.reversing % r.length]! : undefined;
        // Half the time the new vote runs against a judged pair, where a wrong rule would show.
        const [a, b, c] = row ? [row[2], row[1], row[3]] : [vote.a, vote.b, vote.c];
        const before = scorePageRank(tableOf(r), options);
        const after = scorePageRank(tableOf([...r, [vote.p, a, b, c, UPGRADE]]), options);
        expect(after.contexts[c]!.byCard[b]).toBeGreaterThanOrEqual(before.contexts[c]!.byCard[b]! - 1e-12);
        expect(after.overall.byCard[b]).toBeGreaterThanOrEqual(before.overall.byCard[b]! - 1e-12);
      }),
      { numRuns: 1000 },
    );
  });

  it("raises b's score where an upgrade used to unseat a kept b→a edge", () => {
    // b→a→d→b is a cycle of kept edges (4 upgrades each: Beta(5, 1), lower quartile
    // 0.25^(1/5) = 0.758) among 21 other cards. This used to lower b from 20/123 to 0.097: an
    // upgrade on a→b counted against b→a, which dropped out. Now b→a keeps its Beta(5, 1); one
    // upgrade makes a→b Beta(2, 1), whose lower quartile 0.25^(1/2) = ½ does not clear ½, and
    // a second makes it Beta(3, 1), kept with weight 0.25^(1/3) next to a→d's 0.25^(1/5).
    const v = (p: string, from: string, to: string, rel: "upgrade" | "no_upgrade"): UpgradeVote => ({
      participant: p,
      from,
      to,
      context: "c",
      relationship: rel,
    });
    const base: UpgradeVote[] = [];
    for (const [from, to] of [["b", "a"], ["a", "d"], ["d", "b"]] as const) {
      for (let i = 0; i < 4; i++) base.push(v(`p${i}`, from, to, "upgrade"));
    }
    for (let k = 0; k < 20; k++) base.push(v("q", `e${k}`, `e${k + 1}`, "no_upgrade"));
    const scoreOfB = (votes: UpgradeVote[]) => {
      const ix = indexVotes(votes, { cards: ["a", "b", "d"] });
      return scorePageRank(ix.table).contexts[0]!.byCard[1]!;
    };
    const once = [...base, v("z1", "a", "b", "upgrade")];
    // The four PageRank equations (a, b, d and one for the 21 dangling cards) with a's rank split
    // in the ratio 0.25^(1/3) : 0.25^(1/5), solved by numpy.linalg.solve (NumPy 1.24.2).
    expect(scoreOfB(base)).toBeCloseTo(20 / 123, 11);
    expect(scoreOfB(once)).toBeGreaterThanOrEqual(20 / 123 - 1e-12);
    expect(scoreOfB([...once, v("z2", "a", "b", "upgrade")])).toBeCloseTo(0.19055258214742682, 11);
  });

  it("keeps an edge exactly when it has counted votes and its lower bound clears the threshold, and fewer as it rises", () => {
    fc.assert(
      fc.property(rows, fc.double({ min: 0, max: 0.95, noNaN: true }), (r, t) => {
        const table = tableOf(r);
        const low = scorePageRank(table, { threshold: t });
        const high = scorePageRank(table, { threshold: t + 0.05 });
        for (let e = 0; e < low.edges.count; e++) {
          const judged = low.edges.support[e]! + low.edges.against[e]! > 0;
          expect(low.edges.kept[e]).toBe(judged && low.edges.lower[e]! > t ? 1 : 0);
          expect(low.edges.lower[e]).toBeLessThanOrEqual(low.edges.mean[e]!);
          expect(low.edges.mean[e]).toBeLessThanOrEqual(low.edges.upper[e]!);
          if (high.edges.kept[e]) expect(low.edges.kept[e]).toBe(1);
        }
      }),
    );
  });

  it("bootstraps reproducibly from its seed", () => {
    fc.assert(
      fc.property(rows, fc.integer(), (r, seed) => {
        const table = tableOf(r);
        const one = scorePageRank(table, { bootstrap: { samples: 20, seed } });
        const two = scorePageRank(table, { bootstrap: { samples: 20, seed } });
        one.contexts.forEach((ctx, c) => {
          expect(ctx.scoreLow).toEqual(two.contexts[c]!.scoreLow);
          for (let k = 0; k < ctx.cards.length; k++) {
            expect(ctx.scoreLow![k]).toBeGreaterThanOrEqual(0);
            expect(ctx.scoreLow![k]).toBeLessThanOrEqual(ctx.scoreHigh![k]!);
            expect(ctx.scoreHigh![k]).toBeLessThanOrEqual(1);
          }
        });
      }),
      { numRuns: 50 },
    );
  });
});
