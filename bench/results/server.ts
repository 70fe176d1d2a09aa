import { sql } from "drizzle-orm";
import { listen } from "../../src/http/server.ts";
import { KINDS } from "../../src/kinds/index.ts";
import { makeLogKey } from "../../src/platform/log/log-key.ts";
import { TransparencyLog } from "../../src/platform/log/transparency-log.ts";
import type { ServiceDeps } from "../../src/platform/deps.ts";
import { openStore, type Store } from "../../src/store/open.ts";
import { systemClock } from "../../src/ports.ts";
import { seedCampaign } from "./seed.ts";

// Usage: node --import tsx bench/results/server.ts seed|serve|drop DIR-OR-SCHEMA
// `seed` fills a PGlite folder (a path) or a PostgreSQL schema (a name, with DATABASE_URL) with
// the bench campaign and prints it as JSON; `serve` runs a Polyphony server over it, in a process
// of its own so that its memory is measured alone, prints its port and stops on SIGTERM; `drop`
// removes the schema.
const [mode, where] = process.argv.slice(2) as [string, string];
const onPostgres = !where.includes("/");

function openBench(): Promise<Store> {
  return openStore(onPostgres ? { databaseUrl: process.env.DATABASE_URL!, pgSchema: where } : { dataDir: where });
}

function servicesOver(store: Store): ServiceDeps {
  const off = { max: 0, seconds: 1 };
  return {
    store,
    kinds: KINDS,
    clock: systemClock,
    // One key for the seeding process and the server: a log signs with one key.
    log: new TransparencyLog(store, makeLogKey("bench.polyphony.local/log", "bench.polyphony.local/log", new Uint8Array(32).fill(7)), systemClock),
    embedder: () => Promise.reject(new Error("the bench embeds nothing")),
    limits: { joinsPerAddress: off, failedAuthPerAddress: off, writesPerToken: off, llmCallsPerParticipant: off, llmCallsPerCampaign: off, trustProxy: false },
  };
}

const store = await openBench();
if (mode === "seed") {
  const started = performance.now();
  const seeded = await seedCampaign(servicesOver(store));
  await store.db.execute(sql`ANALYZE`);
  console.log(JSON.stringify({ ...seeded, seedSeconds: (performance.now() - started) / 1000 }));
  await store.close();
} else if (mode === "drop") {
  await store.db.execute(sql.raw(`DROP SCHEMA IF EXISTS "${where}" CASCADE`));
  await store.close();
} else {
  const { server, port } = await listen(servicesOver(store), 0, "127.0.0.1");
  console.log(JSON.stringify({ port }));
  process.once("SIGTERM", () => {
    server.close();
    void store.close().then(() => process.exit(0));
  });
}
