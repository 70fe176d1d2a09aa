import { minimizeLbfgs, type LbfgsRun } from "../../../core/stats/lbfgs.ts";

/**
 * Judgments aggregated per (context, ordered pair): row e says `upgrades[e]` of `judged[e]`
 * counted votes (upgrade or no-upgrade) called from → to an upgrade. `fromSlot` and `toSlot` index
 * the (context, card) scores θ. Counts are floats so that bootstrap weights fit in.
 */
export interface ComparisonRows {
  readonly count: number;
  readonly fromSlot: Int32Array;
  readonly toSlot: Int32Array;
  readonly upgrades: Float64Array;
  readonly judged: Float64Array;
  /** The card of each (context, card) slot. */
  readonly slotCard: Int32Array;
  readonly cardCount: number;
  readonly slotCount: number;
}

/** Fixed settings of one fit: τ, and the prior sd of μ and δ. */
export interface HbtPrior {
  readonly tau: number;
  readonly priorScale: number;
}

/**
 * Where the parameters sit in the solver's vector: μ (one per card), then θ_ci (one per judged
 * (context, card)), then δ. θ of a card nobody judged in c is μ_i at the mode (its u is 0).
 */
export const slotOffset = (rows: ComparisonRows) => rows.cardCount;
export const deltaIndex = (rows: ComparisonRows) => rows.cardCount + rows.slotCount;
export const parameterCount = (rows: ComparisonRows) => rows.cardCount + rows.slotCount + 1;

/**
 * The negative log posterior of the hierarchical Bradley–Terry model and its gradient:
 * logit P(upgrade | from → to in c) = δ + θ_c,to − θ_c,from with θ_ci ~ N(μ_i, τ²),
 * μ and δ ~ N(0, priorScale²). Centred on θ (Gelfand, Sahu & Carlin 1995, Biometrika 82(3)):
 * the votes touch θ alone, so μ and θ are not confounded in the likelihood and a diagonal
 * preconditioner suits the problem. Each row costs one exp and one log.
 */
export function createHbtObjective(rows: ComparisonRows, prior: HbtPrior) {
  const { count, fromSlot, toSlot, upgrades, judged, cardCount, slotCount, slotCard } = rows;
  const off = slotOffset(rows);
  const di = deltaIndex(rows);
  const muPrecision = 1 / prior.priorScale ** 2;
  const uPrecision = 1 / prior.tau ** 2;
  return (x: Float64Array, g: Float64Array): number => {
    let f = 0;
    const delta = x[di]!;
    for (let i = 0; i < cardCount; i++) {
      f += 0.5 * muPrecision * x[i]! ** 2;
      g[i] = muPrecision * x[i]!;
    }
    for (let p = 0; p < slotCount; p++) {
      const i = slotCard[p]!;
      const u = x[off + p]! - x[i]!;
      f += 0.5 * uPrecision * u * u;
      g[off + p] = uPrecision * u;
      g[i]! -= uPrecision * u;
    }
    f += 0.5 * muPrecision * delta ** 2;
    let gDelta = muPrecision * delta;
    for (let e = 0; e < count; e++) {
      const n = judged[e]!;
      if (n === 0) continue;
      const s = upgrades[e]!;
      const a = off + fromSlot[e]!;
      const b = off + toSlot[e]!;
      const eta = delta + x[b]! - x[a]!;
      // With z = e^−|η|: log(1 + e^−η) = max(−η, 0) + log1p(z), σ(η) from the same z.
      const z = Math.exp(-Math.abs(eta));
      f += n * ((eta < 0 ? -eta : 0) + Math.log1p(z)) + (n - s) * eta;
      const r = n * (eta >= 0 ? 1 / (1 + z) : z / (1 + z)) - s;
      g[b]! += r;
      g[a]! -= r;
      gDelta += r;
    }
    g[di] = gDelta;
    return f;
  };
}

/** The diagonal of the objective's Hessian at x: each parameter's curvature. */
export function measureCurvature(rows: ComparisonRows, prior: HbtPrior, x: Float64Array, out: Float64Array): Float64Array {
  const { count, fromSlot, toSlot, judged, cardCount, slotCount, slotCard } = rows;
  const off = slotOffset(rows);
  const di = deltaIndex(rows);
  const muPrecision = 1 / prior.priorScale ** 2;
  const uPrecision = 1 / prior.tau ** 2;
  out.fill(uPrecision);
  out.fill(muPrecision, 0, cardCount);
  for (let p = 0; p < slotCount; p++) out[slotCard[p]!]! += uPrecision;
  out[di] = muPrecision;
  const delta = x[di]!;
  for (let e = 0; e < count; e++) {
    const n = judged[e]!;
    if (n === 0) continue;
    const a = off + fromSlot[e]!;
    const b = off + toSlot[e]!;
    const eta = delta + x[b]! - x[a]!;
    const p = 1 / (1 + Math.exp(-eta));
    const w = n * p * (1 - p);
    out[a]! += w;
    out[b]! += w;
    out[di] += w;
  }
  return out;
}

/**
 * Fits the model at a fixed τ from `x` (a warm start, updated in place). The diagonal of the
 * Hessian at the start preconditions L-BFGS and scales its stopping rule: the fit stops when no
 * single coordinate's Newton step |gᵢ / Hᵢᵢ| reaches `tolerance`.
 */
export function fitHbt(rows: ComparisonRows, prior: HbtPrior, x: Float64Array, tolerance: number): LbfgsRun {
  const curvature = measureCurvature(rows, prior, x, new Float64Array(x.length));
  const scale = curvature.map((h) => 1 / h);
  return minimizeLbfgs(createHbtObjective(rows, prior), x, { scale, tolerance, maxIterations: 20_000 });
}
