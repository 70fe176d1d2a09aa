import { sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Clock, Embedder, Llm } from "../../src/ports.ts";
import { createApi, type Api } from "../../src/http/app.ts";
import type { ServiceDeps } from "../../src/platform/deps.ts";
import { makeLogKey } from "../../src/platform/log/log-key.ts";
import { TransparencyLog } from "../../src/platform/log/transparency-log.ts";
import type { CommitSettings } from "../../src/platform/log/group-commit.ts";
import { createResearcherToken } from "../../src/platform/auth/tokens.ts";
import type { Store } from "../../src/store/open.ts";
import { KINDS } from "../../src/kinds/index.ts";
import type { KindRegistry } from "../../src/platform/kind.ts";
import type { LimitSettings } from "../../src/platform/limits/limits.ts";
import type { NoteVerifier } from "../../src/core/log/index.ts";

/** A clock that moves one second per reading, so timestamps are distinct and ordered. */
export function steppingClock(start = Date.parse("2026-01-01T00:00:00Z")) {
  let t = start;
  return { now: () => new Date((t += 1000)) };
}

/** The origin of test logs' checkpoints. */
export const TEST_LOG_ORIGIN = "test.polyphony.local/log";

/** A log over `store` with a fresh signing key, or the key of `seed`. */
export function createTestLog(store: Store, clock: Clock, seed: Uint8Array = new Uint8Array(randomBytes(32)), commit?: CommitSettings): TransparencyLog {
  return new TransparencyLog(store, makeLogKey(TEST_LOG_ORIGIN, TEST_LOG_ORIGIN, seed), clock, commit ? { commit } : {});
}

export interface TestApi {
  deps: ServiceDeps;
  /** The app itself, for tests that read its route definitions. */
  api: Api;
  researcher: string;
  /** Sends a JSON request; `token` goes in the Authorization header, `headers` are added as they are. */
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; type: string; headers: Headers }>;
}

/** Limits all off: tests of other things send many requests from one address and token. */
export const NO_LIMITS: LimitSettings = {
  joinsPerAddress: { max: 0, seconds: 1 },
  failedAuthPerAddress: { max: 0, seconds: 1 },
  writesPerToken: { max: 0, seconds: 1 },
  llmCallsPerParticipant: { max: 0, seconds: 1 },
  llmCallsPerCampaign: { max: 0, seconds: 1 },
  trustProxy: false,
};

/** The API over a real store, with a researcher token ready; servers that share a log share `logSeed`. */
export async function createTestApi(
  store: Store,
  providers: {
    llm?: Llm;
    embedder?: Embedder;
    logSeed?: Uint8Array;
    kinds?: KindRegistry;
    limits?: LimitSettings;
    logWitnesses?: readonly NoteVerifier[];
    commit?: CommitSettings;
  } = {},
): Promise<TestApi> {
  const clock = steppingClock();
  const deps: ServiceDeps = {
    store,
    kinds: providers.kinds ?? KINDS,
    limits: providers.limits ?? NO_LIMITS,
    clock,
    log: createTestLog(store, clock, providers.logSeed, providers.commit),
    llm: providers.llm,
    embedder: async () => {
      if (!providers.embedder) throw new Error("this test gave no embedder");
      return providers.embedder;
    },
    logWitnesses: providers.logWitnesses,
  };
  const api = createApi(deps);
  const { token } = await createResearcherToken(deps, "test researcher");
  return {
    deps,
    api,
    researcher: token,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.raw !== undefined || options.body !== undefined) {
        headers["content-type"] = "application/json";
        body = options.raw ?? JSON.stringify(options.body);
      }
      const res = await api.request(path, { method, headers, ...(body !== undefined && { body }) });
      const type = res.headers.get("content-type") ?? "";
      const text = await res.text();
      const json = type.includes("json") && !type.includes("jsonl");
      return { status: res.status, type, headers: res.headers, body: text && json ? JSON.parse(text) : text };
    },
  };
}

/** Three attention policies that make a valid values card. */
export const POLICIES = [
  "MOMENTS when the person names what they are afraid of",
  "CHOICES that would still feel right to them in ten years",
  "PEOPLE in their life who could support them",
];

/** How many rows a table holds: tests check that refused input wrote nothing. */
export async function countRows(store: Store, table: string): Promise<number> {
  const result = await store.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return (result as { rows: { n: number }[] }).rows[0]!.n;
}
