/**
 * A synthetic campaign and polyphony graph of `n` values, shaped as the API answers, for measuring
 * the graph page at sizes no test deliberation reaches. Edges form a sparse connected random graph
 * with a few contested edges; scores follow a power law.
 */
export function syntheticResults(n: number, edgesPerValue = 1.5, seed = 7) {
  let state = seed;
  const random = () => ((state = (state * 16807) % 2147483647) / 2147483647);
  const id = (i: number) => `cc_synthetic_${i}`;
  const context = { id: "ctx_synthetic", name: "When the user is in distress" };
  const raw = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** 0.8);
  const total = raw.reduce((a, b) => a + b, 0);
  const values = raw.map((r, i) => {
    const score = r / total;
    return {
      id: id(i),
      title: `Value ${i + 1}: attentive care in situation ${i % 37}`,
      score,
      externalRef: null,
      contexts: { [context.name]: { score, low: score * 0.8, high: score * 1.2, rank: i + 1 } },
    };
  });
  const edges = [];
  const seen = new Set<string>();
  // Every value gets an upgrade to a better-ranked one, so all 2,000 are drawn; then random extras.
  const pairs = Array.from({ length: n - 1 }, (_, i) => [i + 1, Math.floor(random() * (i + 1))] as const);
  for (let k = pairs.length; k < Math.round(n * edgesPerValue); k++) pairs.push([Math.floor(random() * n), Math.floor(random() ** 2 * n)]);
  for (const [from, to] of pairs) {
    if (from === to || seen.has(`${from}>${to}`)) continue;
    seen.add(`${from}>${to}`);
    const upgrade = 2 + Math.floor(random() * 20);
    const against = Math.floor(random() * 4);
    const contested = random() < 0.03;
    edges.push({
      from: id(from),
      to: id(to),
      contexts: [context.name],
      counts: { upgrade, against, notSure: 0 },
      share: { mean: 0.8, lower: 0.6, upper: 0.9 },
      kept: true,
      contested,
      groups: {
        endorsing: 1 + Math.floor(random() * 3),
        voting: 3,
        of: 3,
        consensus: 0.5,
        byGroup: { left: { support: upgrade - 1, against }, centre: { support: 1, against: 0 }, right: { support: 0, against: 0 } },
      },
    });
  }
  const campaign = {
    id: "cmp_synthetic",
    kind: "moral-graph",
    title: `Synthetic deliberation of ${n.toLocaleString("en")} values`,
    description: "",
    consent: "",
    status: "open",
    demographics: [{ key: "politics", question: "Political affiliation", options: ["left", "centre", "right"] }],
    admission: { mode: "open" },
    resultsVisibility: "public",
    questions: [{ id: "q_synthetic", text: "How should an assistant respond to someone in distress?" }],
    contexts: [context],
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  };
  const graph = {
    campaign: { id: campaign.id, title: campaign.title },
    method: "polyphony",
    votes: edges.length * 10,
    countedVotes: edges.length * 10,
    participants: n * 3,
    parameters: { prior: { alpha: 1, beta: 1 }, credibleMass: 0.8, threshold: 0.5, damping: 0.85, bootstrap: null, groupBy: "politics" },
    values,
    contexts: [
      {
        ...context,
        votes: edges.length * 10,
        participants: n * 3,
        weight: 1,
        keptEdges: edges.length,
        values: values.map((v, i) => ({ id: v.id, title: v.title, score: v.score, low: null, high: null, rank: i + 1 })),
        top: values.slice(0, 10).map((v, i) => ({ id: v.id, title: v.title, score: v.score, low: null, high: null, rank: i + 1 })),
        contested: [],
      },
    ],
    edges,
    contested: [],
    totals: { values: values.length, edges: edges.length },
    next: null,
  };
  const legitimacy = {
    overall: { participants: n * 3, surveyed: n, represented: { count: n / 2, share: 0.5 }, fair: { count: (n * 3) / 4, share: 0.75 } },
    groupBy: null,
    groups: [],
  };
  return { campaign, graph, legitimacy };
}
