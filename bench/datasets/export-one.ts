import { openServices, readConfig } from "../../src/main.ts";
import { exportDataset } from "../../src/datasets/export.ts";
import type { Format } from "../../src/datasets/formats.ts";

// Usage (bench/datasets/run.ts runs it in a process of its own, to measure its memory):
//   node --import tsx bench/datasets/export-one.ts DATA CAMPAIGN FORMAT OUT
// Opens the store (PGlite folder DATA, or DATABASE_URL), loads the log's tree, then prints one
// JSON line: the export's wall time, and the process's resident memory before it.

const [data, campaign, format, out] = process.argv.slice(2) as [string, string, Format, string];
const deps = await openServices(readConfig(process.env.DATABASE_URL ? {} : { data }));
await deps.log.catchUp();
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
const manifest = await exportDataset(deps, campaign, { format }, out);
const seconds = (performance.now() - start) / 1000;
await deps.store.close();
process.stdout.write(`${JSON.stringify({ seconds, rssBeforeMb: rssBefore / 2 ** 20, rows: manifest.files.reduce((n, f) => n + f.rows, 0), files: manifest.files.map((f) => [f.path, f.rows, f.bytes]) })}\n`);
