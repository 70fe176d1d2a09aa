import { scorePageRank } from "../../src/kinds/moral-graph/core/pagerank-scoring.ts";
import { scorePolyphony } from "../../src/kinds/moral-graph/core/polyphony.ts";
import { correlateWithWisdom } from "./recovery.ts";
import { generateSharedStories, POOLING_SPEC } from "./shared-stories.ts";
import { formatMs, measure } from "./timing.ts";

const { cards, contexts, votes } = POOLING_SPEC;

/** Mean and range over contexts of Spearman's correlation of each context's scores with its own wisdom. */
function correlateOwnContexts(byCard: (c: number) => Float64Array, judged: (c: number) => Int32Array, contextWisdom: Float64Array) {
  const rho = Array.from({ length: contexts }, (_, c) =>
    correlateWithWisdom(judged(c), (card) => byCard(c)[card]!, contextWisdom.subarray(c * cards, (c + 1) * cards)),
  );
  return { mean: rho.reduce((s, r) => s + r, 0) / contexts, min: Math.min(...rho), max: Math.max(...rho) };
}
const show = (r: { mean: number; min: number; max: number }) => `${r.mean.toFixed(3)} (${r.min.toFixed(3)}–${r.max.toFixed(3)})`;

/** Recovery of each context's own order on the pooling deliberation, polyphony against pagerank's κ sweep. */
export function comparePooling(): void {
  console.log(`\npooling deliberation: ${votes} votes, ${cards} cards, ${contexts} contexts, stories shared by all contexts`);
  console.log("Spearman of each context's scores with that context's wisdom, mean (range) over contexts:");
  for (const spread of [0.2, 0.6]) {
    const { table, contextWisdom } = generateSharedStories({ ...POOLING_SPEC, spread });
    const polyphony = measure(() => scorePolyphony(table), 1);
    const graph = polyphony.result;
    const judged = (c: number) => graph.contexts[c]!.cards;
    const hbt = correlateOwnContexts((c) => graph.contexts[c]!.byCard, judged, contextWisdom);
    console.log(
      `  context noise sd ${spread}: polyphony ${show(hbt)} (τ ${graph.model.tau.toFixed(3)}, ${formatMs(polyphony.firstMs)})`,
    );
    const cells: string[] = [];
    for (const pooling of [0, 1, 2, 5]) {
      const pagerank = scorePageRank(table, { pooling });
      cells.push(`κ ${pooling}: ${correlateOwnContexts((c) => pagerank.contexts[c]!.byCard, judged, contextWisdom).mean.toFixed(3)}`);
    }
    console.log(`    pagerank ${cells.join(", ")}`);
  }
}
