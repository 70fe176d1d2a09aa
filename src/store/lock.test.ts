import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PolyphonyError } from "../core/errors.ts";
import { lockDataDir } from "./lock.ts";
import { openStore, type Store } from "./open.ts";
import { campaigns } from "../platform/campaigns/schema.ts";

const repoRoot = new URL("../..", import.meta.url);
const openModule = new URL("./open.ts", import.meta.url).href;

let scratch: string;
let template: string;
let opened: Store[] = [];

/** A copy of a migrated data folder: creating one from nothing takes seconds of initdb. */
function freshFolder(name: string): string {
  const dir = join(scratch, name);
  cpSync(template, dir, { recursive: true });
  return dir;
}

async function open(dataDir: string): Promise<Store> {
  const store = await openStore({ dataDir });
  opened.push(store);
  return store;
}

function lockPath(dataDir: string): string {
  return join(dataDir, "polyphony.lock");
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  if (child.pid === undefined) throw new Error("could not start a short-lived process");
  return child.pid;
}

/** Runs an ES module script under tsx in a separate Node process. */
function runScript(script: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "polyphony-lock-"));
  template = join(scratch, "template");
  const store = await openStore({ dataDir: template });
  await store.close();
});

afterEach(async () => {
  await Promise.all(opened.map((store) => store.close()));
  opened = [];
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("the lock on a PGlite data folder", () => {
  it("is a file holding the pid of the process that has the folder open, removed on close", async () => {
    const dir = freshFolder("held");
    const store = await open(dir);
    expect(readFileSync(lockPath(dir), "utf8")).toBe(String(process.pid));
    await store.close();
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it("refuses a second open in the same process, until the first is closed", async () => {
    const dir = freshFolder("same-process");
    const first = await open(dir);
    const refused = openStore({ dataDir: dir });
    await expect(refused).rejects.toBeInstanceOf(PolyphonyError);
    await expect(refused).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("is in use by process") });
    await first.close();
    const again = await open(dir);
    expect(again.driver).toBe("pglite");
  });

  it("refuses an open from another process, which fails with a clear error and a non-zero exit", async () => {
    const dir = freshFolder("other-process");
    await open(dir);
    const script = `import { openStore } from ${JSON.stringify(openModule)};\nawait openStore({ dataDir: process.env.DATA_DIR });`;
    const child = await runScript(script, { DATA_DIR: dir });
    expect(child.code).not.toBe(0);
    expect(child.stderr).toContain(`the data folder ${dir} is in use by process ${process.pid}`);
    expect(readFileSync(lockPath(dir), "utf8")).toBe(String(process.pid));
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const dir = freshFolder("stale");
    writeFileSync(lockPath(dir), String(deadPid()));
    const store = await open(dir);
    expect(readFileSync(lockPath(dir), "utf8")).toBe(String(process.pid));
    await store.db.insert(campaigns).values({ id: "c1", kind: "moral-graph", title: "After a crash", createdAt: new Date(), updatedAt: new Date() });
    await store.close();
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it("takes over a lock that names this process but that this process does not hold (a restarted container)", () => {
    const dir = join(scratch, "restarted");
    mkdirSync(dir);
    writeFileSync(lockPath(dir), String(process.pid));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/is in use by process/);
    release();
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it("takes over a lock file that holds no pid", () => {
    const dir = join(scratch, "empty-lock");
    mkdirSync(dir);
    writeFileSync(lockPath(dir), "");
    const release = lockDataDir(dir);
    expect(readFileSync(lockPath(dir), "utf8")).toBe(String(process.pid));
    release();
  });

  it("leaves no file in the folder but the lock itself, also after taking over a stale one", () => {
    const dir = join(scratch, "tidy");
    mkdirSync(dir);
    writeFileSync(lockPath(dir), String(deadPid()));
    const release = lockDataDir(dir);
    expect(readdirSync(dir)).toEqual(["polyphony.lock"]);
    release();
    expect(readdirSync(dir)).toEqual([]);
  });
});
