"""Reference for the influence benchmark: NetworKit's KADABRA (Borassi & Natale 2016) top-k betweenness
on the same edge list as kolmap, k the top 1 % of the nodes, ε 0.01, δ 0.1, on the undirected view
(NetworKit's KADABRA cannot bound the diameter of a directed graph), as in ../shared/ANCHORS.md.

Usage: networkit_kadabra.py EDGE_LIST KOLMAP_TOP_FILE
KOLMAP_TOP_FILE lists the top 1 % of kolmap's reference betweenness (one id a line); prints one JSON
line: the time and the share of that top found in KADABRA's top k.
"""
import json
import sys
import time

import networkit

edge_list, top_file = sys.argv[1], sys.argv[2]
index = {}
pairs = []
with open(edge_list) as file:
    for line in file:
        fields = line.split()
        if len(fields) < 2:
            continue
        source = index.setdefault(fields[0], len(index))
        target = index.setdefault(fields[1], len(index))
        pairs.append((source, target))
graph = networkit.Graph(len(index), weighted=False, directed=False)
for source, target in pairs:
    if source != target and not graph.hasEdge(source, target):
        graph.addEdge(source, target)
names = [None] * len(index)
for name, i in index.items():
    names[i] = name
with open(top_file) as file:
    reference = [line.strip() for line in file if line.strip()]
k = len(reference)

networkit.setNumberOfThreads(2)
start = time.perf_counter()
kadabra = networkit.centrality.KadabraBetweenness(graph, 0.01, 0.1, True, k)
kadabra.run()
seconds = time.perf_counter() - start
found = {names[node] for node in kadabra.topkNodesList()[:k]}
print(
    json.dumps(
        {
            "nodes": graph.numberOfNodes(),
            "edges": graph.numberOfEdges(),
            "topK": k,
            "kadabraSeconds": seconds,
            "kadabraOverlap": len(found.intersection(reference)) / k,
        }
    )
)
