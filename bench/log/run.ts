import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Usage: npm run bench:log [-- --size N]
// Runs each log benchmark in its own process, one after another, so that none inherits another's
// heap or JIT state: proofs at a million entries, appends to the store (when that bench exists),
// and offline verification of a million-entry export through `polyphony log verify`. Each prints
// its ratio against the straightforward implementation that recomputes from scratch.
const benches = [
  ["proofs: inclusion and consistency at 1M entries against RFC 9162's recursion", "proofs.ts"],
  ["appends: hash + store on PGlite (and PostgreSQL when DATABASE_URL is set)", "append.ts"],
  ["offline verification: `polyphony log verify` on a 1M-entry export against a straightforward verifier", "verify-export.ts"],
] as const;

const passed = process.argv.slice(2);
let failed = 0;
for (const [title, file] of benches) {
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  console.log(`\n=== ${title} (bench/log/${file})`);
  if (!existsSync(path)) {
    console.log("  not present in this checkout; skipped");
    continue;
  }
  const args = file === "append.ts" ? [] : passed;
  const run = spawnSync(process.execPath, ["--import", "tsx", path, ...args], { stdio: "inherit" });
  if (run.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
