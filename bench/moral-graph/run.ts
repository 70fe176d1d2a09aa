import { scoreMai2023 } from "../../src/kinds/moral-graph/core/mai-2023.ts";
import { scorePageRank } from "../../src/kinds/moral-graph/core/pagerank-scoring.ts";
import { scorePolyphony } from "../../src/kinds/moral-graph/core/polyphony.ts";
import { comparePublished } from "./compare-published.ts";
import { compareNetworkx } from "./compare-networkx.ts";
import { compareScipy } from "./compare-scipy.ts";
import { comparePooling } from "./pooling.ts";
import { correlateContexts, correlateWithWisdom } from "./recovery.ts";
import { BENCH_SPEC, generateDeliberation } from "./synthetic.ts";
import { formatMs, measure } from "./timing.ts";

const generated = measure(() => generateDeliberation(BENCH_SPEC), 1);
const { table, groupOf, groupLabels, wisdom } = generated.result;
console.log(
  `synthetic deliberation (seed ${BENCH_SPEC.seed}): ${table.length} votes, ${table.cardCount} cards, ` +
    `${table.contextCount} contexts, ${table.participantCount} participants in ${groupLabels.length} groups ` +
    `(generated in ${formatMs(generated.firstMs)})`,
);

const groups = { labels: groupLabels, ofParticipant: groupOf };
const polyphony = measure(() => scorePolyphony(table, { groups }), 2);
const pagerank = measure(() => scorePageRank(table, { groups }), 3);
const mai = measure(() => scoreMai2023(table), 3);
const graph = polyphony.result;
const { model } = graph;
const judged = graph.contexts.map((c) => c.cards);

// MAI has no per-context scores: its context-free score stands for every context.
const rows = [
  {
    name: "polyphony (hierarchical Bradley–Terry)",
    time: polyphony,
    context: correlateContexts(judged, (c, card) => graph.contexts[c]!.byCard[card]!, wisdom),
    overall: correlateWithWisdom(graph.overall.cards, (c) => graph.overall.byCard[c]!, wisdom),
  },
  {
    name: "pagerank (decision 0002)",
    time: pagerank,
    context: correlateContexts(judged, (c, card) => pagerank.result.contexts[c]!.byCard[card]!, wisdom),
    overall: correlateWithWisdom(pagerank.result.overall.cards, (c) => pagerank.result.overall.byCard[c]!, wisdom),
  },
  {
    name: "mai-2023 (one score for every context)",
    time: mai,
    context: correlateContexts(judged, (_, card) => mai.result.score[card]!, wisdom),
    overall: correlateWithWisdom(mai.result.nodes, (c) => mai.result.score[c]!, wisdom),
  },
];
console.log("\nmethod                                   per-context Spearman (mean, range)  overall   wall first / best   CPU best");
for (const r of rows) {
  const range = `${r.context.mean.toFixed(3)} (${r.context.min.toFixed(3)}–${r.context.max.toFixed(3)})`;
  const time = `${formatMs(r.time.firstMs)} / ${formatMs(r.time.bestMs)}`;
  console.log(`  ${r.name.padEnd(39)} ${range.padEnd(35)} ${r.overall.toFixed(3)}     ${time.padEnd(19)} ${formatMs(r.time.bestCpuMs)}`);
}
console.log("  (target for polyphony: per context ≥ 0.9; fitted in under 2 s)");
let kept = 0;
for (const k of graph.edges.kept) kept += k;
console.log(
  `\npolyphony: τ ${model.tau.toFixed(4)} (chosen in ${model.tauRounds} rounds), δ ${model.delta.toFixed(4)}, ` +
    `${model.iterations} Newton steps, converged ${model.converged}; ${graph.edges.count} context edges, ` +
    `${kept} kept for drawing, ${graph.contested.length} contested cycles; ${graph.notSureVotes} not-sure votes counted, not used`,
);
const pr = pagerank.result;
console.log(
  `pagerank: ${pr.edges.count} context edges, ${pr.overall.keptEdges} kept pooled pairs, ` +
    `${pr.overall.iterations} PageRank rounds overall; mai-2023: ${mai.result.pairs.count} pairs, ${mai.result.edges.length} kept edges`,
);

compareScipy(table, model.tau);
comparePooling();
comparePublished(table, 20_000);
compareNetworkx(pr);
