import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServerProcess, type ServerProcess } from "./support/server-process.ts";

const CACHED = "Word vectors for similar cards are cached now.";

async function stop(server: ServerProcess) {
  server.child.kill("SIGTERM");
  await server.exited;
}

/** Waits until the server has said `line`, or fails after `seconds`. */
async function untilSaid(server: ServerProcess, line: string, seconds: number) {
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline; ) {
    if (server.output().includes(line)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not say ${JSON.stringify(line)}:\n${server.output()}`);
}

describe("polyphony serve without a word-vector cache", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "polyphony-warm-start-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("answers at once and builds the cache in the background", async () => {
    const env = { POLYPHONY_CACHE_DIR: join(dir, "cache") };
    const first = await startServerProcess(join(dir, "data"), env);
    try {
      await untilSaid(first, CACHED, 120);
    } finally {
      await stop(first);
    }
    expect(await readdir(join(dir, "cache"))).toEqual(["word-vectors-sg-100d-v1.bin"]);
  }, 180_000);
});
