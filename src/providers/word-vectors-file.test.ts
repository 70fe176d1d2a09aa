import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasWordVectorsFile, readWordVectorsFile, writeWordVectorsFile } from "./word-vectors-file.ts";

const sample = {
  dimensions: 3,
  words: ["the", "café", "don't", "second-hand", "the"],
  vectors: Float32Array.from([1, 2, 3, 0.5, -0.25, 4, 7, 8, 9, -1, -2, -3, 9, 9, 9]),
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "polyphony-wv-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("word-vector file", () => {
  it("round-trips words, vectors and the word index (first row wins)", async () => {
    const path = join(dir, "sub", "vectors.bin");
    await writeWordVectorsFile(path, sample);
    const read = await readWordVectorsFile(path);
    expect(read?.words).toEqual(sample.words);
    expect(read?.dimensions).toBe(3);
    expect(Array.from(read?.vectors ?? [])).toEqual(Array.from(sample.vectors));
    expect(read?.index.get("café")).toBe(1);
    expect(read?.index.get("the")).toBe(0);
  });

  it("leaves no temporary file behind, even with concurrent writers", async () => {
    const path = join(dir, "vectors.bin");
    await Promise.all([writeWordVectorsFile(path, sample), writeWordVectorsFile(path, sample)]);
    expect(await readdir(dir)).toEqual(["vectors.bin"]);
    expect((await readWordVectorsFile(path))?.words).toEqual(sample.words);
  });

  it("reads an empty vocabulary", async () => {
    const path = join(dir, "empty.bin");
    await writeWordVectorsFile(path, { dimensions: 3, words: [], vectors: new Float32Array(0) });
    expect((await readWordVectorsFile(path))?.words).toEqual([]);
  });

  it("ignores a missing, truncated or foreign file, and says it has none by the header alone", async () => {
    const path = join(dir, "vectors.bin");
    expect(await readWordVectorsFile(path)).toBeUndefined();
    expect(await hasWordVectorsFile(path)).toBe(false);
    await writeWordVectorsFile(path, sample);
    expect(await hasWordVectorsFile(path)).toBe(true);
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.length - 4));
    expect(await readWordVectorsFile(path)).toBeUndefined();
    expect(await hasWordVectorsFile(path)).toBe(false);
    await writeFile(path, Buffer.from("{\"words\": [], \"vectors\": {}}"));
    expect(await readWordVectorsFile(path)).toBeUndefined();
    expect(await hasWordVectorsFile(path)).toBe(false);
    await writeFile(path, "");
    expect(await hasWordVectorsFile(path)).toBe(false);
  });

  it("refuses a word with a line break, which the format cannot hold", async () => {
    const bad = { dimensions: 1, words: ["a\nb"], vectors: Float32Array.from([1]) };
    await expect(writeWordVectorsFile(join(dir, "bad.bin"), bad)).rejects.toThrow(/line break/);
  });
});
