/**
 * One scenario's ballots on typed arrays. `tiers[b * items + i]` is ballot b's tier of item i:
 * 0 is best, equal tiers are ties, and UNRANKED says the ballot does not place the item (a
 * partial ranking, or a skipped behaviour). An unranked item carries no information about its
 * place: it is neither above nor below the ranked ones (docs/decisions/0015-scenario-rankings.md).
 */
export interface Election {
  readonly items: number;
  readonly ballots: number;
  readonly tiers: Int32Array;
}

export const UNRANKED = -1;

/** Builds an election from ballots given as tiers of item indices, best first. */
export function electionOf(items: number, ballots: readonly (readonly (readonly number[])[])[]): Election {
  const tiers = new Int32Array(items * ballots.length).fill(UNRANKED);
  ballots.forEach((ballot, b) => ballot.forEach((tier, t) => tier.forEach((i) => (tiers[b * items + i] = t))));
  return { items, ballots: ballots.length, tiers };
}

/** The election restricted to the ballots listed (with repeats, for resampling). */
export function selectBallots(election: Election, ballots: ArrayLike<number>): Election {
  const { items } = election;
  const tiers = new Int32Array(items * ballots.length);
  for (let k = 0; k < ballots.length; k++) tiers.set(election.tiers.subarray(ballots[k]! * items, (ballots[k]! + 1) * items), k * items);
  return { items, ballots: ballots.length, tiers };
}

/**
 * `wins[a * items + b]`: how many ballots place a strictly above b, both ranked. A tie, or an
 * item a ballot leaves unranked, counts for neither side.
 */
export function countPairwise(election: Election, wins = new Int32Array(election.items * election.items)): Int32Array {
  const { items, tiers } = election;
  wins.fill(0);
  for (let b = 0; b < election.ballots; b++) {
    const base = b * items;
    for (let i = 0; i < items; i++) {
      const ti = tiers[base + i]!;
      if (ti < 0) continue;
      for (let j = 0; j < items; j++) {
        const tj = tiers[base + j]!;
        if (tj > ti) wins[i * items + j]!++;
      }
    }
  }
  return wins;
}

/** Whether item i is ranked by at least one ballot. */
export function rankedItems(election: Election): Uint8Array {
  const seen = new Uint8Array(election.items);
  for (let k = 0; k < election.tiers.length; k++) if (election.tiers[k]! >= 0) seen[k % election.items] = 1;
  return seen;
}
