import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../store/open.ts";
import { participantAnswers, participants } from "../platform/participants/schema.ts";
import { visibleGroups } from "../platform/campaigns/group-privacy.ts";
import type { DemographicQuestion } from "../platform/campaigns/schema.ts";
import { latestEntries, SOURCE_COLUMNS, sourceOf, streamRows } from "./log-sources.ts";
import type { DatasetColumn, DatasetRow, DatasetTable, KindDatasets } from "./types.ts";

// The tables every campaign has, whatever its kind: who took part (with the demographic answers
// a dataset may carry), the closing survey, and every free-text comment.

/**
 * The demographic questions a dataset carries and, for each, the answers it may show: a dataset
 * is made to be published, so it follows the public rules (DESIGN.md, group-privacy.ts) even for
 * a researcher: only questions with fixed options, and no answer shared by fewer people than the
 * campaign's minimum group size (nor so few hidden ones that the rest would give them away).
 */
export async function permittedAnswers(db: Queryable, campaignId: string, demographics: readonly DemographicQuestion[], minGroupSize: number) {
  const permitted = new Map<string, Set<string | null>>();
  const sizesOf = new Map<string, Map<string | null, number>>();
  for (const question of demographics.filter((q) => (q.options?.length ?? 0) > 0)) {
    const rows = await db
      .select({ value: participantAnswers.value, n: sql<number>`count(*)::int` })
      .from(participantAnswers)
      .innerJoin(participants, eq(participants.id, participantAnswers.participantId))
      .where(and(eq(participants.campaignId, campaignId), eq(participantAnswers.key, question.key)))
      .groupBy(participantAnswers.value);
    const [{ n: everyone } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(participants).where(eq(participants.campaignId, campaignId));
    const sizes = new Map<string | null, number>(rows.map((r) => [r.value, r.n]));
    const answered = rows.reduce((sum, r) => sum + r.n, 0);
    if (everyone > answered) sizes.set(null, everyone - answered);
    permitted.set(question.key, visibleGroups(sizes, question, { audience: "public", minGroupSize }));
    sizesOf.set(question.key, sizes);
  }
  return Object.assign(permitted, { sizes: sizesOf });
}

/** Who took part, for the dataset card: everyone, and per question the groups a published dataset may show. */
export async function describeParticipants(db: Queryable, campaignId: string, demographics: readonly DemographicQuestion[], minGroupSize: number) {
  const [{ n: everyone } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(participants).where(eq(participants.campaignId, campaignId));
  const permitted = await permittedAnswers(db, campaignId, demographics, minGroupSize);
  const questions = [...permitted].map(([key, shown]) => {
    const sizes = permitted.sizes.get(key)!;
    const groups = [...sizes].filter(([answer]) => answer !== null && shown.has(answer)).map(([answer, count]) => ({ answer: answer!, count }));
    groups.sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer));
    const hidden = everyone - groups.reduce((sum, g) => sum + g.count, 0);
    return { key, question: demographics.find((q) => q.key === key)!.question, groups, hidden };
  });
  return { participants: everyone, questions, freeText: demographics.filter((q) => !(q.options?.length ?? 0)).map((q) => q.key) };
}

/** A demographic question's column: `demographic_` and its key in lower_snake_case. */
export const demographicColumn = (key: string) => `demographic_${key.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "")}`;

interface CampaignFacts {
  readonly demographics: readonly DemographicQuestion[];
  readonly minGroupSize: number;
}

