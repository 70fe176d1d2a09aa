import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexVotes } from "../core/index-votes.ts";
import { RELATIONSHIPS, type Relationship, type UpgradeVote } from "../core/types.ts";
import { countVotes, indexVoteText, type VoteText } from "./vote-text.ts";

interface Row {
  updated: number;
  id: string;
  participant: string;
  from: string;
  to: string;
  context: string;
  relationship: Relationship;
}

/** How votes were counted before they were read as text: sorted rows, then one map pass. */
function countStraightforwardly(rows: Row[], text: Omit<VoteText, "chunks">) {
  const sorted = [...rows].sort((a, b) => a.updated - b.updated || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const latest = new Map<string, UpgradeVote>();
  for (const row of sorted) {
    const from = text.roots.get(row.from) ?? row.from;
    const to = text.roots.get(row.to) ?? row.to;
    if (from === to || text.hidden.has(from) || text.hidden.has(to)) continue;
    latest.set(`${row.participant}\u0000${from}\u0000${to}\u0000${row.context}`, { participant: row.participant, from, to, context: row.context, relationship: row.relationship });
  }
  return indexVotes([...latest.values()], { cards: text.cards, contexts: text.contexts });
}

const CARDS: string[] = ["cc_a", "cc_b", "cc_c", "cc_d", "cc_e"];
const card = fc.constantFrom(...CARDS);
const row = fc.record({
  updated: fc.integer({ min: 0, max: 5 }),
  participant: fc.constantFrom("par_1", "par_2", "par_3"),
  from: card,
  to: card,
  context: fc.constantFrom("ctx_1", "ctx_2"),
  relationship: fc.constantFrom(...RELATIONSHIPS),
});

describe("indexVoteText", () => {
  it("counts the rows as sorting them and keeping each key's last vote in its first place does, in any chunking", () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.array(fc.tuple(card, card), { maxLength: 3 }),
        fc.subarray(CARDS, { maxLength: 2 }),
        fc.integer({ min: 1, max: 5 }),
        (drawn, merges, hidden, chunkSize) => {
          const rows = drawn.map((r, i) => ({ ...r, id: `vote_${String(i).padStart(3, "0")}` }));
          const roots = new Map(merges.filter(([a, b]) => a !== b).map(([a, b]) => [a, b]));
          const setting = { cards: [...CARDS].reverse().filter((c) => !roots.has(c) && !hidden.includes(c)), contexts: ["ctx_2", "ctx_1"], roots, hidden: new Set(hidden) };
          const lines = rows.map((r) => [r.updated, r.id, r.participant, r.from, r.to, r.context, r.relationship].join("\t")).reverse();
          const chunks = Array.from({ length: Math.ceil(lines.length / chunkSize) }, (_, k) => lines.slice(k * chunkSize, (k + 1) * chunkSize).join("\n"));
          const expected = countStraightforwardly(rows, setting);
          expect(indexVoteText({ chunks, ...setting })).toEqual(expected);
          expect(countVotes({ chunks, ...setting }).length).toBe(expected.table.length);
        },
      ),
    );
  });
});
