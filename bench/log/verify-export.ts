import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatVerifierKey, makeEd25519Signer, makeEd25519Verifier } from "../../src/core/log/note-keys.ts";
import { signCheckpoint } from "../../src/core/log/checkpoint.ts";
import { HashTree } from "../../src/core/log/hash-tree.ts";
import { ed25519 } from "@noble/curves/ed25519.js";
import { readFileChunks } from "../../src/cli/read-file.ts";
import { NODE_HASHER } from "../../src/platform/log/node-hasher.ts";
import { verifyExport } from "../../src/platform/log/audit/verify-export.ts";
import { writeExportFile } from "./export-file.ts";
import { formatDuration as fmt, makeLeaves } from "./fixtures.ts";
import { verifyNaively } from "./naive-verify.ts";

// Usage: node --import tsx bench/log/verify-export.ts [--size N] [--naive]
const at = process.argv.indexOf("--size");
const SIZE = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
const BIN = fileURLToPath(new URL("../../bin/polyphony.mjs", import.meta.url));
const ORIGIN = "bench.example/log";

const dir = mkdtempSync(join(tmpdir(), "polyphony-verify-bench-"));
const file = (name: string) => join(dir, name);
const seed = new Uint8Array(32).fill(3);
const leaves = makeLeaves(SIZE);
const root = HashTree.fromLeafHashes(leaves.map((l) => NODE_HASHER.hashLeaf(l)), NODE_HASHER).root();
const checkpoint = signCheckpoint({ origin: ORIGIN, size: SIZE, root, extensions: [] }, [makeEd25519Signer(ORIGIN, seed)]);
writeFileSync(file("checkpoint"), checkpoint);
writeFileSync(file("key"), formatVerifierKey(ORIGIN, ed25519.getPublicKey(seed)));
const bytes = writeExportFile(file("export.jsonl"), leaves);
leaves.length = 0;

/** Runs `polyphony log verify` on the export under /usr/bin/time; its wall clock, CPU time and report. */
function runVerify(...extra: string[]) {
  const args = [process.execPath, BIN, "--json", "log", "verify", "--entries", file("export.jsonl"), "--checkpoint", file("checkpoint"), "--key-file", file("key"), ...extra];
  const run = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  const [wall, user, system, kb] = run.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  const report = JSON.parse(run.stdout) as { ok: boolean; entries: number; seconds: number };
  return { wall: wall! * 1000, cpu: (user! + system!) * 1000, megabytes: kb! / 1024, report };
}

console.log(`Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`offline verification of a ${SIZE}-line export (${(bytes / 2 ** 20).toFixed(0)} MB) through \`polyphony log verify\`:`);
const runs = [
  ["entries' fields checked (default)", runVerify()],
  ["RFC 8785 form checked too (--strict)", runVerify("--strict")],
] as const;
for (const [name, r] of runs) {
  console.log(`  ${name}: ${fmt(r.wall)} wall for the whole command, cpu ${fmt(r.cpu)} on all threads, ` +
    `${r.megabytes.toFixed(0)} MB peak; verification alone ${r.report.seconds.toFixed(2)} s; ok: ${r.report.ok}`);
}
const log = makeEd25519Verifier(ORIGIN, ed25519.getPublicKey(seed));
// The main thread's share of the default run: everything but the entry checks, which run on a
// worker thread beside it; on a machine with a free second core this is the wall clock.
const treeOnly = await (async () => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const trust = { log, origin: null, witnesses: [] };
  const report = await verifyExport({ chunks: readFileChunks(file("export.jsonl"), "--entries"), checkpoint, previous: [], trust, shapes: null, prover: null });
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, ok: report.ok };
})();
console.log(`  the main thread's share (layout, indices, hashing, root; no entry checks), in process: ` +
  `${fmt(treeOnly.ms)} wall, cpu ${fmt(treeOnly.cpuMs)}; ok: ${treeOnly.ok}`);
const naive = await (async () => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const problem = await verifyNaively(file("export.jsonl"), checkpoint, log);
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, problem };
})();
const headline = runs[0][1];
console.log(`  straightforward verifier (readline, JSON.parse, canonical check, recursive MTH from scratch): ` +
  `${fmt(naive.ms)} wall, cpu ${fmt(naive.cpuMs)}; problem: ${naive.problem ?? "none"}`);
console.log(`  ratio straightforward ÷ polyphony log verify, wall clock: ${(naive.ms / headline.report.seconds / 1000).toFixed(1)}× ` +
  `against the verification alone, ${(naive.ms / headline.wall).toFixed(1)}× against the whole command (with the CLI's start)`);
rmSync(dir, { recursive: true });
