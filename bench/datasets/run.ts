import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { openServices, readConfig } from "../../src/main.ts";
import { DATASETS_SPEC, seedLoggedCampaign } from "./seed.ts";

// Usage: npm run bench:datasets   (= node --import tsx bench/datasets/run.ts)
// Seeds (once, into BENCH_DATASETS_DIR, default a folder under the system's temporary folder) a
// campaign of a million logged votes, then exports it to preference JSONL (trl-preference) and to
// Parquet (every raw table), each in a process of its own whose resident memory is sampled every
// 20 ms. Every row's provenance is written too. Peer: DuckDB writing the same votes table (read
// from our Parquet file) to Parquet with its own writer. Targets (issue 12): < 10 s and < 500 MB each.

const EXPORT_ONE = fileURLToPath(new URL("./export-one.ts", import.meta.url));
const root = process.env.BENCH_DATASETS_DIR ?? join(tmpdir(), "polyphony-bench-datasets");
const data = join(root, "data");
const marker = join(root, "campaign.txt");

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

async function seed(): Promise<string> {
  if (existsSync(marker)) return readFileSync(marker, "utf8").trim();
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const start = performance.now();
  const deps = await openServices(readConfig({ data }, {}));
  try {
    const campaign = await seedLoggedCampaign(deps, DATASETS_SPEC);
    writeFileSync(marker, campaign);
    console.log(`seeded ${DATASETS_SPEC.votes.toLocaleString("en")} logged votes in ${((performance.now() - start) / 1000).toFixed(0)} s`);
    return campaign;
  } finally {
    await deps.store.close();
  }
}

interface Run {
  seconds: number;
  rssBeforeMb: number;
  rows: number;
  files: [string, number, number][];
  peakMb: number;
}

async function exportIn(campaign: string, format: string): Promise<Run & { out: string }> {
  const out = join(root, `out-${format}`);
  rmSync(out, { recursive: true, force: true });
  const child = spawn(process.execPath, ["--import", "tsx", EXPORT_ONE, data, campaign, format, out], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, DATABASE_URL: "" } });
  let peakMb = 0;
  const timer = setInterval(() => {
    try {
      peakMb = Math.max(peakMb, rssOf(child.pid!));
    } catch {
      // The process has ended between two samples.
    }
  }, 20);
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  clearInterval(timer);
  if (code !== 0) throw new Error(`the ${format} export exited with ${code}`);
  return { ...(JSON.parse(text) as Run), peakMb, out };
}

async function duckDbPeer(parquet: string): Promise<number> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const target = join(root, "peer-votes.parquet");
  const start = performance.now();
  await connection.run(`COPY (SELECT * FROM read_parquet('${parquet}')) TO '${target}' (FORMAT parquet)`);
  const seconds = (performance.now() - start) / 1000;
  connection.closeSync();
  instance.closeSync();
  return seconds;
}

const campaign = await seed();
console.log(`campaign ${campaign}: ${DATASETS_SPEC.votes.toLocaleString("en")} votes, ${DATASETS_SPEC.cards} values, ${DATASETS_SPEC.contexts} contexts, ${DATASETS_SPEC.participants} people (PGlite)`);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
for (const format of ["trl-preference", "parquet"]) {
  const run = await exportIn(campaign, format);
  const files = run.files.map(([path, rows, bytes]) => `${path} ${rows.toLocaleString("en")} rows ${mb(bytes)}`).join("; ");
  console.log(`${format}: ${run.seconds.toFixed(2)} s, peak ${run.peakMb.toFixed(0)} MB (${run.rssBeforeMb.toFixed(0)} MB with the store open, before the export); ${files}`);
  if (format === "parquet") {
    const peer = await duckDbPeer(join(run.out, "data/votes.parquet"));
    console.log(`peer: DuckDB writes the same ${DATASETS_SPEC.votes.toLocaleString("en")}-row votes table to Parquet in ${peer.toFixed(2)} s; Polyphony's export of all five tables with provenance takes ${(run.seconds / peer).toFixed(1)}× that`);
  }
}
