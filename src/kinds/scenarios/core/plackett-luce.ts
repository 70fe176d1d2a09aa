import type { Choices } from "./choices.ts";

export interface PlackettLuceOptions {
  /**
   * Shape a > 1 and rate b > 0 of the Gamma(a, b) prior on each worth (Caron & Doucet 2012, §3.1);
   * at a = 1 the posterior has no mode (every worth shrinks to 0).
   */
  readonly shape: number;
  readonly rate: number;
  /** Stop when no log-worth moves more than this in one Newton step. */
  readonly tolerance: number;
  readonly maxIterations: number;
}

export const PLACKETT_LUCE_DEFAULTS: PlackettLuceOptions = { shape: 2, rate: 1, tolerance: 1e-9, maxIterations: 100 };

export interface PlackettLuceFit {
  /** Log-worth of each item, centred on the mean of the items some ballot ranks; NaN for the others. */
  readonly score: Float64Array;
  /** The worths themselves, on the prior's scale, for warm starts. */
  readonly worth: Float64Array;
  readonly iterations: number;
}

/**
 * Plackett–Luce worths with ties, the mode of the posterior under a Gamma(a, b) prior on each
 * worth (Caron & Doucet 2012, "Efficient Bayesian inference for generalized Bradley–Terry
 * models"), which keeps every worth finite when an item always wins or always loses. A ballot is a
 * sequence of choices: its tier t is chosen from the items of tiers ≥ t. A tie is Breslow's (1974)
 * extension: each of the k tied items is chosen from the same set, P = Π_{i∈T} α_i / (Σ_{j∈S} α_j)^k,
 * which is plain Plackett–Luce when k is 1 and does not depend on the order ballots arrive in
 * (docs/decisions/0015-scenario-rankings.md). The last choice is skipped when it is a single item.
 *
 * In θ = log α the objective f(θ) = Σ_i [(a − 1 + w_i) θ_i − b e^{θ_i}] − Σ_s k_s log D_s (w_i the
 * times i is chosen, D_s a stage's total worth) is strictly concave, so Newton's method with step
 * halving on f converges from any start; it takes a handful of steps where the MM update of
 * Hunter (2004, §5) takes a hundred. The Hessian of −k log D over a stage is −k (diag π − π πᵀ),
 * π = α/D; stages are nested suffixes of the sorted ballot, so two items share the stages up to the
 * better one's tier, and the sums Σ k/D and Σ k/D² up to each tier give every entry.
 * `weight` counts each ballot that many times (bootstrap resamples); `start` are worths to start from.
 */
export function fitPlackettLuce(
  choices: Choices,
  options: PlackettLuceOptions = PLACKETT_LUCE_DEFAULTS,
  weight?: ArrayLike<number>,
  start?: Float64Array,
): PlackettLuceFit {
  const n = choices.items;
  const fit = createFit(choices, options, weight);
  const theta = new Float64Array(n);
  if (start) for (let i = 0; i < n; i++) theta[i] = Math.log(start[i]!);
  const trial = new Float64Array(n);
  let value = fit.objective(theta);
  let iterations = 0;
  while (iterations < options.maxIterations) {
    iterations++;
    const step = fit.newtonStep(theta);
    let scale = 1;
    let next = value;
    for (; scale > 1e-10; scale /= 2) {
      for (let i = 0; i < n; i++) trial[i] = theta[i]! + scale * step[i]!;
      next = fit.objective(trial);
      if (next >= value - 1e-12 * Math.abs(value)) break;
    }
    theta.set(trial);
    value = next;
    let moved = 0;
    for (let i = 0; i < n; i++) moved = Math.max(moved, Math.abs(scale * step[i]!));
    if (moved < options.tolerance) break;
  }
  const worth = theta.map(Math.exp);
  return { score: centredLogWorth(choices, worth), worth, iterations };
}

