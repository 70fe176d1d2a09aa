import type { Election } from "./election.ts";

/**
 * Mid-ranks (1 is best) of the items a ballot ranks, tied items sharing the mean of their
 * places; NaN for unranked items.
 */
export function midRanks(election: Election, ballot: number, items = election.items): Float64Array {
  const base = ballot * election.items;
  const out = new Float64Array(items).fill(NaN);
  const counts = new Map<number, number>();
  for (let i = 0; i < items; i++) {
    const t = election.tiers[base + i]!;
    if (t >= 0) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const place = new Map<number, number>();
  let next = 1;
  for (const t of [...counts.keys()].sort((a, b) => a - b)) {
    const size = counts.get(t)!;
    place.set(t, next + (size - 1) / 2);
    next += size;
  }
  for (let i = 0; i < items; i++) {
    const t = election.tiers[base + i]!;
    if (t >= 0) out[i] = place.get(t)!;
  }
  return out;
}

/**
 * Kendall's W with the tie correction (Kendall & Babington Smith 1939; Siegel & Castellan 1988,
 * §9.4): W = 12 S / (m²(n³ − n) − m Σ_j T_j), T_j = Σ (t³ − t) over ballot j's groups of ties.
 * W is defined on complete rankings: an item a ballot leaves unranked shares, as a tie, the places
 * below the ones it ranks. Ballots ranking fewer than two of the `items` first items are left out.
 * NaN when fewer than two ballots remain or every ballot ties everything.
 */
export function kendallW(election: Election, items = election.items): number {
  const n = items;
  const sums = new Float64Array(n);
  let m = 0;
  let ties = 0;
  for (let b = 0; b < election.ballots; b++) {
    const ranks = midRanks(election, b, n);
    let ranked = 0;
    for (let i = 0; i < n; i++) if (!Number.isNaN(ranks[i])) ranked++;
    if (ranked < 2) continue;
    const unranked = n - ranked;
    const bottom = ranked + 1 + (unranked - 1) / 2;
    const groups = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const r = Number.isNaN(ranks[i]) ? bottom : ranks[i]!;
      sums[i]! += r;
      groups.set(r, (groups.get(r) ?? 0) + 1);
    }
    for (const t of groups.values()) ties += t * t * t - t;
    m++;
  }
  if (m < 2) return NaN;
  const mean = (m * (n + 1)) / 2;
  let s = 0;
  for (let i = 0; i < n; i++) s += (sums[i]! - mean) ** 2;
  const denominator = m * m * (n * n * n - n) - m * ties;
  return denominator > 0 ? (12 * s) / denominator : NaN;
}

/**
 * Krippendorff's α with the ordinal metric (Krippendorff 2011, "Computing Krippendorff's
 * alpha-reliability", §C and §E): units are items, coders are ballots, values are a ballot's
 * mid-ranks, and an unranked item is a missing value, so partial rankings need no convention.
 * δ²(c, k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)² over the sorted values. NaN when no unit has two
 * values or the values never differ.
 */
export function krippendorffOrdinal(election: Election, items = election.items): number {
  const values = new Float64Array(election.ballots * items);
  for (let b = 0; b < election.ballots; b++) values.set(midRanks(election, b, items), b * items);
  return krippendorffOrdinalValues(values, election.ballots, items);
}

/** Ordinal α of `values[coder * units + unit]`, NaN for a missing value. */
export function krippendorffOrdinalValues(values: Float64Array, coders: number, units: number): number {
  const distinct = [...new Set([...values].filter((x) => !Number.isNaN(x)))].sort((a, b) => a - b);
  const v = distinct.length;
  if (v < 2) return NaN;
  const index = new Map(distinct.map((x, k) => [x, k]));
  const coincidence = new Float64Array(v * v);
  const unit: number[] = [];
  for (let u = 0; u < units; u++) {
    unit.length = 0;
    for (let c = 0; c < coders; c++) {
      const x = values[c * units + u]!;
      if (!Number.isNaN(x)) unit.push(index.get(x)!);
    }
    const mu = unit.length;
    if (mu < 2) continue;
    for (let x = 0; x < mu; x++) for (let y = 0; y < mu; y++) if (x !== y) coincidence[unit[x]! * v + unit[y]!]! += 1 / (mu - 1);
  }
  const marginal = new Float64Array(v);
  let total = 0;
  for (let c = 0; c < v; c++) for (let k = 0; k < v; k++) marginal[c]! += coincidence[c * v + k]!;
  for (let c = 0; c < v; c++) total += marginal[c]!;
  if (total <= 1) return NaN;
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < v; c++) {
    for (let k = c + 1; k < v; k++) {
      const delta = (marginal[c]! / 2 + marginal[k]! / 2 + sumBetween(marginal, c, k)) ** 2;
      observed += 2 * coincidence[c * v + k]! * delta;
      expected += 2 * marginal[c]! * marginal[k]! * delta;
    }
  }
  if (expected === 0) return NaN;
  return 1 - ((total - 1) * observed) / expected;
}

/** Σ n_g over values strictly between c and k. */
function sumBetween(marginal: Float64Array, c: number, k: number): number {
  let sum = 0;
  for (let g = c + 1; g < k; g++) sum += marginal[g]!;
  return sum;
}
