import { scorePageRank } from "../../src/kinds/moral-graph/core/pagerank-scoring.ts";
import { createRandom } from "../../src/core/stats/prng.ts";
import { NO_UPGRADE, NOT_SURE, UPGRADE, type VoteTable } from "../../src/kinds/moral-graph/core/types.ts";
import { correlateWithWisdom } from "./recovery.ts";

const CARDS = 2_000;
const CONTEXTS = 20;
const VOTES = 200_000;
const PARTICIPANTS = 10_000;

/**
 * A deliberation whose upgrade stories recur across contexts, which the main bench's (one set of
 * stories per context) hardly has: partial pooling needs the same pair judged in several
 * contexts. Stories join cards up to 100 places apart in the order of a latent wisdom, shown in
 * the wiser direction 70% of the time; each context judges them by its own wisdom (the latent
 * one plus noise of sd `spread`), saying "upgrade" with probability σ(6 · gap), 15% "not sure".
 */
function generateSharedStories(seed: number, spread: number): { table: VoteTable; contextWisdom: Float64Array } {
  const random = createRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const wisdom = Float64Array.from({ length: CARDS }, gaussian);
  const contextWisdom = Float64Array.from({ length: CONTEXTS * CARDS }, (_, i) => wisdom[i % CARDS]! + spread * gaussian());
  const order = Array.from({ length: CARDS }, (_, i) => i).sort((a, b) => wisdom[a]! - wisdom[b]!);
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < CARDS; i++) {
    for (let story = 0; story < 4; story++) {
      const j = i + 1 + Math.floor(100 * random() * random());
      if (j >= CARDS) continue;
      const right = random() < 0.7;
      from.push(right ? order[i]! : order[j]!);
      to.push(right ? order[j]! : order[i]!);
    }
  }
  const table = {
    length: VOTES,
    participant: new Int32Array(VOTES),
    from: new Int32Array(VOTES),
    to: new Int32Array(VOTES),
    context: new Int32Array(VOTES),
    relationship: new Uint8Array(VOTES),
    cardCount: CARDS,
    contextCount: CONTEXTS,
    participantCount: PARTICIPANTS,
  };
  for (let i = 0; i < VOTES; i++) {
    const c = Math.floor(random() * CONTEXTS);
    const s = Math.floor(random() * from.length);
    const gap = contextWisdom[c * CARDS + to[s]!]! - contextWisdom[c * CARDS + from[s]!]!;
    table.participant[i] = Math.floor(random() * PARTICIPANTS);
    table.from[i] = from[s]!;
    table.to[i] = to[s]!;
    table.context[i] = c;
    table.relationship[i] = random() < 0.15 ? NOT_SURE : random() < 1 / (1 + Math.exp(-6 * gap)) ? UPGRADE : NO_UPGRADE;
  }
  return { table, contextWisdom };
}

console.log(`pooling sweep: ${VOTES} votes, ${CARDS} cards, ${CONTEXTS} contexts, stories shared by all contexts`);
console.log("Spearman of each context's scores with that context's wisdom, mean over contexts:");
for (const spread of [0.2, 0.6]) {
  const { table, contextWisdom } = generateSharedStories(20231005, spread);
  const cells: string[] = [];
  for (const pooling of [0, 1, 2, 5, 10, 20]) {
    const graph = scorePageRank(table, { pooling });
    let sum = 0;
    for (const ctx of graph.contexts) {
      const own = contextWisdom.subarray(ctx.context * CARDS, (ctx.context + 1) * CARDS);
      sum += correlateWithWisdom(ctx.cards, (card) => ctx.byCard[card]!, own);
    }
    cells.push(`κ ${pooling}: ${(sum / CONTEXTS).toFixed(3)}`);
  }
  console.log(`  context noise sd ${spread}: ${cells.join(", ")}`);
}
