/**
 * A minimal campaign kind that lives in the test folder: participants write short notes on a
 * campaign's prompt. It implements the whole kind contract with its own tables, so tests can show
 * that the shared modules pick up a kind registered with one line, with no edit elsewhere.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt } from "../../../src/store/columns.ts";
import type { Queryable, Store, Tx } from "../../../src/store/open.ts";
import type { CampaignKind } from "../../../src/platform/kind.ts";
import type { ServiceDeps } from "../../../src/platform/deps.ts";
import { newId } from "../../../src/platform/ids.ts";
import { requireOpenCampaign } from "../../../src/platform/campaigns/guards.ts";
import { participantOf } from "../../../src/platform/auth/http-auth.ts";
import { signContribution } from "../../../src/platform/participants/participant-keys.ts";
import type { Participant } from "../../../src/platform/participants/participants.ts";
import { logEntryUrl } from "../../../src/platform/log/views.ts";
import { CampaignParam, createdWith, jsonBody, meta } from "../../../src/http/route.ts";
import { latestEntries, SOURCE_COLUMNS, sourceOf, streamRows } from "../../../src/datasets/log-sources.ts";

export const notePrompts = pgTable("test_note_prompts", {
  campaignId: text("campaign_id").primaryKey(),
  prompt: text("prompt").notNull(),
});

export const notes = pgTable("test_notes", {
  id: text("id").primaryKey(),
  campaignId: text("campaign_id").notNull(),
  participantId: text("participant_id").notNull(),
  text: text("text").notNull(),
  createdAt: createdAt(),
  hiddenAt: timestamp("hidden_at", { withTimezone: true, mode: "date" }),
  hiddenReason: text("hidden_reason"),
});

/** The kind's migration: a real kind ships it in src/store/migrations. */
export async function migrateNotes(store: Store) {
  await store.db.execute(sql`CREATE TABLE IF NOT EXISTS test_note_prompts (campaign_id text PRIMARY KEY, prompt text NOT NULL)`);
  await store.db.execute(sql`
    CREATE TABLE IF NOT EXISTS test_notes (
      id text PRIMARY KEY, campaign_id text NOT NULL, participant_id text NOT NULL, text text NOT NULL,
      created_at timestamptz NOT NULL, hidden_at timestamptz, hidden_reason text)`);
}

const Settings = z.object({ prompt: z.string().trim().min(1).max(500) });
const Changes = z.object({ prompt: z.string().trim().min(1).max(500).optional() });
const Note = z.object({ note: z.object({ id: z.string(), text: z.string() }), receipt: z.object({ index: z.number() }).passthrough() });

async function readPrompt(db: Queryable, campaignId: string) {
  const [row] = await db.select({ prompt: notePrompts.prompt }).from(notePrompts).where(eq(notePrompts.campaignId, campaignId));
  return { prompt: row?.prompt ?? "" };
}

async function writeNote(deps: ServiceDeps, participant: Participant, body: string) {
  const { value: note, receipts } = await deps.log.commit(async (tx, now) => {
    await requireOpenCampaign(tx, participant.campaignId);
    const content = { text: body };
    const signed = await signContribution(tx, participant, "notes/note", content, now);
    const id = newId("note");
    await tx.insert(notes).values({ id, campaignId: participant.campaignId, participantId: participant.id, text: body, createdAt: now });
    const draft = { kind: "notes/note", campaign: participant.campaignId, author: signed.author, refs: { note: id, sig: signed.signature }, content, participant: participant.id };
    return { value: { id, text: body }, drafts: [draft] };
  });
  return { note, receipt: receipts[0]! };
}

function registerNoteRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/notes",
      ...meta("Notes", "Write a note on the campaign's prompt", { id: "writeNote", auth: "participant" }),
      request: { params: CampaignParam, body: jsonBody(z.object({ text: z.string().trim().min(1).max(1000) })) },
      responses: createdWith(Note, "The note and its receipt"),
    }),
    async (c) => {
      const participant = await participantOf(c, deps, c.req.valid("param").campaign);
      const written = await writeNote(deps, participant, c.req.valid("json").text);
      return c.json(written, 201, { Location: logEntryUrl(written.receipt.index) });
    },
  );
}

