/**
 * The one place tests get stores. Run a suite on every store target like this:
 *
 *   describe.each(storeTargets())("on $name", (target) => {
 *     let store: Store;
 *     beforeEach(async () => { store = await target.open(); });
 *     afterEach(async () => { await store.close(); });
 *     it("…", async () => { … store.db … });
 *   });
 *
 * Targets: PGlite in memory, always; PostgreSQL too when `DATABASE_URL` is set (`.ci/run` sets
 * it). Each `open()` gives a fresh, empty, migrated store of its own — on PostgreSQL, a new
 * schema `t_<random hex>` — and its `close()` discards it (drops that schema), so suites may run
 * in parallel on one database and leave nothing behind.
 *
 * `place()` is for the few tests that reopen a store: it gives a PGlite folder or a PostgreSQL
 * schema that can be opened, closed and opened again, until `discard()`.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { sql } from "drizzle-orm";
import { openStore, type Store } from "../../src/store/open.ts";

export interface StoreTarget {
  readonly name: "pglite" | "postgres";
  /** A fresh, empty, migrated store; closing it discards it. */
  open(): Promise<Store>;
  /** A fresh place to open a store in several times over. */
  place(): Promise<StorePlace>;
}

export interface StorePlace {
  /** Opens the store in this place (migrating it on the first open). */
  open(): Promise<Store>;
  /** Deletes the place and everything in it; close its stores first. */
  discard(): Promise<void>;
  /** The PGlite data folder, for tests that read its files; undefined on PostgreSQL. */
  readonly dataDir?: string;
}

let warnedNoPostgres = false;

/** The targets every store contract suite runs on. */
export function storeTargets(): StoreTarget[] {
  const targets: StoreTarget[] = [pgliteTarget];
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    targets.push(postgresTarget(databaseUrl));
  } else if (!warnedNoPostgres) {
    warnedNoPostgres = true;
    console.warn(
      "DATABASE_URL is not set: store tests run on PGlite only; the PostgreSQL runs are skipped " +
        "(.ci/run starts a PostgreSQL and sets it).",
    );
  }
  return targets;
}

let pgliteTemplate: Promise<Blob> | undefined;

/**
 * A dump of a freshly migrated in-memory PGlite, made once per test process. Loading it skips
 * initdb, which is most of the time an in-memory open takes (about 3 s against 0.7 s here).
 */
function migratedPgliteDump(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const store = await openStore({ dataDir: "memory://" });
    try {
      return await (store.db as unknown as { $client: PGlite }).$client.dumpDataDir("none");
    } finally {
      await store.close();
    }
  })();
  return pgliteTemplate;
}

const pgliteTarget: StoreTarget = {
  name: "pglite",
  open: async () => openStore({ dataDir: "memory://", loadDataDir: await migratedPgliteDump() }),
  async place() {
    const dataDir = await mkdtemp(join(tmpdir(), "polyphony-store-"));
    return {
      open: () => openStore({ dataDir }),
      discard: () => rm(dataDir, { recursive: true, force: true }),
      dataDir,
    };
  },
};

function postgresTarget(databaseUrl: string): StoreTarget {
  const newSchemaName = () => `t_${randomBytes(6).toString("hex")}`;
  return {
    name: "postgres",
    async open() {
      const pgSchema = newSchemaName();
      const store = await openStore({ databaseUrl, pgSchema });
      return {
        ...store,
        async close() {
          try {
            await store.db.execute(sql.raw(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`));
          } finally {
            await store.close();
          }
        },
      };
    },
    async place() {
      const pgSchema = newSchemaName();
      return {
        open: () => openStore({ databaseUrl, pgSchema }),
        discard: () => dropSchema(databaseUrl, pgSchema),
      };
    },
  };
}

async function dropSchema(databaseUrl: string, pgSchema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
  } finally {
    await client.end();
  }
}