/** The objective and the Newton step of one fit, with scratch arrays reused across steps. */
function createFit(choices: Choices, options: PlackettLuceOptions, weight?: ArrayLike<number>) {
  const { items: n, ballots, item, tier } = choices;
  const { shape, rate } = options;
  const wins = new Float64Array(n);
  const dropLast = new Uint8Array(ballots);
  for (let b = 0; b < ballots; b++) {
    const from = choices.start[b]!;
    const to = choices.start[b + 1]!;
    if (to === from) continue;
    const last = tier[to - 1]!;
    // The last tier is chosen from itself: informative only when it ties several items.
    dropLast[b] = tier[to - 2] !== last ? 1 : 0;
    const w = weight ? weight[b]! : 1;
    for (let k = from; k < to; k++) if (!(dropLast[b] && tier[k] === last)) wins[item[k]!]! += w;
  }
  const alpha = new Float64Array(n);
  const suffix = new Float64Array(item.length + 1);
  const first = new Float64Array(item.length);
  const second = new Float64Array(item.length);
  const gradient = new Float64Array(n);
  const hessian = new Float64Array(n * n);

  /** Fills `suffix[k]` with the total worth of positions k.. of ballot b. */
  const fillSuffix = (from: number, to: number) => {
    suffix[to] = 0;
    for (let k = to - 1; k >= from; k--) suffix[k] = suffix[k + 1]! + alpha[item[k]!]!;
  };

  const objective = (theta: Float64Array) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      alpha[i] = Math.exp(theta[i]!);
      f += (shape - 1 + wins[i]!) * theta[i]! - rate * alpha[i]!;
    }
    for (let b = 0; b < ballots; b++) {
      const w = weight ? weight[b]! : 1;
      const from = choices.start[b]!;
      const to = choices.start[b + 1]!;
      if (w === 0 || to === from) continue;
      fillSuffix(from, to);
      const end = dropLast[b] ? to - 1 : to;
      // Σ k log D as the log of a product, one log per ballot, flushed before it could overflow.
      let sum = 0;
      let product = 1;
      for (let k = from; k < end; k++) {
        if (k !== from && tier[k] === tier[k - 1]) continue;
        product *= suffix[k]! ** stageSize(k, to);
        if (product > 1e150 || product < 1e-150) {
          sum += Math.log(product);
          product = 1;
        }
      }
      f -= w * (sum + Math.log(product));
    }
    return f;
  };

  /** How many positions from k on share k's tier. */
  const stageSize = (k: number, to: number) => {
    let end = k + 1;
    while (end < to && tier[end] === tier[k]) end++;
    return end - k;
  };

  const newtonStep = (theta: Float64Array) => {
    hessian.fill(0);
    for (let i = 0; i < n; i++) {
      alpha[i] = Math.exp(theta[i]!);
      gradient[i] = shape - 1 + wins[i]! - rate * alpha[i]!;
      hessian[i * n + i] = rate * alpha[i]!;
    }
    for (let b = 0; b < ballots; b++) {
      const w = weight ? weight[b]! : 1;
      const from = choices.start[b]!;
      const to = choices.start[b + 1]!;
      if (w === 0 || to === from) continue;
      fillSuffix(from, to);
      const end = dropLast[b] ? to - 1 : to;
      let one = 0;
      let two = 0;
      for (let k = from; k < to; k++) {
        if (k < end && (k === from || tier[k] !== tier[k - 1])) {
          const d = suffix[k]!;
          const size = w * stageSize(k, to);
          one += size / d;
          two += size / (d * d);
        }
        first[k] = one;
        second[k] = two;
      }
      for (let p = from; p < to; p++) {
        const i = item[p]!;
        const ai = alpha[i]!;
        const s2 = ai * second[p]!;
        gradient[i]! -= ai * first[p]!;
        hessian[i * n + i]! += ai * first[p]! - ai * s2;
        for (let q = p + 1; q < to; q++) {
          const j = item[q]!;
          const off = s2 * alpha[j]!;
          hessian[i * n + j]! -= off;
          hessian[j * n + i]! -= off;
        }
      }
    }
    return solveCholesky(hessian, gradient, n);
  };

  return { objective, newtonStep };
}

/** Solves A x = g for a symmetric positive definite A (overwritten by its Cholesky factor); returns x in g. */
function solveCholesky(a: Float64Array, g: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= a[j * n + k]! ** 2;
    d = Math.sqrt(d);
    a[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = s / d;
    }
  }
  for (let i = 0; i < n; i++) {
    let s = g[i]!;
    for (let k = 0; k < i; k++) s -= a[i * n + k]! * g[k]!;
    g[i] = s / a[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = g[i]!;
    for (let k = i + 1; k < n; k++) s -= a[k * n + i]! * g[k]!;
    g[i] = s / a[i * n + i]!;
  }
  return g;
}

/** log α_i minus the mean over ranked items; NaN for items no ballot ranks. */
export function centredLogWorth(choices: Choices, worth: Float64Array): Float64Array {
  const ranked = new Uint8Array(choices.items);
  for (const i of choices.item) ranked[i] = 1;
  const score = new Float64Array(choices.items).fill(NaN);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < choices.items; i++) {
    if (!ranked[i]) continue;
    score[i] = Math.log(worth[i]!);
    sum += score[i]!;
    count++;
  }
  for (let i = 0; i < choices.items; i++) if (ranked[i]) score[i]! -= sum / count;
  return score;
}
