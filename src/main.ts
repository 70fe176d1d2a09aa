import { systemClock } from "./ports.ts";
import type { Embedder, Llm } from "./ports.ts";
import { llmFromEnv } from "./providers/openai-llm.ts";
import { embedderFromEnv } from "./providers/openai-embedder.ts";
import { createWordVectorEmbedder } from "./providers/word-vectors.ts";
import type { ServiceDeps } from "./services/deps.ts";
import { openStore, type Store } from "./store/open.ts";

export interface Config {
  /** PGlite data folder; ignored when `databaseUrl` is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  llm: Llm | undefined;
  embedder: () => Promise<Embedder>;
}

/** Reads configuration from options and the environment (DATABASE_URL, POLYPHONY_*). */
export function readConfig(options: { data?: string | undefined }, env: NodeJS.ProcessEnv = process.env): Config {
  const remote = embedderFromEnv(env);
  let local: Promise<Embedder> | undefined;
  return {
    dataDir: options.data ?? env.POLYPHONY_DATA ?? "./polyphony-data",
    databaseUrl: options.data ? undefined : env.DATABASE_URL || undefined,
    llm: llmFromEnv(env),
    embedder: remote ? async () => remote : () => (local ??= createWordVectorEmbedder({ cacheDir: env.POLYPHONY_CACHE_DIR })),
  };
}

/** The composition root: opens the store named by the config and wires the providers. */
export async function openServices(config: Config): Promise<ServiceDeps & { store: Store }> {
  const store = await openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  return { store, clock: systemClock, llm: config.llm, embedder: config.embedder };
}
