import { orderByColumns } from "./order-by.ts";
import type { EdgeCounts } from "./edge-counts.ts";

/** Every ordered pair judged in some context, with its counts summed over contexts. */
export interface PooledCounts {
  readonly count: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly support: Int32Array;
  readonly against: Int32Array;
  readonly notSure: Int32Array;
  /** Row of to → from, or −1 when nobody judged that direction in any context. */
  readonly reverse: Int32Array;
  /** The pooled row of each context edge. */
  readonly ofEdge: Int32Array;
}

/**
 * Groups context edges by ordered pair (radix sort on lower card, higher card, direction, so both
 * directions of a pair sit next to each other) and sums their counts: O(E + cards).
 */
export function poolEdges(edges: EdgeCounts, cardCount: number): PooledCounts {
  const n = edges.count;
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const backward = new Int32Array(n);
  for (let e = 0; e < n; e++) {
    const a = edges.from[e]!;
    const b = edges.to[e]!;
    lo[e] = Math.min(a, b);
    hi[e] = Math.max(a, b);
    backward[e] = a > b ? 1 : 0;
  }
  const order = orderByColumns(
    [
      { values: lo, size: cardCount },
      { values: hi, size: cardCount },
      { values: backward, size: 2 },
    ],
    n,
  );
  const ofEdge = new Int32Array(n);
  let rows = 0;
  for (let k = 0; k < n; k++) {
    const e = order[k]!;
    if (k > 0) {
      const p = order[k - 1]!;
      if (edges.from[p] !== edges.from[e] || edges.to[p] !== edges.to[e]) rows++;
    }
    ofEdge[e] = rows;
  }
  const count = n > 0 ? rows + 1 : 0;
  const pooled = {
    count,
    from: new Int32Array(count),
    to: new Int32Array(count),
    support: new Int32Array(count),
    against: new Int32Array(count),
    notSure: new Int32Array(count),
    reverse: new Int32Array(count).fill(-1),
    ofEdge,
  };
  for (let e = 0; e < n; e++) {
    const row = ofEdge[e]!;
    pooled.from[row] = edges.from[e]!;
    pooled.to[row] = edges.to[e]!;
    pooled.support[row]! += edges.support[e]!;
    pooled.against[row]! += edges.against[e]!;
    pooled.notSure[row]! += edges.notSure[e]!;
  }
  for (let row = 1; row < count; row++) {
    if (pooled.from[row] === pooled.to[row - 1] && pooled.to[row] === pooled.from[row - 1]) {
      pooled.reverse[row] = row - 1;
      pooled.reverse[row - 1] = row;
    }
  }
  return pooled;
}
