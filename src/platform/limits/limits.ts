import { sql } from "drizzle-orm";
import { PolyphonyError } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import { rowsOf } from "../../store/rows.ts";
import { coalesce, coalescerPer } from "../../store/coalesce.ts";

/** At most `max` requests per `seconds`-long window; `max` 0 turns the limit off. */
export interface Limit {
  readonly max: number;
  readonly seconds: number;
}

/** Every limit the server applies, each configurable (POLYPHONY_LIMIT_*; README, Configuration). */
export interface LimitSettings {
  /** Joins from one client address: each leaves a permanent log entry. */
  readonly joinsPerAddress: Limit;
  /** Requests with a wrong token from one client address, before every token request from it waits. */
  readonly failedAuthPerAddress: Limit;
  /** Writes (POST, PUT, PATCH, DELETE) by one token: a participant's contributions, a researcher's actions. */
  readonly writesPerToken: Limit;
  /** Articulation chat turns (LLM calls) by one participant, and by all participants of one campaign. */
  readonly llmCallsPerParticipant: Limit;
  readonly llmCallsPerCampaign: Limit;
  /** Read the client address from `X-Forwarded-For` (set it behind the reverse proxy only). */
  readonly trustProxy: boolean;
}

export const DEFAULT_LIMITS: LimitSettings = {
  joinsPerAddress: { max: 60, seconds: 3600 },
  failedAuthPerAddress: { max: 30, seconds: 300 },
  writesPerToken: { max: 120, seconds: 60 },
  llmCallsPerParticipant: { max: 40, seconds: 86_400 },
  llmCallsPerCampaign: { max: 5_000, seconds: 86_400 },
  trustProxy: false,
};

/** The limits a server applies: its configured ones, or the defaults. */
export const limitsOf = (deps: { readonly limits?: LimitSettings | undefined }): LimitSettings => deps.limits ?? DEFAULT_LIMITS;

/** Reads `POLYPHONY_LIMIT_<NAME>=<max>/<seconds>` settings over the defaults; `0` turns a limit off. */
export function readLimits(env: NodeJS.ProcessEnv): LimitSettings {
  const read = (name: string, fallback: Limit): Limit => {
    const text = env[`POLYPHONY_LIMIT_${name}`];
    if (text === undefined || text.trim() === "") return fallback;
    const match = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(text);
    if (!match) throw new PolyphonyError("invalid_input", `POLYPHONY_LIMIT_${name} is <max>/<seconds> (such as 60/3600), or 0 for no limit`, { field: `POLYPHONY_LIMIT_${name}` });
    return { max: Number(match[1]), seconds: match[2] ? Math.max(1, Number(match[2])) : fallback.seconds };
  };
  return {
    joinsPerAddress: read("JOINS_PER_ADDRESS", DEFAULT_LIMITS.joinsPerAddress),
    failedAuthPerAddress: read("FAILED_AUTH_PER_ADDRESS", DEFAULT_LIMITS.failedAuthPerAddress),
    writesPerToken: read("WRITES_PER_TOKEN", DEFAULT_LIMITS.writesPerToken),
    llmCallsPerParticipant: read("LLM_CALLS_PER_PARTICIPANT", DEFAULT_LIMITS.llmCallsPerParticipant),
    llmCallsPerCampaign: read("LLM_CALLS_PER_CAMPAIGN", DEFAULT_LIMITS.llmCallsPerCampaign),
    trustProxy: /^(1|true|yes)$/i.test(env.POLYPHONY_TRUST_PROXY ?? ""),
  };
}

/** The error a request over a limit gets: 429 with `Retry-After` in seconds. */
export function rateLimited(what: string, retryAfter: number): PolyphonyError {
  return new PolyphonyError("rate_limited", `too many ${what}; try again in ${retryAfter} s`, { detail: { retryAfter } });
}

const windowOf = (limit: Limit, now: Date) => {
  const ms = limit.seconds * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { start: new Date(start), retryAfter: Math.max(1, Math.ceil((start + ms - now.getTime()) / 1000)) };
};

