import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { EntryDraft } from "../../src/platform/log/drafts.ts";
import { LogTree } from "../../src/platform/log/log-tree.ts";
import { appendEntries } from "../../src/platform/log/sequencer.ts";
import { openStore, type Store } from "../../src/store/open.ts";

// Usage: node --import tsx bench/log/append.ts [--entries N] [--batch B] [--single S] [--load L]
// Runs on a PGlite folder, and on PostgreSQL too when DATABASE_URL is set (in a schema it drops).
const arg = (flag: string, fallback: number) => {
  const at = process.argv.indexOf(flag);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ENTRIES = arg("--entries", 100_000);
const BATCH = arg("--batch", 1000);
const SINGLE = arg("--single", 2000);
const LOAD = arg("--load", 1_000_000);

/** A draft shaped like a live vote: ids in the body, a comment in the content, a participant's key as author. */
function makeDraft(i: number): EntryDraft {
  const id = (prefix: string, n: number) => `${prefix}_${n.toString(36).padStart(16, "0")}`;
  return {
    kind: "vote",
    campaign: "cmp_0000000000bench",
    author: randomBytes(32).toString("base64"),
    refs: { vote: id("vote", i), from: id("cc", i % 115), to: id("cc", (i + 1) % 115), context: id("ctx", i % 9), replaced: false, sig: randomBytes(64).toString("base64") },
    content: { from: id("cc", i % 115), to: id("cc", (i + 1) % 115), context: id("ctx", i % 9), relationship: "upgrade", comment: `because of what happened ${i}` },
  };
}

async function measure<T>(task: () => Promise<T>): Promise<{ result: T; ms: number; cpuMs: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await task();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const rate = (n: number, t: { ms: number; cpuMs: number }) =>
  `${Math.round((n / t.ms) * 1000).toLocaleString("en")}/s (cpu ${Math.round((n / t.cpuMs) * 1000).toLocaleString("en")}/s)`;

async function benchAppends(name: string, store: Store) {
  const drafts = Array.from({ length: ENTRIES }, (_, i) => makeDraft(i));
  const when = new Date();
  const batched = await measure(async () => {
    for (let i = 0; i < ENTRIES; i += BATCH) await store.transaction((tx) => appendEntries(tx, drafts.slice(i, i + BATCH), when));
  });
  console.log(`${name}: ${ENTRIES.toLocaleString("en")} entries in transactions of ${BATCH}: ${rate(ENTRIES, batched)}`);
  const single = await measure(async () => {
    for (let i = 0; i < SINGLE; i++) await store.transaction((tx) => appendEntries(tx, [drafts[i]!], when));
  });
  console.log(`${name}: ${SINGLE.toLocaleString("en")} single-entry transactions: ${rate(SINGLE, single)}`);
  const parallel = await measure(() => Promise.all(drafts.slice(0, SINGLE).map((d) => store.transaction((tx) => appendEntries(tx, [d], when)))));
  console.log(`${name}: ${SINGLE.toLocaleString("en")} single-entry transactions, all at once: ${rate(SINGLE, parallel)}`);
  const size = ENTRIES + 2 * SINGLE;
  const fromEntries = await measure(() => new LogTree(store.db).catchUp());
  const fromChunks = await measure(() => new LogTree(store.db).catchUp());
  console.log(`${name}: loading the tree of ${size.toLocaleString("en")} entries: from the entries (saving chunks) ` +
    `${(fromEntries.ms / 1000).toFixed(2)} s (cpu ${(fromEntries.cpuMs / 1000).toFixed(2)} s), from the chunks ${(fromChunks.ms / 1000).toFixed(2)} s (cpu ${(fromChunks.cpuMs / 1000).toFixed(2)} s)`);
}

/** Tree loading at a size too large to append here: synthetic leaf hashes written by SQL. */
async function benchLoad(store: Store) {
  await store.db.execute(sql`INSERT INTO log_entries SELECT i, '\\x7b7d'::bytea, sha256(int8send(i)), 'x', NULL, now() FROM generate_series(0, ${LOAD - 1}) i`);
  const fromEntries = await measure(() => new LogTree(store.db).catchUp());
  const loads: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < 3; i++) loads.push(await measure(() => new LogTree(store.db).catchUp()));
  const range = (key: "ms" | "cpuMs") => loads.map((l) => (l[key] / 1000).toFixed(2)).join("–");
  console.log(`PGlite: loading a tree of ${LOAD.toLocaleString("en")} leaf hashes: from the entries (saving chunks) ` +
    `${(fromEntries.ms / 1000).toFixed(2)} s (cpu ${(fromEntries.cpuMs / 1000).toFixed(2)} s); from the chunks ${range("ms")} s (cpu ${range("cpuMs")} s)`);
}

console.log(`Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}; wall clock (cpu time of this process)`);
const dir = mkdtempSync(join(tmpdir(), "polyphony-append-"));
try {
  const pglite = await openStore({ dataDir: join(dir, "data") });
  await benchAppends("PGlite folder", pglite).finally(() => pglite.close());
  if (LOAD > 0) {
    const memory = await openStore({ dataDir: "memory://" });
    await benchLoad(memory).finally(() => memory.close());
  }
  if (process.env.DATABASE_URL) {
    const pgSchema = `bench_${randomBytes(4).toString("hex")}`;
    const postgres = await openStore({ databaseUrl: process.env.DATABASE_URL, pgSchema });
    try {
      await benchAppends("PostgreSQL", postgres);
    } finally {
      await postgres.db.execute(sql.raw(`DROP SCHEMA "${pgSchema}" CASCADE`));
      await postgres.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
