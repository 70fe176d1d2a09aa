import { describe, expect, it } from "vitest";
import { minimizeLbfgs } from "./lbfgs.ts";

describe("minimizeLbfgs", () => {
  it("solves an ill-conditioned quadratic to the known minimiser", () => {
    // f(x) = ½ Σ kᵢ (xᵢ − i)², curvatures from 1 to 10⁴: the minimiser is xᵢ = i.
    const n = 50;
    const k = Float64Array.from({ length: n }, (_, i) => 10 ** ((4 * i) / (n - 1)));
    const x = new Float64Array(n);
    const run = minimizeLbfgs((y, g) => {
      let f = 0;
      for (let i = 0; i < n; i++) {
        f += 0.5 * k[i]! * (y[i]! - i) ** 2;
        g[i] = k[i]! * (y[i]! - i);
      }
      return f;
    }, x, { tolerance: 1e-10 });
    expect(run.converged).toBe(true);
    for (let i = 0; i < n; i++) expect(Math.abs(x[i]! - i)).toBeLessThan(1e-9);
  });

  it("takes one step when the preconditioner is the exact inverse curvature", () => {
    const k = Float64Array.from([1, 100, 1e4]);
    const x = new Float64Array(3);
    const run = minimizeLbfgs((y, g) => {
      let f = 0;
      for (let i = 0; i < 3; i++) {
        f += 0.5 * k[i]! * (y[i]! - 1) ** 2;
        g[i] = k[i]! * (y[i]! - 1);
      }
      return f;
    }, x, { scale: k.map((v) => 1 / v), tolerance: 1e-12 });
    expect(run.iterations).toBe(1);
    expect(Array.from(x)).toEqual([1, 1, 1]);
  });

  it("fits a logistic regression whose gradient vanishes at the answer", () => {
    // Two coefficients, separable-free data: the first-order condition pins the answer.
    const xs = [-2, -1, 0, 1, 2, 3];
    const ys = [0, 0, 1, 0, 1, 1];
    const beta = new Float64Array(2);
    const objective = (b: Float64Array, g: Float64Array) => {
      let f = 0;
      g.fill(0);
      xs.forEach((x, i) => {
        const eta = b[0]! + b[1]! * x;
        const p = 1 / (1 + Math.exp(-eta));
        f -= ys[i]! * Math.log(p) + (1 - ys[i]!) * Math.log(1 - p);
        g[0]! += p - ys[i]!;
        g[1]! += (p - ys[i]!) * x;
      });
      return f;
    };
    expect(minimizeLbfgs(objective, beta, { tolerance: 1e-12 }).converged).toBe(true);
    const g = new Float64Array(2);
    objective(beta, g);
    expect(Math.max(Math.abs(g[0]!), Math.abs(g[1]!))).toBeLessThan(1e-12);
  });
});
