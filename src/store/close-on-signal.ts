import type { Store } from "./open.ts";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * On SIGINT or SIGTERM, closes `store`, runs `onClosed`, and exits with status 0 (1 if closing
 * failed). Without it, Node's default handling kills the process at once: PGlite's last writes may
 * not reach the folder, and the lock file stays behind. A second signal while closing is ignored,
 * so that the close is never cut short. Returns a function that removes the handlers.
 */
export function closeOnSignal(store: Pick<Store, "close">, onClosed?: () => void | Promise<void>): () => void {
  let closing = false;
  const handle = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    store
      .close()
      .then(() => onClosed?.())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`could not close the store on ${signal}:`, error);
          process.exit(1);
        },
      );
  };
  for (const signal of SIGNALS) process.on(signal, handle);
  return () => {
    for (const signal of SIGNALS) process.off(signal, handle);
  };
}
