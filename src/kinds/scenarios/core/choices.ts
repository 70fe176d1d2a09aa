import type { Election } from "./election.ts";

/**
 * An election as Plackett–Luce choice stages: each ballot's ranked items sorted best tier first.
 * Positions [start[b], start[b + 1]) of `item` are ballot b's; `tier[k]` is the tier of
 * `item[k]`. A ballot ranking fewer than two items says nothing about order and is left empty.
 */
export interface Choices {
  readonly items: number;
  readonly ballots: number;
  readonly start: Int32Array;
  readonly item: Int32Array;
  readonly tier: Int32Array;
}

/** Sorts each ballot's ranked items by tier (a counting pass per ballot: tiers are small). */
export function choicesOf(election: Election): Choices {
  const { items, ballots, tiers } = election;
  const start = new Int32Array(ballots + 1);
  let ranked = 0;
  for (let b = 0; b < ballots; b++) {
    let k = 0;
    for (let i = 0; i < items; i++) if (tiers[b * items + i]! >= 0) k++;
    ranked += k >= 2 ? k : 0;
  }
  const item = new Int32Array(ranked);
  const tier = new Int32Array(ranked);
  let at = 0;
  for (let b = 0; b < ballots; b++) {
    start[b] = at;
    const base = b * items;
    let count = 0;
    let top = -1;
    for (let i = 0; i < items; i++) {
      const t = tiers[base + i]!;
      if (t >= 0) {
        count++;
        if (t > top) top = t;
      }
    }
    if (count < 2) continue;
    for (let t = 0; t <= top; t++) {
      for (let i = 0; i < items; i++) {
        if (tiers[base + i] === t) {
          item[at] = i;
          tier[at++] = t;
        }
      }
    }
  }
  start[ballots] = at;
  return { items, ballots, start, item, tier };
}
