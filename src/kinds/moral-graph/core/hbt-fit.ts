import { factorForest, spanNodes, type SpanningForest } from "../../../core/stats/tree-preconditioner.ts";

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

/** What one fit did: Newton steps, conjugate-gradient iterations within them, and whether it converged. */
export interface HbtRun {
  readonly iterations: number;
  readonly innerIterations: number;
  readonly converged: boolean;
}

/** The Hessian's weight of each row, n·p(1 − p) at x, into `out`. */
function weighRows(rows: ComparisonRows, x: Float64Array, out: Float64Array): Float64Array {
  const off = slotOffset(rows);
  const delta = x[deltaIndex(rows)]!;
  for (let e = 0; e < rows.count; e++) {
    const n = rows.judged[e]!;
    if (n === 0) {
      out[e] = 0;
      continue;
    }
    const p = 1 / (1 + Math.exp(-(delta + x[off + rows.toSlot[e]!]! - x[off + rows.fromSlot[e]!]!)));
    out[e] = n * p * (1 - p);
  }
  return out;
}

/**
 * The graph of the Hessian without δ: μ and θ are its nodes. A row joins its two θ (a row and
 * its reverse, b → a in the same context, share one edge: `rowEdge`), and each θ joins its
 * card's μ with weight 1/τ² (edge `pairs + p` for slot p).
 */
function hessianGraph(rows: ComparisonRows) {
  const off = slotOffset(rows);
  const rowEdge = new Int32Array(rows.count);
  const a: number[] = [];
  const b: number[] = [];
  const seen = new Map<number, number>();
  const nodes = rows.cardCount + rows.slotCount;
  for (let e = 0; e < rows.count; e++) {
    const from = off + rows.fromSlot[e]!;
    const to = off + rows.toSlot[e]!;
    const key = Math.min(from, to) * nodes + Math.max(from, to);
    let k = seen.get(key);
    if (k === undefined) {
      k = a.length;
      seen.set(key, k);
      a.push(from);
      b.push(to);
    }
    rowEdge[e] = k;
  }
  const pairs = a.length;
  for (let p = 0; p < rows.slotCount; p++) {
    a.push(off + p);
    b.push(rows.slotCard[p]!);
  }
  return { nodes, a: Int32Array.from(a), b: Int32Array.from(b), rowEdge, pairs };
}

/** The graph's edge weights for row weights `w`: each pair sums its rows; a slot's link is 1/τ². */
function weighEdges(graph: ReturnType<typeof hessianGraph>, w: Float64Array, tau: number, out: Float64Array): Float64Array {
  out.fill(0, 0, graph.pairs);
  out.fill(1 / tau ** 2, graph.pairs);
  for (let e = 0; e < w.length; e++) out[graph.rowEdge[e]!]! += w[e]!;
  return out;
}

/**
 * What fits of the same rows can share: the Hessian's graph, and optionally the spanning forest
 * of its heaviest edges at a point and τ. Without a forest, a fit spans one at its own start; a
 * fit at the same τ from a nearby point (the bootstrap) reuses the full fit's. The forest only
 * shapes the preconditioner, never the mode.
 */
export interface HbtShape {
  readonly graph: ReturnType<typeof hessianGraph>;
  readonly forest?: SpanningForest;
}

export function shapeHbt(rows: ComparisonRows): HbtShape {
  return { graph: hessianGraph(rows) };
}

/** The maximum-weight spanning forest of the Hessian's graph at x. */
export function spanHessian(rows: ComparisonRows, prior: HbtPrior, x: Float64Array, { graph }: HbtShape): Required<HbtShape> {
  const weight = weighEdges(graph, weighRows(rows, x, new Float64Array(rows.count)), prior.tau, new Float64Array(graph.a.length));
  return { graph, forest: spanNodes(graph.nodes, graph.a, graph.b, weight) };
}

