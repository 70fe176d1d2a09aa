import { createRandom } from "../../src/core/stats/prng.ts";
import { NO_UPGRADE, NOT_SURE, UPGRADE, type VoteTable } from "../../src/kinds/moral-graph/core/types.ts";

export interface SyntheticSpec {
  readonly votes: number;
  readonly cards: number;
  readonly contexts: number;
  readonly participants: number;
  /** Share of participants in each group. */
  readonly groupShares: readonly number[];
  /** Cards relevant to each context. */
  readonly cardsPerContext: number;
  readonly seed: number;
}

export const BENCH_SPEC: SyntheticSpec = {
  votes: 1_000_000,
  cards: 10_000,
  contexts: 50,
  participants: 50_000,
  groupShares: [0.4, 0.3, 0.2, 0.1],
  cardsPerContext: 1_000,
  seed: 20231001,
};

export interface SyntheticDeliberation {
  readonly table: VoteTable;
  readonly groupOf: Int32Array;
  readonly groupLabels: readonly string[];
  /** Latent wisdom of each card, for eyeballing that the ranking recovers it. */
  readonly wisdom: Float64Array;
}

/**
 * A seeded deliberation shaped like MAI's: every card has a latent wisdom, each context ranks a
 * subset of cards by that wisdom plus context noise, and "upgrade stories" join cards close in
 * that order (shown in the wiser direction 70% of the time). Each vote judges a popular story and
 * says "upgrade" with probability σ(6 · gap), where the gap in wisdom includes a factional bias
 * per card from the participant's group; 15% of votes are "not sure".
 */
export function generateDeliberation(spec: SyntheticSpec = BENCH_SPEC): SyntheticDeliberation {
  const random = createRandom(spec.seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const wisdom = Float64Array.from({ length: spec.cards }, gaussian);
  const groups = spec.groupShares.length;
  const bias = Float64Array.from({ length: groups * spec.cards }, () => 0.25 * gaussian());
  const groupOf = Int32Array.from({ length: spec.participants }, () => {
    let u = random();
    for (let g = 0; g < groups; g++) if ((u -= spec.groupShares[g]!) < 0) return g;
    return groups - 1;
  });

  // Stories per context: from/to pairs among neighbours in the context's own order.
  const storyFrom: number[][] = [];
  const storyTo: number[][] = [];
  const contextWisdom = new Float64Array(spec.contexts * spec.cards);
  for (let c = 0; c < spec.contexts; c++) {
    const cards = Int32Array.from({ length: spec.cardsPerContext }, () => Math.floor(random() * spec.cards));
    for (const card of cards) contextWisdom[c * spec.cards + card] = wisdom[card]! + 0.2 * gaussian();
    const ordered = Array.from(new Set(cards)).sort(
      (a, b) => contextWisdom[c * spec.cards + a]! - contextWisdom[c * spec.cards + b]!,
    );
    const from: number[] = [];
    const to: number[] = [];
    for (let i = 0; i < ordered.length; i++) {
      for (let story = 0; story < 2; story++) {
        // Partners are mostly close in the context's order: up to 300 places on, skewed near.
        const j = i + 1 + Math.floor(300 * random() * random());
        if (j >= ordered.length) continue;
        const right = random() < 0.7;
        from.push(right ? ordered[i]! : ordered[j]!);
        to.push(right ? ordered[j]! : ordered[i]!);
      }
    }
    // Shuffle (Fisher–Yates) so that how often a story is shown is unrelated to its cards.
    for (let k = from.length - 1; k > 0; k--) {
      const r = Math.floor(random() * (k + 1));
      [from[k], from[r]] = [from[r]!, from[k]!];
      [to[k], to[r]] = [to[r]!, to[k]!];
    }
    storyFrom.push(from);
    storyTo.push(to);
  }

  const n = spec.votes;
  const table = {
    length: n,
    participant: new Int32Array(n),
    from: new Int32Array(n),
    to: new Int32Array(n),
    context: new Int32Array(n),
    relationship: new Uint8Array(n),
    cardCount: spec.cards,
    contextCount: spec.contexts,
    participantCount: spec.participants,
  };
  for (let i = 0; i < n; i++) {
    const c = Math.floor(random() * spec.contexts);
    const from = storyFrom[c]!;
    // Squaring the uniform favours early stories: some are shown far more often than others.
    const s = Math.floor(random() * random() * from.length);
    const a = from[s]!;
    const b = storyTo[c]![s]!;
    const p = Math.floor(random() * spec.participants);
    const g = groupOf[p]!;
    const gap = contextWisdom[c * spec.cards + b]! - contextWisdom[c * spec.cards + a]! + bias[g * spec.cards + b]! - bias[g * spec.cards + a]!;
    const pUpgrade = 1 / (1 + Math.exp(-6 * gap));
    table.participant[i] = p;
    table.from[i] = a;
    table.to[i] = b;
    table.context[i] = c;
    table.relationship[i] = random() < 0.15 ? NOT_SURE : random() < pUpgrade ? UPGRADE : NO_UPGRADE;
  }
  return { table, groupOf, groupLabels: spec.groupShares.map((_, g) => `group-${g}`), wisdom };
}
