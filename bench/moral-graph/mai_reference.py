#!/usr/bin/env python3
"""Independent reference for Polyphony's mai-2023 scoring, written from the published formulas.

Usage: python3 bench/moral-graph/mai_reference.py [path/to/mai-dft/edge.json]

For each vote on A->B: pair (A,B) gets an impression and wiser / not_wiser / unsure by its
relationship; pair (B,A) gets an impression and less_wise when the vote was an upgrade. Pairs
ignore context. likelihood = (wiser - less_wise) / (wiser + not_wiser + unsure + less_wise);
entropy = Shannon entropy in bits of the five counters (impressions included). An edge is kept
when wiser >= 2, likelihood >= 0.33 and entropy <= 1.69. Nodes are the cards on kept edges;
PageRank starts at 1/N and runs 100 rounds of r'(v) = (1-d)/N + sum over kept u->v of
d * r(u) * w(u,v) / W(u), with d = 0.85 and W(u) the sum of u's out-edge likelihoods; rank at
nodes without out-edges is lost.
"""
import json
import math
import sys
from collections import defaultdict


def entropy_bits(counts):
    total = sum(counts)
    return -sum((c / total) * math.log2(c / total) for c in counts if c > 0)


def score(votes, damping=0.85, rounds=100):
    pairs = defaultdict(lambda: {"wiser": 0, "not_wiser": 0, "unsure": 0, "less_wise": 0, "impressions": 0})
    for v in votes:
        a, b, rel = v["fromId"], v["toId"], v["relationship"]
        fwd = pairs[(a, b)]
        fwd["impressions"] += 1
        if rel == "upgrade":
            fwd["wiser"] += 1
        elif rel == "no_upgrade":
            fwd["not_wiser"] += 1
        elif rel == "not_sure":
            fwd["unsure"] += 1
        rev = pairs[(b, a)]
        rev["impressions"] += 1
        if rel == "upgrade":
            rev["less_wise"] += 1

    kept = {}
    for (a, b), c in pairs.items():
        denom = c["wiser"] + c["not_wiser"] + c["unsure"] + c["less_wise"]
        if c["wiser"] < 2 or denom == 0:
            continue
        likelihood = (c["wiser"] - c["less_wise"]) / denom
        h = entropy_bits([c["wiser"], c["not_wiser"], c["less_wise"], c["unsure"], c["impressions"]])
        if likelihood >= 0.33 and h <= 1.69:
            kept[(a, b)] = likelihood

    nodes = sorted({n for edge in kept for n in edge})
    n = len(nodes)
    out_weight = defaultdict(float)
    for (a, _), w in kept.items():
        out_weight[a] += w
    rank = {v: 1.0 / n for v in nodes}
    for _ in range(rounds):
        nxt = {v: (1.0 - damping) / n for v in nodes}
        for (a, b), w in kept.items():
            nxt[b] += damping * rank[a] * w / out_weight[a]
        rank = nxt
    return pairs, kept, rank


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/mai-dft/edge.json"
    with open(path) as f:
        votes = json.load(f)
    pairs, kept, rank = score(votes)
    top = sorted(rank.items(), key=lambda kv: (-kv[1], kv[0]))
    print(json.dumps({
        "votes": len(votes),
        "pairs": len(pairs),
        "keptEdges": len(kept),
        "nodes": len(rank),
        "scoreSum": sum(rank.values()),
        "top": [{"id": k, "score": s} for k, s in top[:5]],
    }, indent=1))


if __name__ == "__main__":
    main()
