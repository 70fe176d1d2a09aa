import { orderByColumns } from "./order-by.ts";
import { NO_UPGRADE, NOT_SURE, UPGRADE, type VoteTable } from "./types.ts";

/**
 * Vote counts per ordered card pair, keyed without context, as the Meaning Alignment Institute's
 * 2023 moral graph counts them. Rows are sorted by (from, to).
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
  /** Position of the pair in MAI's insertion-ordered map: the first vote event that touched it. */
  readonly firstSeen: Int32Array;
  /** Contexts of pair i: `contexts[contextStart[i] .. contextStart[i + 1])`, in first-seen order. */
  readonly contextStart: Int32Array;
  readonly contexts: Int32Array;
}

/**
 * Counts votes per ordered pair the way MAI's `summarizeGraph` does: every vote on A → B is one
 * event on (A, B) and one on (B, A). Event e < V is vote e forwards, event V + e is vote e
 * backwards, so event order equals the order of their two passes over the votes.
 */
export function countMai2023Pairs(table: VoteTable): Mai2023PairCounts {
  const votes = table.length;
  const events = 2 * votes;
  const src = new Int32Array(events);
  const dst = new Int32Array(events);
  src.set(table.from, 0);
  src.set(table.to, votes);
  dst.set(table.to, 0);
  dst.set(table.from, votes);
  const cards = table.cardCount;
  const order = orderByColumns(
    [
      { values: src, size: cards },
      { values: dst, size: cards },
    ],
    events,
  );

  let count = 0;
  for (let i = 0; i < events; i++) {
    const e = order[i]!;
    const p = i === 0 ? -1 : order[i - 1]!;
    if (i === 0 || src[e] !== src[p] || dst[e] !== dst[p]) count++;
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
  const contexts = new Int32Array(events);
  const lastPairOfContext = new Int32Array(table.contextCount).fill(-1);

  let pair = -1;
  let written = 0;
  for (let i = 0; i < events; i++) {
    const e = order[i]!;
    if (pair < 0 || src[e] !== from[pair] || dst[e] !== to[pair]) {
      pair++;
      from[pair] = src[e]!;
      to[pair] = dst[e]!;
      firstSeen[pair] = e;
      contextStart[pair] = written;
    }
    const forward = e < votes;
    const vote = forward ? e : e - votes;
    const relationship = table.relationship[vote];
    impressions[pair]!++;
    if (forward) {
      if (relationship === UPGRADE) wiser[pair]!++;
      else if (relationship === NO_UPGRADE) notWiser[pair]!++;
      else if (relationship === NOT_SURE) unsure[pair]!++;
    } else if (relationship === UPGRADE) {
      lessWise[pair]!++;
    }
    const context = table.context[vote]!;
    if (lastPairOfContext[context] !== pair) {
      lastPairOfContext[context] = pair;
      contexts[written++] = context;
    }
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
