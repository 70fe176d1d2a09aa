import { fitHbt, parameterCount, shapeHbt, spanHessian, type ComparisonRows, type HbtPrior } from "./hbt-fit.ts";
import { createRandom } from "../../../core/stats/prng.ts";
import { summarizeDraws } from "../../../core/stats/quantile.ts";
import { NO_UPGRADE, UPGRADE, type VoteTable } from "./types.ts";

/**
 * Bootstrap over participants (Efron & Tibshirani 1993, ch. 6; a participant's votes are one
 * cluster): draws participants with replacement, recounts every row with each participant weighted
 * by how often they were drawn, and refits at the same τ from the full fit. Returns the 10% and
 * 90% quantiles of every parameter (μ, θ, δ as laid out in hbt-fit.ts).
 * Memory: parameters × samples doubles.
 */
export function bootstrapHbt(
  table: VoteTable,
  voteRow: Int32Array,
  rows: ComparisonRows,
  prior: HbtPrior,
  fitted: Float64Array,
  { samples, seed }: { readonly samples: number; readonly seed: number },
): { low: Float64Array; high: Float64Array } {
  const random = createRandom(seed);
  const participants = table.participantCount;
  const drawn = new Int32Array(participants);
  const upgrades = new Float64Array(rows.count);
  const judged = new Float64Array(rows.count);
  const resampled = { ...rows, upgrades, judged };
  const size = parameterCount(rows);
  const draws = new Float64Array(size * samples);
  const x = new Float64Array(size);
  // Every sample has the full fit's rows, reweighted: the preconditioner's forest at the mode serves them all.
  const shape = spanHessian(rows, prior, fitted, shapeHbt(rows));
  for (let s = 0; s < samples; s++) {
    drawn.fill(0);
    for (let k = 0; k < participants; k++) drawn[Math.floor(random() * participants)]!++;
    upgrades.fill(0);
    judged.fill(0);
    for (let i = 0; i < table.length; i++) {
      const e = voteRow[i]!;
      const w = drawn[table.participant[i]!]!;
      if (e < 0 || w === 0) continue;
      const rel = table.relationship[i];
      if (rel === UPGRADE) upgrades[e]! += w;
      if (rel === UPGRADE || rel === NO_UPGRADE) judged[e]! += w;
    }
    x.set(fitted);
    fitHbt(resampled, prior, x, 1e-4, shape);
    for (let p = 0; p < size; p++) draws[p * samples + s] = x[p]!;
  }
  return summarizeDraws(draws, size, samples);
}
