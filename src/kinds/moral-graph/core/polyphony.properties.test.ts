import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scorePolyphony } from "./polyphony.ts";
import { NO_UPGRADE, NOT_SURE, UPGRADE } from "./types.ts";
import { createVoteTable, type VoteRow } from "./vote-rows.ts";

const CARDS = 4;
const CONTEXTS = 2;
const relationship = fc.constantFrom(UPGRADE, UPGRADE, NO_UPGRADE, NOT_SURE);
const rows = fc.array(fc.tuple(fc.nat(9), fc.nat(CARDS - 1), fc.nat(CARDS - 1), fc.nat(CONTEXTS - 1), relationship), { maxLength: 60 });
const added = fc.record({ p: fc.nat(9), a: fc.nat(CARDS - 1), b: fc.nat(CARDS - 1), c: fc.nat(CONTEXTS - 1) }).filter(({ a, b }) => a !== b);
const tableOf = (r: readonly VoteRow[]) => createVoteTable(r, { cards: CARDS, contexts: CONTEXTS, participants: 10 });
// The solver stops at a Newton step below 1e-12; differences below this are round-off.
const SLACK = 1e-8;

describe("scorePolyphony properties", () => {
  // The mode x* of a strictly convex objective f plus t·(−log σ(vᵀx)) moves with t as
  // dx*/dt = σ(−vᵀx) H⁻¹ v, so vᵀx = δ + θ_cb − θ_ca rises. That the difference θ_cb − θ_ca
  // alone rises too (δ may take part of the new evidence) is what this property checks. It is a
  // property of the fit at a given τ: with τ re-chosen from the votes it can fail by a hair
  // (docs/decisions/0011-hierarchical-bradley-terry.md has a counterexample).
  it("never lowers θ_cb − θ_ca when an upgrade on a→b in c is added, at a given τ", () => {
    fc.assert(
      fc.property(rows, added, fc.constantFrom(0.1, 0.5, 2), (r, { p, a, b, c }, tau) => {
        const before = scorePolyphony(tableOf(r), { tau, tolerance: 1e-12 }).contexts[c]!.byCard;
        const after = scorePolyphony(tableOf([...r, [p, a, b, c, UPGRADE]]), { tau, tolerance: 1e-12 }).contexts[c]!.byCard;
        expect(after[b]! - after[a]!).toBeGreaterThanOrEqual(before[b]! - before[a]! - SLACK);
      }),
      { numRuns: 300 },
    );
  });

  it("changes no score when a not-sure vote is added", () => {
    fc.assert(
      fc.property(rows, added, fc.constantFrom(0.1, 0.5, 2), (r, { p, a, b, c }, tau) => {
        const before = scorePolyphony(tableOf(r), { tau, tolerance: 1e-12 });
        const after = scorePolyphony(tableOf([...r, [p, a, b, c, NOT_SURE]]), { tau, tolerance: 1e-12 });
        for (let k = 0; k < CONTEXTS; k++) {
          before.contexts[k]!.byCard.forEach((s, i) => expect(Math.abs(after.contexts[k]!.byCard[i]! - s)).toBeLessThan(SLACK));
        }
        expect(after.notSureVotes).toBe(before.notSureVotes + 1);
      }),
      { numRuns: 200 },
    );
  });
});
