#!/usr/bin/env python3
"""Runs networkx.pagerank on the graphs in a JSON file and reports scores and time.

Input: {"damping": d, "tolerance": L1 tolerance, "graphs": [{"n": nodes, "from": [...],
"to": [...], "weight": [...]}, ...]}. Only the pagerank calls are timed, not graph building.
networkx stops when the L1 change is below N * tol, so tol = tolerance / N gives the same rule.
"""
import json
import sys
import time

import networkx as nx


def main():
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    graphs = []
    for g in spec["graphs"]:
        graph = nx.DiGraph()
        graph.add_nodes_from(range(g["n"]))
        graph.add_weighted_edges_from(zip(g["from"], g["to"], g["weight"]))
        graphs.append(graph)
    scores = []
    seconds = 0.0
    for graph in graphs:
        n = graph.number_of_nodes()
        if n == 0:
            scores.append([])
            continue
        start = time.perf_counter()
        rank = nx.pagerank(graph, alpha=spec["damping"], tol=spec["tolerance"] / n, max_iter=1000, weight="weight")
        seconds += time.perf_counter() - start
        scores.append([rank[v] for v in range(n)])
    json.dump({"networkx": nx.__version__, "seconds": seconds, "scores": scores}, sys.stdout)


if __name__ == "__main__":
    main()
