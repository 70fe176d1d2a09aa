import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexVotes } from "./index-votes.ts";
import { scorePolyphony } from "./polyphony.ts";
import type { PolyphonyGraph } from "./polyphony-types.ts";
import { UPGRADE, type UpgradeVote } from "./types.ts";
import { createVoteTable, type VoteRow } from "./vote-rows.ts";

const CARDS = 6;
const CONTEXTS = 2;
const rows = fc.array(fc.tuple(fc.nat(9), fc.nat(CARDS - 1), fc.nat(CARDS - 1), fc.nat(CONTEXTS - 1), fc.nat(2)), {
  maxLength: 80,
});
const tableOf = (r: readonly VoteRow[]) =>
  createVoteTable(r, { cards: CARDS, contexts: CONTEXTS, participants: 10 });

const scoreIn = (g: PolyphonyGraph, context: number, card: number) => {
  const ctx = g.contexts[context]!;
  const k = ctx.cards.indexOf(card);
  return k < 0 ? 0 : ctx.score[k]!;
};
const keptEdge = (g: PolyphonyGraph, context: number, from: number, to: number) => {
  for (let e = 0; e < g.edges.count; e++) {
    if (g.edges.context[e] === context && g.edges.from[e] === from && g.edges.to[e] === to) return g.edges.kept[e] === 1;
  }
  return false;
};

describe("scorePolyphony properties", () => {
  it("gives each context non-negative scores that sum to 1", () => {
    fc.assert(
      fc.property(rows, (r) => {
        const g = scorePolyphony(tableOf(r));
        for (const ctx of g.contexts) {
          if (ctx.cards.length === 0) continue;
          let sum = 0;
          for (const s of ctx.score) {
            expect(s).toBeGreaterThanOrEqual(0);
            sum += s;
          }
          expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
        }
        if (g.countedVotes > 0) expect(Math.abs(g.overall.score.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-9);
      }),
    );
  });

  // Adding an upgrade on a→b moves a's outgoing rank towards b, which never lowers b's PageRank
  // (a walker that left a for elsewhere now reaches b sooner; Chien et al., "Link Evolution",
  // Internet Mathematics 1(3), 2004). The same vote also counts against b→a: when that edge was
  // kept and drops out, b loses its way back and can fall (see the next test). And when a or b is
  // new to the context, the teleport share 1/n shrinks. Hence the preconditions.
  it("never lowers b's score in c when an upgrade on a→b is added", () => {
    fc.assert(
      fc.property(rows, fc.nat(CARDS - 1), fc.nat(CARDS - 1), fc.nat(CONTEXTS - 1), (r, a, b, c) => {
        fc.pre(a !== b);
        const before = scorePolyphony(tableOf(r));
        const cards = before.contexts[c]!.cards;
        fc.pre(cards.includes(a) && cards.includes(b) && !keptEdge(before, c, b, a));
        const after = scorePolyphony(tableOf([...r, [9, a, b, c, UPGRADE]]));
        expect(scoreIn(after, c, b)).toBeGreaterThanOrEqual(scoreIn(before, c, b) - 1e-10);
      }),
      { numRuns: 300 },
    );
  });

  it("can lower b's score when the upgrade unseats a kept b→a edge", () => {
    // b→a→d→b is a cycle of kept edges (4 upgrades each, lower bound 0.1^(1/5) = 0.63) among
    // 21 other cards. One upgrade on a→b makes b→a Beta(5, 2), whose 10% quantile is below ½:
    // b becomes dangling and its rank spreads over all 24 cards instead of cycling back.
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
      return scoreIn(scorePolyphony(ix.table), 0, 1);
    };
    expect(scoreOfB(base)).toBeCloseTo(0.16260162601, 9);
    expect(scoreOfB([...base, v("z", "a", "b", "upgrade")])).toBeCloseTo(0.09736020437, 9);
  });

  it("keeps an edge exactly when its lower bound clears the threshold, and fewer as it rises", () => {
    fc.assert(
      fc.property(rows, fc.double({ min: 0, max: 0.95, noNaN: true }), (r, t) => {
        const table = tableOf(r);
        const low = scorePolyphony(table, { threshold: t });
        const high = scorePolyphony(table, { threshold: t + 0.05 });
        for (let e = 0; e < low.edges.count; e++) {
          expect(low.edges.kept[e]).toBe(low.edges.lower[e]! > t ? 1 : 0);
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
        const one = scorePolyphony(table, { bootstrap: { samples: 20, seed } });
        const two = scorePolyphony(table, { bootstrap: { samples: 20, seed } });
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
