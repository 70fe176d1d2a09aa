import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PolyphonyError } from "../core/errors.ts";

const LOCK_NAME = "polyphony.lock";

/** Lock files this process holds: a second open of the same folder in this process is refused too. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isErrno(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException).code === code;
}

function siblingName(path: string, purpose: string): string {
  return `${path}.${purpose}.${process.pid}.${randomBytes(4).toString("hex")}`;
}

/**
 * Creates the lock file holding our pid, or returns false if one exists. The pid is written to a
 * private file first and then hard-linked into place, so no reader ever sees a lock file that
 * exists but is still empty.
 */
function createLock(path: string): boolean {
  const draft = siblingName(path, "new");
  writeFileSync(draft, String(process.pid), { mode: 0o600 });
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if (isErrno(error, "EEXIST")) return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** The pid in a lock file; `undefined` if it holds no pid, `null` if the file is gone. */
function readHolder(path: string): number | undefined | null {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if (isErrno(error, "ENOENT")) return null;
    throw error;
  }
}

/**
 * Removes a lock left by `holder`, a process that no longer runs. The file is moved aside before
 * it is deleted: if another process replaced it in the meantime, its lock is put back, not lost.
 */
function removeStaleLock(path: string, holder: number | undefined): void {
  const aside = siblingName(path, "stale");
  try {
    renameSync(path, aside);
  } catch (error) {
    if (isErrno(error, "ENOENT")) return;
    throw error;
  }
  try {
    if (readHolder(aside) !== holder) linkSync(aside, path);
  } catch (error) {
    if (!isErrno(error, "EEXIST")) throw error;
  } finally {
    rmSync(aside, { force: true });
  }
}

/**
 * Takes an exclusive lock on a PGlite data folder: PGlite does not lock its folder itself, and two
 * processes writing one folder corrupt it. A lock left by a process that no longer runs is taken
 * over; so is one that names this process's pid but that this process does not hold, which is
 * what a restarted container leaves when the new process gets the old one's pid.
 * Returns the function that releases the lock.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(realpathSync(dir), LOCK_NAME);
  const inUse = (pid: number) =>
    new PolyphonyError(
      "conflict",
      `the data folder ${dir} is in use by process ${pid} (a running \`polyphony serve\`?): stop it first, use the HTTP API while it runs, or choose another --data folder`,
    );
  if (heldHere.has(path)) throw inUse(process.pid);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createLock(path)) {
      heldHere.add(path);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(path);
        rmSync(path, { force: true });
      };
    }
    const holder = readHolder(path);
    if (holder === null) continue;
    if (holder !== undefined && holder !== process.pid && isAlive(holder)) throw inUse(holder);
    removeStaleLock(path, holder);
  }
  throw new PolyphonyError("conflict", `could not lock the data folder ${dir}`);
}
