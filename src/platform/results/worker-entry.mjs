// A worker thread's first module: registers tsx, as bin/polyphony.mjs does for the main thread,
// then runs the TypeScript module named in workerData. Hooks registered in the main thread do not
// reach a worker, and a worker started from vitest has none at all.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
