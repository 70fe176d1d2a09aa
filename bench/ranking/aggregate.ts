import { choicesOf } from "../../src/kinds/scenarios/core/choices.ts";
import { countPairwise, type Election } from "../../src/kinds/scenarios/core/election.ts";
import { fitPlackettLuce, PLACKETT_LUCE_DEFAULTS } from "../../src/kinds/scenarios/core/plackett-luce.ts";
import { rankedPairs } from "../../src/kinds/scenarios/core/ranked-pairs.ts";

export interface Aggregated {
  /** Ranked-pairs rank of each behaviour, scenario by scenario. */
  readonly rank: Int32Array;
  /** Plackett–Luce centred log-worth of each behaviour (NaN where no ranking places it). */
  readonly score: Float64Array;
  readonly iterations: number;
}

/** Ranked pairs and Plackett–Luce for every scenario, as the kind's results run them. */
export function aggregateAll(tiers: Int32Array, scenarios: number, behaviours: number, rankings: number): Aggregated {
  const rank = new Int32Array(scenarios * behaviours);
  const score = new Float64Array(scenarios * behaviours);
  const wins = new Int32Array(behaviours * behaviours);
  const size = rankings * behaviours;
  let iterations = 0;
  for (let s = 0; s < scenarios; s++) {
    const election: Election = { items: behaviours, ballots: rankings, tiers: tiers.subarray(s * size, (s + 1) * size) };
    rank.set(rankedPairs(election, countPairwise(election, wins)).rank, s * behaviours);
    const fit = fitPlackettLuce(choicesOf(election), PLACKETT_LUCE_DEFAULTS);
    score.set(fit.score, s * behaviours);
    iterations += fit.iterations;
  }
  return { rank, score, iterations };
}
