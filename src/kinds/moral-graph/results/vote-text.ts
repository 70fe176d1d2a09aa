import { RELATIONSHIPS, type IndexedVotes, type Relationship, type UpgradeVote } from "../core/types.ts";

/**
 * A campaign's vote rows as the database writes them out in chunks (`load-votes.ts`), one row a
 * line: `updated-at-µs TAB vote-id TAB participant TAB from TAB to TAB context TAB relationship`,
 * chunks in any order; and what they are counted against.
 */
export interface VoteText {
  readonly chunks: readonly string[];
  /** Active canonical cards, in listing order: their indices in the vote table. */
  readonly cards: readonly string[];
  readonly contexts: readonly string[];
  /** Where each card merged into another now counts (decision 0003). */
  readonly roots: ReadonlyMap<string, string>;
  readonly hidden: ReadonlySet<string>;
}

function createInterner() {
  const ids: string[] = [];
  const index = new Map<string, number>();
  return {
    ids,
    intern(id: string): number {
      let i = index.get(id);
      if (i === undefined) index.set(id, (i = ids.push(id) - 1));
      return i;
    },
  };
}

const CODE = new Map<string, number>(RELATIONSHIPS.map((r, i) => [r, i]));

/** The rows as columns of small integers; self-upgrades and votes touching a hidden card left out. */
function parseRows(text: VoteText) {
  const lines = text.chunks.flatMap((chunk) => (chunk === "" ? [] : chunk.split("\n")));
  const people = createInterner();
  const cards = createInterner();
  const contexts = createInterner();
  const updated = new Float64Array(lines.length);
  const voteIds: string[] = [];
  const columns = new Int32Array(4 * lines.length);
  const relationship = new Uint8Array(lines.length);
  let n = 0;
  for (const line of lines) {
    const [time, id, participant, rawFrom, rawTo, context, rel] = line.split("\t") as [string, string, string, string, string, string, Relationship];
    const from = text.roots.get(rawFrom) ?? rawFrom;
    const to = text.roots.get(rawTo) ?? rawTo;
    if (from === to || text.hidden.has(from) || text.hidden.has(to)) continue;
    updated[n] = Number(time);
    voteIds.push(id);
    columns.set([people.intern(participant), cards.intern(from), cards.intern(to), contexts.intern(context)], 4 * n);
    relationship[n] = CODE.get(rel)!;
    n++;
  }
  return { n, updated, voteIds, columns, relationship, people: people.ids, cards: cards.ids, contexts: contexts.ids };
}

/**
 * The votes as they count, as a vote table in which every active card is a node, voted on or not.
 * Rows come in the order of their last change (then vote id). Votes on merged cards count for the
 * card they were merged into; when a merge makes two of a participant's votes share a key, the
 * later one counts, in the place of the first, as it would had the participant voted again; an
 * upgrade from a card to itself is dropped, and so is a vote touching a hidden card. Rows are
 * kept as columns of integers until the end: a campaign's votes take a few megabytes, not hundreds.
 */
export function indexVoteText(text: VoteText): IndexedVotes {
  const rows = parseRows(text);
  const order = Int32Array.from({ length: rows.n }, (_, i) => i).sort(
    (a, b) => rows.updated[a]! - rows.updated[b]! || (rows.voteIds[a]! < rows.voteIds[b]! ? -1 : rows.voteIds[a]! > rows.voteIds[b]! ? 1 : 0),
  );
  const c = rows.columns;
  const slotOfKey = new Map<string, number>();
  const latest: number[] = [];
  for (const row of order) {
    const key = `${c[4 * row]} ${c[4 * row + 1]} ${c[4 * row + 2]} ${c[4 * row + 3]}`;
    const slot = slotOfKey.get(key);
    if (slot === undefined) slotOfKey.set(key, latest.push(row) - 1);
    else latest[slot] = row;
  }
  // Indices as indexVotes gives them: the listed cards and contexts first, then each id in the
  // order the counted rows first name it (participant, from, to, context).
  const people = createInterner();
  const cards = createInterner();
  const contexts = createInterner();
  for (const id of text.cards) cards.intern(id);
  for (const id of text.contexts) contexts.intern(id);
  const n = latest.length;
  const table = {
    length: n,
    participant: new Int32Array(n),
    from: new Int32Array(n),
    to: new Int32Array(n),
    context: new Int32Array(n),
    relationship: new Uint8Array(n),
  };
  latest.forEach((row, i) => {
    table.participant[i] = people.intern(rows.people[c[4 * row]!]!);
    table.from[i] = cards.intern(rows.cards[c[4 * row + 1]!]!);
    table.to[i] = cards.intern(rows.cards[c[4 * row + 2]!]!);
    table.context[i] = contexts.intern(rows.contexts[c[4 * row + 3]!]!);
    table.relationship[i] = rows.relationship[row]!;
  });
  return {
    table: { ...table, cardCount: cards.ids.length, contextCount: contexts.ids.length, participantCount: people.ids.length },
    cardIds: cards.ids,
    contextIds: contexts.ids,
    participantIds: people.ids,
  };
}

/** The counted votes (`indexVoteText`) with their string ids. */
export function countVotes(text: VoteText): UpgradeVote[] {
  const { table, cardIds, contextIds, participantIds } = indexVoteText(text);
  return Array.from({ length: table.length }, (_, i) => ({
    participant: participantIds[table.participant[i]!]!,
    from: cardIds[table.from[i]!]!,
    to: cardIds[table.to[i]!]!,
    context: contextIds[table.context[i]!]!,
    relationship: RELATIONSHIPS[table.relationship[i]!]!,
  }));
}
