import { spawn } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { closeOnSignal } from "./close-on-signal.ts";
import { openStore } from "./open.ts";
import { campaigns } from "../platform/campaigns/schema.ts";

const repoRoot = new URL("../..", import.meta.url);
const storeModules = {
  open: new URL("./open.ts", import.meta.url).href,
  closeOnSignal: new URL("./close-on-signal.ts", import.meta.url).href,
  schema: new URL("../platform/campaigns/schema.ts", import.meta.url).href,
};

/** Opens the folder, writes a campaign, closes on a signal, and says "ready" once it waits. */
const childScript = `
import { openStore } from ${JSON.stringify(storeModules.open)};
import { closeOnSignal } from ${JSON.stringify(storeModules.closeOnSignal)};
import { campaigns } from ${JSON.stringify(storeModules.schema)};
const store = await openStore({ dataDir: process.env.DATA_DIR });
const now = new Date();
await store.db.insert(campaigns).values({ id: "written-before-the-signal", kind: "moral-graph", title: "t", createdAt: now, updatedAt: now });
closeOnSignal(store, () => console.log("closed"));
setInterval(() => {}, 60_000);
console.log("ready");
`;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the child on `dataDir`, sends it `signal` once it is ready, and waits for it to end. */
function signalChildOnceReady(dataDir: string, signal: NodeJS.Signals): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", childScript], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let sent = false;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!sent && stdout.includes("ready\n")) {
        sent = true;
        child.kill(signal);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, exitSignal) => resolve({ code, signal: exitSignal, stdout, stderr }));
  });
}

let scratch: string;
let template: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "polyphony-signal-"));
  template = join(scratch, "template");
  await (await openStore({ dataDir: template })).close();
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.each(["SIGTERM", "SIGINT"] as const)("a process that gets %s", (signal) => {
  it("closes its PGlite store, removes the lock and exits 0; the folder reopens with its data", async () => {
    const dataDir = join(scratch, signal);
    cpSync(template, dataDir, { recursive: true });
    const exit = await signalChildOnceReady(dataDir, signal);
    expect(exit, exit.stderr).toMatchObject({ code: 0, signal: null, stdout: "ready\nclosed\n" });
    expect(existsSync(join(dataDir, "polyphony.lock"))).toBe(false);

    const store = await openStore({ dataDir });
    try {
      expect(await store.db.select({ id: campaigns.id }).from(campaigns)).toEqual([{ id: "written-before-the-signal" }]);
    } finally {
      await store.close();
    }
  });
});

describe("closeOnSignal", () => {
  let exit: MockInstance<typeof process.exit>;
  let removeHandlers: (() => void) | undefined;
  beforeAll(() => {
    exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as typeof process.exit);
  });
  afterEach(() => {
    removeHandlers?.();
    exit.mockClear();
  });
  afterAll(() => {
    exit.mockRestore();
  });

  /** Installs closeOnSignal and returns its SIGTERM handler, without raising a real signal in the test runner. */
  function install(close: () => Promise<void>, onClosed?: () => void): (signal: NodeJS.Signals) => void {
    const before = new Set(process.listeners("SIGTERM"));
    removeHandlers = closeOnSignal({ close }, onClosed);
    const added = process.listeners("SIGTERM").filter((listener) => !before.has(listener));
    expect(added).toHaveLength(1);
    return added[0] as (signal: NodeJS.Signals) => void;
  }

  it("closes the store once when a second signal arrives while it is closing", async () => {
    const close = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
    const onClosed = vi.fn();
    const handle = install(close, onClosed);
    handle("SIGTERM");
    handle("SIGTERM");
    await vi.waitFor(() => expect(exit).toHaveBeenCalled());
    expect(close).toHaveBeenCalledTimes(1);
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it("exits 1 and says why when the store fails to close", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const handle = install(() => Promise.reject(new Error("disk full")));
    handle("SIGTERM");
    await vi.waitFor(() => expect(exit).toHaveBeenCalled());
    expect(exit).toHaveBeenCalledWith(1);
    expect(error).toHaveBeenCalledWith("could not close the store on SIGTERM:", expect.objectContaining({ message: "disk full" }));
    error.mockRestore();
  });

  it("removes its handlers when asked", () => {
    const before = process.listenerCount("SIGINT");
    const remove = closeOnSignal({ close: async () => {} });
    expect(process.listenerCount("SIGINT")).toBe(before + 1);
    remove();
    expect(process.listenerCount("SIGINT")).toBe(before);
  });
});
