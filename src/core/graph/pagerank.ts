/** A weighted directed graph over nodes 0..nodeCount−1, edges as parallel columns. */
export interface WeightedGraph {
  readonly nodeCount: number;
  /**
   * Further nodes without any edge, left unnumbered: they teleport and take teleport like the
   * others, and all end with one score. Default 0.
   */
  readonly isolatedCount?: number;
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

export interface PageRankRun {
  readonly iterations: number;
  /** The score of each isolated node (0 when there are none). */
  readonly isolatedScore: number;
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
 * x'(v) = (1 − d)/N + d·(Σ_{u→v} x(u)·w(u,v)/W(u) + D/N), with N all nodes, W(u) the out-weight
 * of u and D the rank held by nodes without out-edges, which is spread uniformly (as
 * networkx.pagerank does). Isolated nodes start equal and receive equal rank every round, so one
 * number tracks all of them exactly: the cost is that of the numbered nodes and edges alone.
 * Writes the scores, which sum to 1 with the isolated ones, into `out`.
 */
export function rankPages(
  graph: WeightedGraph,
  options: PageRankOptions,
  out: Float64Array,
  scratch: PageRankScratch = createPageRankScratch(),
): PageRankRun {
  const n = graph.nodeCount;
  const isolated = graph.isolatedCount ?? 0;
  const total = n + isolated;
  const m = graph.edgeCount;
  if (total === 0) return { iterations: 0, isolatedScore: 0 };
  ensureCapacity(scratch, n, m);
  const { from, to, weight } = graph;
  const outWeight = scratch.outWeight.subarray(0, n).fill(0);
  for (let e = 0; e < m; e++) outWeight[from[e]!]! += weight[e]!;
  const share = scratch.share;
  for (let e = 0; e < m; e++) share[e] = weight[e]! / outWeight[from[e]!]!;
  let rank = scratch.rank.subarray(0, n).fill(1 / total);
  let next = scratch.next.subarray(0, n);
  let alone = 1 / total;
  const d = options.damping;
  let rounds = 0;
  while (rounds < options.maxIterations) {
    rounds++;
    let dangling = isolated * alone;
    for (let v = 0; v < n; v++) if (outWeight[v] === 0) dangling += rank[v]!;
    const base = (1 - d) / total + (d * dangling) / total;
    next.fill(base);
    for (let e = 0; e < m; e++) next[to[e]!]! += d * rank[from[e]!]! * share[e]!;
    let change = isolated * Math.abs(base - alone);
    for (let v = 0; v < n; v++) change += Math.abs(next[v]! - rank[v]!);
    const swap = rank;
    rank = next;
    next = swap;
    alone = base;
    if (change < options.tolerance) break;
  }
  let sum = isolated * alone;
  for (let v = 0; v < n; v++) sum += rank[v]!;
  for (let v = 0; v < n; v++) out[v] = rank[v]! / sum;
  return { iterations: rounds, isolatedScore: isolated > 0 ? alone / sum : 0 };
}
