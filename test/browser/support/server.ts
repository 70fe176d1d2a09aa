import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli, startServerProcess } from "../../support/server-process.ts";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

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
export const cli = runCli;

/**
 * Starts `polyphony serve` on a free port over a new PGlite folder, as a user would, after
 * `prepare` (CLI commands such as an import) has run on that folder.
 */
export async function startServer(prepare?: (dataDir: string) => Promise<void>, env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "polyphony-browser-"));
  const { token: created } = await cli<{ token: { token: string } }>(dataDir, "token", "create", "--name", "browser tests");
  const token = created.token;
  if (prepare) await prepare(dataDir);
  const server = await startServerProcess(dataDir, env);
  const { url, child } = server;
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