function participantsTable(facts: CampaignFacts): DatasetTable {
  const asked = facts.demographics.filter((q) => (q.options?.length ?? 0) > 0);
  return {
    name: "participants",
    description: "Everyone who took part, by pseudonymous id, with the demographic answers a published dataset may carry",
    columns: [
      { name: "participant", type: "string", description: "The participant's pseudonymous id in this campaign" },
      { name: "joined_at", type: "timestamp", description: "When they joined (ISO-8601 UTC)" },
      ...asked.map((q): DatasetColumn => ({
        name: demographicColumn(q.key),
        type: "string",
        description: `${q.question} (one of ${q.options!.join(", ")}; empty when unanswered or in a group of fewer than ${facts.minGroupSize})`,
      })),
    ],
    async *rows(db, campaignId) {
      const permitted = await permittedAnswers(db, campaignId, asked, facts.minGroupSize);
      const query = sql`
        SELECT p.id, p.created_at, ${SOURCE_COLUMNS},
          (SELECT coalesce(json_object_agg(a.key, a.value), '{}'::json) FROM participant_answers a WHERE a.participant_id = p.id) AS answers
        FROM participants p
        LEFT JOIN participant_keys k ON k.participant_id = p.id
        LEFT JOIN ${latestEntries(campaignId, ["participant_joined"], "author")} src ON src.ref = k.public_key
        WHERE p.campaign_id = ${campaignId}
        ORDER BY p.created_at, p.id`;
      type Row = Parameters<typeof sourceOf>[0] & { id: string; created_at: Date | string; answers: Record<string, string> | string };
      for await (const row of streamRows<Row>(db, query)) {
        const answers = typeof row.answers === "string" ? (JSON.parse(row.answers) as Record<string, string>) : row.answers;
        const values: Record<string, string | null> = { participant: row.id, joined_at: new Date(row.created_at).toISOString() };
        for (const q of asked) {
          const answer = answers[q.key] ?? null;
          values[demographicColumn(q.key)] = answer !== null && permitted.get(q.key)!.has(answer) ? answer : null;
        }
        // The join entry's content holds every answer, those left out here too: its opening is not published.
        yield { values, sources: sourceOf(row, false) };
      }
    },
  };
}

const surveyTable: DatasetTable = {
  name: "survey",
  description: "The closing survey: whether each participant felt represented and thinks the process fair (1–5), and their comment",
  columns: [
    { name: "participant", type: "string", description: "The participant's pseudonymous id" },
    { name: "represented", type: "integer", description: "I felt my views were represented (1 disagree – 5 agree)", content: "represented" },
    { name: "fair", type: "integer", description: "The process was fair (1 disagree – 5 agree)", content: "fair" },
    { name: "comment", type: "string", description: "Their comment, if any", content: "comment" },
    { name: "answered_at", type: "timestamp", description: "When they answered (ISO-8601 UTC)" },
  ],
  async *rows(db, campaignId) {
    const query = sql`
      SELECT s.participant_id, s.represented, s.fair, s.comment, s.created_at, ${SOURCE_COLUMNS}
      FROM survey_answers s
      LEFT JOIN participant_keys k ON k.participant_id = s.participant_id
      LEFT JOIN ${latestEntries(campaignId, ["survey_answer"], "author")} src ON src.ref = k.public_key
      WHERE s.campaign_id = ${campaignId}
      ORDER BY s.created_at, s.participant_id`;
    type Row = Parameters<typeof sourceOf>[0] & { participant_id: string; represented: number; fair: number; comment: string | null; created_at: Date | string };
    for await (const row of streamRows<Row>(db, query)) {
      yield {
        values: {
          participant: row.participant_id,
          represented: Number(row.represented),
          fair: Number(row.fair),
          comment: row.comment === "" ? null : row.comment,
          answered_at: new Date(row.created_at).toISOString(),
        },
        sources: sourceOf(row),
      };
    }
  },
};

/** The columns of the `comments` table, which a kind's comments fill too. */
export const COMMENT_COLUMNS: readonly DatasetColumn[] = [
  { name: "source", type: "string", description: "What the comment was written on: `survey`, or the kind's record (`vote`)" },
  { name: "record", type: "string", description: "The id of that record (a vote's id; the participant's for the survey)" },
  { name: "participant", type: "string", description: "Who wrote it, by pseudonymous id" },
  { name: "text", type: "string", description: "The comment", content: "comment" },
  { name: "written_at", type: "timestamp", description: "When it was written or last changed (ISO-8601 UTC)" },
];

function commentsTable(kind: KindDatasets): DatasetTable {
  return {
    name: "comments",
    description: "Every free-text comment participants wrote: the kind's (a vote's reason) and the closing survey's",
    columns: COMMENT_COLUMNS,
    async *rows(db, campaignId) {
      yield* kind.comments(db, campaignId);
      for await (const row of surveyTable.rows(db, campaignId)) {
        if (row.values.comment === null) continue;
        yield {
          values: { source: "survey", record: row.values.participant!, participant: row.values.participant!, text: row.values.comment!, written_at: row.values.answered_at! },
          sources: row.sources,
        } satisfies DatasetRow;
      }
    },
  };
}

/** Every raw table of a campaign of `kind`: the kind's own, then participants, survey and comments. */
export function campaignTables(kind: KindDatasets, facts: CampaignFacts): DatasetTable[] {
  return [...kind.tables, participantsTable(facts), surveyTable, commentsTable(kind)];
}

/** The names of the tables every campaign has. */
export const PLATFORM_TABLES = ["participants", "survey", "comments"] as const;

