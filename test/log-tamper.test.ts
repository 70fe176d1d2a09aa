import { createWriteStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerType } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../src/http/server.ts";
import { exportLog } from "../src/platform/log/audit/export-log.ts";
import type { Store } from "../src/store/open.ts";
import { rowsOf } from "../src/store/rows.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { buildLoggedCampaign } from "./support/logged-campaign.ts";
import { runPolyphony } from "./support/polyphony-cli.ts";
import { storeTargets } from "./support/stores.ts";

/**
 * Someone with write access to the database changes the log behind the server's back. A fresh
 * export no longer matches the checkpoint the log signed before, and `polyphony log verify`,
 * offline with the contributors' receipts or against the running server, names the first index
 * that was changed, dropped or swapped.
 */
describe.each(storeTargets())("tampering with the stored log on $name", (target) => {
  let dir: string;
  let store: Store;
  let t: TestApi;
  let server: ServerType;
  let url: string;
  let size: number;
  const file = (name: string) => join(dir, name);

  const exportTo = async (name: string) => {
    const out = createWriteStream(file(name));
    const warnings: string[] = [];
    const write = (text: string) => new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once("drain", resolve)));
    await exportLog(t.deps, {}, write, (w) => warnings.push(w));
    await new Promise<void>((resolve) => out.end(resolve));
    return warnings;
  };
  const verify = async (...args: string[]) => {
    const run = await runPolyphony(["--json", "log", "verify", "--key-file", file("key"), ...args]);
    return { ...run, report: run.stdout ? JSON.parse(run.stdout) : null };
  };
  const offline = async (...args: string[]) => {
    await exportTo("tampered.jsonl");
    return verify("--entries", file("tampered.jsonl"), "--checkpoint", file("checkpoint"), ...args);
  };
  const withReceipts = () => offline("--proofs", file("receipts.jsonl"));
  const online = () => verify("--url", url);
  const exec = (query: ReturnType<typeof sql>) => store.db.execute(query);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "polyphony-tamper-"));
    store = await target.open();
    t = await createTestApi(store);
    const { receipts } = await buildLoggedCampaign(t, 3);
    ({ server, port: url } = await listen(t.deps, 0, "127.0.0.1").then((s) => ({ server: s.server, port: `http://127.0.0.1:${s.port}` })));
    const checkpoint = await (await fetch(`${url}/api/v1/log/checkpoint`)).text();
    size = Number(checkpoint.split("\n")[1]);
    await writeFile(file("checkpoint"), checkpoint);
    await writeFile(file("key"), t.deps.log.key.verifierKey);
    await writeFile(file("receipts.jsonl"), receipts.map((r) => JSON.stringify(r)).join("\n"));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("verifies the untouched log, offline and against the server", async () => {
    expect(size).toBe(13);
    const files = await offline();
    expect(files.code, files.stderr).toBe(0);
    expect(files.report).toMatchObject({ ok: true, entries: 13, logSignature: "verified" });
    const served = await online();
    expect(served.code, served.stderr).toBe(0);
  });

  it("fails on a checkpoint whose signature was forged", async () => {
    const note = (await (await fetch(`${url}/api/v1/log/checkpoint`)).text()).replace(/ (\S)(\S+)\n$/, (_, c: string, rest: string) => ` ${c === "A" ? "B" : "A"}${rest}\n`);
    await writeFile(file("forged"), note);
    await exportTo("untouched.jsonl");
    const run = await verify("--entries", file("untouched.jsonl"), "--checkpoint", file("forged"));
    expect(run.code).toBe(1);
    expect(run.report.failure).toMatchObject({ reason: "signature" });
  });

  it("names an entry whose stored leaf was changed", async () => {
    const [row] = rowsOf<{ leaf: Uint8Array }>(await exec(sql`select leaf from log_entries where index = 9`));
    await exec(sql`update log_entries set leaf = (select leaf from log_entries where index = 3) where index = 9`);
    try {
      expect(await exportTo("changed.jsonl")).toEqual([expect.stringContaining("damaged at index 9")]);
      const alone = await offline();
      expect(alone.code).toBe(1);
      expect(alone.report.failure).toMatchObject({ reason: "root", range: [0, 13] });
      const receipts = await withReceipts();
      expect(receipts.report.failure).toMatchObject({ reason: "changed", index: 9 });
      const served = await online();
      expect(served.code).toBe(1);
      expect(served.report.failure).toMatchObject({ reason: "changed", index: 9, evidence: { index: 9 } });
      expect(served.stderr).toContain("first bad index 9");
    } finally {
      await exec(sql`update log_entries set leaf = ${row!.leaf} where index = 9`);
    }
  });

  it("names an entry that was deleted", async () => {
    const [entry] = rowsOf<Record<string, unknown>>(await exec(sql`select * from log_entries where index = 6`));
    const [opening] = rowsOf<Record<string, unknown>>(await exec(sql`select * from log_openings where entry_index = 6`));
    await exec(sql`delete from log_openings where entry_index = 6`);
    await exec(sql`delete from log_entries where index = 6`);
    try {
      const files = await offline();
      expect(files.code).toBe(1);
      expect(files.report.failure).toMatchObject({ reason: "sequence", index: 6 });
      const served = await online();
      expect(served.report.failure).toMatchObject({ reason: "sequence", index: 6 });
    } finally {
      const e = entry!;
      await exec(sql`insert into log_entries (index, leaf, leaf_hash, kind, campaign_id, time) values (${e.index}, ${e.leaf}, ${e.leaf_hash}, ${e.kind}, ${e.campaign_id}, ${e.time})`);
      const o = opening!;
      await exec(sql`insert into log_openings (entry_index, participant_id, salt, content) values (${o.entry_index}, ${o.participant_id}, ${o.salt}, ${o.content})`);
    }
  });

  it("names the first of two entries that were swapped", async () => {
    const swap = () =>
      exec(sql`update log_entries as e set leaf = o.leaf, leaf_hash = o.leaf_hash
        from log_entries as o where (e.index, o.index) in ((4, 11), (11, 4))`);
    await swap();
    try {
      expect(await exportTo("swapped.jsonl")).toEqual([]);
      const receipts = await withReceipts();
      expect(receipts.code).toBe(1);
      expect(receipts.report.failure).toMatchObject({ reason: "changed", index: 4 });
      const served = await online();
      expect(served.report.failure).toMatchObject({ reason: "changed", index: 4 });
      expect(served.report.proofs).toBeLessThanOrEqual(6);
    } finally {
      await swap();
    }
  });

  it("verifies again once the rows are restored", async () => {
    expect((await offline()).code).toBe(0);
    expect((await online()).code).toBe(0);
  });
});
