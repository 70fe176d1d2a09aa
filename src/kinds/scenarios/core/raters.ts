import { countPairwise, selectBallots, UNRANKED, type Election } from "./election.ts";
import { rankedPairs } from "./ranked-pairs.ts";

/**
 * Kendall's τ-b (Kendall 1945, "The treatment of ties in ranking problems") between ballot b and
 * a reference placement (lower is better), over the first `items` items both place. NaN when
 * either side ties every such pair.
 */
export function kendallTauB(election: Election, ballot: number, reference: ArrayLike<number>, items = election.items): number {
  const base = ballot * election.items;
  let concordant = 0;
  let discordant = 0;
  let tiedBallot = 0;
  let tiedReference = 0;
  for (let i = 0; i < items; i++) {
    const ti = election.tiers[base + i]!;
    if (ti === UNRANKED || reference[i]! < 0) continue;
    for (let j = i + 1; j < items; j++) {
      const tj = election.tiers[base + j]!;
      if (tj === UNRANKED || reference[j]! < 0) continue;
      const x = Math.sign(ti - tj);
      const y = Math.sign(reference[i]! - reference[j]!);
      if (x === 0 && y === 0) continue;
      if (x === 0) tiedBallot++;
      else if (y === 0) tiedReference++;
      else if (x === y) concordant++;
      else discordant++;
    }
  }
  const pairs = concordant + discordant;
  const denominator = Math.sqrt((pairs + tiedBallot) * (pairs + tiedReference));
  return denominator > 0 ? (concordant - discordant) / denominator : NaN;
}

/**
 * Each ballot's τ-b with the ranked-pairs consensus of the other ballots (leave one out), over
 * the first `items` items: a careless or adversarial ranker disagrees with everyone else's
 * consensus even when they sway the full one. NaN for a ballot with no other ballots, or no
 * item both place.
 */
export function leaveOneOutAgreement(election: Election, items = election.items): Float64Array {
  const out = new Float64Array(election.ballots).fill(NaN);
  if (election.ballots < 2) return out;
  const others = new Int32Array(election.ballots - 1);
  for (let b = 0; b < election.ballots; b++) {
    for (let k = 0, at = 0; k < election.ballots; k++) if (k !== b) others[at++] = k;
    const rest = selectBallots(election, others);
    const placed = rankedPairsPlacement(rest);
    out[b] = kendallTauB(election, b, placed, items);
  }
  return out;
}

/** The ranked-pairs rank of each item, −1 for items no ballot ranks. */
function rankedPairsPlacement(election: Election): Int32Array {
  const { rank } = rankedPairs(election, countPairwise(election));
  const seen = new Uint8Array(election.items);
  for (let k = 0; k < election.tiers.length; k++) if (election.tiers[k]! >= 0) seen[k % election.items] = 1;
  for (let i = 0; i < election.items; i++) if (!seen[i]) rank[i] = -1;
  return rank;
}

/**
 * How well ballot b keeps a gold ballot's known order: over the pairs the gold order separates and
 * the ballot ranks both, a pair in the gold order counts 1, a tie ½, a reversal 0. NaN when no
 * such pair exists.
 */
export function goldAccuracy(election: Election, ballot: number, gold: ArrayLike<number>, items = election.items): number {
  const base = ballot * election.items;
  let credit = 0;
  let pairs = 0;
  for (let i = 0; i < items; i++) {
    for (let j = 0; j < items; j++) {
      if (gold[i]! < 0 || gold[j]! < 0 || gold[i]! >= gold[j]!) continue;
      const ti = election.tiers[base + i]!;
      const tj = election.tiers[base + j]!;
      if (ti === UNRANKED || tj === UNRANKED) continue;
      pairs++;
      credit += ti < tj ? 1 : ti === tj ? 0.5 : 0;
    }
  }
  return pairs > 0 ? credit / pairs : NaN;
}
