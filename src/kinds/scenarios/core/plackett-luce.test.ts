import { describe, expect, it } from "vitest";
import { choicesOf } from "./choices.ts";
import { electionOf } from "./election.ts";
import { bootstrapPlackettLuce } from "./pl-bootstrap.ts";
import { fitPlackettLuce, PLACKETT_LUCE_DEFAULTS } from "./plackett-luce.ts";

const repeat = <T>(times: number, ballot: T): T[] => Array.from({ length: times }, () => ballot);
// A weaker prior than the default. Two items share every choice set, so at the mode
// α_i (b + e) = a − 1 + w_i with the same exposure e: the ratio is (a − 1 + w_A)/(a − 1 + w_B).
const weak = { ...PLACKETT_LUCE_DEFAULTS, shape: 1.5, rate: 1 };

describe("fitPlackettLuce", () => {
  it("two items, A>B three times and B>A once, a = 1.5: the mode is at α_A/α_B = 3.5/1.5", () => {
    const choices = choicesOf(electionOf(2, [...repeat(3, [[0], [1]]), [[1], [0]]]));
    const fit = fitPlackettLuce(choices, weak);
    expect(fit.score[0]! - fit.score[1]!).toBeCloseTo(Math.log(3.5 / 1.5), 10);
    expect(fit.score[0]! + fit.score[1]!).toBeCloseTo(0, 12);
  });

  it("the Gamma(2, 1) prior adds one win each: the posterior mode is at (3 + 1)/(1 + 1) = 2", () => {
    // α_A = (1 + 3) / (1 + 4/D), α_B = (1 + 1) / (1 + 4/D): the same denominator, so the ratio is 2.
    const fit = fitPlackettLuce(choicesOf(electionOf(2, [...repeat(3, [[0], [1]]), [[1], [0]]])));
    expect(fit.score[0]! - fit.score[1]!).toBeCloseTo(Math.log(2), 8);
  });

  it("stays finite when one item always wins", () => {
    const fit = fitPlackettLuce(choicesOf(electionOf(3, repeat(5, [[0], [1], [2]]))));
    expect(Number.isFinite(fit.score[0])).toBe(true);
    expect(fit.score[0]).toBeGreaterThan(fit.score[1]!);
    expect(fit.score[1]).toBeGreaterThan(fit.score[2]!);
  });

  it("a tie is evidence of closeness: A>B, B>A and A=B score A and B equal", () => {
    const fit = fitPlackettLuce(choicesOf(electionOf(2, [[[0], [1]], [[1], [0]], [[0, 1]]])), weak);
    expect(fit.score[0]).toBeCloseTo(0, 10);
  });

  it("Breslow's tie: A=B above C, C against A=B decided by the tied pair's two choices from {A, B, C}", () => {
    // Ballot 1: {A, B} chosen from {A, B, C} (each with α/(α_A+α_B+α_C)), then C alone (skipped).
    // Ballot 2: C>A>B. By symmetry of A and B in ballot 1 and the MM fixed point, A ≥ B.
    const fit = fitPlackettLuce(choicesOf(electionOf(3, [[[0, 1], [2]], [[2], [0], [1]]])), weak);
    expect(fit.score[0]).toBeGreaterThan(fit.score[1]!);
  });
});

describe("bootstrapPlackettLuce", () => {
  it("brackets each score, and is reproducible from its seed", () => {
    const choices = choicesOf(electionOf(3, [...repeat(4, [[0], [1], [2]]), [[1], [0], [2]], [[2], [1], [0]]]));
    const fit = fitPlackettLuce(choices);
    const a = bootstrapPlackettLuce(choices, fit, { samples: 200, seed: 3 });
    const b = bootstrapPlackettLuce(choices, fit, { samples: 200, seed: 3 });
    for (let i = 0; i < 3; i++) {
      expect(a.low[i]).toBeLessThanOrEqual(fit.score[i]! + 1e-9);
      expect(a.high[i]).toBeGreaterThanOrEqual(fit.score[i]! - 1e-9);
      expect(a.high[i]! - a.low[i]!).toBeGreaterThan(0);
    }
    expect([...a.low]).toEqual([...b.low]);
  });
});
