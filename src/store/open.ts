import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { readMigrationFiles, type MigrationMeta } from "drizzle-orm/migrator";
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgSession, type PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import pg from "pg";
import { lockDataDir } from "./lock.ts";

/** Tables are declared by the modules that own them; queries name them directly, so the store holds no schema. */
export type Schema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or a transaction handle. */
export type Queryable = Db | Tx;

export interface Store {
  readonly db: Db;
  readonly driver: "pglite" | "postgres";
  /** Runs `work` in one transaction; inside, use only the handle it is given. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PGlite data folder; ignored when `databaseUrl` is set. `memory://` keeps it in memory. */
  dataDir?: string;
  /**
   * PGlite only: start a new database from this dump (`PGlite.dumpDataDir()`) rather than from an
   * empty one. Tests load a migrated template this way: it skips initdb, the slow part of an open.
   */
  loadDataDir?: Blob;
  databaseUrl?: string;
  /** PostgreSQL schema to use (tests give each suite its own). */
  pgSchema?: string;
}

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Opens the store named by the options and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.pgSchema)
    : openPglite(options.dataDir ?? "./polyphony-data", options.loadDataDir);
}

/**
 * Applies the committed migrations not yet recorded. With `pgSchema`, both the tables and the
 * record of applied migrations live in that schema, and drizzle-kit's `"public".` qualifiers on
 * foreign-key targets are rewritten to it, so that a store in its own schema references only its
 * own tables.
 */
async function applyMigrations(database: { _: { session: unknown } }, pgSchema?: string): Promise<void> {
  let migrations: MigrationMeta[] = readMigrationFiles({ migrationsFolder });
  if (pgSchema) {
    migrations = migrations.map((migration) => ({
      ...migration,
      sql: migration.sql.map((statement) => statement.replaceAll('"public".', `"${pgSchema}".`)),
    }));
  }
  await new PgDialect().migrate(migrations, database._.session as PgSession, {
    migrationsFolder,
    ...(pgSchema ? { migrationsSchema: pgSchema } : {}),
  });
}

/**
 * PGlite's buffer cache. PostgreSQL's default of 128 MB lives in the server's own memory here
 * (WebAssembly memory never shrinks), and the data directory's files are read through the
 * operating system's page cache anyway: 32 MB took a server on a 200,000-vote campaign from
 * 411 MB to 296 MB at rest, and under three concurrent cold graph requests from 650 MB to
 * 519 MB, with the same cost per vote (bench/results).
 */
const PGLITE_SHARED_BUFFERS = "32MB";

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Store> {
  const inMemory = dataDir.startsWith("memory://");
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(inMemory ? {} : { dataDir }),
      ...(loadDataDir ? { loadDataDir } : {}),
      startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const db = drizzlePglite({ client }) as unknown as Db;
  try {
    await applyMigrations(db);
  } catch (error) {
    await client.close().finally(unlock);
    throw error;
  }
  let closed = false;
  return {
    db,
    driver: "pglite",
    transaction: (work) => db.transaction(work),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

async function openPostgres(url: string, pgSchema?: string): Promise<Store> {
  if (pgSchema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(pgSchema)) {
    throw new Error(`invalid PostgreSQL schema name ${pgSchema}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(pgSchema ? { options: `-c search_path=${pgSchema}` } : {}),
  });
  try {
    await migratePostgres(pool, pgSchema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePg({ client: pool }) as unknown as Db;
  let closed = false;
  return {
    db,
    driver: "postgres",
    transaction: (work) => db.transaction(work),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/**
 * Several servers may start at once on one database: a session-level advisory lock lets one of
 * them migrate while the others wait, then find nothing left to apply.
 */
async function migratePostgres(pool: pg.Pool, pgSchema?: string): Promise<void> {
  const lockKey = `polyphony:migrate:${pgSchema ?? "public"}`;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [lockKey]);
    try {
      if (pgSchema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${pgSchema}"`);
      await applyMigrations(drizzlePg({ client }), pgSchema);
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [lockKey]);
    }
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // A connection that failed may still hold the advisory lock: destroy it rather than pool it.
    client.release(broken);
  }
}
