/** What the pagerank and polyphony presenters share: names, score bands, and the edges. */
import type { ContextEdges, ParticipantGroups } from "./core/edge-types.ts";
import type { GraphInput } from "./graph-input.ts";

/** A context's ranking as both scorers give it: cards best first with scores and optional bands. */
interface RankedContext {
  readonly cards: Int32Array;
  readonly score: Float64Array;
  readonly scoreLow: Float64Array | undefined;
  readonly scoreHigh: Float64Array | undefined;
}

/**
 * What a presenter needs to turn indices into the API's shape: context names, card titles and ids,
 * and each context's listed values, which it also records per card (`perCard`) for the values'
 * per-context breakdown.
 */
export function createPresenter(input: GraphInput) {
  const { cardIds, contextIds } = input.votes;
  const title = (i: number) => input.cards.get(cardIds[i]!)?.title ?? cardIds[i]!;
  const perCard = new Map<number, Record<string, ScoreBand>>();
  return {
    contextName: (c: number) => input.contextName.get(contextIds[c]!) ?? contextIds[c]!,
    title,
    ids: (cards: Int32Array) => Array.from(cards, (c) => cardIds[c]!),
    perCard,
    listValues: (ctx: RankedContext, name: string) =>
      Array.from(ctx.cards, (card, k) => {
        const entry = bandScore(ctx.score[k]!, ctx.scoreLow, ctx.scoreHigh, k);
        perCard.set(card, { ...perCard.get(card), [name]: entry });
        return { id: cardIds[card]!, title: title(card), ...entry };
      }),
  };
}

/** A score with its bootstrap band (null without one) and its 1-based rank. */
export function bandScore(score: number, low: Float64Array | undefined, high: Float64Array | undefined, k: number) {
  return { score, low: low?.[k] ?? null, high: high?.[k] ?? null, rank: k + 1 };
}
export type ScoreBand = ReturnType<typeof bandScore>;

export interface GroupSpec extends ParticipantGroups {
  key: string;
}

/** Every judged edge of every context as the API shows it: counts, upgrade share, kept, contested, groups. */
export function presentEdges(edges: ContextEdges, input: GraphInput, contextName: (c: number) => string) {
  const { cardIds } = input.votes;
  const groups = edges.groups;
  const width = groups?.labels.length ?? 0;
  const out = [];
  for (let e = 0; e < edges.count; e++) {
    out.push({
      from: cardIds[edges.from[e]!]!,
      to: cardIds[edges.to[e]!]!,
      contexts: [contextName(edges.context[e]!)],
      counts: { upgrade: edges.support[e]!, against: edges.against[e]!, notSure: edges.notSure[e]! },
      share: { mean: edges.mean[e]!, lower: edges.lower[e]!, upper: edges.upper[e]! },
      kept: edges.kept[e] === 1,
      contested: edges.contested[e] === 1,
      ...(groups && {
        groups: {
          endorsing: groups.endorsing[e]!,
          voting: groups.voting[e]!,
          of: groups.labels.length,
          consensus: groups.consensus[e]!,
          byGroup: Object.fromEntries(
            groups.labels.map((label, g) => [label, { support: groups.support[e * width + g]!, against: groups.against[e * width + g]! }]),
          ),
        },
      }),
    });
  }
  return out;
}
