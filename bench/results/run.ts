import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

// Usage: npm run bench:results   (= node --import tsx bench/results/run.ts)
// Seeds a campaign of 200,000 votes, 2,000 values and 50 contexts in a server process of its own
// (PGlite, then PostgreSQL when DATABASE_URL is set) and measures, over HTTP on this machine: a
// cold graph request and the latency of other requests while it runs, warm graph requests, three
// concurrent cold requests after a vote (and the server's peak memory meanwhile), and the export.
// Targets: warm < 50 ms; others' p99 < 100 ms during a cold computation; < 600 MB with three cold.

interface Answer {
  status: number;
  bytes: number;
  ms: number;
  firstByteMs: number;
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}, keep = false): Promise<Answer> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      const firstByteMs = performance.now() - start;
      let bytes = 0;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (keep) chunks.push(chunk);
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - start, firstByteMs, body: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function post(port: number, path: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> | null }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const headers: Record<string, string> = { "content-type": "application/json", "content-length": String(Buffer.byteLength(data)) };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : null }));
    });
    req.on("error", reject);
    req.end(data);
  });
}

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

/** Resident memory of a process in MB, sampled every 20 ms while `task` runs; the peak. */
async function peakMemory<T>(pid: number, task: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  const rss = () => rssOf(pid);
  let peakMb = rss();
  const timer = setInterval(() => (peakMb = Math.max(peakMb, rss())), 20);
  try {
    const result = await task();
    return { result, peakMb: Math.max(peakMb, rss()) };
  } finally {
    clearInterval(timer);
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 3 : 1)} MB`;

/** Asks for cheap pages, one after another, until `until` settles; their latencies. */
async function probe(port: number, campaign: string, until: Promise<unknown>) {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    latencies.push((await get(port, `/api/v1/campaigns/${campaign}`)).ms);
    await new Promise((r) => setTimeout(r, 10));
  }
  return latencies;
}

const SERVER = fileURLToPath(new URL("./server.ts", import.meta.url));

function runServer(mode: string, where: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", SERVER, mode, where], { stdio: ["ignore", "pipe", "inherit"] });
}

async function firstLine<T>(child: ChildProcess): Promise<T> {
  const lines = createInterface({ input: child.stdout! });
  const line = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the bench server exited (${code})`)));
  });
  return JSON.parse(line) as T;
}

interface Seeded {
  campaign: string;
  context: string;
  cards: [string, string];
  seedSeconds: number;
}

async function bench(driver: "pglite" | "postgres") {
  console.log(`\n=== ${driver}`);
  const folder = driver === "pglite" ? mkdtempSync(join(tmpdir(), "polyphony-results-bench-")) : undefined;
  const where = folder ? join(folder, "data") : `bench_results_${randomBytes(4).toString("hex")}`;
  const info = await firstLine<Seeded>(runServer("seed", where));
  // The server starts afresh on the seeded data, as a server that has run for a while would be.
  const child = runServer("serve", where);
  const { port } = await firstLine<{ port: number }>(child);
  const { campaign } = info;
  const graph = `/api/v1/campaigns/${campaign}/graph`;
  const gzip = { "accept-encoding": "gzip" };
  try {
    console.log(`seeded in ${info.seedSeconds.toFixed(1)} s; server memory at rest ${rssOf(child.pid!).toFixed(0)} MB`);
    const cold = get(port, graph, gzip);
    const others = await probe(port, campaign, cold);
    const first = await cold;
    console.log(`cold graph request, the first since the server started: ${ms(first.ms)}, ${mb(first.bytes)} gzipped (status ${first.status})`);
    console.log(`other requests meanwhile: ${others.length}, p50 ${ms(quantile(others, 0.5))}, p99 ${ms(quantile(others, 0.99))}, max ${ms(Math.max(...others))}`);
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) warm.push((await get(port, graph, gzip)).ms);
    console.log(`warm graph request: median ${ms(quantile(warm, 0.5))}, max ${ms(Math.max(...warm))} (20 in a row)`);
    const plain = await get(port, graph);
    console.log(`warm graph page without compression: ${mb(plain.bytes)}`);

    const joined = await post(port, `/api/v1/campaigns/${campaign}/participants`, { answers: { group: "group-0" } });
    const vote = await post(port, `/api/v1/campaigns/${campaign}/votes`, { from: info.cards[0], to: info.cards[1], context: info.context, relationship: "upgrade" }, String(joined.body?.token));
    if (vote.status !== 201) throw new Error(`the vote answered ${vote.status}: ${JSON.stringify(vote.body)}`);
    const three = await peakMemory(child.pid!, async () => {
      const start = performance.now();
      const answers = Promise.all([0, 1, 2].map(() => get(port, graph, gzip)));
      const meanwhile = await probe(port, campaign, answers);
      return { answers: await answers, ms: performance.now() - start, meanwhile };
    });
    const bytes = three.result.answers.reduce((sum, a) => sum + a.bytes, 0);
    const again = three.result.meanwhile;
    console.log(`three concurrent cold requests after a vote: ${ms(three.result.ms)}, ${mb(bytes)} in all; server peak memory ${three.peakMb.toFixed(0)} MB`);
    console.log(`other requests meanwhile: ${again.length}, p50 ${ms(quantile(again, 0.5))}, p99 ${ms(quantile(again, 0.99))}, max ${ms(Math.max(...again))}`);

    for (const [label, headers] of [["gzipped", gzip], ["uncompressed", {}]] as const) {
      const exported = await peakMemory(child.pid!, () => get(port, `/api/v1/campaigns/${campaign}/export`, headers));
      console.log(`export (${label}): ${ms(exported.result.ms)}, first byte after ${ms(exported.result.firstByteMs)}, ${mb(exported.result.bytes)}; server peak memory ${exported.peakMb.toFixed(0)} MB`);
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    if (folder) rmSync(folder, { recursive: true, force: true });
    else await new Promise((r) => runServer("drop", where).once("exit", r));
  }
}

await bench("pglite");
if (process.env.DATABASE_URL) await bench("postgres");
else console.log("\nDATABASE_URL is not set: the PostgreSQL run is skipped");
