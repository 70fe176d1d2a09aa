import { invalid } from "../../../core/errors.ts";
import { PAGERANK_DEFAULTS, resolvePageRankOptions } from "./pagerank-options.ts";
import type { PolyphonyOptions, ResolvedPolyphonyOptions } from "./polyphony-types.ts";
import type { VoteTable } from "./types.ts";

export const POLYPHONY_DEFAULTS = {
  priorScale: 10,
  tolerance: 1e-7,
  prior: PAGERANK_DEFAULTS.prior,
  credibleMass: PAGERANK_DEFAULTS.credibleMass,
  threshold: PAGERANK_DEFAULTS.threshold,
  pooling: PAGERANK_DEFAULTS.pooling,
} as const;

/** Fills in defaults and rejects options the fit cannot honour. */
export function resolvePolyphonyOptions(table: VoteTable, options: PolyphonyOptions): ResolvedPolyphonyOptions {
  const resolved = { ...POLYPHONY_DEFAULTS, ...options };
  const { priorScale, tau, tolerance } = resolved;
  if (!(priorScale > 0 && Number.isFinite(priorScale))) throw invalid("priorScale", "priorScale must be positive and finite");
  if (tau !== undefined && !(tau > 0 && Number.isFinite(tau))) throw invalid("tau", "tau must be positive and finite");
  if (!(tolerance > 0 && Number.isFinite(tolerance))) throw invalid("tolerance", "tolerance must be positive and finite");
  // The keep rule, groups and bootstrap are checked as the PageRank method checks them.
  const { prior, credibleMass, threshold, pooling, groups, bootstrap } = resolved;
  resolvePageRankOptions(table, { prior, credibleMass, threshold, pooling, ...(groups && { groups }), ...(bootstrap && { bootstrap }) });
  return resolved;
}
