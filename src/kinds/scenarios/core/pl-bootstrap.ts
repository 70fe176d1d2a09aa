import { createRandom } from "../../../core/stats/prng.ts";
import { summarizeDraws } from "../../../core/stats/quantile.ts";
import type { Choices } from "./choices.ts";
import { fitPlackettLuce, PLACKETT_LUCE_DEFAULTS, type PlackettLuceFit, type PlackettLuceOptions } from "./plackett-luce.ts";

export interface ScoreIntervals {
  /** The 10% and 90% quantiles of each item's centred log-worth over the resamples; NaN where unranked. */
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/**
 * Bootstrap over rankers (Efron & Tibshirani 1993, ch. 6): draws the ballots with replacement,
 * refits Plackett–Luce from the full fit's worths and takes quantiles of each item's score. An
 * item that a resample leaves unranked is scored at the prior's centre (log-worth of its mode)
 * relative to the resample's ranked items, so every draw has a value.
 */
export function bootstrapPlackettLuce(
  choices: Choices,
  fit: PlackettLuceFit,
  { samples, seed }: { readonly samples: number; readonly seed: number },
  options: PlackettLuceOptions = PLACKETT_LUCE_DEFAULTS,
): ScoreIntervals {
  const { items, ballots } = choices;
  const random = createRandom(seed);
  const weight = new Float64Array(ballots);
  const draws = new Float64Array(items * samples);
  for (let s = 0; s < samples; s++) {
    weight.fill(0);
    for (let k = 0; k < ballots; k++) weight[Math.floor(random() * ballots)]!++;
    const draw = fitPlackettLuce(choices, options, weight, fit.worth);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < items; i++) {
      if (Number.isNaN(fit.score[i])) continue;
      sum += Math.log(draw.worth[i]!);
      count++;
    }
    for (let i = 0; i < items; i++) draws[i * samples + s] = Math.log(draw.worth[i]!) - sum / count;
  }
  const { low, high } = summarizeDraws(draws, items, samples);
  for (let i = 0; i < items; i++) {
    if (Number.isNaN(fit.score[i])) low[i] = high[i] = NaN;
  }
  return { low, high };
}
