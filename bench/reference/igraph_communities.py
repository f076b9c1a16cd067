"""Reference for the communities benchmark: igraph's multilevel (Louvain) and Leiden (modularity
objective) on the same undirected edge list, once per seed; times the algorithm only, as kolmap's
step does, and prints the fastest run's time, the median modularity and NMI to the planted partition.

Usage: igraph_communities.py EDGES LABELS ALGORITHM SEEDS, ALGORITHM one of multilevel, leiden
(n_iterations=-1: iterate until an iteration changes nothing, as kolmap's Leiden does), leiden-2
(n_iterations=2, igraph's default); SEEDS like 1,2,3.
"""
import json
import random
import resource
import statistics
import sys
import time

import igraph

edges, labels, algorithm, seeds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
start = time.perf_counter()
graph = igraph.Graph.Read_Edgelist(edges, directed=False)
build_seconds = time.perf_counter() - start
planted = [0] * graph.vcount()
with open(labels) as lines:
    for line in lines:
        node, community = line.split()
        if int(node) < graph.vcount():
            planted[int(node)] = int(community)

runs = []
for seed in seeds.split(","):
    random.seed(int(seed))
    start = time.perf_counter()
    if algorithm == "multilevel":
        membership = graph.community_multilevel().membership
    else:
        membership = graph.community_leiden(
            objective_function="modularity", n_iterations=-1 if algorithm == "leiden" else 2
        ).membership
    seconds = time.perf_counter() - start
    runs.append(
        {
            "seconds": seconds,
            "modularity": graph.modularity(membership),
            "communities": max(membership) + 1,
            "nmi": igraph.compare_communities(membership, planted, method="nmi"),
        }
    )


def median(key):
    return statistics.median_low(run[key] for run in runs)


print(
    json.dumps(
        {
            "buildSeconds": build_seconds,
            "seconds": min(run["seconds"] for run in runs),
            "modularity": median("modularity"),
            "nmi": median("nmi"),
            "communities": median("communities"),
            "nodes": graph.vcount(),
            "edges": graph.ecount(),
            "peakMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    )
)
