import type { VoteTable } from "./types.ts";

/** One vote as plain indices: [participant, from, to, context, relationship code]. */
export type VoteRow = readonly [number, number, number, number, number];

/**
 * Builds a {@link VoteTable} from index tuples; each count is the largest index seen plus one
 * unless given larger.
 */
export function createVoteTable(
  rows: readonly VoteRow[],
  counts: { cards?: number; contexts?: number; participants?: number } = {},
): VoteTable {
  const n = rows.length;
  const participant = new Int32Array(n);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const context = new Int32Array(n);
  const relationship = new Uint8Array(n);
  let cardCount = counts.cards ?? 0;
  let contextCount = counts.contexts ?? 0;
  let participantCount = counts.participants ?? 0;
  rows.forEach(([p, a, b, c, r], i) => {
    participant[i] = p;
    from[i] = a;
    to[i] = b;
    context[i] = c;
    relationship[i] = r;
    cardCount = Math.max(cardCount, a + 1, b + 1);
    contextCount = Math.max(contextCount, c + 1);
    participantCount = Math.max(participantCount, p + 1);
  });
  return { length: n, participant, from, to, context, relationship, cardCount, contextCount, participantCount };
}
