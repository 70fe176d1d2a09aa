import { betaQuantile } from "../../../core/stats/beta.ts";
import { createShareIntervals, type BetaPrior } from "../../../core/stats/share-interval.ts";

/**
 * Posterior summaries of one context's upgrade share given its own counts (s, a) and the counts
 * (S, A) of the same ordered pair summed over every context, c included.
 */
export interface PooledShareIntervals {
  mean(pooledSupport: number, pooledAgainst: number, support: number, against: number): number;
  lower(pooledSupport: number, pooledAgainst: number, support: number, against: number): number;
  upper(pooledSupport: number, pooledAgainst: number, support: number, against: number): number;
}

const TABLE = 128;
// Counts below 2^13 pack exactly into one double key (4 · 13 = 52 bits).
const SIDE = 8192;

/**
 * Most pairs are judged in one context only (S = s, A = a), so those sit in a flat table; the
 * rest in a map. Counts repeat a lot across edges and bootstrap samples.
 */
function memoize(compute: (S: number, A: number, s: number, a: number) => number) {
  const alone = new Float64Array(TABLE * TABLE).fill(Number.NaN);
  const memo = new Map<number, number>();
  return (S: number, A: number, s: number, a: number) => {
    if (S === s && A === a && s < TABLE && a < TABLE) {
      const slot = s * TABLE + a;
      let v = alone[slot]!;
      if (Number.isNaN(v)) alone[slot] = v = compute(S, A, s, a);
      return v;
    }
    if (S >= SIDE || A >= SIDE) return compute(S, A, s, a);
    const key = ((S * SIDE + A) * SIDE + s) * SIDE + a;
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = compute(S, A, s, a)));
    return v;
  };
}

/**
 * Empirical-Bayes partial pooling across contexts, a hierarchical Beta–binomial model (Gelman et
 * al., Bayesian Data Analysis, 3rd ed., §5.3): the share θ_c of an ordered pair in context c is
 * drawn from Beta(κ·m, κ·(1 − m)), where κ (`pooling`) is how many judgments that population
 * prior is worth and m = (α + S − s) / (α + β + S + A − s − a) is the pair's mean share in the
 * other contexts under the Beta(α, β) prior. Context c then has θ_c | data ~ Beta(κ·m + s,
 * κ·(1 − m) + a): a context with few judgments leans on what the others said, one with many
 * speaks for itself. m leaves c's own counts out so that they are not used twice (once in the
 * prior, once in the likelihood); a pair judged in no other context thus has m = α / (α + β),
 * which for κ = α + β is the plain prior. κ = 0 turns pooling off: Beta(α + s, β + a).
 *
 * An upgrade on a→b in c raises s (and S, which leaves c's m as it is) and, in every other
 * context, raises m; the Beta quantiles rise with the first parameter and fall with the second,
 * so a vote for an edge never lowers its bounds anywhere.
 */
export function createPooledIntervals(prior: BetaPrior, mass: number, pooling: number): PooledShareIntervals {
  if (pooling === 0) {
    const own = createShareIntervals(prior, mass);
    return {
      mean: (_S, _A, s, a) => own.mean(s, a),
      lower: (_S, _A, s, a) => own.lower(s, a),
      upper: (_S, _A, s, a) => own.upper(s, a),
    };
  }
  const { alpha, beta } = prior;
  const pLow = (1 - mass) / 2;
  const pHigh = (1 + mass) / 2;
  const othersMean = (S: number, A: number, s: number, a: number) => (alpha + S - s) / (alpha + beta + S + A - s - a);
  const quantile = (p: number) => (S: number, A: number, s: number, a: number) => {
    const m = othersMean(S, A, s, a);
    return betaQuantile(p, pooling * m + s, pooling * (1 - m) + a);
  };
  return {
    mean: (S, A, s, a) => (pooling * othersMean(S, A, s, a) + s) / (pooling + s + a),
    lower: memoize(quantile(pLow)),
    upper: memoize(quantile(pHigh)),
  };
}
