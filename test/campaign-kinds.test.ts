import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { KINDS } from "../src/kinds/index.ts";
import { moralGraph } from "../src/kinds/moral-graph/kind.ts";
import { createKindRegistry, type CampaignKind } from "../src/platform/kind.ts";
import type { Store } from "../src/store/open.ts";
import { rowsOf } from "../src/store/rows.ts";
import { createTestApi, countRows, type TestApi } from "./support/api.ts";
import { migrateNotes, notesKind } from "./support/notes-kind/kind.ts";
import { readAllEntries, readLogVerifier, verifyReceipt } from "./support/receipts.ts";
import { storeTargets } from "./support/stores.ts";
import { readJsonl, TRAINER_SCHEMAS } from "./support/dataset-schemas.ts";
import { logExport } from "./support/log-export.ts";
import { exportDataset } from "../src/datasets/export.ts";
import { verifyDataset } from "../src/datasets/verify.ts";
import { readCheckpoint } from "../src/platform/log/read.ts";
import { readTrust } from "../src/platform/log/cli/log-trust.ts";

describe("the kind registry", () => {
  const broken = (change: Partial<CampaignKind>): CampaignKind => ({ ...notesKind, ...change });

  it("registers moral graphs as the default kind", () => {
    expect(KINDS.default.id).toBe("moral-graph");
    expect(KINDS.stepsOf(moralGraph)).toEqual(["consent", "demographics", "question", "articulate", "similar", "judge", "survey", "done"]);
  });

  it("refuses entry kinds outside the kind's namespace, duplicate ids and targets, shared steps", () => {
    expect(() => createKindRegistry([broken({ entryKinds: ["note"] })])).toThrow(/must start with "notes\/"/);
    expect(() => createKindRegistry([notesKind, notesKind])).toThrow(/registered twice/);
    expect(() => createKindRegistry([moralGraph, broken({ id: "other", entryKinds: [], moderated: { vote: notesKind.moderated.note! } })])).toThrow(
      /moderation target vote/,
    );
    expect(() => createKindRegistry([broken({ steps: ["survey"] })])).toThrow(/shared step survey/);
    expect(() => createKindRegistry([broken({ id: "Notes" })])).toThrow(/lower-case words/);
  });
});

