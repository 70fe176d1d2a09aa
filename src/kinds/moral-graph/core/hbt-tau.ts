import { fitHbt, measureCurvature, parameterCount, shapeHbt, slotOffset, type ComparisonRows } from "./hbt-fit.ts";

export interface HbtSettings {
  /** Prior sd of μ and δ (weak); the logit scale. */
  readonly priorScale: number;
  /** Newton-step size at which a fit counts as converged. */
  readonly tolerance: number;
  /** τ when given; chosen from the data when undefined. */
  readonly tau: number | undefined;
}

export interface HbtFit {
  /** μ (cards), u (slots), δ, as laid out in hbt-fit.ts. */
  readonly x: Float64Array;
  readonly tau: number;
  /** Rounds of the τ update (0 when τ was given). */
  readonly tauRounds: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const MIN_TAU = 1e-2;
const ROUND_TOLERANCE = 3e-2;

/**
 * Fits the model, choosing τ by maximising the Laplace-approximated marginal likelihood of the
 * votes: alternate the posterior mode at τ with τ² = (Σ û² + Σ 1/H_uu) / (number of u), the
 * variance-component update of penalised quasi-likelihood (Schall 1991, Biometrika 78(4);
 * Breslow & Clayton 1993, JASA 88) with the diagonal of the Hessian standing in for the
 * posterior variance of each u. Stops when τ moves by less than 0.01 %, then fits once more at
 * the final τ so that the scores are the mode at the τ reported. Warm starts keep each round short.
 */
export function fitWithTau(rows: ComparisonRows, settings: HbtSettings, start?: Float64Array): HbtFit {
  const x = start ? Float64Array.from(start) : new Float64Array(parameterCount(rows));
  const { priorScale, tolerance } = settings;
  if (settings.tau !== undefined) {
    const run = fitHbt(rows, { tau: settings.tau, priorScale }, x, tolerance);
    return { x, tau: settings.tau, tauRounds: 0, iterations: run.iterations, converged: run.converged };
  }
  const off = slotOffset(rows);
  const shape = shapeHbt(rows);
  const curvature = new Float64Array(x.length);
  // One round: the mode at τ, then the update's proposal; both on the log scale.
  const propose = (logTau: number) => {
    const tau = Math.exp(logTau);
    iterations += fitHbt(rows, { tau, priorScale }, x, Math.max(tolerance, ROUND_TOLERANCE), shape).iterations;
    measureCurvature(rows, { tau, priorScale }, x, curvature);
    let sum = 0;
    for (let p = 0; p < rows.slotCount; p++) sum += (x[off + p]! - x[rows.slotCard[p]!]!) ** 2 + 1 / curvature[off + p]!;
    return Math.log(Math.min(priorScale, Math.max(MIN_TAU, Math.sqrt(sum / rows.slotCount))));
  };
  let iterations = 0;
  let rounds = 0;
  let logTau = 0;
  // The fixed point of the update, found by the secant method on h(l) = update(l) − l, which
  // needs a handful of rounds where the plain update crawls (EM's linear rate).
  let previous: { l: number; h: number } | undefined;
  for (; rounds < 50 && rows.slotCount > 0; rounds++) {
    const h = propose(logTau) - logTau;
    if (Math.abs(h) < 1e-4) break;
    let next = logTau + h;
    if (previous && h !== previous.h) {
      const secant = logTau - (h * (logTau - previous.l)) / (h - previous.h);
      if (Number.isFinite(secant)) next = Math.min(logTau + 2, Math.max(logTau - 2, secant));
    }
    previous = { l: logTau, h };
    logTau = Math.min(Math.log(priorScale), Math.max(Math.log(MIN_TAU), next));
  }
  const tau = Math.exp(logTau);
  const run = fitHbt(rows, { tau, priorScale }, x, tolerance, shape);
  return { x, tau, tauRounds: rounds, iterations: iterations + run.iterations, converged: run.converged };
}