const visibleNotes = (campaignId: string) => and(eq(notes.campaignId, campaignId), isNull(notes.hiddenAt));

/** The visible notes with text, oldest first, each citing its log entry (the dataset exports' path). */
function readNotes(db: Queryable, campaignId: string) {
  type Row = Parameters<typeof sourceOf>[0] & { id: string; participant_id: string; text: string };
  return streamRows<Row>(
    db,
    sql`SELECT n.id, n.participant_id, n.text, ${SOURCE_COLUMNS} FROM test_notes n
      LEFT JOIN ${latestEntries(campaignId, ["notes/note"], "note")} src ON src.ref = n.id
      WHERE n.campaign_id = ${campaignId} AND n.hidden_at IS NULL AND n.text <> '' ORDER BY n.created_at, n.id`,
  );
}

export const notesKind: CampaignKind = {
  id: "notes",
  summary: "Participants write short notes on a prompt",
  campaign: {
    create: Settings,
    update: Changes,
    view: { schema: Settings, read: readPrompt },
    async insert(tx: Tx, campaignId, settings) {
      await tx.insert(notePrompts).values({ campaignId, prompt: Settings.parse(settings).prompt });
    },
    async change(tx: Tx, campaignId, changes) {
      const { prompt } = Changes.parse(changes);
      if (prompt !== undefined) await tx.update(notePrompts).set({ prompt }).where(eq(notePrompts.campaignId, campaignId));
    },
    flags: [{ flag: "--prompt <text>", field: "prompt", description: "what participants write notes on" }],
    describe: (settings) => [`  prompt: ${String(settings.prompt)}`],
  },
  steps: ["write"],
  entryKinds: ["notes/note"],
  moderated: { note: { table: notes, label: notes.text } },
  async erase(tx, participantId) {
    await tx.update(notes).set({ text: "" }).where(eq(notes.participantId, participantId));
    return { entries: [], removed: {} };
  },
  textTables: ["test_notes"],
  participantSummary: {
    schema: z.object({ notes: z.number().int() }),
    async read(db, participantId) {
      const [row] = await db.select({ n: count() }).from(notes).where(and(eq(notes.participantId, participantId), isNull(notes.hiddenAt)));
      return { notes: row?.n ?? 0 };
    },
  },
  stats: {
    schema: z.object({ notes: z.number().int() }),
    async read(db, campaignId) {
      const [row] = await db.select({ n: count() }).from(notes).where(visibleNotes(campaignId));
      return { notes: row?.n ?? 0 };
    },
  },
  routes: registerNoteRoutes,
  commands(program) {
    program.command("notes").description("notes written on a campaign's prompt");
  },
  datasets: {
    tables: [
      {
        name: "notes",
        description: "The visible notes, oldest first",
        columns: [
          { name: "note", type: "string", description: "The note's id" },
          { name: "participant", type: "string", description: "Who wrote it" },
          { name: "text", type: "string", description: "The note", content: "text" },
        ],
        async *rows(db, campaignId) {
          for await (const row of readNotes(db, campaignId)) yield { values: { note: row.id, participant: row.participant_id, text: row.text }, sources: sourceOf(row) };
        },
      },
    ],
    async *comments() {},
    trainer: {
      async *sft(db, campaignId) {
        const { prompt } = await readPrompt(db, campaignId);
        for await (const row of readNotes(db, campaignId)) {
          yield { group: campaignId, prompt: [{ role: "user", content: prompt }], completion: row.text, sources: sourceOf(row) };
        }
      },
    },
    card: {
      collection: "Participants wrote short notes on the campaign's prompt.",
      rows: { notes: "One visible note.", sft: "The prompt, answered by one participant's note." },
      biases: ["Notes are short and written by whoever joined."],
    },
  },
};
