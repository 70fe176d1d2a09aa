import {
  NO_UPGRADE,
  NOT_SURE,
  UPGRADE,
  type IndexedVotes,
  type Relationship,
  type UpgradeVote,
} from "./types.ts";

const RELATIONSHIP_CODE: Record<Relationship, number> = {
  upgrade: UPGRADE,
  no_upgrade: NO_UPGRADE,
  not_sure: NOT_SURE,
};

function createInterner(seed: readonly string[] = []) {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const intern = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      ids.push(id);
      index.set(id, i);
    }
    return i;
  };
  for (const id of seed) intern(id);
  return { ids, intern };
}

/**
 * Turns string-keyed votes into a columnar {@link VoteTable}.
 * `cards` and `contexts` may list ids up front so that indices are stable and
 * cards without votes still appear; ids first seen in votes are appended.
 */
export function indexVotes(
  votes: readonly UpgradeVote[],
  known: { cards?: readonly string[]; contexts?: readonly string[] } = {},
): IndexedVotes {
  const cards = createInterner(known.cards);
  const contexts = createInterner(known.contexts);
  const participants = createInterner();
  const n = votes.length;
  const participant = new Int32Array(n);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const context = new Int32Array(n);
  const relationship = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = votes[i]!;
    participant[i] = participants.intern(v.participant);
    from[i] = cards.intern(v.from);
    to[i] = cards.intern(v.to);
    context[i] = contexts.intern(v.context);
    relationship[i] = RELATIONSHIP_CODE[v.relationship];
  }
  return {
    table: {
      length: n,
      participant,
      from,
      to,
      context,
      relationship,
      cardCount: cards.ids.length,
      contextCount: contexts.ids.length,
      participantCount: participants.ids.length,
    },
    cardIds: cards.ids,
    contextIds: contexts.ids,
    participantIds: participants.ids,
  };
}