/** out = H v, with H the objective's Hessian for row weights `w`. */
function multiplyHessian(rows: ComparisonRows, prior: HbtPrior, w: Float64Array, v: Float64Array, out: Float64Array): void {
  const { count, fromSlot, toSlot, cardCount, slotCount, slotCard } = rows;
  const off = slotOffset(rows);
  const di = deltaIndex(rows);
  const muPrecision = 1 / prior.priorScale ** 2;
  const uPrecision = 1 / prior.tau ** 2;
  for (let i = 0; i < cardCount; i++) out[i] = muPrecision * v[i]!;
  let outDelta = muPrecision * v[di]!;
  for (let p = 0; p < slotCount; p++) {
    const i = slotCard[p]!;
    const t = uPrecision * (v[off + p]! - v[i]!);
    out[off + p] = t;
    out[i]! -= t;
  }
  const vDelta = v[di]!;
  for (let e = 0; e < count; e++) {
    const a = off + fromSlot[e]!;
    const b = off + toSlot[e]!;
    const t = w[e]! * (vDelta + v[b]! - v[a]!);
    out[b]! += t;
    out[a]! -= t;
    outDelta += t;
  }
  out[di] = outDelta;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/**
 * Fits the model at a fixed τ from `x` (a warm start, updated in place) by Newton's method
 * with a line search (Nocedal & Wright, *Numerical Optimization*, 2nd ed., ch. 7.1: inexact
 * Newton, forcing term min(½, √‖g‖∞)). Each Newton system is solved by conjugate gradients
 * preconditioned with the Hessian's heaviest spanning forest (src/core/stats/tree-preconditioner.ts),
 * which follows the chains of comparisons that leave a first-order method with hundreds of
 * iterations. The fit stops when a full Newton step moves no parameter by `tolerance` or more.
 */
export function fitHbt(
  rows: ComparisonRows,
  prior: HbtPrior,
  x: Float64Array,
  tolerance: number,
  shape: HbtShape = shapeHbt(rows),
): HbtRun {
  const { graph, forest } = shape.forest ? { graph: shape.graph, forest: shape.forest } : spanHessian(rows, prior, x, shape);
  const size = parameterCount(rows);
  const di = deltaIndex(rows);
  const objective = createHbtObjective(rows, prior);
  const rowWeight = new Float64Array(rows.count);
  const edgeWeight = new Float64Array(graph.a.length);
  const g = new Float64Array(size);
  const gNext = new Float64Array(size);
  const curvature = new Float64Array(size);
  const d = new Float64Array(size);
  const r = new Float64Array(size);
  const z = new Float64Array(size);
  const q = new Float64Array(size);
  const hq = new Float64Array(size);
  const xNext = new Float64Array(size);
  let f = objective(x, g);
  let iterations = 0;
  let innerIterations = 0;
  for (; iterations < 200; iterations++) {
    weighEdges(graph, weighRows(rows, x, rowWeight), prior.tau, edgeWeight);
    measureCurvature(rows, prior, x, curvature);
    const solve = factorForest(forest, curvature, edgeWeight);
    const precondition = (from: Float64Array, to: Float64Array) => {
      solve(from, to);
      to[di] = from[di]! / curvature[di]!;
    };
    // Conjugate gradients on H d = −g from d = 0.
    let gMax = 0;
    for (const gi of g) gMax = Math.max(gMax, Math.abs(gi));
    if (gMax === 0) return { iterations, innerIterations, converged: true };
    d.fill(0);
    for (let i = 0; i < size; i++) r[i] = -g[i]!;
    precondition(r, z);
    q.set(z);
    let rz = dot(r, z);
    const stop = Math.min(0.5, Math.sqrt(gMax)) ** 2 * dot(g, g);
    for (let k = 0; k < 2000; k++) {
      multiplyHessian(rows, prior, rowWeight, q, hq);
      innerIterations++;
      const alpha = rz / dot(q, hq);
      for (let i = 0; i < size; i++) {
        d[i]! += alpha * q[i]!;
        r[i]! -= alpha * hq[i]!;
      }
      if (dot(r, r) <= stop) break;
      precondition(r, z);
      const rzNext = dot(r, z);
      const beta = rzNext / rz;
      rz = rzNext;
      for (let i = 0; i < size; i++) q[i] = z[i]! + beta * q[i]!;
    }
    // Backtracking on f (Armijo), or on the slope where round-off hides f's decrease.
    const slope = dot(g, d);
    let step = 1;
    let fNext = Infinity;
    for (let tries = 0; tries < 40; tries++, step *= 0.5) {
      for (let i = 0; i < size; i++) xNext[i] = x[i]! + step * d[i]!;
      fNext = objective(xNext, gNext);
      if (fNext <= f + 1e-4 * step * slope || (fNext <= f + 1e-12 * Math.abs(f) && dot(gNext, d) <= 0)) break;
    }
    let newtonStep = 0;
    for (const di of d) newtonStep = Math.max(newtonStep, Math.abs(di));
    x.set(xNext);
    g.set(gNext);
    f = fNext;
    if (newtonStep < tolerance) return { iterations: iterations + 1, innerIterations, converged: true };
  }
  return { iterations, innerIterations, converged: false };
}
