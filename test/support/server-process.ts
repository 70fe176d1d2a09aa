import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const CLI = fileURLToPath(new URL("../../bin/polyphony.mjs", import.meta.url));
const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// Limits off: these servers take bursts from one address and token on purpose.
const NO_LIMITS = Object.fromEntries(["JOINS_PER_ADDRESS", "FAILED_AUTH_PER_ADDRESS", "WRITES_PER_TOKEN"].map((name) => [`POLYPHONY_LIMIT_${name}`, "0"]));
const env = (extra: Record<string, string> = {}) => ({ ...process.env, DATABASE_URL: "", POLYPHONY_CHECKPOINT_SECONDS: "1", ...NO_LIMITS, ...extra });

/** Runs `polyphony --data DIR --json …` and returns its parsed output. */
export async function runCli<T = any>(dataDir: string, ...args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [CLI, "--data", dataDir, "--json", ...args], { cwd: ROOT, env: env(), maxBuffer: 64 << 20 });
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

/** A `polyphony serve` process on a PGlite folder. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
}

/** Starts `polyphony serve` on `dataDir` (with extra environment variables) and waits until it answers. */
export async function startServerProcess(dataDir: string, extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, [CLI, "--data", dataDir, "serve", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: ROOT,
    env: env(extraEnv),
  });
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    const up = await fetch(`${url}/api/v1/log/key`).then((r) => r.ok, () => false);
    if (up) return { url, child, exited, output: () => output };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not start within 90 s:\n${output}`);
}
