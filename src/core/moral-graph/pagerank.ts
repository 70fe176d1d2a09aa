/** A weighted directed graph over nodes 0..nodeCount−1, edges as parallel columns. */
export interface WeightedGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly weight: Float64Array;
}

export interface PageRankOptions {
  readonly damping: number;
  /** Stop once the L1 change of one round is below this. */
  readonly tolerance: number;
  readonly maxIterations: number;
}

/** Buffers reused across calls so that repeated ranking (bootstrap) allocates nothing. */
export interface PageRankScratch {
  rank: Float64Array;
  next: Float64Array;
  outWeight: Float64Array;
  share: Float64Array;
}

export function createPageRankScratch(): PageRankScratch {
  return { rank: new Float64Array(0), next: new Float64Array(0), outWeight: new Float64Array(0), share: new Float64Array(0) };
}

function ensureCapacity(scratch: PageRankScratch, nodes: number, edges: number): void {
  if (scratch.rank.length < nodes) {
    scratch.rank = new Float64Array(nodes);
    scratch.next = new Float64Array(nodes);
    scratch.outWeight = new Float64Array(nodes);
  }
  if (scratch.share.length < edges) scratch.share = new Float64Array(edges);
}

/**
 * Weighted PageRank by power iteration (Page, Brin, Motwani & Winograd 1999): each round
 * x'(v) = (1 − d)/n + d·(Σ_{u→v} x(u)·w(u,v)/W(u) + D/n), with W(u) the out-weight of u and D the
 * rank held by nodes without out-edges, which is spread uniformly (as networkx.pagerank does).
 * Writes the scores, which sum to 1, into `out` and returns the number of rounds.
 */
export function rankPages(
  graph: WeightedGraph,
  options: PageRankOptions,
  out: Float64Array,
  scratch: PageRankScratch = createPageRankScratch(),
): number {
  const n = graph.nodeCount;
  const m = graph.edgeCount;
  if (n === 0) return 0;
  ensureCapacity(scratch, n, m);
  const { from, to, weight } = graph;
  const outWeight = scratch.outWeight.subarray(0, n).fill(0);
  for (let e = 0; e < m; e++) outWeight[from[e]!]! += weight[e]!;
  const share = scratch.share;
  for (let e = 0; e < m; e++) share[e] = weight[e]! / outWeight[from[e]!]!;
  let rank = scratch.rank.subarray(0, n).fill(1 / n);
  let next = scratch.next.subarray(0, n);
  const d = options.damping;
  let rounds = 0;
  while (rounds < options.maxIterations) {
    rounds++;
    let dangling = 0;
    for (let v = 0; v < n; v++) if (outWeight[v] === 0) dangling += rank[v]!;
    next.fill((1 - d) / n + (d * dangling) / n);
    for (let e = 0; e < m; e++) next[to[e]!]! += d * rank[from[e]!]! * share[e]!;
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs(next[v]! - rank[v]!);
    const swap = rank;
    rank = next;
    next = swap;
    if (change < options.tolerance) break;
  }
  let total = 0;
  for (let v = 0; v < n; v++) total += rank[v]!;
  for (let v = 0; v < n; v++) out[v] = rank[v]! / total;
  return rounds;
}
