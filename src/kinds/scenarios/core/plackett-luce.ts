import type { Choices } from "./choices.ts";

export interface PlackettLuceOptions {
  /** Shape a and rate b of the Gamma(a, b) prior on each worth (Caron & Doucet 2012, §3.1). */
  readonly shape: number;
  readonly rate: number;
  /** Stop when no log-worth moves more than this in one step. */
  readonly tolerance: number;
  readonly maxIterations: number;
}

export const PLACKETT_LUCE_DEFAULTS: PlackettLuceOptions = { shape: 2, rate: 1, tolerance: 1e-9, maxIterations: 2000 };

export interface PlackettLuceFit {
  /** Log-worth of each item, centred on the mean of the items some ballot ranks; NaN for the others. */
  readonly score: Float64Array;
  /** The worths themselves, on the prior's scale, for warm starts. */
  readonly worth: Float64Array;
  readonly iterations: number;
}

/**
 * Plackett–Luce worths with ties by the minorise–maximise algorithm (Hunter 2004, "MM algorithms
 * for generalized Bradley–Terry models", §5) with a Gamma prior (Caron & Doucet 2012, "Efficient
 * Bayesian inference for generalized Bradley–Terry models"), which keeps every worth finite when
 * an item always wins or always loses. A ballot is a sequence of choices: its tier t is chosen
 * from the items of tiers ≥ t. A tie is Breslow's (1974) extension: each of the k tied items is
 * chosen from the same set, P = Π_{i∈T} α_i / (Σ_{j∈S} α_j)^k, which is plain Plackett–Luce when k
 * is 1 and does not depend on the order ballots arrive in (docs/decisions/0013-scenario-rankings.md).
 * The last choice is skipped when it is a single item (its probability is 1). The update is
 * α_i ← (a − 1 + w_i) / (b + Σ_{stages s ∋ i} k_s / D_s), w_i the times i is chosen, D_s the
 * stage's total worth; `weight` counts each ballot that many times (bootstrap resamples).
 */
export function fitPlackettLuce(
  choices: Choices,
  options: PlackettLuceOptions = PLACKETT_LUCE_DEFAULTS,
  weight?: ArrayLike<number>,
  start?: Float64Array,
): PlackettLuceFit {
  const { items, ballots, item, tier } = choices;
  const wins = new Float64Array(items);
  const exposure = new Float64Array(items);
  const suffix = new Float64Array(item.length + 1);
  const worth = start ? Float64Array.from(start) : new Float64Array(items).fill(1);
  for (let b = 0; b < ballots; b++) {
    const w = weight ? weight[b]! : 1;
    const from = choices.start[b]!;
    const to = choices.start[b + 1]!;
    const last = tier[to - 1]!;
    // The last tier is chosen from itself: informative only when it ties several items.
    const skipLast = to - from > 1 && tier[to - 2] !== last;
    for (let k = from; k < to; k++) if (!(skipLast && tier[k] === last)) wins[item[k]!]! += w;
  }
  let iterations = 0;
  for (; iterations < options.maxIterations; iterations++) {
    exposure.fill(0);
    for (let b = 0; b < ballots; b++) {
      const w = weight ? weight[b]! : 1;
      const from = choices.start[b]!;
      const to = choices.start[b + 1]!;
      if (w === 0 || to === from) continue;
      suffix[to] = 0;
      for (let k = to - 1; k >= from; k--) suffix[k] = suffix[k + 1]! + worth[item[k]!]!;
      const last = tier[to - 1]!;
      const skipLast = tier[to - 2] !== last;
      // Walk the tiers in order, adding k_s / D_s of each stage to every item still in the set.
      let acc = 0;
      let k = from;
      while (k < to) {
        const t = tier[k]!;
        let end = k;
        while (end < to && tier[end] === t) end++;
        if (!(skipLast && t === last)) acc += (w * (end - k)) / suffix[k]!;
        for (let q = k; q < end; q++) exposure[item[q]!]! += acc;
        k = end;
      }
    }
    let moved = 0;
    for (let i = 0; i < items; i++) {
      const next = (options.shape - 1 + wins[i]!) / (options.rate + exposure[i]!);
      const change = Math.abs(Math.log(next / worth[i]!));
      if (change > moved) moved = change;
      worth[i] = next;
    }
    if (moved < options.tolerance) {
      iterations++;
      break;
    }
  }
  return { score: centredLogWorth(choices, worth), worth, iterations };
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
