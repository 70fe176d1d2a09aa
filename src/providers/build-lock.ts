import { mkdir, open, readFile, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const POLL_MS = 250;
// A lock file that still names no process after this long was left by one that died while writing it.
const UNNAMED_LOCK_MS = 10_000;

/**
 * Runs `build`, which makes the file at `path`, unless `isBuilt` says it is there; while another
 * process on this machine builds the same file (it holds `<path>.lock`), waits for it instead.
 * Several servers sharing one cache folder thus convert once. Resolves to whether this call built.
 */
export async function buildOnce(path: string, isBuilt: () => Promise<boolean>, build: () => Promise<void>): Promise<boolean> {
  const lockPath = `${path}.lock`;
  await mkdir(dirname(path), { recursive: true });
  for (;;) {
    if (await isBuilt()) return false;
    const lock = await open(lockPath, "wx").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST") return undefined;
      throw error;
    });
    if (lock) {
      try {
        await lock.writeFile(String(process.pid));
        await lock.close();
        // Another process may have finished between the look above and taking the lock.
        if (await isBuilt()) return false;
        await build();
        return true;
      } finally {
        await rm(lockPath, { force: true });
      }
    }
    if (await isAbandoned(lockPath)) await rm(lockPath, { force: true });
    else await sleep(POLL_MS);
  }
}

/** Whether the process that took the lock is gone without removing it. */
async function isAbandoned(lockPath: string): Promise<boolean> {
  const pid = Number(await readFile(lockPath, "utf8").catch(() => ""));
  if (!Number.isInteger(pid) || pid <= 0) {
    const taken = await stat(lockPath).then((info) => info.mtimeMs, () => undefined);
    return taken !== undefined && Date.now() - taken > UNNAMED_LOCK_MS;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
