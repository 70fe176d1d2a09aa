import { sortVotesByPair } from "./sorted-votes.ts";
import { NO_UPGRADE, NOT_SURE, UPGRADE, type VoteTable } from "./types.ts";

/**
 * Vote counts per ordered card pair, keyed without context, as the Meaning Alignment Institute's
 * 2023 moral graph counts them. Rows come by unordered pair {lo, hi}: lo → hi, then hi → lo.
 */
export interface Mai2023PairCounts {
  readonly count: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Upgrade votes on from → to. */
  readonly wiser: Int32Array;
  /** No-upgrade votes on from → to. */
  readonly notWiser: Int32Array;
  /** Not-sure votes on from → to. */
  readonly unsure: Int32Array;
  /** Upgrade votes on to → from. */
  readonly lessWise: Int32Array;
  /** Every vote on from → to or on to → from. */
  readonly impressions: Int32Array;
  /**
   * Position of the pair in MAI's insertion-ordered map. Their code walks the votes twice, first
   * forwards (event i is vote i on from → to), then backwards (event V + i is vote i on to → from),
   * creating a pair at its first event; this is that event.
   */
  readonly firstSeen: Int32Array;
  /** Contexts of pair i: `contexts[contextStart[i] .. contextStart[i + 1])`, in first-seen order. */
  readonly contextStart: Int32Array;
  readonly contexts: Int32Array;
}

/**
 * Counts votes per ordered pair the way MAI's `summarizeGraph` does: every vote on A → B counts
 * on (A, B) as wiser / notWiser / unsure and on (B, A) as lessWise when an upgrade, with an
 * impression on both. One sort by unordered pair puts all votes of both directions in one run.
 */
export function countMai2023Pairs(table: VoteTable): Mai2023PairCounts {
  const votes = table.length;
  const { order, lo, hi, forward, relationship, context } = sortVotesByPair(table, undefined, false);
  let count = 0;
  for (let k = 0; k < votes; k++) {
    if (k === 0 || lo[k] !== lo[k - 1] || hi[k] !== hi[k - 1]) count += lo[k] === hi[k] ? 1 : 2;
  }
  const from = new Int32Array(count);
  const to = new Int32Array(count);
  const wiser = new Int32Array(count);
  const notWiser = new Int32Array(count);
  const unsure = new Int32Array(count);
  const lessWise = new Int32Array(count);
  const impressions = new Int32Array(count);
  const firstSeen = new Int32Array(count);
  const contextStart = new Int32Array(count + 1);
  const contexts = new Int32Array(2 * votes);
  const lastPairOfContext = new Int32Array(table.contextCount).fill(-1);
  let written = 0;
  let pair = 0;

  // Adds pair (a, b) from the run [k, end): own = votes whose `forward` flag is `ownFlag`.
  const addPair = (k: number, end: number, a: number, b: number, ownFlag: number, self: boolean) => {
    from[pair] = a;
    to[pair] = b;
    contextStart[pair] = written;
    let firstOwn = -1;
    let firstOther = -1;
    for (let q = k; q < end; q++) {
      const own = self || forward[q] === ownFlag;
      const rel = relationship[q];
      const row = order[q]!;
      if (own) {
        if (firstOwn < 0) firstOwn = row;
        if (rel === UPGRADE) wiser[pair]!++;
        else if (rel === NO_UPGRADE) notWiser[pair]!++;
        else if (rel === NOT_SURE) unsure[pair]!++;
      }
      if (!own || self) {
        if (firstOther < 0) firstOther = row;
        if (rel === UPGRADE) lessWise[pair]!++;
      }
      impressions[pair]! += self ? 2 : 1;
    }
    firstSeen[pair] = firstOwn >= 0 ? firstOwn : votes + firstOther;
    // Contexts in event order: this direction's votes first, then the other direction's.
    for (const wantOwn of [true, false]) {
      for (let q = k; q < end; q++) {
        if ((self || forward[q] === ownFlag) !== wantOwn) continue;
        const c = context[q]!;
        if (lastPairOfContext[c] !== pair) {
          lastPairOfContext[c] = pair;
          contexts[written++] = c;
        }
      }
    }
    pair++;
  };

  for (let k = 0; k < votes; ) {
    const a = lo[k]!;
    const b = hi[k]!;
    let end = k + 1;
    while (end < votes && lo[end] === a && hi[end] === b) end++;
    if (a === b) addPair(k, end, a, a, 1, true);
    else {
      addPair(k, end, a, b, 1, false);
      addPair(k, end, b, a, 0, false);
    }
    k = end;
  }
  contextStart[count] = written;
  return {
    count,
    from,
    to,
    wiser,
    notWiser,
    unsure,
    lessWise,
    impressions,
    firstSeen,
    contextStart,
    contexts: contexts.slice(0, written),
  };
}
