import { countPairwise, type Election } from "./election.ts";

/** A consensus as a weak order: `rank[i]` counts the items placed above i (0 is first). */
export interface Consensus {
  readonly rank: Int32Array;
  /** `above[a * n + b]` is 1 when the method puts a above b (a strict partial order). */
  readonly above: Uint8Array;
  /** The items best first; items of equal rank keep index order. */
  readonly order: Int32Array;
}

/**
 * Ranked pairs (Tideman 1987, "Independence of clones as a criterion for voting rules"): every
 * pair with a majority is taken strongest first (more winning votes, then fewer opposing votes,
 * then lower indices, so the result is deterministic) and locked unless it closes a cycle with
 * pairs already locked. Pairs without a majority are never locked, so items with no locked path
 * between them share a place: `rank[i]` is the number of items with a locked path to i, which
 * makes a unanimous ranking with ties its own consensus.
 */
export function rankedPairs(election: Election, wins = countPairwise(election)): Consensus {
  const n = election.items;
  const pairs: number[] = [];
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (wins[a * n + b]! > wins[b * n + a]!) pairs.push(a * n + b);
  pairs.sort((p, q) => wins[q]! - wins[p]! || wins[transpose(p, n)]! - wins[transpose(q, n)]! || p - q);
  // reach[x * n + y] = 1 when a chain of locked pairs leads from x to y.
  const reach = new Uint8Array(n * n);
  for (const p of pairs) {
    const a = Math.floor(p / n);
    const b = p % n;
    if (reach[b * n + a] || reach[a * n + b]) continue;
    for (let x = 0; x < n; x++) {
      if (x !== a && !reach[x * n + a]) continue;
      for (let y = 0; y < n; y++) if (y === b || reach[b * n + y]) reach[x * n + y] = 1;
    }
  }
  const rank = new Int32Array(n);
  for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) if (reach[x * n + y]) rank[y]!++;
  return { rank, above: reach, order: orderByRank(rank) };
}

const transpose = (p: number, n: number) => (p % n) * n + Math.floor(p / n);

/** Item indices sorted by rank, then index. */
export function orderByRank(rank: Int32Array): Int32Array {
  return Int32Array.from(rank.keys()).sort((a, b) => rank[a]! - rank[b]! || a - b);
}
