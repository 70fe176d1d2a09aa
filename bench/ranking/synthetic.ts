import { createRandom } from "../../src/core/stats/prng.ts";
import { UNRANKED } from "../../src/kinds/scenarios/core/election.ts";

export interface RankingSpec {
  readonly scenarios: number;
  readonly behaviours: number;
  readonly rankings: number;
  /** Share of rankings that place only their top half (partial rankings). */
  readonly partial: number;
  /** Utilities are rounded to this step before ranking, so close behaviours tie. */
  readonly tieStep: number;
  readonly seed: number;
}

export const BENCH_SPEC: RankingSpec = { scenarios: 100_000, behaviours: 8, rankings: 5, partial: 0.2, tieStep: 0.25, seed: 20261202 };

/**
 * Seeded rankings drawn from a Plackett–Luce model: each behaviour has a latent quality (normal,
 * sd 1); a ranker's utility is quality plus Gumbel noise, rounded to `tieStep` (equal rounded
 * utilities tie), and a `partial` share of rankers places only the top half. Returns
 * `tiers[(s · rankings + r) · behaviours + i]`.
 */
export function generateRankings(spec: RankingSpec): Int32Array {
  const random = createRandom(spec.seed);
  const { scenarios, behaviours, rankings } = spec;
  const tiers = new Int32Array(scenarios * rankings * behaviours);
  const quality = new Float64Array(behaviours);
  const utility = new Float64Array(behaviours);
  const order = new Int32Array(behaviours);
  for (let s = 0; s < scenarios; s++) {
    for (let i = 0; i < behaviours; i++) quality[i] = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    for (let r = 0; r < rankings; r++) {
      for (let i = 0; i < behaviours; i++) utility[i] = Math.round((quality[i]! - Math.log(-Math.log(1 - random()))) / spec.tieStep);
      for (let i = 0; i < behaviours; i++) order[i] = i;
      order.sort((a, b) => utility[b]! - utility[a]!);
      const placed = random() < spec.partial ? behaviours / 2 : behaviours;
      const base = (s * rankings + r) * behaviours;
      let tier = 0;
      for (let k = 0; k < behaviours; k++) {
        if (k > 0 && utility[order[k]!] !== utility[order[k - 1]!]) tier++;
        tiers[base + order[k]!] = k < placed ? tier : UNRANKED;
      }
    }
  }
  return tiers;
}
