import { scoreMai2023 } from "../../src/kinds/moral-graph/core/mai-2023.ts";
import { scorePageRank } from "../../src/kinds/moral-graph/core/pagerank-scoring.ts";
import { comparePublished } from "./compare-published.ts";
import { compareNetworkx } from "./compare-networkx.ts";
import { correlatePerContext, correlateWithWisdom } from "./recovery.ts";
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
const polyphony = measure(() => scorePageRank(table, { groups }), 3);
const graph = polyphony.result;
let kept = 0;
for (const k of graph.edges.kept) kept += k;
const judged = graph.contexts.reduce((s, c) => s + c.cards.length, 0);
const { credibleMass, pooling } = graph.options;
console.log(
  `\nscorePolyphony with groups (credibleMass ${credibleMass}, pooling ${pooling}): ` +
    `first ${formatMs(polyphony.firstMs)}, best of 3 ${formatMs(polyphony.bestMs)} (target: under 2 s)`,
);
console.log(
  `  ${graph.edges.count} context edges, ${kept} kept (${(kept / judged).toFixed(2)} per judged (context, card)), ` +
    `${graph.contested.length} contested cycles; ${judged} judged (context, card) pairs, ` +
    `${table.contextCount} × ${table.cardCount} scores`,
);
console.log(
  `  pooled graph: ${graph.pooled.count} ordered pairs, ${graph.overall.keptEdges} kept, ` +
    `${graph.overall.contested.length} contested cycles, ${graph.overall.iterations} PageRank rounds`,
);
const samples = 20;
const boot = measure(() => scorePageRank(table, { groups, bootstrap: { samples, seed: 7 } }), 1);
console.log(`scorePageRank with ${samples} bootstrap samples: ${formatMs(boot.firstMs)}`);

const mai = measure(() => scoreMai2023(table), 3);
console.log(`scoreMai2023: first ${formatMs(mai.firstMs)}, best of 3 ${formatMs(mai.bestMs)}`);
console.log(`  ${mai.result.pairs.count} pairs, ${mai.result.edges.length} kept edges, ${mai.result.nodes.length} nodes`);

// MAI has no per-context scores: its context-free score stands for every context.
const judgedCards = graph.contexts.map((c) => c.cards);
const rho = {
  polyphony: {
    context: correlatePerContext(judgedCards, (c, card) => graph.contexts[c]!.byCard[card]!, wisdom),
    overall: correlateWithWisdom(graph.overall.cards, (c) => graph.overall.byCard[c]!, wisdom),
  },
  mai: {
    context: correlatePerContext(judgedCards, (_, card) => mai.result.score[card]!, wisdom),
    overall: correlateWithWisdom(mai.result.nodes, (c) => mai.result.score[c]!, wisdom),
  },
};
console.log(`\nSpearman correlation of scores with latent wisdom   per context (mean of ${table.contextCount})   overall`);
console.log(
  `  scorePageRank                                   ${rho.polyphony.context.toFixed(3)}                     ` +
    `${rho.polyphony.overall.toFixed(3)} (${graph.overall.cards.length} cards)`,
);
console.log(
  `  scoreMai2023                                     ${rho.mai.context.toFixed(3)}                     ` +
    `${rho.mai.overall.toFixed(3)} (${mai.result.nodes.length} cards)`,
);

comparePublished(table, 20_000);
compareNetworkx(graph);
