/** A smooth objective: writes the gradient at x into `gradient` and returns the value. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Correction pairs kept; default 10 (scipy's L-BFGS-B keeps 10 too). */
  readonly memory?: number;
  /** Stop when every |gradient_i| · scale_i falls below this; default 1e-8. */
  readonly tolerance?: number;
  readonly maxIterations?: number;
  /**
   * A positive guess of each coordinate's inverse curvature, used as the initial inverse
   * Hessian and to scale the stopping rule (a diagonal preconditioner); default all ones.
   */
  readonly scale?: Float64Array;
}

export interface LbfgsRun {
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/**
 * Minimises `objective` from `x` (updated in place) by limited-memory BFGS (Nocedal & Wright,
 * *Numerical Optimization*, 2nd ed., algorithm 7.4, the two-loop recursion) with a backtracking
 * Armijo line search (ibid. algorithm 3.1). Meant for convex objectives, where every step keeps
 * sᵀy > 0; a pair that does not is skipped.
 */
export function minimizeLbfgs(objective: Objective, x: Float64Array, options: LbfgsOptions = {}): LbfgsRun {
  const n = x.length;
  const memory = options.memory ?? 10;
  const tolerance = options.tolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 10_000;
  const scale = options.scale ?? new Float64Array(n).fill(1);
  const s = Array.from({ length: memory }, () => new Float64Array(n));
  const y = Array.from({ length: memory }, () => new Float64Array(n));
  const rho = new Float64Array(memory);
  const alpha = new Float64Array(memory);
  const g = new Float64Array(n);
  const gNext = new Float64Array(n);
  const xNext = new Float64Array(n);
  const d = new Float64Array(n);
  let f = objective(x, g);
  let evaluations = 1;
  let stored = 0;
  let newest = -1;
  let gamma = 1;
  const small = () => {
    for (let i = 0; i < n; i++) if (Math.abs(g[i]! * scale[i]!) >= tolerance) return false;
    return true;
  };
  let iterations = 0;
  for (; iterations < maxIterations && !small(); iterations++) {
    d.set(g);
    for (let k = 0; k < stored; k++) {
      const j = (newest - k + memory) % memory;
      alpha[j] = rho[j]! * dot(s[j]!, d);
      const yj = y[j]!;
      const aj = alpha[j];
      for (let i = 0; i < n; i++) d[i] = d[i]! - aj * yj[i]!;
    }
    for (let i = 0; i < n; i++) d[i] = d[i]! * scale[i]! * gamma;
    for (let k = stored - 1; k >= 0; k--) {
      const j = (newest - k + memory) % memory;
      const beta = rho[j]! * dot(y[j]!, d);
      const sj = s[j]!;
      const c = alpha[j]! - beta;
      for (let i = 0; i < n; i++) d[i] = d[i]! + c * sj[i]!;
    }
    for (let i = 0; i < n; i++) d[i] = -d[i]!;
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (round-off): restart from the preconditioned gradient.
      stored = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i]! * scale[i]!;
      slope = dot(g, d);
    }
    let step = 1;
    let fNext = Infinity;
    let accepted = false;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < n; i++) xNext[i] = x[i]! + step * d[i]!;
      fNext = objective(xNext, gNext);
      evaluations++;
      // Armijo's condition, or, where round-off hides the decrease of f, a slope still
      // downhill at the new point (on a convex objective f fell all the way there).
      if (fNext <= f + 1e-4 * step * slope || (fNext <= f + 1e-12 * Math.abs(f) && dot(gNext, d) <= 0)) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    const slot = (newest + 1) % memory;
    const sNew = s[slot]!;
    const yNew = y[slot]!;
    for (let i = 0; i < n; i++) {
      sNew[i] = xNext[i]! - x[i]!;
      yNew[i] = gNext[i]! - g[i]!;
    }
    const sy = dot(sNew, yNew);
    if (sy > 1e-300) {
      rho[slot] = 1 / sy;
      // Shanno–Phua scaling of the initial matrix, relative to the preconditioner.
      let yHy = 0;
      for (let i = 0; i < n; i++) yHy += yNew[i]! * yNew[i]! * scale[i]!;
      gamma = sy / yHy;
      newest = slot;
      stored = Math.min(stored + 1, memory);
    }
    x.set(xNext);
    g.set(gNext);
    f = fNext;
  }
  return { value: f, iterations, evaluations, converged: small() };
}
