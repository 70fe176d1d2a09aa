import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("../../scripts/build-word-vectors.mjs", import.meta.url));
const WINK = { dimensions: 2, words: ["the", "heard"], vectors: { the: [1, 0, 1, 0], heard: [0.6, 0.8, 1, 1] } };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "polyphony-wv-build-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs scripts/build-word-vectors.mjs with the cache in `dir`/cache. */
function buildScript(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { env: { ...process.env, POLYPHONY_CACHE_DIR: join(dir, "cache") } }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

describe("scripts/build-word-vectors.mjs", () => {
  it("builds the default cache once, and does nothing when it is there", async () => {
    const source = join(dir, "vectors.json");
    await writeFile(source, JSON.stringify(WINK));
    const first = await buildScript(["--source", source]);
    expect(first).toMatchObject({ code: 0, stderr: expect.stringMatching(/^polyphony: word vectors cached in .*cache/) as unknown });
    expect(await readdir(join(dir, "cache"))).toEqual(["word-vectors-sg-100d-v1.bin"]);
    expect(await buildScript(["--source", source])).toEqual({ code: 0, stderr: "" });
  });

  it("never fails an install: with --install it says why it built nothing and exits 0", async () => {
    const missing = ["--source", join(dir, "missing.json")];
    expect(await buildScript(missing)).toMatchObject({ code: 1, stderr: expect.stringMatching(/does not exist/) as unknown });
    const install = await buildScript(["--install", ...missing]);
    expect(install.code).toBe(0);
    expect(install.stderr).toMatch(/not built now .*does not exist.*the server builds it when it first starts/);
  });
});
