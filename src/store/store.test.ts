import { readdirSync, readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getTableName, is, sql, type SQL } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { storeTargets } from "../../test/support/stores.ts";
import type { Queryable, Store } from "./open.ts";
import { campaigns } from "../platform/campaigns/schema.ts";
import { canonicalCards, contexts, questions, votes } from "../kinds/moral-graph/schema.ts";
import { participants } from "../platform/participants/schema.ts";

const journal = JSON.parse(
  readFileSync(new URL("./migrations/meta/_journal.json", import.meta.url), "utf8"),
) as { entries: unknown[] };

// Every module declares its tables in its own schema.ts; drizzle.config.ts takes the same glob.
const src = new URL("..", import.meta.url);
const schemaModules = await Promise.all(
  readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("schema.ts") && file.split("/").at(-1) === "schema.ts")
    .map((file) => import(new URL(file, src).href) as Promise<Record<string, unknown>>),
);
const schemaTableNames = schemaModules
  .flatMap((module) => Object.values(module))
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table))
  .sort();

const at = new Date("2026-11-01T12:00:00Z");

/** The SQLSTATE of a failed query, which drivers and Drizzle may wrap in `cause`. */
function sqlState(error: unknown): string | undefined {
  let current = error;
  while (current && typeof current === "object") {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = cause;
  }
  return undefined;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the operation to fail");
}

/** Runs raw SQL; both drivers return its rows as `rows`. */
async function query<Row>(db: Queryable, statement: SQL): Promise<Row[]> {
  const result = (await db.execute(statement)) as { rows: Row[] };
  return result.rows;
}

async function countRows(db: Queryable, table: PgTable): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return rows[0]?.n ?? 0;
}

/**
 * Drizzle keeps its record of applied migrations in the schema `drizzle` by default (PGlite), and
 * in the store's own schema when opened with `pgSchema` (the PostgreSQL targets).
 */
async function countAppliedMigrations(store: Store): Promise<number> {
  const table = store.driver === "pglite" ? sql`drizzle.__drizzle_migrations` : sql`__drizzle_migrations`;
  const rows = await query<{ n: number }>(store.db, sql`select count(*)::int as n from ${table}`);
  return Number(rows[0]?.n);
}

async function insertCampaign(db: Queryable, id: string): Promise<void> {
  await db.insert(campaigns).values({ id, kind: "moral-graph", title: `Campaign ${id}`, createdAt: at, updatedAt: at });
}

/** A campaign with one participant, two canonical cards and two contexts: enough for a vote. */
async function seedVotingCampaign(db: Queryable): Promise<void> {
  await insertCampaign(db, "c1");
  await db.insert(participants).values({ id: "p1", campaignId: "c1", createdAt: at });
  await db.insert(canonicalCards).values(
    ["a", "b"].map((id) => ({ id, campaignId: "c1", title: id, description: id, policies: ["MOMENTS when"], createdAt: at })),
  );
  await db.insert(contexts).values([
    { id: "x1", campaignId: "c1", position: 0, name: "When the user is a teenager" },
    { id: "x2", campaignId: "c1", position: 1, name: "When the user is in distress" },
  ]);
}

function vote(id: string, contextId: string) {
  return {
    id,
    campaignId: "c1",
    participantId: "p1",
    fromId: "a",
    toId: "b",
    contextId,
    relationship: "upgrade" as const,
    createdAt: at,
    updatedAt: at,
  };
}

describe.each(storeTargets())("store on $name", (target) => {
  describe("migrations", () => {
    it("apply on a fresh database and are recorded once, however often the store is reopened", async () => {
      const place = await target.place();
      try {
        const first = await place.open();
        expect(await countAppliedMigrations(first)).toBe(journal.entries.length);
        await insertCampaign(first.db, "kept");
        await first.close();

        const second = await place.open();
        try {
          expect(await countAppliedMigrations(second)).toBe(journal.entries.length);
          expect(await second.db.select({ id: campaigns.id }).from(campaigns)).toEqual([{ id: "kept" }]);
        } finally {
          await second.close();
        }
      } finally {
        await place.discard();
      }
    });
  });

  describe("a fresh store", () => {
    let store: Store;
    beforeEach(async () => {
      store = await target.open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("has every table of the schema", async () => {
      const rows = await query<{ name: string }>(store.db, sql`
        select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'
          and table_name <> '__drizzle_migrations'
        order by table_name`);
      expect(rows.map((row) => row.name)).toEqual(schemaTableNames);
    });

    it("has foreign keys that point only at tables of its own schema", async () => {
      const [counts] = await query<{ inside: number; outside: number }>(store.db, sql`
        select
          count(*) filter (where target.relnamespace = source.relnamespace)::int as inside,
          count(*) filter (where target.relnamespace <> source.relnamespace)::int as outside
        from pg_constraint c
        join pg_class source on source.oid = c.conrelid
        join pg_class target on target.oid = c.confrelid
        where c.contype = 'f' and source.relnamespace = current_schema()::regnamespace`);
      expect(counts?.outside).toBe(0);
      expect(counts?.inside).toBeGreaterThan(0);
    });

    it("rejects a row that references a missing campaign", async () => {
      const error = await rejection(store.db.insert(questions).values({ id: "q1", campaignId: "missing", position: 0, text: "?" }));
      expect(sqlState(error)).toBe("23503");
    });
  });

  describe("transactions", () => {
    let store: Store;
    beforeEach(async () => {
      store = await target.open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("keep what a transaction wrote when it completes", async () => {
      await store.transaction(async (tx) => {
        await insertCampaign(tx, "c1");
        await insertCampaign(tx, "c2");
      });
      expect(await countRows(store.db, campaigns)).toBe(2);
    });

    it("leave nothing written when the work throws", async () => {
      const error = await rejection(
        store.transaction(async (tx) => {
          await insertCampaign(tx, "c1");
          expect(await countRows(tx, campaigns)).toBe(1);
          throw new Error("work failed after the insert");
        }),
      );
      expect((error as Error).message).toBe("work failed after the insert");
      expect(await countRows(store.db, campaigns)).toBe(0);
    });

    it("leave nothing written when a later statement fails", async () => {
      await rejection(
        store.transaction(async (tx) => {
          await insertCampaign(tx, "c1");
          await insertCampaign(tx, "c1");
        }),
      );
      expect(await countRows(store.db, campaigns)).toBe(0);
    });
  });

  describe("the vote key (participant, from, to, context)", () => {
    let store: Store;
    beforeEach(async () => {
      store = await target.open();
      await seedVotingCampaign(store.db);
    });
    afterEach(async () => {
      await store.close();
    });

    it("rejects a second vote with the same key", async () => {
      await store.db.insert(votes).values(vote("v1", "x1"));
      const error = await rejection(store.db.insert(votes).values(vote("v2", "x1")));
      expect(sqlState(error)).toBe("23505");
      expect(await countRows(store.db, votes)).toBe(1);
    });

    it("accepts the same vote in another context", async () => {
      await store.db.insert(votes).values([vote("v1", "x1"), vote("v2", "x2")]);
      expect(await countRows(store.db, votes)).toBe(2);
    });
  });
});