interface WindowKey {
  readonly bucket: string;
  readonly start: Date;
}

const keyOf = (bucket: string, ms: number | string) => `${ms} ${bucket}`;
const unnestKeys = (keys: readonly WindowKey[]) => sql`unnest(${sql.param(keys.map((k) => k.bucket))}::text[], ${sql.param(keys.map((k) => k.start.toISOString()))}::timestamptz[]) AS k(b, w)`;

/**
 * Counts one hit for each key, all in one upsert, and returns each key's count including its own
 * hit, as if the hits had come one after another in order. The first hit of a window clears the
 * bucket's past windows, so the table stays small.
 */
const countHits = coalescerPer((db: Queryable) =>
  coalesce(async (keys: readonly WindowKey[]): Promise<number[]> => {
    const rows = rowsOf<{ bucket: string; ms: string | number; hits: number; fresh: boolean }>(
      await db.execute(sql`
        INSERT INTO rate_counters (bucket, window_start, hits)
        SELECT b, w, count(*) FROM ${unnestKeys(keys)} GROUP BY b, w
        ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_counters.hits + EXCLUDED.hits
        RETURNING bucket, (extract(epoch FROM window_start) * 1000)::bigint AS ms, hits, (xmax = 0) AS fresh`),
    );
    const fresh = rows.filter((r) => r.fresh).map((r) => ({ bucket: r.bucket, start: new Date(Number(r.ms)) }));
    if (fresh.length > 0) {
      await db.execute(sql`DELETE FROM rate_counters r USING ${unnestKeys(fresh)} WHERE r.bucket = k.b AND r.window_start < k.w`);
    }
    const batchCount = new Map<string, number>();
    for (const k of keys) batchCount.set(keyOf(k.bucket, k.start.getTime()), (batchCount.get(keyOf(k.bucket, k.start.getTime())) ?? 0) + 1);
    // The count before this batch's hits, then one more per hit in order.
    const before = new Map(rows.map((r) => [keyOf(r.bucket, r.ms), r.hits - batchCount.get(keyOf(r.bucket, r.ms))!]));
    return keys.map((k) => {
      const key = keyOf(k.bucket, k.start.getTime());
      const hits = before.get(key)! + 1;
      before.set(key, hits);
      return hits;
    });
  }),
);

/** The counts of the keys' windows, 0 for those with no hits yet; in one query. */
const readHits = coalescerPer((db: Queryable) =>
  coalesce(async (keys: readonly WindowKey[]): Promise<number[]> => {
    const rows = rowsOf<{ bucket: string; ms: string | number; hits: number }>(
      await db.execute(sql`
        SELECT r.bucket, (extract(epoch FROM r.window_start) * 1000)::bigint AS ms, r.hits
        FROM rate_counters r JOIN ${unnestKeys(keys)} ON r.bucket = k.b AND r.window_start = k.w`),
    );
    const hits = new Map(rows.map((r) => [keyOf(r.bucket, r.ms), r.hits]));
    return keys.map((k) => hits.get(keyOf(k.bucket, k.start.getTime())) ?? 0);
  }),
);

/**
 * Counts one request against `limit` for `bucket` and refuses it when the window's count is
 * already spent. Atomic on the shared database, so the limit holds across servers and concurrent
 * requests; the requests of one moment share one upsert. Counting happens first: a refused
 * request also counts.
 */
export async function take(db: Queryable, bucket: string, limit: Limit, now: Date, what: string): Promise<void> {
  if (limit.max <= 0) return;
  const { start, retryAfter } = windowOf(limit, now);
  const hits = await countHits(db)({ bucket, start });
  if (hits > limit.max) throw rateLimited(what, retryAfter);
}

/** Whether `bucket` has spent `limit` in the current window, without counting a request. */
export async function spent(db: Queryable, bucket: string, limit: Limit, now: Date): Promise<number | null> {
  if (limit.max <= 0) return null;
  const { start, retryAfter } = windowOf(limit, now);
  const hits = await readHits(db)({ bucket, start });
  return hits >= limit.max ? retryAfter : null;
}
