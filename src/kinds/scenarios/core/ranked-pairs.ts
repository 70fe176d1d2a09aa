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
  const pairs = sortedMajorities(wins, n, election.ballots);
  // Row x of `reach` is a bitset of the items a chain of locked pairs leads to from x.
  const words = (n + 31) >>> 5;
  const reach = new Int32Array(n * words);
  const has = (x: number, y: number) => (reach[x * words + (y >>> 5)]! >>> (y & 31)) & 1;
  for (const p of pairs) {
    const a = Math.floor(p / n);
    const b = p % n;
    if (has(b, a) || has(a, b)) continue;
    for (let x = 0; x < n; x++) {
      if (x !== a && !has(x, a)) continue;
      for (let w = 0; w < words; w++) reach[x * words + w]! |= reach[b * words + w]!;
      reach[x * words + (b >>> 5)]! |= 1 << (b & 31);
    }
  }
  const rank = new Int32Array(n);
  const above = new Uint8Array(n * n);
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      if (!has(x, y)) continue;
      above[x * n + y] = 1;
      rank[y]!++;
    }
  }
  return { rank, above, order: orderByRank(rank) };
}

/**
 * The pairs a·n + b with a majority for a over b, strongest first. The three sort keys fit one
 * float when (ballots + 1)² n² < 2⁵³, which lets a typed array sort them without a comparator.
 */
function sortedMajorities(wins: Int32Array, n: number, ballots: number): Iterable<number> {
  const span = ballots + 1;
  const keyed = span * span * n * n < Number.MAX_SAFE_INTEGER;
  const keys: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const win = wins[a * n + b]!;
      const loss = wins[b * n + a]!;
      if (win > loss) keys.push(keyed ? ((ballots - win) * span + loss) * n * n + a * n + b : a * n + b);
    }
  }
  if (keyed) return Float64Array.from(keys).sort().map((key) => key % (n * n));
  return keys.sort((p, q) => wins[q]! - wins[p]! || wins[transpose(p, n)]! - wins[transpose(q, n)]! || p - q);
}
const transpose = (p: number, n: number) => (p % n) * n + Math.floor(p / n);

/** Item indices sorted by rank, then index. */
export function orderByRank(rank: Int32Array): Int32Array {
  return Int32Array.from(rank.keys()).sort((a, b) => rank[a]! - rank[b]! || a - b);
}
