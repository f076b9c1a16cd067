"""Reference for the influence benchmark: python-igraph's PageRank (PRPACK) and subset betweenness on
the same weighted edge list as kolmap (duplicate lines summed into one weighted edge, as kolmap does);
betweenness from PIVOTS random sources (the work of sampled betweenness; compare the time per source).

Usage: igraph_influence.py EDGE_LIST KOLMAP_PAGERANK_FILE PIVOTS
Prints one JSON line: times (PageRank: the median of 3 runs), and the largest per-node difference
to kolmap's PageRank.
"""
import json
import random
import sys
import time

import igraph

edge_list, kolmap_pagerank, pivot_count = sys.argv[1], sys.argv[2], int(sys.argv[3])
graph = igraph.Graph.Read_Ncol(edge_list, names=True, weights=True, directed=True)
graph.simplify(multiple=True, loops=False, combine_edges="sum")

times = []
for _ in range(3):
    start = time.perf_counter()
    ranks = graph.pagerank(weights="weight", directed=True, damping=0.85)
    times.append(time.perf_counter() - start)
pagerank_seconds = sorted(times)[1]

names = graph.vs["name"]
ours = {}
with open(kolmap_pagerank) as file:
    for line in file:
        name, value = line.split()
        ours[name] = float(value)
worst = max(abs(ours[name] - rank) for name, rank in zip(names, ranks))

pivots = random.Random(42).sample(range(graph.vcount()), pivot_count)
start = time.perf_counter()
graph.betweenness(directed=True, sources=pivots)
betweenness_seconds = time.perf_counter() - start

print(
    json.dumps(
        {
            "nodes": graph.vcount(),
            "edges": graph.ecount(),
            "pagerankSeconds": pagerank_seconds,
            "maxDifference": worst,
            "betweennessSeconds": betweenness_seconds,
            "pivots": len(pivots),
        }
    )
)
