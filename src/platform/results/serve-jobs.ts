import { parentPort } from "node:worker_threads";

/** Every ArrayBuffer under `value`, once each: a reply transfers them rather than copying them. */
export function listBuffers(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) listBuffers(item, found);
  } else if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) listBuffers(item, found);
  }
  return [...found];
}

/** In a worker of a `WorkerPool`: answers each message with `handle`'s result, its buffers moved. */
export function serveJobs<M>(handle: (message: M) => unknown) {
  const port = parentPort;
  if (!port) throw new Error("serveJobs runs in a worker thread");
  port.on("message", (message: M) => {
    try {
      const value = handle(message);
      port.postMessage({ ok: true, value }, listBuffers(value));
    } catch (error) {
      port.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
