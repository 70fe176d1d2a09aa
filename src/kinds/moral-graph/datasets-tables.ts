import { sql } from "drizzle-orm";
import type { DatasetRow, DatasetTable } from "../../datasets/types.ts";
import { latestEntries, SOURCE_COLUMNS, sourceOf, streamRows } from "../../datasets/log-sources.ts";
import type { Queryable } from "../../store/open.ts";

// The moral graph's raw tables: every counted vote and every canonical card with its question.
// Entries written before kinds were namespaced keep their flat names (kind.ts legacyEntryKinds).

const VOTE_ENTRIES = ["vote", "moral-graph/vote"];
const CARD_ENTRIES = ["canonical_card", "moral-graph/canonical_card"];

const iso = (at: Date | string) => new Date(at).toISOString();

type VoteRow = Parameters<typeof sourceOf>[0] & {
  id: string;
  participant_id: string;
  context_id: string;
  context_name: string;
  from_id: string;
  to_id: string;
  relationship: string;
  story_id: string | null;
  comment: string | null;
  updated_at: Date | string;
};

/** The campaign's visible votes (those with a reason, when `commented`) by id, each citing the log entry of its current judgment. */
function readVotes(db: Queryable, campaignId: string, commented = false) {
  const withComment = sql`comment IS NOT NULL AND comment <> ''`;
  const only = commented ? sql`(SELECT id FROM votes WHERE campaign_id = ${campaignId} AND ${withComment})` : undefined;
  return streamRows<VoteRow>(
    db,
    sql`SELECT v.id, v.participant_id, v.context_id, c.name AS context_name, v.from_id, v.to_id, v.relationship, v.story_id, v.comment, v.updated_at, ${SOURCE_COLUMNS}
      FROM votes v
      JOIN contexts c ON c.id = v.context_id
      LEFT JOIN ${latestEntries(campaignId, VOTE_ENTRIES, "vote", only)} src ON src.ref = v.id
      WHERE v.campaign_id = ${campaignId} AND v.hidden_at IS NULL ${commented ? sql`AND v.comment IS NOT NULL AND v.comment <> ''` : sql``}
      ORDER BY v.id`,
  );
}

export const votesTable: DatasetTable = {
  name: "votes",
  description: "Every counted judgment of whether one value is wiser than another in a context (moderated ones left out; merges not resolved: see cards.merged_into)",
  columns: [
    { name: "vote", type: "string", description: "The vote's id" },
    { name: "participant", type: "string", description: "Who voted, by pseudonymous id (participants.participant)" },
    { name: "context", type: "string", description: "The context's id", content: "context" },
    { name: "context_name", type: "string", description: "The context, as participants read it" },
    { name: "from", type: "string", description: "The card judged less wise (cards.card)", content: "from" },
    { name: "to", type: "string", description: "The card judged wiser, if `relationship` is upgrade (cards.card)", content: "to" },
    { name: "relationship", type: "string", description: "upgrade, no_upgrade or not_sure", content: "relationship" },
    { name: "story", type: "string", description: "The story shown with the pair, if any", content: "story" },
    { name: "comment", type: "string", description: "The participant's reason, if they gave one", content: "comment" },
    { name: "voted_at", type: "timestamp", description: "When the judgment was last made (ISO-8601 UTC)" },
  ],
  async *rows(db, campaignId) {
    for await (const v of readVotes(db, campaignId)) {
      yield {
        values: {
          vote: v.id,
          participant: v.participant_id,
          context: v.context_id,
          context_name: v.context_name,
          from: v.from_id,
          to: v.to_id,
          relationship: v.relationship,
          story: v.story_id,
          comment: v.comment === "" ? null : v.comment,
          voted_at: iso(v.updated_at),
        },
        sources: sourceOf(v),
      };
    }
  },
};

/** The vote reasons, for the `comments` table. */
export async function* voteComments(db: Queryable, campaignId: string): AsyncGenerator<DatasetRow> {
  for await (const v of readVotes(db, campaignId, true)) {
    yield {
      values: { source: "vote", record: v.id, participant: v.participant_id, text: v.comment, written_at: iso(v.updated_at) },
      sources: sourceOf(v),
    };
  }
}

type CardRow = Parameters<typeof sourceOf>[0] & {
  id: string;
  question_id: string | null;
  question_text: string | null;
  title: string;
  description: string;
  policies: string[] | string;
  merged_into: string | null;
  created_at: Date | string;
};

export const cardsTable: DatasetTable = {
  name: "cards",
  description: "The campaign's canonical values cards with the question each answers (hidden ones left out; merged ones kept, since votes name them)",
  columns: [
    { name: "card", type: "string", description: "The canonical card's id" },
    { name: "question", type: "string", description: "The question's id", content: "question" },
    { name: "question_text", type: "string", description: "The question, as participants read it" },
    { name: "title", type: "string", description: "The value's title (empty when its author's text was erased)", content: "title" },
    { name: "description", type: "string", description: "What living by the value means", content: "description" },
    { name: "policies", type: "strings", description: "Its attention policies: what a person attends to when living by it", content: "policies" },
    { name: "merged_into", type: "string", description: "The card it was merged into, whose votes count for it; empty when it stands" },
    { name: "created_at", type: "timestamp", description: "When the card was made (ISO-8601 UTC)" },
  ],
  async *rows(db, campaignId) {
    const query = sql`SELECT cc.id, cc.question_id, q.text AS question_text, cc.title, cc.description, cc.policies, cc.merged_into, cc.created_at, ${SOURCE_COLUMNS}
      FROM canonical_cards cc
      LEFT JOIN questions q ON q.id = cc.question_id
      LEFT JOIN ${latestEntries(campaignId, CARD_ENTRIES, "card")} src ON src.ref = cc.id
      WHERE cc.campaign_id = ${campaignId} AND cc.hidden_at IS NULL
      ORDER BY cc.created_at, cc.id`;
    for await (const c of streamRows<CardRow>(db, query)) {
      yield {
        values: {
          card: c.id,
          question: c.question_id,
          question_text: c.question_text,
          title: c.title,
          description: c.description,
          policies: typeof c.policies === "string" ? (JSON.parse(c.policies) as string[]) : c.policies,
          merged_into: c.merged_into,
          created_at: iso(c.created_at),
        },
        sources: sourceOf(c),
      };
    }
  },
};
