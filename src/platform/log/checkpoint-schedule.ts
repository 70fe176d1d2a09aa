import type { Clock } from "../../ports.ts";
import type { TransparencyLog } from "./transparency-log.ts";

/** When to sign a checkpoint without being asked: after this many new entries, or this long. */
export interface CheckpointPolicy {
  readonly entries: number;
  readonly seconds: number;
}

/** The defaults of POLYPHONY_CHECKPOINT_ENTRIES and POLYPHONY_CHECKPOINT_SECONDS. */
export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { entries: 256, seconds: 5 };

/**
 * Signs a new checkpoint whenever `policy.entries` entries arrived since the latest one, or when
 * entries have waited `policy.seconds` (other servers' and the CLI's appends included). Receipts
 * sign on demand besides. Returns the function that stops the schedule.
 */
export function scheduleCheckpoints(log: TransparencyLog, policy: CheckpointPolicy, clock: Clock): () => void {
  let busy = false;
  let lastError = "";
  const tick = async () => {
    const tree = await log.catchUp();
    const latest = await log.latestCheckpoint();
    const signedSize = latest?.size ?? -1;
    if (tree.size <= signedSize) return;
    const waited = latest ? clock.now().getTime() - latest.signedAt.getTime() : Infinity;
    if (tree.size - Math.max(signedSize, 0) >= policy.entries || waited >= policy.seconds * 1000) {
      await log.checkpointCovering(tree.size);
    }
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    tick()
      .then(() => (lastError = ""))
      .catch((error: unknown) => {
        const message = (error as Error).message;
        if (message !== lastError) console.error(`checkpoint schedule: ${message}`);
        lastError = message;
      })
      .finally(() => (busy = false));
  }, Math.min(1000, policy.seconds * 1000));
  timer.unref();
  return () => clearInterval(timer);
}
