/**
 * MAI's weighted PageRank (meaningalignment/mge, app/values-tools/generate-moral-graph.ts,
 * `calculatePageRankWeighted`; the same function is `calculatePageRank` in
 * meaningalignment/values-tools, src/services/moral-graph.ts), reproduced operation for operation:
 * - the nodes are the cards on kept edges only, N of them, each starting at 1/N;
 * - every one of exactly `iterations` rounds starts each node at (1 − d)/N, then walks the kept
 *   edges in map order adding (d · rank[from] · w) / W[from] to rank[to], where W[from] is the sum
 *   of the likelihoods of from's kept out-edges, summed in map order from 0;
 * - rank at nodes without kept out-edges is dropped, so the scores sum to less than 1.
 * Their loop re-filters every edge's siblings inside the edge loop (O(E²) per round); summing W
 * once per node in the same order gives the same floating-point values in O(E) per round.
 */
export function rankMai2023(
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
  edgeWeight: Float64Array,
  cardCount: number,
  damping = 0.85,
  iterations = 100,
): { nodes: Int32Array; score: Float64Array } {
  const edges = edgeFrom.length;
  const slot = new Int32Array(cardCount).fill(-1);
  const nodeList: number[] = [];
  for (let e = 0; e < edges; e++) {
    for (const card of [edgeFrom[e]!, edgeTo[e]!]) {
      if (slot[card] === -1) {
        slot[card] = nodeList.length;
        nodeList.push(card);
      }
    }
  }
  const n = nodeList.length;
  const from = new Int32Array(edges);
  const to = new Int32Array(edges);
  const outWeight = new Float64Array(n);
  for (let e = 0; e < edges; e++) {
    from[e] = slot[edgeFrom[e]!]!;
    to[e] = slot[edgeTo[e]!]!;
    outWeight[from[e]!]! += edgeWeight[e]!;
  }
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const teleport = (1 - damping) / n;
  for (let round = 0; round < iterations; round++) {
    next.fill(teleport);
    for (let e = 0; e < edges; e++) {
      const source = from[e]!;
      const total = outWeight[source]!;
      if (total > 0) next[to[e]!]! += (damping * rank[source]! * edgeWeight[e]!) / total;
    }
    const swap = rank;
    rank = next;
    next = swap;
  }
  const score = new Float64Array(cardCount);
  for (let i = 0; i < n; i++) score[nodeList[i]!] = rank[i]!;
  return { nodes: Int32Array.from(nodeList), score };
}
