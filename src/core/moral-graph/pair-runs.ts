/** Runs of votes on one unordered pair in one context, found in the sorted vote order. */
export interface PairRuns {
  /** Positions in the order where a run starts; runs of self-votes are left out. */
  readonly start: Int32Array;
  /** Position one past each run's end. */
  readonly end: Int32Array;
  /** Directions judged over all runs: the number of edges these runs make. */
  readonly directions: number;
  readonly selfVotes: number;
}

/** Splits votes, already sorted by (context, lo, hi), into runs of equal keys. */
export function findPairRuns(
  order: Int32Array,
  context: Int32Array,
  lo: Int32Array,
  hi: Int32Array,
  from: Int32Array,
): PairRuns {
  const n = order.length;
  const starts: number[] = [];
  const ends: number[] = [];
  let directions = 0;
  let selfVotes = 0;
  for (let k = 0; k < n; ) {
    const i = order[k]!;
    let forward = 0;
    let backward = 0;
    let end = k;
    for (; end < n; end++) {
      const j = order[end]!;
      if (context[j] !== context[i] || lo[j] !== lo[i] || hi[j] !== hi[i]) break;
      if (from[j] === lo[j]) forward = 1;
      else backward = 1;
    }
    if (lo[i] === hi[i]) selfVotes += end - k;
    else {
      starts.push(k);
      ends.push(end);
      directions += forward + backward;
    }
    k = end;
  }
  return { start: Int32Array.from(starts), end: Int32Array.from(ends), directions, selfVotes };
}
