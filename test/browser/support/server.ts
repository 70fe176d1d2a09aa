import { spawn, execFile, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const CLI = join(ROOT, "bin", "polyphony.mjs");

export interface RunningServer {
  url: string;
  dataDir: string;
  /** A researcher token for this server's store. */
  token: string;
  /** Calls the API as the researcher (or with `token`), returning the parsed JSON; non-2xx throws. */
  api<T = any>(method: string, path: string, body?: unknown, token?: string): Promise<T>;
  stop(): Promise<void>;
}

/** Runs the polyphony CLI against a data folder and returns its JSON output. */
export async function cli<T = any>(dataDir: string, ...args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [CLI, "--data", dataDir, "--json", ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as T;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/openapi.json`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not start within 90 s:\n${log()}`);
}

/**
 * Starts `polyphony serve` on a free port over a new PGlite folder, as a user would, after
 * `prepare` (CLI commands such as an import) has run on that folder.
 */
export async function startServer(prepare?: (dataDir: string) => Promise<void>, env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "polyphony-browser-"));
  const { token: created } = await cli<{ token: { token: string } }>(dataDir, "token", "create", "--name", "browser tests");
  const token = created.token;
  if (prepare) await prepare(dataDir);
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, [CLI, "--data", dataDir, "serve", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(url, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    dataDir,
    token,
    async api(method, path, body, as = token) {
      const res = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${as}`, ...(body !== undefined && { "content-type": "application/json" }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
