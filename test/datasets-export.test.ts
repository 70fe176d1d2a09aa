import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Store } from "../src/store/open.ts";
import { exportDataset } from "../src/datasets/export.ts";
import { FORMATS, TRAINER_FORMATS, type Format } from "../src/datasets/formats.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { buildDatasetCampaign, type DatasetCampaign } from "./support/dataset-campaign.ts";
import { readJsonl, TRAINER_SCHEMAS } from "./support/dataset-schemas.ts";
import { storeTargets } from "./support/stores.ts";

const folders: string[] = [];
async function freshDir() {
  const dir = await mkdtemp(join(tmpdir(), "polyphony-dataset-"));
  folders.push(dir);
  return dir;
}
afterAll(async () => Promise.all(folders.map((d) => rm(d, { recursive: true, force: true }))));

/** Every file of a folder, by relative path, with its bytes. */
async function readFolder(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length + 1), await readFile(path));
    }
  }
  return files;
}

/** Rows of a CSV or Parquet file as DuckDB, a reader independent of the writer, reads them. */
async function readWithDuckDb(path: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const from = path.endsWith(".csv") ? `read_csv('${path}', header = true, all_varchar = true)` : `read_parquet('${path}')`;
    const reader = await connection.runAndReadAll(`SELECT * FROM ${from}`);
    return reader.getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe.each(storeTargets())("dataset exports, on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let c: DatasetCampaign;
  const exports = new Map<Format, string>();

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    c = await buildDatasetCampaign(t);
    for (const format of FORMATS.filter((f) => !f.endsWith("sft"))) {
      const dir = await freshDir();
      await exportDataset(t.deps, c.campaign, { format }, dir);
      exports.set(format, dir);
    }
  }, 120_000);
  afterAll(async () => store.close());

  it.each(TRAINER_FORMATS.filter((f) => !f.endsWith("sft")))("writes %s rows that keep the format's published rules, split by question", async (format) => {
    const dir = exports.get(format)!;
    const train = readJsonl(await readFile(join(dir, "data/train.jsonl"), "utf8"), TRAINER_SCHEMAS[format]);
    const test = existsSync(join(dir, "data/test.jsonl")) ? readJsonl(await readFile(join(dir, "data/test.jsonl"), "utf8"), TRAINER_SCHEMAS[format]) : [];
    // Two kept upgrades, one per question: one in each split, none of a question in both.
    const rows = format === "trl-kto" ? 4 : 2;
    expect(train.length + test.length).toBe(rows);
    expect(test.length).toBe(rows / 2);
    const questionOf = (row: any) => JSON.stringify(row.prompt ?? row.input?.messages).match(/(My friend|Should I tell)/)![1];
    expect(new Set(train.map(questionOf))).not.toEqual(new Set(test.map(questionOf)));
    const text = JSON.stringify([...train, ...test]);
    expect(text).toContain('value \\"Value 2\\"');
    expect(text).toContain("The situation: When someone is in distress.");
  });

  it("refuses SFT from a moral graph, which has no responses until synthesized, naming the format", async () => {
    await expect(exportDataset(t.deps, c.campaign, { format: "trl-sft" }, await freshDir())).rejects.toMatchObject({ field: "format", message: /dataset synthesize/ });
  });

  it("writes a dataset card whose front matter parses and names files that exist", async () => {
    for (const format of ["trl-preference", "parquet", "csv"] as const) {
      const dir = exports.get(format)!;
      const card = await readFile(join(dir, "README.md"), "utf8");
      const [, yaml] = /^---\n([\s\S]*?)\n---\n/.exec(card)!;
      const meta = parseYaml(yaml!) as { license: string; language: string[]; task_categories: string[]; size_categories: string[]; configs: { config_name: string; data_files: { split: string; path: string }[] }[] };
      expect(meta.license).toBe("other");
      expect(meta.language).toEqual(["en"]);
      expect(meta.size_categories).toEqual(["n<1K"]);
      expect(meta.task_categories.length).toBe(1);
      for (const config of meta.configs) for (const file of config.data_files) expect(existsSync(join(dir, file.path)), file.path).toBe(true);
      expect(card).toContain("## How the data was collected");
      expect(card).toContain("## Who took part");
      expect(card).toContain("## What was left out");
      expect(card).toContain("## Known biases");
    }
    const tables = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(await readFile(join(exports.get("csv")!, "README.md"), "utf8"))![1]!) as { configs: { config_name: string }[] };
    expect(tables.configs.map((c) => c.config_name)).toEqual(["votes", "cards", "participants", "survey", "comments"]);
  });

  it("gives the same bytes for the same campaign at the same checkpoint", async () => {
    for (const format of ["trl-preference", "openai-preference", "csv", "parquet"] as const) {
      const again = await freshDir();
      await exportDataset(t.deps, c.campaign, { format }, again);
      const first = await readFolder(exports.get(format)!);
      const second = await readFolder(again);
      expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
      for (const [path, bytes] of first) expect(second.get(path)!.equals(bytes), `${format}: ${path}`).toBe(true);
    }
  });

  it("writes Parquet that DuckDB reads back as the CSV holds it", async () => {
    for (const table of ["votes", "cards", "participants", "survey", "comments"]) {
      const parquet = await readWithDuckDb(join(exports.get("parquet")!, `data/${table}.parquet`));
      const csv = await readWithDuckDb(join(exports.get("csv")!, `data/${table}.csv`));
      expect(parquet.length, table).toBe(csv.length);
      const asText = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : typeof v === "string" ? v : JSON.stringify(v)])));
      expect(asText(parquet), table).toEqual(asText(csv));
    }
    const votes = await readWithDuckDb(join(exports.get("parquet")!, "data/votes.parquet"));
    expect(votes).toHaveLength(10);
    expect(votes.filter((v) => v.comment !== null).map((v) => v.comment).sort()).toEqual(["Reason 0: it listens first", "Reason 1: it listens first"]);
    const survey = await readWithDuckDb(join(exports.get("parquet")!, "data/survey.parquet"));
    expect(survey.map((s) => Number(s.fair)).sort()).toEqual([3, 4, 5]);
  });

  it("holds the comments, and participants with only the answers a published dataset may show", async () => {
    const comments = await readWithDuckDb(join(exports.get("csv")!, "data/comments.csv"));
    expect(comments.map((r) => `${String(r.source)}: ${String(r.text)}`).sort()).toEqual(["survey: Felt heard", "vote: Reason 0: it listens first", "vote: Reason 1: it listens first"]);
    const participants = await readWithDuckDb(join(exports.get("csv")!, "data/participants.csv"));
    expect(participants).toHaveLength(11);
    expect(Object.keys(participants[0]!)).toEqual(["participant", "joined_at", "demographic_age"]);
    // Six answered 18-29; the four 30-49 and one 50+ are fewer than 5 each but five together: hidden, and enough to hide.
    expect(participants.map((p) => p.demographic_age).sort()).toEqual([...Array(6).fill("18-29"), ...Array(5).fill(null)]);
    const all = [...(await readFolder(exports.get("csv")!)).values(), ...(await readFolder(exports.get("parquet")!)).values()].map((b) => b.toString("latin1")).join("");
    expect(all).not.toContain("Town ");
  });

  it("serves each raw table to researchers only, as the export writes it", async () => {
    const path = `/api/v1/campaigns/${c.campaign}/tables`;
    const csv = await t.call("GET", `${path}/comments?format=csv`, { token: t.researcher });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="${c.campaign}-comments.csv"`);
    expect(csv.body).toBe(await readFile(join(exports.get("csv")!, "data/comments.csv"), "utf8"));
    const parquet = await t.api.request(`${path}/votes?format=parquet`, { headers: { authorization: `Bearer ${t.researcher}` } });
    expect(parquet.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    expect(Buffer.from(await parquet.arrayBuffer()).equals(await readFile(join(exports.get("parquet")!, "data/votes.parquet")))).toBe(true);
    expect((await t.call("GET", `${path}/votes`)).status).toBe(401);
    const joined = await t.call("POST", `/api/v1/campaigns/${c.campaign}/participants`, { body: { answers: { age: "50+" } } });
    expect((await t.call("GET", `${path}/votes`, { token: joined.body.token })).status).toBe(401);
    const badTable = await t.call("GET", `${path}/secrets`, { token: t.researcher });
    expect([badTable.status, badTable.body.field]).toEqual([422, "param:table"]);
    const badFormat = await t.call("GET", `${path}/votes?format=xlsx`, { token: t.researcher });
    expect([badFormat.status, badFormat.body.field]).toEqual([422, "query:format"]);
    const unknown = await t.call("GET", `/api/v1/campaigns/cmp_nope/tables/votes`, { token: t.researcher });
    expect(unknown.status).toBe(404);
  });

  it("serves a whole export file by file, with its manifest", async () => {
    const path = `/api/v1/campaigns/${c.campaign}/datasets/openai-preference`;
    const listing = await t.call("GET", path, { token: t.researcher });
    expect(listing.status).toBe(200);
    expect(listing.body.files.map((f: { path: string }) => f.path)).toEqual(["README.md", "manifest.json", "data/train.jsonl", "data/test.jsonl", "provenance/rows.jsonl", "provenance/openings.jsonl"]);
    const train = await t.call("GET", listing.body.files[2].href, { token: t.researcher });
    expect(train.body).toBe(await readFile(join(exports.get("openai-preference")!, "data/train.jsonl"), "utf8"));
    const outside = await t.call("GET", `${path}?file=../../etc/passwd`, { token: t.researcher });
    expect([outside.status, outside.body.field]).toEqual([422, "query:file"]);
    expect((await t.call("GET", path)).status).toBe(401);
  });
});
