import { invalid } from "../../../core/errors.ts";
import type { PageRankScoringOptions, ResolvedPageRankScoringOptions } from "./pagerank-types.ts";
import type { VoteTable } from "./types.ts";

export const PAGERANK_DEFAULTS = {
  prior: { alpha: 1, beta: 1 },
  credibleMass: 0.5,
  threshold: 0.5,
  pooling: 2,
  damping: 0.85,
  tolerance: 1e-12,
  maxIterations: 1000,
} as const;

const isIn = (x: number, lo: number, hi: number) => Number.isFinite(x) && x >= lo && x <= hi;

/** Fills in defaults and rejects options the scoring cannot honour. */
export function resolvePageRankOptions(table: VoteTable, options: PageRankScoringOptions): ResolvedPageRankScoringOptions {
  const resolved = { ...PAGERANK_DEFAULTS, ...options };
  const { prior, credibleMass, threshold, pooling, damping, tolerance, maxIterations, groups, bootstrap } = resolved;
  if (!(prior.alpha > 0 && prior.beta > 0 && Number.isFinite(prior.alpha + prior.beta))) {
    throw invalid("prior", "prior alpha and beta must be positive and finite");
  }
  if (!(isIn(credibleMass, 0, 1) && credibleMass > 0 && credibleMass < 1)) {
    throw invalid("credibleMass", "credibleMass must lie strictly between 0 and 1");
  }
  if (!isIn(threshold, 0, 1)) throw invalid("threshold", "threshold must lie in [0, 1]");
  if (!(pooling >= 0 && Number.isFinite(pooling))) throw invalid("pooling", "pooling must be finite and not negative");
  if (!(isIn(damping, 0, 1) && damping < 1)) throw invalid("damping", "damping must lie in [0, 1)");
  if (!(tolerance > 0)) throw invalid("tolerance", "tolerance must be positive");
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    throw invalid("maxIterations", "maxIterations must be a positive integer");
  }
  if (groups) {
    if (groups.ofParticipant.length < table.participantCount) {
      throw invalid("groups/ofParticipant", "ofParticipant must give a group for every participant");
    }
    for (const g of groups.ofParticipant) {
      if (g < -1 || g >= groups.labels.length) {
        throw invalid("groups/ofParticipant", `group index ${g} is outside labels`);
      }
    }
  }
  if (bootstrap && !(Number.isInteger(bootstrap.samples) && bootstrap.samples >= 1 && Number.isFinite(bootstrap.seed))) {
    throw invalid("bootstrap", "bootstrap needs a positive integer sample count and a finite seed");
  }
  return resolved;
}
