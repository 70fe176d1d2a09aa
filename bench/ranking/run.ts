import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatMs, measure } from "../moral-graph/timing.ts";
import { aggregateAll } from "./aggregate.ts";
import { BENCH_SPEC, generateRankings } from "./synthetic.ts";

const SCRIPT = fileURLToPath(new URL("reference.py", import.meta.url));
const spec = { ...BENCH_SPEC, scenarios: Number(process.env.BENCH_SCENARIOS ?? BENCH_SPEC.scenarios) };
const { scenarios, behaviours, rankings } = spec;

const tiers = generateRankings(spec);
console.log(
  `${scenarios} scenarios × ${behaviours} behaviours × ${rankings} rankings (seed ${spec.seed}; ` +
    `${spec.partial * 100}% partial, utilities rounded to ${spec.tieStep} so close behaviours tie)`,
);

const ours = measure(() => aggregateAll(tiers, scenarios, behaviours, rankings), 3);
console.log(
  `polyphony   ranked pairs + Plackett–Luce   wall first ${formatMs(ours.firstMs)}, best ${formatMs(ours.bestMs)}; ` +
    `CPU best ${formatMs(ours.bestCpuMs)}; ${(ours.result.iterations / scenarios).toFixed(1)} Newton steps per scenario`,
);
console.log(`  target: under 5 s — ${ours.bestMs < 5000 ? "met" : "missed"}`);

const python = [process.env.POLYPHONY_PYTHON, "python3", "/usr/bin/python3"].find(
  (p) => p && spawnSync(p, ["-c", "import numpy"], { stdio: "ignore" }).status === 0,
);
if (!python) {
  console.log("reference skipped: no python3 here imports numpy (set POLYPHONY_PYTHON to one that does)");
} else {
  const folder = mkdtempSync(join(tmpdir(), "polyphony-ranking-"));
  try {
    const input = join(folder, "tiers.bin");
    writeFileSync(input, tiers);
    const out = join(folder, "out");
    const run = spawnSync(python, [SCRIPT, input, String(scenarios), String(rankings), String(behaviours), out], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`reference run failed: ${run.stderr}`);
    const theirs = JSON.parse(run.stdout) as { numpy: string; python: string; pairs_s: number; plackett_luce_s: number; cpu_s: number };
    const rank = new Int32Array(readFileSync(`${out}.rank`).buffer.slice(0));
    const score = new Float64Array(readFileSync(`${out}.score`).buffer.slice(0));
    const theirMs = (theirs.pairs_s + theirs.plackett_luce_s) * 1000;
    console.log(
      `reference   Python ${theirs.python} ranked pairs (${formatMs(theirs.pairs_s * 1000)}) + NumPy ${theirs.numpy} ` +
        `Plackett–Luce (${formatMs(theirs.plackett_luce_s * 1000)})   wall ${formatMs(theirMs)}; CPU ${formatMs(theirs.cpu_s * 1000)}`,
    );
    console.log(`  ratio: reference / polyphony = ${(theirMs / ours.bestMs).toFixed(1)}× (wall, best run)`);
    let rankDiffers = 0;
    for (let k = 0; k < rank.length; k++) if (rank[k] !== ours.result.rank[k]) rankDiffers++;
    let maxDiff = 0;
    let nanMismatch = 0;
    for (let k = 0; k < score.length; k++) {
      const a = ours.result.score[k]!;
      const b = score[k]!;
      if (Number.isNaN(a) || Number.isNaN(b)) nanMismatch += Number.isNaN(a) === Number.isNaN(b) ? 0 : 1;
      else maxDiff = Math.max(maxDiff, Math.abs(a - b));
    }
    const same = rankDiffers === 0 && nanMismatch === 0 && maxDiff < 1e-6;
    console.log(
      `  same results: ${same ? "yes" : "NO"} — ranked-pairs ranks differing ${rankDiffers} of ${rank.length}; ` +
        `largest Plackett–Luce score difference ${maxDiff.toExponential(2)} (target < 1e-6); unscored items differing ${nanMismatch}`,
    );
    if (!same) process.exitCode = 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
