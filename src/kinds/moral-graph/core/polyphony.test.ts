import { describe, expect, it } from "vitest";
import { PolyphonyError } from "../../../core/errors.ts";
import { layOutContexts } from "./context-layout.ts";
import { countEdges } from "./edge-counts.ts";
import { measureCurvature, slotOffset } from "./hbt-fit.ts";
import { createComparisonRows } from "./hbt-rows.ts";
import { indexVotes } from "./index-votes.ts";
import { scorePolyphony } from "./polyphony.ts";
import type { Relationship, UpgradeVote } from "./types.ts";

const vote = (participant: string, from: string, to: string, relationship: Relationship, context: string): UpgradeVote => ({
  participant,
  from,
  to,
  context,
  relationship,
});

// Context x: A→B 4 upgrades, 1 no-upgrade; B→C 2 upgrades, 1 no-upgrade, 1 not-sure; C→B one of
// each. Context y: B→A 3 upgrades, 1 no-upgrade (y disagrees with x about A and B); C→B 2
// upgrades; D→C one of each and C→D one no-upgrade. D is judged in y only.
const votes: UpgradeVote[] = [
  ...["p0", "p1", "p2", "p3"].map((p) => vote(p, "A", "B", "upgrade", "x")),
  vote("p4", "A", "B", "no_upgrade", "x"),
  vote("p0", "B", "C", "upgrade", "x"),
  vote("p1", "B", "C", "upgrade", "x"),
  vote("p2", "B", "C", "no_upgrade", "x"),
  vote("p3", "B", "C", "not_sure", "x"),
  vote("p4", "C", "B", "no_upgrade", "x"),
  vote("p5", "C", "B", "upgrade", "x"),
  ...["p0", "p1", "p2"].map((p) => vote(p, "B", "A", "upgrade", "y")),
  vote("p3", "B", "A", "no_upgrade", "y"),
  ...["p4", "p5"].map((p) => vote(p, "C", "B", "upgrade", "y")),
  vote("p0", "D", "C", "upgrade", "y"),
  vote("p1", "D", "C", "no_upgrade", "y"),
  vote("p2", "C", "D", "no_upgrade", "y"),
];
const indexed = indexVotes(votes, { cards: ["A", "B", "C", "D"], contexts: ["x", "y"] });
const [X, Y] = [0, 1];

describe("scorePolyphony at a given τ", () => {
  const graph = scorePolyphony(indexed.table, { tau: 0.5, tolerance: 1e-12 });

  // Known answer: `python3 bench/moral-graph/hbt_reference.py rows.json 1e-9` (scipy 1.17.1 L-BFGS-B, its own
  // numpy transcription of the objective) on these votes' rows with τ = 0.5 and prior sd 10.
  it("finds the mode scipy finds", () => {
    const mu = [0.17758967900599043, 0.3423020634630016, 0.05978626145537532, -0.5796779699684665];
    const thetaX = [0.07183637228625125, 0.32402432869525954, 0.18381730675745603];
    const thetaY = [0.2837869620253463, 0.3614355628902755, -0.06409532374522951, -0.5811271572355385];
    mu.forEach((m, i) => expect(Math.abs(graph.overall.byCard[i]! - m)).toBeLessThan(1e-7));
    thetaX.forEach((t, i) => expect(Math.abs(graph.contexts[X]!.byCard[i]! - t)).toBeLessThan(1e-7));
    thetaY.forEach((t, i) => expect(Math.abs(graph.contexts[Y]!.byCard[i]! - t)).toBeLessThan(1e-7));
    expect(Math.abs(graph.model.delta - 0.6695561982047803)).toBeLessThan(1e-7);
    expect(graph.model).toMatchObject({ tau: 0.5, tauChosen: false, converged: true });
  });

  it("lists each context's judged cards best first; an unjudged card holds its overall μ", () => {
    expect(Array.from(graph.contexts[X]!.cards, (c) => indexed.cardIds[c])).toEqual(["B", "C", "A"]);
    expect(Array.from(graph.contexts[Y]!.cards, (c) => indexed.cardIds[c])).toEqual(["B", "A", "C", "D"]);
    expect(graph.contexts[X]!.byCard[3]).toBe(graph.overall.byCard[3]);
    expect(Array.from(graph.overall.cards, (c) => indexed.cardIds[c])).toEqual(["B", "A", "C", "D"]);
  });

  it("counts not-sure votes and leaves them out of the evidence", () => {
    expect(graph.notSureVotes).toBe(1);
    expect(graph.countedVotes).toBe(votes.length - 1);
    expect(graph.contexts[X]!.notSure).toBe(1);
  });
});

describe("scorePolyphony with τ from the votes", () => {
  const graph = scorePolyphony(indexed.table);

  // At the chosen τ, the update τ² = (Σ û² + Σ 1/H_uu) / (number of u) returns τ itself.
  it("stops at a fixed point of the variance update", () => {
    const counts = countEdges(indexed.table, undefined, 0);
    const layout = layOutContexts(counts, indexed.table.cardCount, indexed.table.contextCount);
    const rows = createComparisonRows(counts, layout);
    const { tau } = graph.model;
    const x = new Float64Array(rows.cardCount + rows.slotCount + 1);
    x.set(graph.overall.byCard);
    for (let k = 0; k < rows.slotCount; k++) {
      const c = layout.cardStart[1]! <= k ? Y : X;
      x[slotOffset(rows) + k] = graph.contexts[c]!.byCard[layout.cards[k]!]!;
    }
    x[x.length - 1] = graph.model.delta;
    const h = measureCurvature(rows, { tau, priorScale: 10 }, x, new Float64Array(x.length));
    let sum = 0;
    for (let k = 0; k < rows.slotCount; k++) {
      sum += (x[slotOffset(rows) + k]! - x[layout.cards[k]!]!) ** 2 + 1 / h[slotOffset(rows) + k]!;
    }
    expect(graph.model.tauChosen).toBe(true);
    expect(Math.abs(Math.log(Math.sqrt(sum / rows.slotCount) / tau))).toBeLessThan(1e-3);
  });

  it("puts a bootstrap band around every score", () => {
    const banded = scorePolyphony(indexed.table, { bootstrap: { samples: 50, seed: 1 } });
    for (const ctx of [...banded.contexts, banded.overall]) {
      expect(ctx.scoreLow).toHaveLength(ctx.cards.length);
      ctx.cards.forEach((_, k) => expect(ctx.scoreLow![k]!).toBeLessThanOrEqual(ctx.scoreHigh![k]!));
    }
    expect(banded.overall.score).toEqual(graph.overall.score);
  });
});

describe("scorePolyphony options", () => {
  it("rejects a τ or prior scale that is not positive, naming it", () => {
    expect(() => scorePolyphony(indexed.table, { tau: 0 })).toThrow(PolyphonyError);
    expect(() => scorePolyphony(indexed.table, { priorScale: -1 })).toThrow(/priorScale/);
    expect(() => scorePolyphony(indexed.table, { credibleMass: 1 })).toThrow(/credibleMass/);
  });
});
