import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store, Tx } from "../src/store/open.ts";
import { rowsOf } from "../src/store/rows.ts";
import type { EntryDraft } from "../src/platform/log/drafts.ts";
import { GroupCommit, type Work } from "../src/platform/log/group-commit.ts";
import { makeLogKey } from "../src/platform/log/log-key.ts";
import { TransparencyLog } from "../src/platform/log/transparency-log.ts";
import { verifyInclusion } from "../src/core/log/index.ts";
import { decodeBase64, openCheckpoint } from "../src/core/log/index.ts";
import { steppingClock, TEST_LOG_ORIGIN } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

const draft = (i: number): EntryDraft => ({ kind: "test_entry", campaign: null, author: "system", refs: { n: i }, content: { text: `entry ${i}` } });

/** A contribution that notes the transaction it ran in, writes a row, and asks for one entry. */
const contribution =
  (i: number, fail = false): Work<{ txid: string }> =>
  async (tx: Tx) => {
    await tx.execute(sql`INSERT INTO rate_counters (bucket, window_start, hits) VALUES (${`work:${i}`}, now(), 1)`);
    if (fail) throw new Error(`contribution ${i} is refused`);
    const [row] = rowsOf<{ txid: string }>(await tx.execute(sql`SELECT txid_current()::text AS txid`));
    return { value: { txid: row!.txid }, drafts: [draft(i)] };
  };

describe.each(storeTargets())("group commit on $name", (target) => {
  let store: Store;
  beforeEach(async () => {
    store = await target.open();
  });
  afterEach(async () => store?.close());

  const stored = async () => rowsOf<{ bucket: string }>(await store.db.execute(sql`SELECT bucket FROM rate_counters ORDER BY bucket`)).map((r) => r.bucket);

  it("writes contributions that arrive together in one transaction, refusing one without losing the others", async () => {
    const commits = new GroupCommit(store, steppingClock(), { batchSize: 64, windowMs: 50 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => commits.run(contribution(i, i === 4))));
    const done = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(results[4]).toMatchObject({ status: "rejected", reason: { message: "contribution 4 is refused" } });
    expect(done).toHaveLength(9);
    expect(new Set(done.map((d) => d.value.txid)).size).toBe(1);
    // Entries are appended in arrival order, with no gap where the refused one would have been.
    expect(done.map((d) => d.entries.map((e) => e.index))).toEqual([[0], [1], [2], [3], [4], [5], [6], [7], [8]]);
    expect(await stored()).toEqual(["work:0", "work:1", "work:2", "work:3", "work:5", "work:6", "work:7", "work:8", "work:9"]);
  });

  it("splits what arrives at once into batches of at most the batch size", async () => {
    const commits = new GroupCommit(store, steppingClock(), { batchSize: 4, windowMs: 50 });
    const done = await Promise.all(Array.from({ length: 10 }, (_, i) => commits.run(contribution(i))));
    const txids = done.map((d) => d.value.txid);
    expect(new Set(txids).size).toBe(3);
    expect(new Set(txids.slice(0, 4)).size).toBe(1);
    // PostgreSQL commits batches side by side: each batch holds a run of indices, together all of them.
    const indices = done.flatMap((d) => d.entries.map((e) => e.index));
    expect([...indices].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    for (const run of [indices.slice(0, 4), indices.slice(4, 8), indices.slice(8)]) expect(run).toEqual(run.map((_, i) => run[0]! + i));
  });

  it("commits each contribution on its own at a batch size of 1", async () => {
    const commits = new GroupCommit(store, steppingClock(), { batchSize: 1, windowMs: 50 });
    const done = await Promise.all(Array.from({ length: 5 }, (_, i) => commits.run(contribution(i))));
    expect(new Set(done.map((d) => d.value.txid)).size).toBe(5);
    await expect(commits.run(contribution(9, true))).rejects.toThrow(/refused/);
    expect(await stored()).toHaveLength(5);
  });

  it("answers a batch with receipts under one signed checkpoint, made from what it appended", async () => {
    const key = makeLogKey(TEST_LOG_ORIGIN, TEST_LOG_ORIGIN, new Uint8Array(32).fill(7));
    const log = new TransparencyLog(store, key, steppingClock(), { commit: { batchSize: 64, windowMs: 50 } });
    const done = await Promise.all(Array.from({ length: 6 }, (_, i) => log.commit(contribution(i))));
    const receipts = done.map((d) => d.receipts[0]!);
    expect(new Set(receipts.map((r) => r.checkpoint)).size).toBe(1);
    const { checkpoint } = openCheckpoint(receipts[0]!.checkpoint, key.verifier);
    expect(checkpoint.size).toBe(6);
    expect(rowsOf(await store.db.execute(sql`SELECT size FROM log_checkpoints`))).toHaveLength(1);
    for (const receipt of receipts) {
      const proof = receipt.inclusionProof.map((p) => decodeBase64(p)!);
      expect(verifyInclusion(decodeBase64(receipt.leafHash)!, receipt.index, checkpoint.size, proof, checkpoint.root)).toBe(true);
      expect(JSON.parse(receipt.opening!.content)).toEqual({ text: `entry ${receipt.index}` });
      expect(receipt.leaf).toBe(rowsOf<{ leaf: string }>(await store.db.execute(sql`SELECT encode(leaf, 'base64') AS leaf FROM log_entries WHERE index = ${receipt.index}`))[0]!.leaf.replaceAll("\n", ""));
    }
  });
});
