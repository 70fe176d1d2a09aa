import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { exportDataset } from "../src/datasets/export.ts";
import { verifyDataset } from "../src/datasets/verify.ts";
import { readCheckpoint } from "../src/platform/log/read.ts";
import { readTrust } from "../src/platform/log/cli/log-trust.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { buildDatasetCampaign, type DatasetCampaign } from "./support/dataset-campaign.ts";
import { logExport } from "./support/log-export.ts";
import { storeTargets } from "./support/stores.ts";
import { makeLogKey } from "../src/platform/log/log-key.ts";

// `dataset verify` recomputes every row's commitments against the log and names the first row
// that does not match: each way of tampering gets its own case.

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map((d) => rm(d, { recursive: true, force: true }))));

describe("dataset verification", () => {
  let store: Store;
  let t: TestApi;
  let c: DatasetCampaign;

  beforeAll(async () => {
    store = await storeTargets()[0]!.open();
    t = await createTestApi(store);
    c = await buildDatasetCampaign(t);
  }, 60_000);
  afterAll(async () => store.close());

  async function exported(format: "csv" | "parquet" | "trl-preference") {
    const dir = await mkdtemp(join(tmpdir(), "polyphony-verify-"));
    folders.push(dir);
    await exportDataset(t.deps, c.campaign, { format }, dir);
    return dir;
  }
  const verify = async (dir: string, options: { edit?: (log: string) => string; key?: string } = {}) =>
    verifyDataset({
      dir,
      checkpoint: (await readCheckpoint(t.deps)).note,
      trust: readTrust({ key: options.key ?? t.deps.log.key.verifierKey }),
      entries: () => logExport(t, options.edit),
      prover: null,
    });
  const editLine = async (dir: string, path: string, line: number, edit: (text: string) => string) => {
    const lines = (await readFile(join(dir, path), "utf8")).split("\n");
    lines[line] = edit(lines[line]!);
    await writeFile(join(dir, path), lines.join("\n"));
  };

  it("accepts an untouched export in every file format, opening the entries it publishes", async () => {
    for (const format of ["csv", "parquet", "trl-preference"] as const) {
      const report = await verify(await exported(format));
      expect(report, `${format}: ${JSON.stringify(report.failure)}`).toMatchObject({ ok: true, failure: null });
      expect(report.rows).toBeGreaterThan(0);
      expect(report.opened).toBeGreaterThan(0);
    }
  });

  describe("a changed row", () => {
    it("names the first changed row of a CSV table", async () => {
      const dir = await exported("csv");
      await editLine(dir, "data/votes.csv", 3, (line) => line.replace("upgrade", "no_upgrade"));
      expect((await verify(dir)).failure).toMatchObject({ file: "data/votes.csv", row: 2, reason: expect.stringMatching(/changed/) });
    });

    it("names a changed preference pair", async () => {
      const dir = await exported("trl-preference");
      await editLine(dir, "data/train.jsonl", 0, (line) => line.replace("Value", "Valve"));
      expect((await verify(dir)).failure).toMatchObject({ file: "data/train.jsonl", row: 0 });
    });

    it("catches a row changed together with its provenance, by the content the log commits to", async () => {
      const dir = await exported("csv");
      const rows = (await readFile(join(dir, "data/votes.csv"), "utf8")).split("\r\n");
      const victim = rows.findIndex((r) => r.includes('"upgrade"'));
      await editLine(dir, "data/votes.csv", victim, (line) => line.replace('"upgrade"', '"not_sure"'));
      // Rewrite the row's digest as a forger would; the manifest's hashes too.
      const { digestCells } = await import("../src/datasets/cells.ts");
      const { readCsv } = await import("../src/datasets/files/read-rows.ts");
      const records: (string | null)[][] = [];
      for await (const r of readCsv(join(dir, "data/votes.csv"))) records.push(r);
      await editLine(dir, "provenance/rows.jsonl", victim - 1, (line) => line.replace(/"digest":"[0-9a-f]+"/, `"digest":"${digestCells(records[victim]!)}"`));
      const { hashFile } = await import("../src/datasets/files/sink.ts");
      const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
      manifest.provenance.rows.sha256 = (await hashFile(join(dir, "provenance/rows.jsonl"))).sha256;
      manifest.files[0].sha256 = (await hashFile(join(dir, "data/votes.csv"))).sha256;
      await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest));
      expect((await verify(dir)).failure).toMatchObject({ file: "data/votes.csv", row: victim - 1, reason: expect.stringMatching(/relationship is not what entry \d+ holds/) });
    });
  });

  it("names an added row", async () => {
    const dir = await exported("csv");
    const lines = (await readFile(join(dir, "data/cards.csv"), "utf8")).split("\r\n");
    await appendFile(join(dir, "data/cards.csv"), `${lines[1]}\r\n`);
    expect((await verify(dir)).failure).toMatchObject({ file: "data/cards.csv", row: 4, reason: expect.stringMatching(/added/) });
  });

  it("names a dropped row, in the middle or at the end", async () => {
    const middle = await exported("csv");
    await editLine(middle, "data/votes.csv", 2, () => "");
    const text = (await readFile(join(middle, "data/votes.csv"), "utf8")).replace("\r\n\r\n", "\r\n");
    await writeFile(join(middle, "data/votes.csv"), text);
    expect((await verify(middle)).failure).toMatchObject({ file: "data/votes.csv", row: 1 });
    const end = await exported("trl-preference");
    await writeFile(join(end, "data/train.jsonl"), "");
    expect((await verify(end)).failure).toMatchObject({ file: "data/train.jsonl", row: 0, reason: expect.stringMatching(/dropped/) });
  });

  it("fails on a Parquet file that is not the one listed", async () => {
    const dir = await exported("parquet");
    const bytes = await readFile(join(dir, "data/cards.parquet"));
    bytes[bytes.length - 20]! ^= 1;
    await writeFile(join(dir, "data/cards.parquet"), bytes);
    const report = await verify(dir).catch((error: Error) => ({ ok: false, failure: { reason: error.message } }));
    expect(report.ok).toBe(false);
  });

  it("fails when the log does not hold what the rows cite, or the checkpoint is not the log's", async () => {
    const dir = await exported("trl-preference");
    const tampered = await verify(dir, { edit: (log) => log.replace(/"digest":"[A-Za-z0-9+/=]{44}"/, '"digest":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="') });
    expect(tampered).toMatchObject({ ok: false, failure: { reason: expect.stringMatching(/log does not match the checkpoint/) } });
    const otherKey = makeLogKey("other.example/log", "other.example/log", new Uint8Array(32).fill(7)).verifierKey;
    await expect(verify(dir, { key: otherKey })).resolves.toMatchObject({ ok: false });
  });

  it("fails on an opening that does not open its entry", async () => {
    const dir = await exported("csv");
    await editLine(dir, "provenance/openings.jsonl", 0, (line) => line.replace(/"salt":"[^"]+"/, '"salt":"AAAAAAAAAAAAAAAAAAAAAA=="'));
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
    const { hashFile } = await import("../src/datasets/files/sink.ts");
    manifest.provenance.openings.sha256 = (await hashFile(join(dir, "provenance/openings.jsonl"))).sha256;
    await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest));
    expect((await verify(dir)).failure).toMatchObject({ file: "provenance/openings.jsonl", reason: expect.stringMatching(/does not open its digest/) });
  });
});
