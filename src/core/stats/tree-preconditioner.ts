/**
 * A spanning-tree preconditioner for a symmetric diagonally dominant matrix M = L_G + D, where L_G
 * is the Laplacian of a weighted graph and D a non-negative diagonal (Vaidya 1991; Boman &
 * Hendrickson, "Support theory for preconditioning", SIAM J. Matrix Anal. Appl. 25(3), 2003).
 * P keeps the graph's heaviest spanning forest and M's full diagonal: the edges left out move their
 * weight onto the diagonal, so P ⪰ its tree part and P's diagonal is M's. A forest has no fill:
 * P is factored and solved in O(nodes) by eliminating leaves first. Chains of comparisons, which
 * first-order methods resolve one link per iteration, are solved exactly along the tree.
 */
export interface SpanningForest {
  /** Nodes in elimination order: every node comes before its parent. */
  readonly order: Int32Array;
  /** Each node's parent in the forest, −1 for a root. */
  readonly parent: Int32Array;
  /** The graph edge that joins a node to its parent, −1 for a root. */
  readonly parentEdge: Int32Array;
}

/** Union–find with path halving and union by size. */
function createUnionFind(n: number) {
  const up = Int32Array.from({ length: n }, (_, i) => i);
  const size = new Int32Array(n).fill(1);
  const find = (i: number) => {
    while (up[i] !== i) {
      up[i] = up[up[i]!]!;
      i = up[i]!;
    }
    return i;
  };
  return (a: number, b: number): boolean => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return false;
    if (size[ra]! < size[rb]!) [ra, rb] = [rb, ra];
    up[rb] = ra;
    size[ra]! += size[rb]!;
    return true;
  };
}

/**
 * The maximum-weight spanning forest of a graph of `n` nodes and edges (a[k], b[k], weight[k])
 * (Kruskal's algorithm), rooted and ordered for elimination. Self-loops and edges of weight 0
 * are left out.
 */
export function spanNodes(n: number, a: Int32Array, b: Int32Array, weight: Float64Array): SpanningForest {
  const edges = new Int32Array(a.length);
  for (let k = 0; k < edges.length; k++) edges[k] = k;
  edges.sort((x, y) => weight[y]! - weight[x]! || x - y);
  const join = createUnionFind(n);
  const degree = new Int32Array(n + 1);
  const chosen: number[] = [];
  for (const k of edges) {
    if (!(weight[k]! > 0) || a[k] === b[k] || !join(a[k]!, b[k]!)) continue;
    chosen.push(k);
    degree[a[k]! + 1]!++;
    degree[b[k]! + 1]!++;
  }
  for (let i = 0; i < n; i++) degree[i + 1]! += degree[i]!;
  const fill = degree.slice(0, n);
  const next = new Int32Array(2 * chosen.length);
  const via = new Int32Array(2 * chosen.length);
  for (const k of chosen) {
    next[fill[a[k]!]!] = b[k]!;
    via[fill[a[k]!]!++] = k;
    next[fill[b[k]!]!] = a[k]!;
    via[fill[b[k]!]!++] = k;
  }
  const parent = new Int32Array(n).fill(-1);
  const parentEdge = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const bfs = new Int32Array(n);
  let tail = 0;
  for (let root = 0; root < n; root++) {
    if (seen[root] === 1) continue;
    seen[root] = 1;
    let head = tail;
    bfs[tail++] = root;
    for (; head < tail; head++) {
      const i = bfs[head]!;
      for (let s = degree[i]!; s < degree[i + 1]!; s++) {
        const j = next[s]!;
        if (seen[j] === 1) continue;
        seen[j] = 1;
        parent[j] = i;
        parentEdge[j] = via[s]!;
        bfs[tail++] = j;
      }
    }
  }
  return { order: bfs.reverse(), parent, parentEdge };
}

/**
 * P = (the forest's Laplacian with the given edge weights) + a diagonal, factored: `diagonal[i]`
 * is P's diagonal entry of node i (M's diagonal), `weight[e]` the weight of graph edge e.
 * Returns a solver of P z = r (r is left untouched). Throws nothing: a non-positive pivot, which
 * a diagonally dominant M cannot give, is replaced by the smallest positive one seen.
 */
export function factorForest(forest: SpanningForest, diagonal: Float64Array, weight: Float64Array) {
  const { order, parent, parentEdge } = forest;
  const n = order.length;
  const pivot = Float64Array.from(diagonal);
  const link = new Float64Array(n);
  for (const i of order) {
    const p = parent[i]!;
    if (p < 0) continue;
    const w = weight[parentEdge[i]!]!;
    link[i] = w;
    pivot[p]! -= (w * w) / pivot[i]!;
  }
  let smallest = Infinity;
  for (const d of pivot) if (d > 0 && d < smallest) smallest = d;
  for (let i = 0; i < n; i++) if (!(pivot[i]! > 0)) pivot[i] = Number.isFinite(smallest) ? smallest : 1;
  const work = new Float64Array(n);
  return (r: Float64Array, z: Float64Array): Float64Array => {
    work.set(r.subarray(0, n));
    for (const i of order) {
      const p = parent[i]!;
      if (p >= 0) work[p]! += (link[i]! / pivot[i]!) * work[i]!;
    }
    for (let k = n - 1; k >= 0; k--) {
      const i = order[k]!;
      const p = parent[i]!;
      z[i] = (work[i]! + (p >= 0 ? link[i]! * z[p]! : 0)) / pivot[i]!;
    }
    return z;
  };
}
