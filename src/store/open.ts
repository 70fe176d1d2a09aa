import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import pg from "pg";
import * as schema from "./schema.ts";
import { lockDataDir } from "./lock.ts";

export type Schema = typeof schema;
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
  databaseUrl?: string;
  /** PostgreSQL schema to use (tests give each suite its own). */
  pgSchema?: string;
}

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Opens the store named by the options and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.pgSchema) : openPglite(options.dataDir ?? "./polyphony-data");
}

async function openPglite(dataDir: string): Promise<Store> {
  const inMemory = dataDir.startsWith("memory://");
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
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
  if (pgSchema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${pgSchema}`);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  await migratePg(db as never, { migrationsFolder, ...(pgSchema ? { migrationsSchema: pgSchema } : {}) });
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
