import type { ContextLayout } from "./context-layout.ts";
import type { ComparisonRows } from "./hbt-fit.ts";
import type { EdgeCounts } from "./edge-counts.ts";

/**
 * The model's data: one row per judged (context, ordered pair) with its upgrade and no-upgrade
 * counts; a (context, card) effect for every card judged in a context, numbered as `layout.cards`.
 * Not-sure votes carry no row weight: they are counted on the edge and reported, never evidence.
 */
export function createComparisonRows(counts: EdgeCounts, layout: ContextLayout): ComparisonRows {
  const fromSlot = new Int32Array(counts.count);
  const toSlot = new Int32Array(counts.count);
  const upgrades = new Float64Array(counts.count);
  const judged = new Float64Array(counts.count);
  for (let e = 0; e < counts.count; e++) {
    const first = layout.cardStart[counts.context[e]!]!;
    fromSlot[e] = first + layout.localFrom[e]!;
    toSlot[e] = first + layout.localTo[e]!;
    upgrades[e] = counts.support[e]!;
    judged[e] = counts.support[e]! + counts.against[e]!;
  }
  return {
    count: counts.count,
    fromSlot,
    toSlot,
    upgrades,
    judged,
    slotCard: layout.cards,
    cardCount: layout.cardCount,
    slotCount: layout.cards.length,
  };
}
