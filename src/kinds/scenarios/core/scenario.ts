import { choicesOf } from "./choices.ts";
import { countPairwise, UNRANKED, type Election } from "./election.ts";
import { kendallW, krippendorffOrdinal } from "./agreement.ts";
import { bootstrapPlackettLuce } from "./pl-bootstrap.ts";
import { fitPlackettLuce, PLACKETT_LUCE_DEFAULTS } from "./plackett-luce.ts";
import { rankedPairs, type Consensus } from "./ranked-pairs.ts";
import { goldAccuracy, leaveOneOutAgreement } from "./raters.ts";
import { schulze } from "./schulze.ts";

/**
 * One ranker's ballot on a scenario's behaviours (indices 0..n−1): tiers best first, ties within
 * a tier, behaviours left out unranked. `acceptable` is how many leading tiers the ranker finds
 * acceptable (0: none is acceptable), or null when they did not say.
 */
export interface ScenarioBallot {
  readonly tiers: readonly (readonly number[])[];
  readonly acceptable: number | null;
}

export interface ScenarioOptions {
  readonly samples: number;
  readonly seed: number;
}

export interface ScenarioAggregate {
  /** Over the behaviours and, at index n, the acceptability bar when some ballot placed it. */
  readonly items: number;
  readonly rankedPairs: Consensus;
  readonly schulze: Consensus;
  readonly score: Float64Array;
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** Kendall's W and Krippendorff's ordinal α over the behaviours (the bar left out). */
  readonly kendallW: number;
  readonly alpha: number;
  /** Per ballot, τ-b with the others' consensus, and with the gold order when one is given. */
  readonly leaveOneOut: Float64Array;
  readonly gold: Float64Array;
  /**
   * Behaviours the ranked-pairs consensus puts above the bar, best first; null when no ballot
   * placed the bar.
   */
  readonly acceptable: number[] | null;
  readonly noneAcceptable: number;
}

/**
 * Encodes ballots as an election over n behaviours plus the acceptability bar (item n): a ballot
 * that says which tiers are acceptable ranks the bar just below them, so "none is acceptable"
 * ranks the bar first; a ballot that does not say leaves the bar unranked.
 */
export function scenarioElection(behaviours: number, ballots: readonly ScenarioBallot[]): Election {
  const withBar = ballots.some((b) => b.acceptable !== null);
  const items = behaviours + (withBar ? 1 : 0);
  const tiers = new Int32Array(items * ballots.length).fill(UNRANKED);
  ballots.forEach((ballot, b) => {
    ballot.tiers.forEach((tier, t) => {
      const shifted = ballot.acceptable !== null && t >= ballot.acceptable ? t + 1 : t;
      for (const i of tier) tiers[b * items + i] = shifted;
    });
    if (ballot.acceptable !== null) tiers[b * items + behaviours] = Math.min(ballot.acceptable, ballot.tiers.length);
  });
  return { items, ballots: ballots.length, tiers };
}

/** Everything the results report for one scenario; `gold` is the gold order's tier per behaviour (−1 unplaced). */
export function aggregateScenario(
  behaviours: number,
  ballots: readonly ScenarioBallot[],
  options: ScenarioOptions,
  gold?: ArrayLike<number>,
): ScenarioAggregate {
  const election = scenarioElection(behaviours, ballots);
  const wins = countPairwise(election);
  const pairs = rankedPairs(election, wins);
  const choices = choicesOf(election);
  const fit = fitPlackettLuce(choices, PLACKETT_LUCE_DEFAULTS);
  const intervals = bootstrapPlackettLuce(choices, fit, options);
  const bar = election.items > behaviours ? behaviours : -1;
  const acceptable = bar < 0 ? null : [...pairs.order].filter((i) => pairs.above[i * election.items + bar] === 1);
  const goldScores = new Float64Array(ballots.length).fill(NaN);
  if (gold) for (let b = 0; b < ballots.length; b++) goldScores[b] = goldAccuracy(election, b, gold, behaviours);
  return {
    items: election.items,
    rankedPairs: pairs,
    schulze: schulze(election, wins),
    score: fit.score,
    low: intervals.low,
    high: intervals.high,
    kendallW: kendallW(election, behaviours),
    alpha: krippendorffOrdinal(election, behaviours),
    leaveOneOut: leaveOneOutAgreement(election, behaviours),
    gold: goldScores,
    acceptable,
    noneAcceptable: ballots.filter((b) => b.acceptable === 0).length,
  };
}
