import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rankPages, createPageRankScratch, type WeightedGraph } from "../../src/core/graph/pagerank.ts";
import type { PageRankGraph } from "../../src/kinds/moral-graph/core/pagerank-types.ts";
import { formatMs, measure } from "./timing.ts";

const PYTHON = "/usr/bin/python3";
const SCRIPT = fileURLToPath(new URL("networkx_pagerank.py", import.meta.url));

/**
 * The graphs scorePageRank ranks: each context's kept edges over all cards (judged cards
 * numbered in ascending order, the others isolated), then the pooled graph's kept edges.
 */
function keptGraphs(graph: PageRankGraph): WeightedGraph[] {
  const cardCount = graph.overall.byCard.length;
  const contexts = graph.contexts.map((ctx) => {
    const cards = Int32Array.from(ctx.cards).sort();
    const local = new Map<number, number>();
    cards.forEach((card, k) => local.set(card, k));
    const from: number[] = [];
    const to: number[] = [];
    const weight: number[] = [];
    for (let e = ctx.edgeStart; e < ctx.edgeEnd; e++) {
      if (!graph.edges.kept[e]) continue;
      from.push(local.get(graph.edges.from[e]!)!);
      to.push(local.get(graph.edges.to[e]!)!);
      weight.push(graph.edges.lower[e]!);
    }
    return { nodeCount: cards.length, isolatedCount: cardCount - cards.length, from, to, weight };
  });
  const pooled = { nodeCount: cardCount, isolatedCount: 0, from: [] as number[], to: [] as number[], weight: [] as number[] };
  for (let e = 0; e < graph.pooled.count; e++) {
    if (!graph.pooled.kept[e]) continue;
    pooled.from.push(graph.pooled.from[e]!);
    pooled.to.push(graph.pooled.to[e]!);
    pooled.weight.push(graph.pooled.lower[e]!);
  }
  return [...contexts, pooled].map((g) => ({
    nodeCount: g.nodeCount,
    isolatedCount: g.isolatedCount,
    edgeCount: g.from.length,
    from: Int32Array.from(g.from),
    to: Int32Array.from(g.to),
    weight: Float64Array.from(g.weight),
  }));
}

function hasNetworkx(): boolean {
  const probe = spawnSync(PYTHON, ["-c", "import networkx"], { stdio: "ignore" });
  return probe.status === 0;
}

/**
 * Times our PageRank against networkx.pagerank on the same kept edges and weights, one graph per
 * context over all cards plus the pooled graph, and checks that the scores agree within 1e-6.
 * networkx gets every card as a node; rankPages tracks the isolated ones as one number.
 */
export function compareNetworkx(graph: PageRankGraph): void {
  console.log("\nPageRank vs networkx.pagerank on the kept edges of every context and of the pooled graph:");
  if (!hasNetworkx()) {
    console.log(`  skipped: ${PYTHON} cannot import networkx (apt-get install -y python3-networkx)`);
    return;
  }
  const graphs = keptGraphs(graph);
  const { damping, tolerance, maxIterations } = graph.options;
  const options = { damping, tolerance, maxIterations };
  const scratch = createPageRankScratch();
  const ours = measure(
    () =>
      graphs.map((g) => {
        const out = new Float64Array(g.nodeCount + g.isolatedCount!);
        const { isolatedScore } = rankPages(g, options, out, scratch);
        out.fill(isolatedScore, g.nodeCount);
        return out;
      }),
    5,
  );
  const folder = mkdtempSync(join(tmpdir(), "polyphony-bench-"));
  try {
    const input = join(folder, "graphs.json");
    const json = graphs.map((g) => ({
      n: g.nodeCount + g.isolatedCount!,
      from: Array.from(g.from),
      to: Array.from(g.to),
      weight: Array.from(g.weight),
    }));
    writeFileSync(input, JSON.stringify({ damping, tolerance, graphs: json }));
    const run = spawnSync(PYTHON, [SCRIPT, input], { encoding: "utf8", maxBuffer: 1 << 28 });
    if (run.status !== 0) throw new Error(`networkx run failed: ${run.stderr}`);
    const theirs = JSON.parse(run.stdout) as { networkx: string; seconds: number; scores: number[][] };
    let maxDiff = 0;
    ours.result.forEach((scores, c) => {
      scores.forEach((s, v) => (maxDiff = Math.max(maxDiff, Math.abs(s - theirs.scores[c]![v]!))));
    });
    const nodes = graphs.reduce((s, g) => s + g.nodeCount + g.isolatedCount!, 0);
    const edges = graphs.reduce((s, g) => s + g.edgeCount, 0);
    const theirMs = theirs.seconds * 1000;
    console.log(`  ${graphs.length} graphs, ${nodes} nodes, ${edges} kept edges, tolerance ${tolerance} (L1)`);
    console.log(`  networkx ${theirs.networkx} pagerank calls only  ${formatMs(theirMs)}`);
    console.log(`  rankPages (best of 5)                  ${formatMs(ours.bestMs)}`);
    console.log(`  speed-up                               ${(theirMs / ours.bestMs).toFixed(1)}×`);
    console.log(`  scores agree within 1e-6: ${maxDiff < 1e-6 ? "yes" : "NO"} (max difference ${maxDiff.toExponential(2)})`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
