import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { rowsOf } from "../src/store/rows.ts";
import type { EntryDraft } from "../src/platform/log/drafts.ts";
import { appendEntries } from "../src/platform/log/sequencer.ts";
import { createTestLog, steppingClock } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

const draft = (i: number): EntryDraft => ({ kind: "test_entry", campaign: null, author: "system", refs: { n: i }, content: { text: `entry ${i}` } });
const append = (store: Store, n: number, first = 0) =>
  store.transaction((tx) => appendEntries(tx, Array.from({ length: n }, (_, i) => draft(first + i)), new Date("2026-05-01T00:00:00Z")));

describe.each(storeTargets())("the sequencer on $name", (target) => {
  let store: Store;
  beforeEach(async () => {
    store = await target.open();
  });
  afterEach(async () => store?.close());

  const indices = async () => rowsOf<{ index: string | number }>(await store.db.execute(sql`select index from log_entries order by index`)).map((r) => Number(r.index));

  it("gives parallel appends consecutive indices with no gaps, each batch in one run", async () => {
    const sizes = Array.from({ length: 40 }, (_, i) => 1 + (i % 3));
    const batches = await Promise.all(sizes.map((n) => append(store, n)));
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(await indices()).toEqual([...Array(total).keys()]);
    for (const batch of batches) expect(batch.map((e) => e.index)).toEqual(batch.map((_, i) => batch[0]!.index + i));
    const head = rowsOf<{ size: string | number }>(await store.db.execute(sql`select size from log_head`));
    expect(Number(head[0]!.size)).toBe(total);
  });

  it("appends a batch larger than one statement takes, in one run of indices", async () => {
    await append(store, 3);
    const batch = await append(store, 9000, 3);
    expect(batch.map((e) => e.index)).toEqual([...Array(9000).keys()].map((i) => i + 3));
    expect(await indices()).toEqual([...Array(9003).keys()]);
    const tree = await createTestLog(store, steppingClock()).catchUp();
    expect(tree.readNode(0, 9002)).toEqual(new Uint8Array(batch.at(-1)!.leafHash));
  });

  it("gives back the indices of an append whose transaction rolls back", async () => {
    await append(store, 2);
    await expect(
      store.transaction(async (tx) => {
        await appendEntries(tx, [draft(9)], new Date());
        throw new Error("the contribution failed after its entry was appended");
      }),
    ).rejects.toThrow(/failed after/);
    expect(await indices()).toEqual([0, 1]);
    expect((await append(store, 1))[0]!.index).toBe(2);
    expect(rowsOf(await store.db.execute(sql`select entry_index from log_openings order by entry_index`))).toHaveLength(3);
  });

  it("refuses to sign after the stored entries changed under a signed checkpoint", async () => {
    const clock = steppingClock();
    const seed = new Uint8Array(randomBytes(32));
    await append(store, 5);
    const first = await createTestLog(store, clock, seed).checkpointCovering(5);
    expect(first.size).toBe(5);
    await store.db.execute(sql`update log_entries set leaf_hash = sha256(leaf_hash) where index = 2`);
    await append(store, 1, 5);
    await expect(createTestLog(store, clock, seed).checkpointCovering(6)).rejects.toThrow(/refuses to sign.*no longer hash/);
    expect(rowsOf(await store.db.execute(sql`select size from log_checkpoints`))).toHaveLength(1);
  });

  it("refuses to sign with another key than the one that signed the last checkpoint", async () => {
    const clock = steppingClock();
    await append(store, 3);
    await createTestLog(store, clock).checkpointCovering(3);
    await append(store, 1, 3);
    await expect(createTestLog(store, clock).checkpointCovering(4)).rejects.toThrow(/not signed by this log's key/);
  });

  it("refuses to load a log with a missing entry", async () => {
    await append(store, 4);
    await store.db.execute(sql`delete from log_openings where entry_index = 1`);
    await store.db.execute(sql`delete from log_entries where index = 1`);
    await expect(createTestLog(store, steppingClock()).catchUp()).rejects.toThrow(/entry 1 is missing/);
  });
});
