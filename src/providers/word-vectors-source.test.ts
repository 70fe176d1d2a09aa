import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildInChildProcess } from "./word-vectors-build.ts";
import { defaultCacheDir, ensureWordVectorCache, loadWordVectors } from "./word-vectors-source.ts";
import { readWordVectorsFile } from "./word-vectors-file.ts";

// The real child process, counted.
vi.mock("./word-vectors-build.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("./word-vectors-build.ts")>();
  return { buildInChildProcess: vi.fn(real.buildInChildProcess) };
});

// The wink layout: each vector is followed by its l2 norm and its row.
const winkJson = {
  precision: 8,
  l2NormIndex: 2,
  wordIndex: 3,
  size: 3,
  dimensions: 2,
  words: ["the", "heard", "odd\nword"],
  vectors: { the: [1, 0, 1, 0], heard: [0.6, 0.8, 1, 1], "odd\nword": [1, 1, 1.4, 2] },
  unkVector: [0, 0, 0, -1],
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "polyphony-wv-source-"));
  vi.mocked(buildInChildProcess).mockClear();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadWordVectors", () => {
  it("converts the wink JSON once into the binary cache and keeps frequency order", async () => {
    const sourcePath = join(dir, "vectors.json");
    await writeFile(sourcePath, JSON.stringify(winkJson));
    const cacheDir = join(dir, "cache");
    const vectors = await loadWordVectors({ cacheDir, sourcePath });
    expect(vectors.words).toEqual(["the", "heard"]);
    expect(Array.from(vectors.vectors)).toEqual([1, 0, 0.6000000238418579, 0.800000011920929]);
    expect(await readdir(cacheDir)).toEqual(["word-vectors-sg-100d-v1.bin"]);
    const cached = await readWordVectorsFile(join(cacheDir, "word-vectors-sg-100d-v1.bin"));
    expect(cached?.words).toEqual(["the", "heard"]);
  });

  it("shares one load between callers of the same cache", async () => {
    const sourcePath = join(dir, "vectors.json");
    await writeFile(sourcePath, JSON.stringify(winkJson));
    const cacheDir = join(dir, "shared");
    const [a, b] = await Promise.all([loadWordVectors({ cacheDir, sourcePath }), loadWordVectors({ cacheDir, sourcePath })]);
    expect(a).toBe(b);
  });

  it("waits for the build a server started rather than starting a second one", async () => {
    const sourcePath = join(dir, "vectors.json");
    await writeFile(sourcePath, JSON.stringify(winkJson));
    const source = { cacheDir: join(dir, "background"), sourcePath };
    const atStart = ensureWordVectorCache(source);
    const [built, vectors, again] = await Promise.all([atStart, loadWordVectors(source), ensureWordVectorCache(source)]);
    expect(built).toBe(true);
    expect(again).toBe(true);
    expect(vectors.words).toEqual(["the", "heard"]);
    expect(buildInChildProcess).toHaveBeenCalledTimes(1);
    expect(await ensureWordVectorCache(source)).toBe(false);
    expect(buildInChildProcess).toHaveBeenCalledTimes(1);
  });

  it("says clearly when neither a cache nor the source exists, and retries later", async () => {
    const options = { cacheDir: join(dir, "none"), sourcePath: join(dir, "missing.json") };
    await expect(loadWordVectors(options)).rejects.toMatchObject({ code: "unavailable", message: /does not exist/ });
    await writeFile(options.sourcePath, JSON.stringify(winkJson));
    expect((await loadWordVectors(options)).words).toHaveLength(2);
  });

  it("rejects a JSON file of another shape", async () => {
    const sourcePath = join(dir, "other.json");
    await writeFile(sourcePath, JSON.stringify({ hello: "world" }));
    await expect(loadWordVectors({ cacheDir: join(dir, "c"), sourcePath })).rejects.toThrow(/not a wink/);
  });
});

describe("defaultCacheDir", () => {
  it("prefers POLYPHONY_CACHE_DIR, else node_modules/.cache/polyphony", () => {
    expect(defaultCacheDir({ POLYPHONY_CACHE_DIR: "/var/cache/p" })).toBe("/var/cache/p");
    expect(defaultCacheDir({})).toMatch(/node_modules[\\/]\.cache[\\/]polyphony$/);
  });
});
