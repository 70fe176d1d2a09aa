import { describe, expect, it } from "vitest";
import { kendallW, krippendorffOrdinalValues } from "./agreement.ts";
import { electionOf } from "./election.ts";
import { goldAccuracy, kendallTauB, leaveOneOutAgreement } from "./raters.ts";

describe("krippendorffOrdinalValues", () => {
  // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", example C: four observers,
  // twelve units, values 1–5 with missing data; the paper gives ordinal α = 0.815.
  const _ = NaN;
  const data = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  it("reproduces the paper's ordinal α of example C", () => {
    expect(krippendorffOrdinalValues(Float64Array.from(data.flat()), 4, 12)).toBeCloseTo(0.815, 3);
  });

  it("is 1 for perfect agreement and NaN when no value varies", () => {
    expect(krippendorffOrdinalValues(Float64Array.from([1, 2, 3, 1, 2, 3]), 2, 3)).toBe(1);
    expect(Number.isNaN(krippendorffOrdinalValues(Float64Array.from([1, 1, 1, 1]), 2, 2))).toBe(true);
  });
});

describe("kendallW", () => {
  it("is 1 for identical rankings and 0 for two opposite ones (rank sums 4, 4, 4)", () => {
    expect(kendallW(electionOf(3, [[[0], [1], [2]], [[0], [1], [2]], [[0], [1], [2]]]))).toBe(1);
    expect(kendallW(electionOf(3, [[[0], [1], [2]], [[2], [1], [0]]]))).toBe(0);
  });

  it("corrects for ties: two rankers tying A and B above C agree perfectly (S = 4.5, 12S/(4·24 − 2·2·6) = 1)", () => {
    expect(kendallW(electionOf(3, [[[0, 1], [2]], [[0, 1], [2]]]))).toBeCloseTo(1, 12);
  });
});

describe("raters", () => {
  const election = electionOf(3, [[[0], [1], [2]], [[0], [1], [2]], [[0], [1], [2]], [[2], [1], [0]]]);

  it("the dissenting ranker has τ = −1 with everyone else's consensus; the others τ = 1", () => {
    expect([...leaveOneOutAgreement(election)]).toEqual([1, 1, 1, -1]);
  });

  it("τ-b of a ranking with itself is 1 and with its reverse −1", () => {
    expect(kendallTauB(election, 0, [0, 1, 2])).toBe(1);
    expect(kendallTauB(election, 3, [0, 1, 2])).toBe(-1);
  });

  it("gold accuracy counts a kept pair 1, a tie ½, a reversal 0", () => {
    const ties = electionOf(3, [[[0, 1], [2]]]);
    // Gold A>B>C: pairs AB (tie ½), AC (1), BC (1) → 2.5 / 3.
    expect(goldAccuracy(ties, 0, [0, 1, 2])).toBeCloseTo(2.5 / 3, 12);
    expect(goldAccuracy(election, 3, [0, 1, 2])).toBe(0);
    expect(Number.isNaN(goldAccuracy(ties, 0, [0, 0, -1]))).toBe(true);
  });
});
