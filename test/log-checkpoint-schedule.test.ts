import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { scheduleCheckpoints } from "../src/platform/log/checkpoint-schedule.ts";
import { appendEntries } from "../src/platform/log/sequencer.ts";
import { createTestLog } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

const append = (store: Store, n: number) =>
  store.transaction((tx) =>
    appendEntries(tx, Array.from({ length: n }, (_, i) => ({ kind: "test_entry", campaign: null, author: "system", refs: {}, content: { i } })), new Date()),
  );
const waitFor = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 50 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
};

describe.each(storeTargets())("the checkpoint schedule on $name", (target) => {
  let store: Store;
  let stop = () => {};
  beforeEach(async () => {
    store = await target.open();
  });
  afterEach(async () => {
    stop();
    await store?.close();
  });

  it("signs the empty log at first, then after enough entries, but not before", async () => {
    let now = Date.parse("2026-05-01T00:00:00Z");
    const clock = { now: () => new Date(now) };
    const log = createTestLog(store, clock);
    stop = scheduleCheckpoints(log, { entries: 3, seconds: 60 }, clock);
    await waitFor(async () => (await log.latestCheckpoint()) !== null);
    expect((await log.latestCheckpoint())?.size).toBe(0);
    await append(store, 2);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await log.latestCheckpoint())?.size).toBe(0);
    await append(store, 1);
    await waitFor(async () => (await log.latestCheckpoint())?.size === 3);
    expect((await log.latestCheckpoint())?.size).toBe(3);
    await append(store, 1);
    now += 61_000;
    await waitFor(async () => (await log.latestCheckpoint())?.size === 4);
    expect((await log.latestCheckpoint())?.size).toBe(4);
  });
});
