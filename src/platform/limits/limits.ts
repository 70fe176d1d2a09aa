import { and, lt, sql } from "drizzle-orm";
import { PolyphonyError } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import { rowsOf } from "../../store/rows.ts";
import { rateCounters } from "./schema.ts";

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

/**
 * Counts one request against `limit` for `bucket` and refuses it when the window's count is
 * already spent. One upsert per call, atomic on the shared database, so the limit holds across
 * servers and concurrent requests. Counting happens first: a refused request also counts.
 */
export async function take(db: Queryable, bucket: string, limit: Limit, now: Date, what: string): Promise<void> {
  if (limit.max <= 0) return;
  const { start, retryAfter } = windowOf(limit, now);
  const result = await db.execute(sql`
    INSERT INTO rate_counters (bucket, window_start, hits) VALUES (${bucket}, ${start.toISOString()}::timestamptz, 1)
    ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_counters.hits + 1
    RETURNING hits, (xmax = 0) AS fresh`);
  const [row] = rowsOf<{ hits: number; fresh: boolean }>(result);
  // The first request of a window clears the bucket's past windows, so the table stays small.
  if (row?.fresh) await db.delete(rateCounters).where(and(sql`${rateCounters.bucket} = ${bucket}`, lt(rateCounters.windowStart, start)));
  if (row && row.hits > limit.max) throw rateLimited(what, retryAfter);
}

/** Whether `bucket` has spent `limit` in the current window, without counting a request. */
export async function spent(db: Queryable, bucket: string, limit: Limit, now: Date): Promise<number | null> {
  if (limit.max <= 0) return null;
  const { start, retryAfter } = windowOf(limit, now);
  const result = await db.execute(sql`SELECT hits FROM rate_counters WHERE bucket = ${bucket} AND window_start = ${start.toISOString()}::timestamptz`);
  const [row] = rowsOf<{ hits: number }>(result);
  return row && row.hits >= limit.max ? retryAfter : null;
}
