import { describe, expect, it } from "vitest";
import { createHbtObjective, fitHbt, measureCurvature, parameterCount, type ComparisonRows } from "./hbt-fit.ts";

// Three cards in two contexts: slots 0, 1, 3 are cards 0, 1, 2 in the first, 2 and 4 cards 0 and 2
// in the second.
const rows: ComparisonRows = {
  count: 4,
  fromSlot: Int32Array.from([0, 1, 2, 4]),
  toSlot: Int32Array.from([1, 3, 4, 2]),
  upgrades: Float64Array.from([3, 2, 5, 1]),
  judged: Float64Array.from([4, 5, 6, 3]),
  slotCard: Int32Array.from([0, 1, 0, 2, 2]),
  cardCount: 3,
  slotCount: 5,
};
const prior = { tau: 0.7, priorScale: 3 };
const point = Float64Array.from({ length: parameterCount(rows) }, (_, i) => Math.sin(i + 1));

describe("the hierarchical Bradley–Terry objective", () => {
  const f = createHbtObjective(rows, prior);

  it("has the gradient of its value (central differences)", () => {
    const g = new Float64Array(point.length);
    f(point, g);
    const scratch = new Float64Array(point.length);
    for (let i = 0; i < point.length; i++) {
      const up = Float64Array.from(point);
      const down = Float64Array.from(point);
      up[i]! += 1e-6;
      down[i]! -= 1e-6;
      const numeric = (f(up, scratch) - f(down, scratch)) / 2e-6;
      expect(Math.abs(numeric - g[i]!)).toBeLessThan(1e-6);
    }
  });

  it("has the curvature of its gradient (central differences on the diagonal)", () => {
    const h = measureCurvature(rows, prior, point, new Float64Array(point.length));
    const gUp = new Float64Array(point.length);
    const gDown = new Float64Array(point.length);
    for (let i = 0; i < point.length; i++) {
      const up = Float64Array.from(point);
      const down = Float64Array.from(point);
      up[i]! += 1e-5;
      down[i]! -= 1e-5;
      f(up, gUp);
      f(down, gDown);
      expect(Math.abs((gUp[i]! - gDown[i]!) / 2e-5 - h[i]!)).toBeLessThan(1e-5);
    }
  });

  it("fits to a point where the gradient vanishes", () => {
    const x = new Float64Array(parameterCount(rows));
    expect(fitHbt(rows, prior, x, 1e-10).converged).toBe(true);
    const g = new Float64Array(x.length);
    f(x, g);
    for (const gi of g) expect(Math.abs(gi)).toBeLessThan(1e-8);
  });
});

describe("the Newton fit", () => {
  it("reaches the mode of a larger random problem from any start, with chains the forest follows", () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const cards = 120;
    const contexts = 3;
    const slotCard = Int32Array.from({ length: cards * contexts }, (_, p) => p % cards);
    const count = 900;
    const fromSlot = new Int32Array(count);
    const toSlot = new Int32Array(count);
    const judged = new Float64Array(count);
    const upgrades = new Float64Array(count);
    for (let e = 0; e < count; e++) {
      const c = e % contexts;
      const i = Math.floor(random() * (cards - 5));
      fromSlot[e] = c * cards + i;
      toSlot[e] = c * cards + i + 1 + Math.floor(random() * 4);
      judged[e] = 1 + Math.floor(random() * 8);
      upgrades[e] = Math.round(judged[e]! * (0.5 + 0.4 * random()));
    }
    const big: ComparisonRows = { count, fromSlot, toSlot, upgrades, judged, slotCard, cardCount: cards, slotCount: cards * contexts };
    const bigPrior = { tau: 0.5, priorScale: 10 };
    const fromZero = new Float64Array(parameterCount(big));
    const fromElsewhere = Float64Array.from(fromZero, (_, i) => Math.cos(i));
    const run = fitHbt(big, bigPrior, fromZero, 1e-9);
    expect(run.converged).toBe(true);
    expect(run.innerIterations).toBeGreaterThan(0);
    expect(fitHbt(big, bigPrior, fromElsewhere, 1e-9).converged).toBe(true);
    const g = new Float64Array(fromZero.length);
    createHbtObjective(big, bigPrior)(fromZero, g);
    for (const gi of g) expect(Math.abs(gi)).toBeLessThan(1e-6);
    fromZero.forEach((v, i) => expect(Math.abs(v - fromElsewhere[i]!)).toBeLessThan(1e-7));
  });
});
