import { orderByColumns } from "./order-by.ts";
import type { VoteTable } from "./types.ts";

/**
 * Votes sorted by (context, lower card, higher card), or by (lower card, higher card) alone,
 * each column gathered into that order.
 */
export interface SortedVotes {
  /** Row of the vote table at each sorted position. */
  readonly order: Int32Array;
  readonly context: Int32Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** 1 when the vote went from lo to hi. */
  readonly forward: Uint8Array;
  readonly relationship: Uint8Array;
  readonly participant: Int32Array;
  /** The voter's group, −1 when unknown or when no groups were given. */
  readonly group: Int32Array;
}

/**
 * Sorts votes so that both directions of a pair in a context sit in one run (radix sort, O(V +
 * cards)), then gathers every column once so that later passes read memory in sequence.
 */
export function sortVotesByPair(table: VoteTable, groupOf: Int32Array | undefined, byContext = true): SortedVotes {
  const n = table.length;
  const { from, to } = table;
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    lo[i] = Math.min(from[i]!, to[i]!);
    hi[i] = Math.max(from[i]!, to[i]!);
  }
  const pairColumns = [
    { values: lo, size: table.cardCount },
    { values: hi, size: table.cardCount },
  ];
  const contextColumn = { values: table.context, size: table.contextCount };
  const order = orderByColumns(byContext ? [contextColumn, ...pairColumns] : pairColumns, n);
  const context = new Int32Array(n);
  const sortedLo = new Int32Array(n);
  const sortedHi = new Int32Array(n);
  const forward = new Uint8Array(n);
  const relationship = new Uint8Array(n);
  const participant = new Int32Array(n);
  const group = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    context[k] = table.context[i]!;
    sortedLo[k] = lo[i]!;
    sortedHi[k] = hi[i]!;
    forward[k] = from[i] === lo[i] ? 1 : 0;
    relationship[k] = table.relationship[i]!;
    participant[k] = table.participant[i]!;
  }
  if (groupOf) for (let k = 0; k < n; k++) group[k] = groupOf[participant[k]!]!;
  return { order, context, lo: sortedLo, hi: sortedHi, forward, relationship, participant, group };
}
