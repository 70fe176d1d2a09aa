import { countPairwise, type Election } from "./election.ts";
import { orderByRank, type Consensus } from "./ranked-pairs.ts";

/**
 * The Schulze method (Schulze 2011, "A new monotonic, clone-independent, reversal symmetric, and
 * Condorcet-consistent single-winner election method", §2.2): the strength of the strongest path
 * from a to b, a link's strength being its winning votes (d[a,b] when d[a,b] > d[b,a], else 0),
 * by Floyd–Warshall's widest-path recursion. a is above b when p[a,b] > p[b,a]; this relation is
 * transitive (§4.1), a strict partial order: with equal path strengths two items stay unordered,
 * and `rank[i]` counts the items above i.
 */
export function schulze(election: Election, wins = countPairwise(election)): Consensus {
  const n = election.items;
  const p = new Int32Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b && wins[a * n + b]! > wins[b * n + a]!) p[a * n + b] = wins[a * n + b]!;
  for (let k = 0; k < n; k++) {
    for (let a = 0; a < n; a++) {
      if (a === k) continue;
      const ak = p[a * n + k]!;
      if (ak === 0) continue;
      for (let b = 0; b < n; b++) {
        if (b === a || b === k) continue;
        const via = Math.min(ak, p[k * n + b]!);
        if (via > p[a * n + b]!) p[a * n + b] = via;
      }
    }
  }
  const rank = new Int32Array(n);
  const above = new Uint8Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (p[a * n + b]! <= p[b * n + a]!) continue;
      above[a * n + b] = 1;
      rank[b]!++;
    }
  }
  return { rank, above, order: orderByRank(rank) };
}