describe.each(storeTargets())("a kind registered in one line, on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let campaign: { id: string; kind: string; prompt: string };
  let token: string;
  let participant: string;
  let noteId: string;
  /** The notes table of the campaign's exports, read as the exports read it: in a transaction. */
  const noteRows = () =>
    store.transaction(async (tx) => {
      const rows = [];
      for await (const row of notesKind.datasets.tables[0]!.rows(tx, campaign.id)) rows.push(row.values);
      return rows;
    });

  beforeAll(async () => {
    store = await target.open();
    await migrateNotes(store);
    t = await createTestApi(store, { kinds: createKindRegistry([moralGraph, notesKind]) });
    const res = await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body: { kind: "notes", title: "Notes", prompt: "What should an assistant never forget?" } });
    expect(res.status).toBe(201);
    campaign = res.body.campaign;
    const joined = await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: {} });
    expect(joined.status).toBe(201);
    token = joined.body.token;
    participant = joined.body.participant.id;
  });
  afterAll(async () => store?.close());

  it("creates campaigns of the kind with its settings, and moral graphs stay the default", async () => {
    expect(campaign).toMatchObject({ kind: "notes", prompt: "What should an assistant never forget?" });
    expect(campaign).not.toHaveProperty("questions");
    const read = await t.call("GET", `/api/v1/campaigns/${campaign.id}`);
    expect(read.body.campaign.prompt).toBe(campaign.prompt);
    const missing = await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body: { kind: "notes", title: "No prompt" } });
    expect(missing.status).toBe(422);
    expect(missing.body.field).toBe("prompt");
    const unknown = await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body: { kind: "polls", title: "?" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.field).toBe("kind");
    const graph = await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body: { title: "Graph", questions: ["Q?"], contexts: ["C"] } });
    expect(graph.status).toBe(201);
    expect(graph.body.campaign.kind).toBe("moral-graph");
  });

  it("changes the kind's settings and refuses another kind's", async () => {
    const changed = await t.call("PATCH", `/api/v1/campaigns/${campaign.id}`, { token: t.researcher, body: { prompt: "What must it always remember?" } });
    expect(changed.status).toBe(200);
    expect(changed.body.campaign.prompt).toBe("What must it always remember?");
    const foreign = await t.call("PATCH", `/api/v1/campaigns/${campaign.id}`, { token: t.researcher, body: { addContexts: ["At night"] } });
    expect(foreign.status).toBe(422);
    expect(foreign.body.field).toBe("addContexts");
  });

  it("describes the kind's campaign settings, session and statistics in the OpenAPI document", async () => {
    const { schemas } = (await t.call("GET", "/api/openapi.json")).body.components;
    const variants = (name: string) => (schemas[name].anyOf as { properties: Record<string, { enum?: string[] }> }[]).map((v) => v.properties);
    expect(variants("Campaign").map((p) => p.kind?.enum)).toEqual([["moral-graph"], ["notes"]]);
    expect(variants("Campaign")[1]).toHaveProperty("prompt");
    expect(variants("Session")[1]).toHaveProperty("notes");
    expect(variants("CampaignStats")[1]).toHaveProperty("notes");
  });

  it("lists the kind in the capabilities", async () => {
    expect((await t.call("GET", "/api/v1/capabilities")).body.campaignKinds).toEqual(["moral-graph", "notes"]);
  });

  it("takes the kind's contributions, logged under its namespaced entry kind", async () => {
    const res = await t.call("POST", `/api/v1/campaigns/${campaign.id}/notes`, { token, body: { text: "That people change their minds" } });
    expect(res.status).toBe(201);
    noteId = res.body.note.id;
    expect(verifyReceipt(res.body.receipt, await readLogVerifier(t))).toBe(true);
    const entries = await readAllEntries(t);
    expect(entries.find((e) => e.index === res.body.receipt.index)?.entry.kind).toBe("notes/note");
  });

  it("exports the kind's rows through the same dataset path: tables, trainer rows, card and provenance that verify", async () => {
    const csv = await t.call("GET", `/api/v1/campaigns/${campaign.id}/tables/notes?format=csv`, { token: t.researcher });
    expect(csv.status).toBe(200);
    expect(csv.type).toContain("text/csv");
    expect(csv.body).toContain('"That people change their minds"');
    const votes = await t.call("GET", `/api/v1/campaigns/${campaign.id}/tables/votes`, { token: t.researcher });
    expect(votes.status).toBe(404);
    expect(votes.body.field).toBe("table");
    const listing = await t.call("GET", `/api/v1/campaigns/${campaign.id}/datasets/trl-sft`, { token: t.researcher });
    expect(listing.status).toBe(200);
    expect(listing.body.manifest.campaign.kind).toBe("notes");
    const train = await t.call("GET", `/api/v1/campaigns/${campaign.id}/datasets/trl-sft?file=data/train.jsonl`, { token: t.researcher });
    expect(readJsonl(train.body, TRAINER_SCHEMAS["trl-sft"])).toEqual([
      { messages: [{ role: "user", content: "What must it always remember?" }, { role: "assistant", content: "That people change their minds" }] },
    ]);
    const pairs = await t.call("GET", `/api/v1/campaigns/${campaign.id}/datasets/trl-preference`, { token: t.researcher });
    expect(pairs.status).toBe(422);
    expect(pairs.body.field).toBe("format");
    const dir = await mkdtemp(join(tmpdir(), "polyphony-notes-"));
    try {
      await exportDataset(t.deps, campaign.id, { format: "openai-sft" }, dir);
      const report = await verifyDataset({ dir, checkpoint: (await readCheckpoint(t.deps)).note, trust: readTrust({ key: t.deps.log.key.verifierKey }), entries: () => logExport(t), prover: null });
      expect(report).toMatchObject({ ok: true, rows: 1, opened: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("records progress through the kind's steps and refuses another kind's", async () => {
    for (const step of ["consent", "write"]) {
      expect((await t.call("POST", `/api/v1/campaigns/${campaign.id}/progress`, { token, body: { step } })).status).toBe(200);
    }
    const other = await t.call("POST", `/api/v1/campaigns/${campaign.id}/progress`, { token, body: { step: "judge" } });
    expect(other.status).toBe(422);
    expect(other.body.field).toBe("step");
    const me = await t.call("GET", `/api/v1/campaigns/${campaign.id}/me`, { token });
    expect(me.body).toMatchObject({ steps: [{ step: "consent" }, { step: "write" }], lastStep: "write", notes: 1 });
    expect(me.body).not.toHaveProperty("cards");
  });

  it("counts the kind's contributions and its funnel in the statistics", async () => {
    const stats = await t.call("GET", `/api/v1/campaigns/${campaign.id}/stats`, { token: t.researcher });
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ participants: 1, notes: 1, surveys: 0 });
    expect(stats.body.funnel.map((f: { step: string; participants: number }) => [f.step, f.participants])).toEqual([
      ["consent", 1],
      ["demographics", 0],
      ["write", 1],
      ["survey", 0],
      ["done", 0],
    ]);
  });

  it("moderates the kind's content", async () => {
    const hide = await t.call("POST", `/api/v1/campaigns/${campaign.id}/moderation`, {
      token: t.researcher,
      body: { target: { kind: "note", id: noteId }, reason: "off topic" },
    });
    expect(hide.status).toBe(201);
    const moderation = await t.call("GET", `/api/v1/campaigns/${campaign.id}/moderation`, { token: t.researcher });
    expect(moderation.body.hidden).toEqual([
      { target: { kind: "note", id: noteId }, label: "That people change their minds", hiddenAt: expect.any(String), reason: "off topic" },
    ]);
    expect((await t.call("GET", `/api/v1/campaigns/${campaign.id}/stats`, { token: t.researcher })).body.notes).toBe(0);
    expect(await noteRows()).toEqual([]);
    const unhide = await t.call("POST", `/api/v1/campaigns/${campaign.id}/moderation/unhide`, {
      token: t.researcher,
      body: { target: { kind: "note", id: noteId }, reason: "on topic after all" },
    });
    expect(unhide.status).toBe(200);
    const unknown = await t.call("POST", `/api/v1/campaigns/${campaign.id}/moderation`, {
      token: t.researcher,
      body: { target: { kind: "poll", id: noteId }, reason: "?" },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.field).toBe("target/kind");
  });

  it("erases the kind's text with the participant's openings, and the log still verifies", async () => {
    const entries = await readAllEntries(t);
    const noteEntry = entries.find((e) => e.entry.kind === "notes/note")!;
    const erased = await t.call("POST", `/api/v1/campaigns/${campaign.id}/erasures`, { token: t.researcher, body: { participant, reason: "asked" } });
    expect(erased.status).toBe(201);
    expect(await noteRows()).toEqual([]);
    expect(await countRows(store, "test_notes")).toBe(1);
    const openings = await store.db.execute(sql`select count(*)::int as n from log_openings where entry_index = ${noteEntry.index}`);
    expect(rowsOf<{ n: number }>(openings)[0]!.n).toBe(0);
    expect(verifyReceipt(erased.body.receipt, await readLogVerifier(t))).toBe(true);
  });
});
