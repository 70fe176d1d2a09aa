import { PolyphonyError } from "./core/errors.ts";
import { systemClock } from "./ports.ts";
import type { Embedder, Llm } from "./ports.ts";
import { llmFromEnv } from "./providers/openai-llm.ts";
import { embedderFromEnv } from "./providers/openai-embedder.ts";
import { createWordVectorEmbedder } from "./providers/word-vectors.ts";
import { ensureWordVectorCache } from "./providers/word-vectors-source.ts";
import type { ServiceDeps } from "./platform/deps.ts";
import { DEFAULT_CHECKPOINT_POLICY, type CheckpointPolicy } from "./platform/log/checkpoint-schedule.ts";
import { makeLogKey } from "./platform/log/log-key.ts";
import { TransparencyLog } from "./platform/log/transparency-log.ts";
import { DEFAULT_COMMIT_SETTINGS, type CommitSettings } from "./platform/log/group-commit.ts";
import { readWitnessKeys } from "./platform/log/witness/cosignatures.ts";
import { loadLogKey, type LogKeySource } from "./store/log-key-file.ts";
import { openStore, type Store } from "./store/open.ts";
import { KINDS } from "./kinds/index.ts";
import { readLimits, type LimitSettings } from "./platform/limits/limits.ts";

export interface Config {
  /** PGlite data folder; ignored when `databaseUrl` is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  llm: Llm | undefined;
  embedder: () => Promise<Embedder>;
  /** Builds what the embedder reads before its first use (the word vectors' cache); resolves to whether it had to. */
  prepareEmbedder: () => Promise<boolean>;
  /** Where the log's signing key comes from, and the checkpoints' origin. */
  logKey: LogKeySource;
  /** When the server signs checkpoints without being asked. */
  checkpoints: CheckpointPolicy;
  /** How contributions are grouped into transactions. */
  commit: CommitSettings;
  /** Verifier keys of the witnesses whose cosignatures the log accepts. */
  logWitnesses: string[];
  /** Submission prefixes of C2SP tlog-witness witnesses the server offers its checkpoints to. */
  logWitnessUrls: string[];
  /** Rate limits and LLM budgets. */
  limits: LimitSettings;
}

const positive = (text: string | undefined, fallback: number) => {
  const n = Number(text);
  return text && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** A whole number of at least `min` from the environment variable `name`, or `fallback` when unset. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, min: number, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    throw new PolyphonyError("invalid_input", `${name} is a whole number of at least ${min}, not ${JSON.stringify(text)}`, { field: name });
  }
  return n;
}

/** The witness submission prefixes in POLYPHONY_LOG_WITNESS_URLS: http(s) URLs, comma-separated. */
function readWitnessUrls(text: string | undefined): string[] {
  const urls = (text ?? "").split(",").map((u) => u.trim()).filter((u) => u !== "");
  for (const url of urls) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw new PolyphonyError("invalid_input", `POLYPHONY_LOG_WITNESS_URLS holds ${JSON.stringify(url)}, which is not an http(s) URL`, { field: "POLYPHONY_LOG_WITNESS_URLS" });
    }
  }
  return urls;
}

/** Reads configuration from options and the environment (DATABASE_URL, POLYPHONY_*). */
export function readConfig(options: { data?: string | undefined }, env: NodeJS.ProcessEnv = process.env): Config {
  const remote = embedderFromEnv(env);
  let local: Promise<Embedder> | undefined;
  const dataDir = options.data ?? env.POLYPHONY_DATA ?? "./polyphony-data";
  return {
    dataDir,
    databaseUrl: options.data ? undefined : env.DATABASE_URL || undefined,
    llm: llmFromEnv(env),
    embedder: remote ? async () => remote : () => (local ??= createWordVectorEmbedder({ cacheDir: env.POLYPHONY_CACHE_DIR })),
    prepareEmbedder: remote ? async () => false : () => ensureWordVectorCache({ cacheDir: env.POLYPHONY_CACHE_DIR }),
    logKey: {
      dataDir,
      origin: env.POLYPHONY_LOG_ORIGIN || undefined,
      key: env.POLYPHONY_LOG_KEY || undefined,
      keyFile: env.POLYPHONY_LOG_KEY_FILE || undefined,
    },
    checkpoints: {
      entries: positive(env.POLYPHONY_CHECKPOINT_ENTRIES, DEFAULT_CHECKPOINT_POLICY.entries),
      seconds: positive(env.POLYPHONY_CHECKPOINT_SECONDS, DEFAULT_CHECKPOINT_POLICY.seconds),
    },
    commit: {
      batchSize: wholeNumber(env, "POLYPHONY_COMMIT_BATCH_SIZE", 1, DEFAULT_COMMIT_SETTINGS.batchSize),
      windowMs: wholeNumber(env, "POLYPHONY_COMMIT_WINDOW_MS", 0, DEFAULT_COMMIT_SETTINGS.windowMs),
    },
    logWitnesses: (env.POLYPHONY_LOG_WITNESSES ?? "").split(",").map((k) => k.trim()).filter((k) => k !== ""),
    logWitnessUrls: readWitnessUrls(env.POLYPHONY_LOG_WITNESS_URLS),
    limits: readLimits(env),
  };
}

/** The composition root: opens the store named by the config, the log over it, and the providers. */
export async function openServices(config: Config): Promise<ServiceDeps & { store: Store }> {
  const store = await openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    const key = loadLogKey(config.logKey);
    const log = new TransparencyLog(store, makeLogKey(key.origin, key.name, key.seed), systemClock, { commit: config.commit });
    const logWitnesses = readWitnessKeys(config.logWitnesses);
    return { store, kinds: KINDS, clock: systemClock, log, logWitnesses, llm: config.llm, embedder: config.embedder, limits: config.limits };
  } catch (error) {
    await store.close();
    throw error;
  }
}
