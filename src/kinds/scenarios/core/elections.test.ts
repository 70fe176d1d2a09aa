import { describe, expect, it } from "vitest";
import { electionOf } from "./election.ts";
import { rankedPairs } from "./ranked-pairs.ts";
import { schulze } from "./schulze.ts";
import { aggregateScenario } from "./scenario.ts";

// Hand-worked elections; items are A = 0, B = 1, C = 2, D = 3.
const repeat = <T>(times: number, ballot: T): T[] => Array.from({ length: times }, () => ballot);

describe("a Condorcet cycle", () => {
  // 4 × A>B>C, 3 × B>C>A, 2 × C>A>B: A beats B 6–3, B beats C 7–2, C beats A 5–4.
  const election = electionOf(3, [...repeat(4, [[0], [1], [2]]), ...repeat(3, [[1], [2], [0]]), ...repeat(2, [[2], [0], [1]])]);

  it("ranked pairs locks B>C (7) and A>B (6), and drops C>A (5), which closes the cycle", () => {
    expect([...rankedPairs(election).order]).toEqual([0, 1, 2]);
    expect([...rankedPairs(election).rank]).toEqual([0, 1, 2]);
  });

  it("Schulze: p[A,C] = min(6, 7) = 6 beats p[C,A] = 5; p[B,A] = min(7, 5) = 5 loses to 6", () => {
    expect([...schulze(election).rank]).toEqual([0, 1, 2]);
  });
});

describe("where ranked pairs and Schulze part", () => {
  // 3 × ABCD, 3 × DABC, 3 × CDAB, 1 × BCDA: A>B 9–1; B>C, C>D and D>A each 7–3; A>C 6–4; D>B 6–4.
  const election = electionOf(4, [
    ...repeat(3, [[0], [1], [2], [3]]),
    ...repeat(3, [[3], [0], [1], [2]]),
    ...repeat(3, [[2], [3], [0], [1]]),
    ...repeat(1, [[1], [2], [3], [0]]),
  ]);

  it("ranked pairs locks A>B, then of the three 7–3 pairs B>C and C>D by the index tie-break, and drops D>A", () => {
    expect([...rankedPairs(election).order]).toEqual([0, 1, 2, 3]);
    expect([...rankedPairs(election).rank]).toEqual([0, 1, 2, 3]);
  });

  it("Schulze: every path strength is 7 but p[A,B] = 9 > p[B,A] = 7, so A>B is its only order", () => {
    const { above, rank } = schulze(election);
    expect([...rank]).toEqual([0, 1, 0, 0]);
    expect([...above].reduce((a, b) => a + b, 0)).toBe(1);
    expect(above[0 * 4 + 1]).toBe(1);
  });
});

describe("ties", () => {
  it("two ballots that tie A and B above C leave A and B tied in both consensus orders", () => {
    const election = electionOf(3, repeat(2, [[0, 1], [2]]));
    expect([...rankedPairs(election).rank]).toEqual([0, 0, 2]);
    expect([...schulze(election).rank]).toEqual([0, 0, 2]);
  });

  it("an even split has no majority: nothing is locked and every item shares first place", () => {
    const election = electionOf(2, [[[0], [1]], [[1], [0]]]);
    expect([...rankedPairs(election).rank]).toEqual([0, 0]);
    expect([...schulze(election).rank]).toEqual([0, 0]);
  });
});

describe("partial rankings", () => {
  it("A>B from one ranker and B>C from another chain to A>B>C; neither says anything of A and C directly", () => {
    const election = electionOf(3, [[[0], [1]], [[1], [2]]]);
    expect([...rankedPairs(election).rank]).toEqual([0, 1, 2]);
    expect([...schulze(election).rank]).toEqual([0, 1, 2]);
  });

  it("an item no ballot ranks has no score", () => {
    const result = aggregateScenario(3, [{ tiers: [[0], [1]], acceptable: null }], { samples: 20, seed: 1 });
    expect(Number.isNaN(result.score[2])).toBe(true);
    expect(result.score[0]).toBeGreaterThan(result.score[1]!);
  });
});

describe("a single ranker", () => {
  const result = aggregateScenario(3, [{ tiers: [[2], [0], [1]], acceptable: null }], { samples: 20, seed: 1 });

  it("is the consensus", () => {
    expect([...result.rankedPairs.order]).toEqual([2, 0, 1]);
    expect([...result.schulze.order]).toEqual([2, 0, 1]);
  });

  it("has no agreement to measure and no one to be compared with", () => {
    expect(Number.isNaN(result.kendallW)).toBe(true);
    expect(Number.isNaN(result.alpha)).toBe(true);
    expect(Number.isNaN(result.leaveOneOut[0])).toBe(true);
  });
});

describe("none is acceptable", () => {
  // Two rankers find nothing acceptable (A>B all the same); one finds A acceptable and B not.
  const ballots = [
    { tiers: [[0], [1]], acceptable: 0 },
    { tiers: [[0], [1]], acceptable: 0 },
    { tiers: [[0], [1]], acceptable: 1 },
  ];
  const result = aggregateScenario(2, ballots, { samples: 50, seed: 7 });

  it("puts the bar (item 2) first: the bar beats A 2–1 and B 3–0", () => {
    expect(result.items).toBe(3);
    expect([...result.rankedPairs.order]).toEqual([2, 0, 1]);
    expect(result.acceptable).toEqual([]);
    expect(result.noneAcceptable).toBe(2);
  });

  it("still orders the behaviours among themselves", () => {
    expect(result.score[0]).toBeGreaterThan(result.score[1]!);
    expect(result.kendallW).toBe(1);
  });

  it("with the majority finding A acceptable, A alone is above the bar", () => {
    const flipped = aggregateScenario(2, [ballots[0]!, ballots[2]!, ballots[2]!], { samples: 20, seed: 7 });
    expect(flipped.acceptable).toEqual([0]);
  });

  it("a ballot of only 'none is acceptable', with no order, ties the behaviours below the bar", () => {
    const only = aggregateScenario(2, [{ tiers: [[0, 1]], acceptable: 0 }, { tiers: [[0, 1]], acceptable: 0 }], { samples: 20, seed: 7 });
    expect([...only.rankedPairs.rank]).toEqual([1, 1, 0]);
    expect(only.acceptable).toEqual([]);
  });

  it("without any ballot placing the bar, there is no bar and no acceptable set", () => {
    const none = aggregateScenario(2, [{ tiers: [[0], [1]], acceptable: null }], { samples: 20, seed: 7 });
    expect(none.items).toBe(2);
    expect(none.acceptable).toBeNull();
  });
});
