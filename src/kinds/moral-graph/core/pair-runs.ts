/** Runs of votes on one unordered pair in one context, found in the sorted vote order. */
export interface PairRuns {
  /** Positions in the sorted order where a run starts; runs of self-votes are left out. */
  readonly start: Int32Array;
  /** Position one past each run's end. */
  readonly end: Int32Array;
  /** Directions judged over all runs: the number of edges these runs make. */
  readonly directions: number;
  readonly selfVotes: number;
}

/**
 * Splits votes into runs of equal (context, lo, hi). The columns are already in sorted order;
 * `forward[k]` is 1 when vote k goes from lo to hi.
 */
export function findPairRuns(context: Int32Array, lo: Int32Array, hi: Int32Array, forward: Uint8Array): PairRuns {
  const n = context.length;
  const starts: number[] = [];
  const ends: number[] = [];
  let directions = 0;
  let selfVotes = 0;
  for (let k = 0; k < n; ) {
    const c = context[k]!;
    const a = lo[k]!;
    const b = hi[k]!;
    let seen = 0;
    let end = k;
    for (; end < n && context[end] === c && lo[end] === a && hi[end] === b; end++) {
      seen |= forward[end] ? 1 : 2;
    }
    if (a === b) selfVotes += end - k;
    else {
      starts.push(k);
      ends.push(end);
      directions += (seen & 1) + (seen >> 1);
    }
    k = end;
  }
  return { start: Int32Array.from(starts), end: Int32Array.from(ends), directions, selfVotes };
}
