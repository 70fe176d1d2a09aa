/**
 * A plain transcription of the Meaning Alignment Institute's published scoring
 * (meaningalignment/mge, app/values-tools/generate-moral-graph.ts: `summarizeGraph` with
 * `calculatePageRankWeighted`), kept structurally faithful — string-keyed pair map, object
 * counters, and a PageRank that re-filters every edge's siblings inside the edge loop — so that
 * the bench measures what their approach costs. Database reads are replaced by an argument.
 */
export interface PublishedVote {
  readonly userId: number;
  readonly fromId: number;
  readonly toId: number;
  readonly contextId: string;
  readonly relationship: "upgrade" | "no_upgrade" | "not_sure";
}

type Counts = Record<"markedWiser" | "markedNotWiser" | "markedLessWise" | "markedUnsure" | "impressions", number>;

export interface PublishedEdge {
  sourceValueId: number;
  wiserValueId: number;
  contexts: string[];
  counts: Counts;
  summary: { wiserLikelihood: number; entropy: number };
}

function entropyOf(counts: Counts): number {
  const values = Object.values(counts);
  const total = values.reduce((sum, v) => sum + v, 0);
  let h = 0;
  for (const v of values) {
    const p = v / total;
    if (p > 0) h -= p * Math.log2(p);
  }
  return h;
}

function rankPublished(edges: PublishedEdge[], damping = 0.85, rounds = 100): Map<number, number> {
  const nodes = [...new Set(edges.flatMap((e) => [e.sourceValueId, e.wiserValueId]))];
  let rank = new Map(nodes.map((v) => [v, 1 / nodes.length]));
  for (let r = 0; r < rounds; r++) {
    const next = new Map(nodes.map((v) => [v, (1 - damping) / nodes.length]));
    for (const edge of edges) {
      const siblings = edges.filter((e) => e.sourceValueId === edge.sourceValueId);
      const total = siblings.reduce((sum, e) => sum + e.summary.wiserLikelihood, 0);
      if (total > 0) {
        const share = (damping * rank.get(edge.sourceValueId)! * edge.summary.wiserLikelihood) / total;
        next.set(edge.wiserValueId, next.get(edge.wiserValueId)! + share);
      }
    }
    rank = next;
  }
  return rank;
}

/** Kept edges in MAI's map order and the PageRank of every node on them. */
export function summarizePublished(votes: readonly PublishedVote[]): { edges: PublishedEdge[]; rank: Map<number, number> } {
  const pairs = new Map<string, Omit<PublishedEdge, "summary">>();
  const pairOf = (a: number, b: number) => {
    const key = `${a},${b}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = {
        sourceValueId: a,
        wiserValueId: b,
        contexts: [],
        counts: { markedWiser: 0, markedNotWiser: 0, markedLessWise: 0, markedUnsure: 0, impressions: 0 },
      };
      pairs.set(key, pair);
    }
    return pair;
  };
  for (const v of votes) {
    const pair = pairOf(v.fromId, v.toId);
    pair.contexts.push(v.contextId);
    pair.counts.impressions++;
    if (v.relationship === "upgrade") pair.counts.markedWiser++;
    if (v.relationship === "no_upgrade") pair.counts.markedNotWiser++;
    if (v.relationship === "not_sure") pair.counts.markedUnsure++;
  }
  for (const v of votes) {
    const pair = pairOf(v.toId, v.fromId);
    pair.contexts.push(v.contextId);
    pair.counts.impressions++;
    if (v.relationship === "upgrade") pair.counts.markedLessWise++;
  }
  const cooked = [...pairs.values()].map((pair) => {
    const c = pair.counts;
    const total = c.markedWiser + c.markedNotWiser + c.markedUnsure + c.markedLessWise;
    const wiserLikelihood = (c.markedWiser - c.markedLessWise) / total;
    return { ...pair, contexts: [...new Set(pair.contexts)], summary: { wiserLikelihood, entropy: entropyOf(c) } };
  });
  const edges = cooked.filter(
    (e) =>
      e.counts.markedWiser > 0 &&
      !(e.summary.wiserLikelihood < 0.33) &&
      !(e.summary.entropy > 1.69) &&
      !(e.counts.markedWiser < 2),
  );
  return { edges, rank: rankPublished(edges) };
}
