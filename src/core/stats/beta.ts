// Lanczos approximation with g = 7, n = 9 (Godfrey's coefficients; Press et al., Numerical
// Recipes 3rd ed., §6.1), accurate to about 1e-15 relative for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Stirling-series remainder δ(x) = ln Γ(x) − ((x − ½) ln x − x + ½ ln 2π) for x ≥ 10
 * (Abramowitz & Stegun 6.1.41), good to about 1e-16 there.
 */
function stirlingRemainder(x: number): number {
  const r = 1 / (x * x);
  return (
    (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r * (1 / 1680 - r * (1 / 1188 - r * (691 / 360360 - r / 156)))))) / x
  );
}

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln B(a, b). When an argument is large, ln Γ(a) + ln Γ(b) − ln Γ(a + b) loses digits to
 * cancellation, so the large terms are combined through log1p first (as R's `lbeta` does).
 */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const corr = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q);
    return (
      -0.5 * Math.log(q) + HALF_LOG_TWO_PI + corr + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= 10) {
    const corr = stirlingRemainder(q) - stirlingRemainder(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

const TINY = 1e-300;
const EPSILON = 1e-16;

/**
 * Continued fraction for I_x(a, b) (DLMF 8.17.22), evaluated with the modified Lentz method
 * (Numerical Recipes §5.2, §6.4). Converges fast for x < (a + 1) / (a + b + 2).
 */
function evaluateFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b), the CDF of Beta(a, b) at x. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  // I_x(a, b) = 1 − I_{1−x}(b, a) keeps the fraction on its fast side.
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * evaluateFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * evaluateFraction(1 - x, b, a)) / b;
}

/** First guess for the Beta(a, b) quantile (Abramowitz & Stegun 26.5.22; NR §6.14 otherwise). */
function guessQuantile(p: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  const lna = Math.log(a / (a + b));
  const lnb = Math.log(b / (a + b));
  const t = Math.exp(a * lna) / a;
  const u = Math.exp(b * lnb) / b;
  const w = t + u;
  return p < t / w ? Math.pow(a * w * p, 1 / a) : 1 - Math.pow(b * w * (1 - p), 1 / b);
}

/**
 * The p-quantile of Beta(a, b): solves I_x(a, b) = p by Halley steps on the CDF (NR §6.14),
 * safeguarded as in NR's `rtsafe` (§9.4): a step that leaves the bracket kept by the CDF's sign,
 * or that fails to halve the step before last, is replaced by bisection.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lnB = logBeta(a, b);
  let lo = 0;
  let hi = 1;
  let x = Math.min(Math.max(guessQuantile(p, a, b), 1e-300), 1 - 1e-16);
  let stepBefore = 1;
  let lastStep = 1;
  for (let i = 0; i < 400; i++) {
    const f = regularizedBeta(x, a, b) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB);
    let next = Number.NaN;
    if (density > 0 && Number.isFinite(density)) {
      const step = f / density;
      const curvature = step * ((a - 1) / x - (b - 1) / (1 - x));
      next = x - step / (1 - 0.5 * Math.min(1, curvature));
    }
    if (!(next > lo && next < hi) || Math.abs(next - x) > 0.5 * stepBefore) next = 0.5 * (lo + hi);
    stepBefore = lastStep;
    lastStep = Math.abs(next - x);
    if (lastStep <= 1e-15 * next || hi - lo <= 1e-15 * next) return next;
    x = next;
  }
  return x;
}
