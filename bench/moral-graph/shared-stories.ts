import { createRandom } from "../../src/core/stats/prng.ts";
import { NO_UPGRADE, NOT_SURE, UPGRADE, type VoteTable } from "../../src/kinds/moral-graph/core/types.ts";

export interface SharedStoriesSpec {
  readonly cards: number;
  readonly contexts: number;
  readonly votes: number;
  readonly participants: number;
  /** sd of each context's wisdom around the latent one. */
  readonly spread: number;
  readonly seed: number;
}

export const POOLING_SPEC: Omit<SharedStoriesSpec, "spread"> = {
  cards: 2_000,
  contexts: 20,
  votes: 200_000,
  participants: 10_000,
  seed: 20231005,
};

/**
 * A deliberation whose upgrade stories recur across contexts, which the main bench's (one set of
 * stories per context) hardly has: partial pooling needs the same pair judged in several
 * contexts. Stories join cards up to 100 places apart in the order of a latent wisdom, shown in
 * the wiser direction 70% of the time; each context judges them by its own wisdom (the latent
 * one plus noise of sd `spread`), saying "upgrade" with probability σ(6 · gap), 15% "not sure".
 * `contextWisdom[c · cards + i]` is card i's wisdom in context c.
 */
export function generateSharedStories(spec: SharedStoriesSpec): { table: VoteTable; contextWisdom: Float64Array } {
  const { cards: CARDS, contexts: CONTEXTS, votes: VOTES, participants: PARTICIPANTS, spread } = spec;
  const random = createRandom(spec.seed);
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
