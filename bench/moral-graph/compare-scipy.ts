import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { layOutContexts } from "../../src/kinds/moral-graph/core/context-layout.ts";
import { countEdges } from "../../src/kinds/moral-graph/core/edge-counts.ts";
import { fitHbt, parameterCount, slotOffset } from "../../src/kinds/moral-graph/core/hbt-fit.ts";
import { createComparisonRows } from "../../src/kinds/moral-graph/core/hbt-rows.ts";
import { POLYPHONY_DEFAULTS } from "../../src/kinds/moral-graph/core/polyphony-options.ts";
import type { VoteTable } from "../../src/kinds/moral-graph/core/types.ts";
import { formatMs, measure } from "./timing.ts";

const SCRIPT = fileURLToPath(new URL("hbt_reference.py", import.meta.url));

/** The first of python3 (PATH) and /usr/bin/python3 that imports numpy and scipy, if any. */
function findPython(): string | undefined {
  for (const python of [process.env.POLYPHONY_PYTHON, "python3", "/usr/bin/python3"]) {
    if (python && spawnSync(python, ["-c", "import numpy, scipy.optimize"], { stdio: "ignore" }).status === 0) return python;
  }
  return undefined;
}

interface ScipyFit {
  scipy: string;
  seconds: number;
  iterations: number;
  message: string;
  mu: number[];
  theta: number[];
  delta: number;
}

/**
 * Fits the hierarchical Bradley–Terry model at the τ polyphony chose, here (fitHbt) and with
 * scipy's L-BFGS-B (hbt_reference.py), from zero on the same aggregated rows; times the two
 * minimisations alone and reports the largest difference in any score (μ, θ, δ).
 */
export function compareScipy(table: VoteTable, tau: number): void {
  console.log(`\nhierarchical Bradley–Terry fit at τ = ${tau.toFixed(4)} vs scipy's L-BFGS-B on the same rows:`);
  const python = findPython();
  if (!python) {
    console.log("  skipped: no python3 here imports numpy and scipy (set POLYPHONY_PYTHON to one that does)");
    return;
  }
  const counts = countEdges(table, undefined, 0);
  const layout = layOutContexts(counts, table.cardCount, table.contextCount);
  const rows = createComparisonRows(counts, layout);
  const prior = { tau, priorScale: POLYPHONY_DEFAULTS.priorScale };
  const ours = measure(() => {
    const x = new Float64Array(parameterCount(rows));
    const run = fitHbt(rows, prior, x, POLYPHONY_DEFAULTS.tolerance);
    return { x, run };
  }, 1);
  const folder = mkdtempSync(join(tmpdir(), "polyphony-bench-"));
  try {
    const input = join(folder, "rows.json");
    writeFileSync(
      input,
      JSON.stringify({
        ...prior,
        cardCount: rows.cardCount,
        slotCard: Array.from(rows.slotCard),
        fromSlot: Array.from(rows.fromSlot),
        toSlot: Array.from(rows.toSlot),
        upgrades: Array.from(rows.upgrades),
        judged: Array.from(rows.judged),
      }),
    );
    const run = spawnSync(python, [SCRIPT, input], { encoding: "utf8", maxBuffer: 1 << 28 });
    if (run.status !== 0) throw new Error(`scipy run failed: ${run.stderr}`);
    const theirs = JSON.parse(run.stdout) as ScipyFit;
    const { x } = ours.result;
    let maxDiff = Math.abs(x[x.length - 1]! - theirs.delta);
    theirs.mu.forEach((m, i) => (maxDiff = Math.max(maxDiff, Math.abs(x[i]! - m))));
    const off = slotOffset(rows);
    theirs.theta.forEach((t, p) => (maxDiff = Math.max(maxDiff, Math.abs(x[off + p]! - t))));
    const theirMs = theirs.seconds * 1000;
    console.log(`  ${rows.count} rows, ${parameterCount(rows)} parameters (μ, θ, δ)`);
    console.log(`  scipy ${theirs.scipy} L-BFGS-B (${python}), ${theirs.iterations} iterations   ${formatMs(theirMs)}  (${theirs.message})`);
    console.log(`  fitHbt (Newton, tree-preconditioned CG), ${ours.result.run.iterations} steps, ${ours.result.run.innerIterations} CG iterations   ${formatMs(ours.firstMs)}`);
    console.log(`  speed-up                                  ${(theirMs / ours.firstMs).toFixed(1)}×`);
    console.log(`  scores agree within 1e-4: ${maxDiff < 1e-4 ? "yes" : "NO"} (max difference ${maxDiff.toExponential(2)})`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
