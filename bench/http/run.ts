import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";

// Usage: npm run bench:http [-- --seconds 15] [--connections 10,50] [--batches 1,64]
//        npm run bench:http -- --url http://host:port --researcher TOKEN   (load a running server)
// Votes over HTTP: a `polyphony serve` process on each store (PGlite in a temporary folder, and a
// fresh PostgreSQL database when DATABASE_URL is set), loaded by autocannon from this process on
// the same machine. Every connection is its own participant, casting distinct votes in a closed
// loop. Each store runs once per batch size (POLYPHONY_COMMIT_BATCH_SIZE; 1 is one transaction and
// one checkpoint per contribution) and prints votes/s, p50 and p99 side by side.

const CLI = fileURLToPath(new URL("../../bin/polyphony.mjs", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}
const seconds = Number(option("seconds", "15"));
const connectionCounts = option("connections", "10,50").split(",").map(Number);
const batchSizes = option("batches", "1,64").split(",").map(Number);
const CONTEXTS = 10;

interface Store {
  readonly name: string;
  readonly env: Record<string, string>;
  readonly args: string[];
  dispose(): Promise<void>;
}

async function pgliteStore(): Promise<Store> {
  const dir = await mkdtemp(join(tmpdir(), "polyphony-bench-http-"));
  return { name: "PGlite", env: { DATABASE_URL: "" }, args: ["--data", dir], dispose: () => rm(dir, { recursive: true, force: true }) };
}

async function postgresStore(url: string): Promise<Store> {
  const name = `polyphony_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const dir = await mkdtemp(join(tmpdir(), "polyphony-bench-http-key-"));
  return {
    name: "PostgreSQL",
    // The log key lives in the data folder's key file; the rows live in the fresh database.
    env: { DATABASE_URL: target.toString(), POLYPHONY_LOG_KEY_FILE: join(dir, "log-key") },
    args: [],
    async dispose() {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const serverEnv = (store: Store, batch: number) => ({
  ...process.env,
  ...store.env,
  POLYPHONY_COMMIT_BATCH_SIZE: String(batch),
  // Joins come from one address here, and failed tokens do not happen; writes are still counted
  // per token (the counting is part of every request's cost), under a limit no one reaches.
  POLYPHONY_LIMIT_JOINS_PER_ADDRESS: "0",
  POLYPHONY_LIMIT_FAILED_AUTH_PER_ADDRESS: "0",
  POLYPHONY_LIMIT_WRITES_PER_TOKEN: "1000000000/3600",
});

function cli(store: Store, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...store.args, "--json", ...args], { cwd: ROOT, env: serverEnv(store, 1) });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`polyphony ${args.join(" ")} failed:\n${err}`))));
  });
}

async function startServer(store: Store, batch: number): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, ...store.args, "serve", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: ROOT,
    env: serverEnv(store, batch),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 600; tries++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/v1/log/key`).then((r) => r.ok, () => false)) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("the server did not start");
}

async function call<T>(url: string, path: string, token: string | null, body: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json: unknown = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json as T;
}

interface Voter {
  readonly token: string;
  readonly cards: readonly string[];
  readonly contexts: readonly string[];
  next: number;
}

/** A campaign with one participant (and one card) per connection, ready to take votes. */
async function prepare(url: string, researcher: string, people: number) {
  const contexts = Array.from({ length: CONTEXTS }, (_, i) => `Context ${i + 1}`);
  type Campaign = { id: string; questions: { id: string }[]; contexts: { id: string }[] };
  const { campaign } = await call<{ campaign: Campaign }>(url, "/api/v1/campaigns", researcher, { title: "Throughput", questions: ["How should it answer?"], contexts });
  const path = `/api/v1/campaigns/${campaign.id}`;
  const tokens: string[] = [];
  const cards: string[] = [];
  const policies = ["MOMENTS when they name a fear", "CHOICES that still feel right later", "PEOPLE who could support them"];
  for (let i = 0; i < people; i++) {
    const joined = await call<{ token: string }>(url, `${path}/participants`, null, {});
    tokens.push(joined.token);
    const card = { question: campaign.questions[0]!.id, title: `Value ${i}`, description: `Living by value ${i}.`, policies };
    cards.push((await call<{ card: { canonicalId: string } }>(url, `${path}/cards`, joined.token, card)).card.canonicalId);
  }
  const contextIds = campaign.contexts.map((c) => c.id);
  return { path: `${path}/votes`, voters: tokens.map((token): Voter => ({ token, cards, contexts: contextIds, next: 0 })) };
}

