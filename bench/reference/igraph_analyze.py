"""Reference for the analyze benchmark: what a python-igraph user writes for the map of a directed
`source,target` CSV edge list: load (repeated pairs summed into a weight), Leiden with the modularity
objective and igraph's default 2 iterations (on the undirected collapse, as igraph's Leiden needs;
iterating until stable took ~10 minutes on the 1M-record graph), weighted PageRank, HITS, coreness,
then the graph with these as node attributes written as GraphML. Prints its own seconds, the graph's
size, the communities, the modularity and its peak resident memory (ru_maxrss).

Usage: igraph_analyze.py EDGES.csv OUT_DIR
"""
import csv
import json
import os
import resource
import sys
import time

import igraph

path, out = sys.argv[1], sys.argv[2]
start = time.perf_counter()
with open(path, newline="") as lines:
    rows = csv.reader(lines)
    next(rows)
    graph = igraph.Graph.TupleList(rows, directed=True)
graph.es["weight"] = 1.0
graph.simplify(multiple=True, loops=False, combine_edges={"weight": "sum"})

undirected = graph.as_undirected(mode="collapse", combine_edges={"weight": "sum"})
membership = undirected.community_leiden(
    objective_function="modularity", weights="weight", n_iterations=2
).membership
graph.vs["community"] = membership
graph.vs["pagerank"] = graph.pagerank(weights="weight", directed=True)
graph.vs["hub"] = graph.hub_score(weights="weight")
graph.vs["authority"] = graph.authority_score(weights="weight")
graph.vs["coreness"] = graph.coreness(mode="all")

os.makedirs(out, exist_ok=True)
graph.write_graphml(os.path.join(out, "map.graphml"))
print(
    json.dumps(
        {
            "seconds": time.perf_counter() - start,
            "nodes": graph.vcount(),
            "edges": graph.ecount(),
            "communities": max(membership) + 1,
            "modularity": undirected.modularity(membership, weights="weight"),
            "peakMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    )
)
