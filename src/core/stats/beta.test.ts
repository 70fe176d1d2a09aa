import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { betaQuantile, logBeta, logGamma, regularizedBeta } from "./beta.ts";

const closeRel = (actual: number, expected: number, rel = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

describe("logGamma and logBeta", () => {
  it("match factorials and Γ(½) = √π", () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    closeRel(logGamma(10), Math.log(362880), 1e-14);
    closeRel(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    // B(3, 5) = 2!·4!/7! = 1/105
    closeRel(logBeta(3, 5), -Math.log(105), 1e-14);
  });

  it("keep digits for large arguments", () => {
    // B(1, n) = 1/n exactly; B(2, n) = 1/(n(n+1)).
    closeRel(logBeta(1, 1e6), -Math.log(1e6), 1e-14);
    closeRel(logBeta(2, 20000), -Math.log(20000 * 20001), 1e-14);
  });
});

describe("regularizedBeta", () => {
  it("matches closed forms and SciPy 1.17.1 scipy.special.betainc", () => {
    // I_x(3, 5) = P(Binomial(7, x) ≥ 3); at x = 1/4 that is 0.24359130859375 exactly.
    closeRel(regularizedBeta(0.25, 3, 5), 0.24359130859375, 1e-14);
    closeRel(regularizedBeta(0.7, 11, 3), 0.2024782584831999);
    closeRel(regularizedBeta(0.6, 101, 51), 0.04886947042726888);
    closeRel(regularizedBeta(0.01, 0.5, 2), 0.14949999999999997);
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });
});

describe("betaQuantile", () => {
  it("inverts closed-form CDFs", () => {
    // Beta(1,1) is uniform; Beta(a,1) has CDF x^a; Beta(1,b) has CDF 1 − (1 − x)^b;
    // Beta(½,½) is the arcsine law with quantile sin²(πp/2).
    closeRel(betaQuantile(0.3, 1, 1), 0.3);
    closeRel(betaQuantile(0.1, 5, 1), Math.pow(0.1, 1 / 5));
    closeRel(betaQuantile(0.9, 1, 3), 1 - Math.pow(0.1, 1 / 3));
    closeRel(betaQuantile(0.2, 0.5, 0.5), Math.sin(0.1 * Math.PI) ** 2);
  });

  it("matches SciPy 1.17.1 scipy.special.betaincinv", () => {
    closeRel(betaQuantile(0.1, 11, 3), 0.6402237953576133);
    closeRel(betaQuantile(0.9, 3, 11), 0.35977620464238674);
    closeRel(betaQuantile(0.1, 101, 51), 0.6150001515668814);
    closeRel(betaQuantile(0.5, 2.5, 40), 0.052002637621328625);
    closeRel(betaQuantile(0.999, 1000, 20), 0.9911651411263143);
    closeRel(betaQuantile(1e-6, 7, 2), 0.10466548477399404);
  });

  // Near 0 or 1 the CDF can be so steep that one float step of x moves it by more than 1e-9,
  // so the allowed residual adds the density times a few ulps of x.
  it("is the inverse of regularizedBeta", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.2, max: 5000, noNaN: true }),
        fc.double({ min: 0.2, max: 5000, noNaN: true }),
        (p, a, b) => {
          const x = betaQuantile(p, a, b);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
          expect(Math.abs(regularizedBeta(x, a, b) - p)).toBeLessThan(1e-9 + 8 * density * Number.EPSILON);
        },
      ),
    );
  });

  it("grows with p and with the first shape", () => {
    expect(betaQuantile(0.1, 4, 2)).toBeLessThan(betaQuantile(0.9, 4, 2));
    expect(betaQuantile(0.1, 4, 2)).toBeLessThan(betaQuantile(0.1, 5, 2));
    expect(betaQuantile(0.1, 4, 3)).toBeLessThan(betaQuantile(0.1, 4, 2));
  });
});
