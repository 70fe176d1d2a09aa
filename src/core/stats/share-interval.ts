import { betaQuantile } from "./beta.ts";

export interface BetaPrior {
  readonly alpha: number;
  readonly beta: number;
}

/** Posterior summaries of an upgrade share, memoized on the (support, against) counts. */
export interface ShareIntervals {
  /** Posterior mean (α + s) / (α + β + s + a). */
  mean(support: number, against: number): number;
  /** The (1 − mass)/2 quantile of Beta(α + s, β + a). */
  lower(support: number, against: number): number;
  /** The (1 + mass)/2 quantile of Beta(α + s, β + a). */
  upper(support: number, against: number): number;
}

const TABLE = 128;

function memoize(compute: (s: number, a: number) => number): (s: number, a: number) => number {
  const table = new Float64Array(TABLE * TABLE).fill(Number.NaN);
  const large = new Map<number, number>();
  return (s, a) => {
    if (s < TABLE && a < TABLE) {
      const slot = s * TABLE + a;
      let v = table[slot]!;
      if (Number.isNaN(v)) table[slot] = v = compute(s, a);
      return v;
    }
    // Counts are integers below 2^26 (the vote count bounds them), so the key is exact.
    const key = s * 67_108_864 + a;
    let v = large.get(key);
    if (v === undefined) large.set(key, (v = compute(s, a)));
    return v;
  };
}

/**
 * Equal-tailed credible intervals for the share of judgments that call an edge an upgrade, under
 * a Beta(α, β) prior updated with binomial counts (Gelman et al., Bayesian Data Analysis, §2.4).
 * Counts repeat a lot across edges and bootstrap samples, so every quantile is computed once.
 */
export function createShareIntervals(prior: BetaPrior, mass: number): ShareIntervals {
  const { alpha, beta } = prior;
  const pLow = (1 - mass) / 2;
  const pHigh = (1 + mass) / 2;
  return {
    mean: (s, a) => (alpha + s) / (alpha + beta + s + a),
    lower: memoize((s, a) => betaQuantile(pLow, alpha + s, beta + a)),
    upper: memoize((s, a) => betaQuantile(pHigh, alpha + s, beta + a)),
  };
}
