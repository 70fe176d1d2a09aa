import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kendallW, krippendorffOrdinal } from "./agreement.ts";
import { choicesOf } from "./choices.ts";
import { electionOf } from "./election.ts";
import { fitPlackettLuce } from "./plackett-luce.ts";
import { rankedPairs } from "./ranked-pairs.ts";
import { schulze } from "./schulze.ts";

const ITEMS = 5;
type Ballot = number[][];

/** A weak order over all items: a permutation cut into tiers. */
const weakOrder = (items: number) =>
  fc.tuple(fc.shuffledSubarray([...Array(items).keys()], { minLength: items, maxLength: items }), fc.array(fc.boolean(), { minLength: items, maxLength: items })).map(([perm, cuts]) => {
    const tiers: Ballot = [];
    perm.forEach((item, k) => (k === 0 || cuts[k] ? tiers.push([item]) : tiers[tiers.length - 1]!.push(item)));
    return tiers;
  });
const strictOrder = (items: number) => fc.shuffledSubarray([...Array(items).keys()], { minLength: items, maxLength: items }).map((p) => p.map((i) => [i]));
/** A partial ranking: a weak order over a random subset of the items. */
const partialOrder = (items: number) => weakOrder(items).chain((tiers) => fc.integer({ min: 0, max: tiers.length }).map((keep) => tiers.slice(0, Math.max(1, keep))));

const rankOf = (ballot: Ballot) => {
  const rank = new Array<number>(ITEMS).fill(0);
  let above = 0;
  for (const tier of ballot) {
    for (const i of tier) rank[i] = above;
    above += tier.length;
  }
  return rank;
};

describe("consensus properties", () => {
  it("a unanimous ranking, ties included, is the consensus of ranked pairs and Schulze", () => {
    fc.assert(
      fc.property(weakOrder(ITEMS), fc.integer({ min: 1, max: 6 }), (ballot, copies) => {
        const election = electionOf(ITEMS, Array.from({ length: copies }, () => ballot));
        expect([...rankedPairs(election).rank]).toEqual(rankOf(ballot));
        expect([...schulze(election).rank]).toEqual(rankOf(ballot));
      }),
      { numRuns: 300 },
    );
  });

  it("a unanimous ranking orders the Plackett–Luce scores the same way, tied items scoring alike", () => {
    fc.assert(
      fc.property(weakOrder(ITEMS), fc.integer({ min: 1, max: 6 }), (ballot, copies) => {
        const { score } = fitPlackettLuce(choicesOf(electionOf(ITEMS, Array.from({ length: copies }, () => ballot))));
        const rank = rankOf(ballot);
        for (let i = 0; i < ITEMS; i++) {
          for (let j = 0; j < ITEMS; j++) {
            if (rank[i]! < rank[j]!) expect(score[i]).toBeGreaterThan(score[j]!);
            if (rank[i] === rank[j]) expect(Math.abs(score[i]! - score[j]!)).toBeLessThan(1e-6);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("Plackett–Luce scores do not depend on the order rankings arrive in, partial rankings and ties included", () => {
    fc.assert(
      fc.property(fc.array(partialOrder(ITEMS), { minLength: 1, maxLength: 8 }).chain((b) => fc.tuple(fc.constant(b), fc.shuffledSubarray(b, { minLength: b.length, maxLength: b.length }))), ([ballots, shuffled]) => {
        const a = fitPlackettLuce(choicesOf(electionOf(ITEMS, ballots))).score;
        const b = fitPlackettLuce(choicesOf(electionOf(ITEMS, shuffled))).score;
        for (let i = 0; i < ITEMS; i++) {
          if (Number.isNaN(a[i])) expect(Number.isNaN(b[i])).toBe(true);
          else expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-7);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("agreement properties", () => {
  // A ranker who agrees with the consensus: their ranking is the ranked-pairs order of the others.
  const withAgreeingRanker = (ballots: Ballot[]) => {
    const order = rankedPairs(electionOf(ITEMS, ballots)).order;
    return [...ballots, [...order].map((i) => [i])];
  };

  it("adding a ranker who agrees with the consensus never lowers Kendall's W", () => {
    fc.assert(
      fc.property(fc.array(strictOrder(ITEMS), { minLength: 2, maxLength: 7 }), (ballots) => {
        const before = kendallW(electionOf(ITEMS, ballots));
        const after = kendallW(electionOf(ITEMS, withAgreeingRanker(ballots)));
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it("adding a ranker who agrees with the consensus never lowers Krippendorff's ordinal α", () => {
    fc.assert(
      fc.property(fc.array(strictOrder(ITEMS), { minLength: 2, maxLength: 7 }), (ballots) => {
        const before = krippendorffOrdinal(electionOf(ITEMS, ballots));
        const after = krippendorffOrdinal(electionOf(ITEMS, withAgreeingRanker(ballots)));
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      }),
      { numRuns: 500 },
    );
  });
});