/** The voter's next distinct judgment: every (from, to, context) once, then around again. */
function nextVote(voter: Voter) {
  const n = voter.cards.length;
  const k = voter.next++;
  const context = voter.contexts[k % voter.contexts.length]!;
  const pair = Math.floor(k / voter.contexts.length) % (n * (n - 1));
  const from = Math.floor(pair / (n - 1));
  const to = (from + 1 + (pair % (n - 1))) % n;
  return { from: voter.cards[from], to: voter.cards[to], context, relationship: k % 3 === 0 ? "no_upgrade" : "upgrade" };
}

/** CPU seconds (user + system) the process has used, from /proc; null where there is none. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

interface Row {
  store: string;
  batch: number;
  connections: number;
  votesPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** The server's CPU time per accepted vote, in ms: what the machine's other load does not change. */
  cpuPerVote: number | null;
}

async function load(url: string, path: string, voters: Voter[], connections: number, pid?: number): Promise<Omit<Row, "store" | "batch">> {
  let assigned = 0;
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path,
        setupRequest: (request, context: { voter?: Voter }) => {
          const voter = (context.voter ??= voters[assigned++ % voters.length]!);
          return { ...request, headers: { "content-type": "application/json", authorization: `Bearer ${voter.token}` }, body: JSON.stringify(nextVote(voter)) };
        },
      },
    ],
  });
  const cpuAfter = cpuSeconds(pid);
  return {
    connections,
    cpuPerVote: cpuBefore === null || cpuAfter === null || result["2xx"] === 0 ? null : ((cpuAfter - cpuBefore) * 1000) / result["2xx"],
    votesPerSecond: result["2xx"] / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

function cpu(row: Row): string {
  return row.cpuPerVote === null ? "n/a" : `${row.cpuPerVote.toFixed(2)} ms`;
}

async function benchStore(makeStore: () => Promise<Store>): Promise<Row[]> {
  const rows: Row[] = [];
  for (const batch of batchSizes) {
    const store = await makeStore();
    try {
      const researcher = (JSON.parse(await cli(store, "token", "create", "--name", "bench")) as { token: { token: string } }).token.token;
      const server = await startServer(store, batch);
      try {
        const { path, voters } = await prepare(server.url, researcher, Math.max(...connectionCounts));
        for (const connections of connectionCounts) {
          const row = { store: store.name, batch, ...(await load(server.url, path, voters, connections, server.child.pid)) };
          rows.push(row);
          console.log(`  ${row.store} batch ${batch}, ${connections} connections: ${row.votesPerSecond.toFixed(0)} votes/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.errors} errors, server CPU ${cpu(row)} per vote`);
        }
      } finally {
        server.child.kill("SIGTERM");
        await new Promise((r) => server.child.once("exit", r));
      }
    } finally {
      await store.dispose();
    }
  }
  return rows;
}

const target = option("url", "");
if (target) {
  // Load a server that is already running: `--url http://host:port --researcher TOKEN`.
  const { path, voters } = await prepare(target, option("researcher", ""), Math.max(...connectionCounts));
  for (const connections of connectionCounts) console.log(connections, await load(target, path, voters, connections));
  process.exit(0);
}

console.log(`Votes over HTTP, ${seconds} s per run, autocannon in this process, the server in a child process`);
const rows = await benchStore(pgliteStore);
if (process.env.DATABASE_URL) rows.push(...(await benchStore(() => postgresStore(process.env.DATABASE_URL!))));
else console.log("  PostgreSQL skipped: set DATABASE_URL to include it");

console.log("\n| store | connections | batch | votes/s | p50 | p99 | errors | server CPU per vote | × batch 1 |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const row of rows) {
  const base = rows.find((r) => r.store === row.store && r.connections === row.connections && r.batch === 1);
  const ratio = base && base.votesPerSecond > 0 ? `${(row.votesPerSecond / base.votesPerSecond).toFixed(1)}×` : "";
  console.log(`| ${row.store} | ${row.connections} | ${row.batch} | ${row.votesPerSecond.toFixed(0)} | ${row.p50} ms | ${row.p99} ms | ${row.errors} | ${cpu(row)} | ${ratio} |`);
}
