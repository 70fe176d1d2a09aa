/** Type-7 quantile (Hyndman & Fan 1996; numpy's default) of a sorted sample. */
export function interpolateQuantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const below = Math.floor(h);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (h - below) * (sorted[above]! - sorted[below]!);
}
