/** Type-7 quantile (Hyndman & Fan 1996; numpy's default) of a sorted sample. */
export function interpolateQuantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const below = Math.floor(h);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (h - below) * (sorted[above]! - sorted[below]!);
}

/**
 * The 10% and 90% quantiles of each of `count` quantities whose `samples` draws sit together in
 * `draws` (quantity p at [p · samples, (p + 1) · samples)); sorts the draws in place.
 */
export function summarizeDraws(draws: Float64Array, count: number, samples: number): { low: Float64Array; high: Float64Array } {
  const low = new Float64Array(count);
  const high = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    const sample = draws.subarray(p * samples, (p + 1) * samples).sort();
    low[p] = interpolateQuantile(sample, 0.1);
    high[p] = interpolateQuantile(sample, 0.9);
  }
  return { low, high };
}
