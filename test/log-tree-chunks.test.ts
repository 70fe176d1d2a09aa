import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Store } from "../src/store/open.ts";
import { rowsOf } from "../src/store/rows.ts";
import { makeLogKey } from "../src/platform/log/log-key.ts";
import { appendEntries } from "../src/platform/log/sequencer.ts";
import { TransparencyLog } from "../src/platform/log/transparency-log.ts";
import { steppingClock, TEST_LOG_ORIGIN } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

const seed = new Uint8Array(randomBytes(32));
/** A log whose chunks hold 4 leaves, so that a few entries fill several. */
const smallChunkLog = (store: Store) => new TransparencyLog(store, makeLogKey(TEST_LOG_ORIGIN, TEST_LOG_ORIGIN, seed), steppingClock(), { chunkBits: 2 });

describe.each(storeTargets())("the saved tree on $name", (target) => {
  let store: Store;
  beforeEach(async () => {
    store = await target.open();
    const drafts = Array.from({ length: 23 }, (_, i) => ({ kind: "test_entry", campaign: null, author: "system", refs: {}, content: { i } }));
    await store.transaction((tx) => appendEntries(tx, drafts, new Date()));
  });
  afterEach(async () => store?.close());

  const chunks = async () => rowsOf<{ chunk: string | number; nodes: Uint8Array }>(await store.db.execute(sql`select chunk, nodes from log_tree_chunks order by chunk`));

  it("saves each full chunk, and a server starting later loads them to the same tree", async () => {
    const first = await smallChunkLog(store).catchUp();
    expect((await chunks()).map((c) => Number(c.chunk))).toEqual([0, 1, 2, 3, 4]);
    const later = await smallChunkLog(store).catchUp();
    expect(later.size).toBe(23);
    expect(later.root()).toEqual(first.root());
    expect(later.proveInclusion(5, 23)).toEqual(first.proveInclusion(5, 23));
  });

  it("rebuilds from the entries when the saved chunks disagree with the latest checkpoint", async () => {
    const log = smallChunkLog(store);
    const signed = await log.checkpointCovering(23);
    const saved = await chunks();
    // The chunk's root, the last of its hashes: the tree's root at 23 leaves is built from it.
    await store.db.execute(sql`update log_tree_chunks set nodes = substring(nodes from 1 for length(nodes) - 32) || sha256(nodes) where chunk = 1`);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const tree = await smallChunkLog(store).catchUp();
      expect(tree.root()).toEqual(signed.root);
      expect(error).toHaveBeenCalledWith(expect.stringMatching(/disagrees with signed checkpoint 23/));
    } finally {
      error.mockRestore();
    }
    expect((await chunks()).map((c) => new Uint8Array(c.nodes))).toEqual(saved.map((c) => new Uint8Array(c.nodes)));
  });
});
