import { execFile } from "node:child_process";
import { mkdir, rmdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT } from "./server.ts";

const run = promisify(execFile);
const LOCK = join(ROOT, "web", ".build-lock");

/**
 * Builds web/dist when it is missing or stale. Test files run in parallel, so a lock folder
 * (mkdir is atomic) lets one build while the others wait.
 */
export async function ensureWebBuild() {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${LOCK} is held for too long; remove it if no build is running`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    await run(process.execPath, [join(ROOT, "scripts", "build-web.mjs")], { cwd: ROOT });
  } finally {
    await rmdir(LOCK);
  }
}
