import { spawnSync } from "node:child_process";
import { access, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildOnce } from "./build-lock.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "polyphony-build-lock-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exists = (path: string) => () => access(path).then(() => true, () => false);

describe("buildOnce", () => {
  it("lets one builder build while another, holding no lock, waits and builds nothing", async () => {
    const path = join(dir, "cache", "file.bin");
    let finish = () => {};
    const first = buildOnce(path, exists(path), async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      await writeFile(path, "built");
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    let secondBuilt = false;
    const second = buildOnce(path, exists(path), async () => {
      secondBuilt = true;
    });
    finish();
    expect(await Promise.all([first, second])).toEqual([true, false]);
    expect(secondBuilt).toBe(false);
    expect(await readdir(join(dir, "cache"))).toEqual(["file.bin"]);
  });

  it("takes over the lock of a process that died while building", async () => {
    const path = join(dir, "file.bin");
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(`${path}.lock`, String(gone));
    expect(await buildOnce(path, exists(path), () => writeFile(path, "built"))).toBe(true);
    expect(await readdir(dir)).toEqual(["file.bin"]);
  });

  it("leaves no lock behind when the build fails", async () => {
    const path = join(dir, "file.bin");
    await expect(buildOnce(path, exists(path), () => Promise.reject(new Error("no source")))).rejects.toThrow("no source");
    expect(await readdir(dir)).toEqual([]);
  });
});
