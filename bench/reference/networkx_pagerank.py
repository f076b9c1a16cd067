"""Reference for the influence benchmark: networkx's PageRank on the same weighted edge list as kolmap
(duplicate lines summed into one weighted edge, as kolmap does), to convergence as kolmap's default
(tol 1e-12) and with networkx's own default (tol 1e-6).

Usage: networkx_pagerank.py EDGE_LIST KOLMAP_PAGERANK_FILE
Prints one JSON line: the time to read the graph, PageRank times (median of 3 runs each), and the
largest per-node difference between networkx's converged PageRank and kolmap's.
"""
import json
import sys
import time

import networkx as nx

edge_list, kolmap_pagerank = sys.argv[1], sys.argv[2]
start = time.perf_counter()
graph = nx.DiGraph()
with open(edge_list) as file:
    for line in file:
        source, target, weight = line.split()
        data = graph.get_edge_data(source, target)
        if data is None:
            graph.add_edge(source, target, weight=float(weight))
        else:
            data["weight"] += float(weight)
read_seconds = time.perf_counter() - start


def timed(run):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return result, sorted(times)[1]


ranks, converged_seconds = timed(
    lambda: nx.pagerank(graph, alpha=0.85, tol=1e-12, max_iter=10000, weight="weight")
)
_, default_seconds = timed(lambda: nx.pagerank(graph, weight="weight"))

ours = {}
with open(kolmap_pagerank) as file:
    for line in file:
        name, value = line.split()
        ours[name] = float(value)
worst = max(abs(ours[name] - rank) for name, rank in ranks.items())

print(
    json.dumps(
        {
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "readSeconds": read_seconds,
            "pagerankSeconds": converged_seconds,
            "pagerankDefaultSeconds": default_seconds,
            "maxDifference": worst,
        }
    )
)
