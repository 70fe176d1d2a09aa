import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PolyphonyError } from "../core/errors.ts";

const SCRIPT = fileURLToPath(new URL("../../scripts/build-word-vectors.mjs", import.meta.url));

/**
 * Converts the wink JSON at `json` into the cache at `cachePath` in a child process, so that the
 * seconds of parsing block no request and the memory it takes is returned when it exits.
 */
export function buildInChildProcess(cachePath: string, json: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, "--out", cachePath, "--source", json], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", (error) => reject(new PolyphonyError("unavailable", `cannot start ${SCRIPT}: ${error.message}`, { cause: error })));
    child.once("close", (code, signal) => {
      if (code === 0) return resolve();
      const why = stderr.trim().split("\n").at(-1)?.replace(/^polyphony: /, "") || `it ended with ${signal ?? `status ${code}`}`;
      reject(new PolyphonyError("unavailable", `could not build the word-vector cache: ${why}`));
    });
  });
}
