/** Ranks of values (average ranks for ties), 1-based. */
function rankValues(values: readonly number[]): Float64Array {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(values.length);
  for (let k = 0; k < order.length; ) {
    let end = k + 1;
    while (end < order.length && values[order[end]!] === values[order[k]!]) end++;
    for (let q = k; q < end; q++) ranks[order[q]!] = (k + end + 1) / 2;
    k = end;
  }
  return ranks;
}

/** Spearman's rank correlation between a score and the latent wisdom over the given cards. */
export function correlateWithWisdom(cards: Int32Array, score: (card: number) => number, wisdom: Float64Array): number {
  const x = rankValues(Array.from(cards, score));
  const y = rankValues(Array.from(cards, (c) => wisdom[c]!));
  const n = cards.length;
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mean) * (y[i]! - mean);
    sxx += (x[i]! - mean) ** 2;
    syy += (y[i]! - mean) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman's correlation between each context's scores and the latent wisdom, over the cards
 * judged in that context (contexts with fewer than 3 such cards skipped): mean, min and max.
 */
export function correlateContexts(
  judged: readonly Int32Array[],
  score: (context: number, card: number) => number,
  wisdom: Float64Array,
): { mean: number; min: number; max: number } {
  const rho: number[] = [];
  judged.forEach((cards, c) => {
    if (cards.length >= 3) rho.push(correlateWithWisdom(cards, (card) => score(c, card), wisdom));
  });
  return { mean: rho.reduce((s, r) => s + r, 0) / rho.length, min: Math.min(...rho), max: Math.max(...rho) };
}

/** The mean of {@link correlateContexts}. */
export function correlatePerContext(
  judged: readonly Int32Array[],
  score: (context: number, card: number) => number,
  wisdom: Float64Array,
): number {
  return correlateContexts(judged, score, wisdom).mean;
}
