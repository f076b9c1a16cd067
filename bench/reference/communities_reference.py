"""Reference for the community validation: igraph multilevel (Louvain), igraph Leiden (modularity
objective, iterated until stable) and networkx louvain_communities, several seeds, on the edge lists
bench/validate-communities.ts exports from kolmap's graphs.

Usage: communities_reference.py MANIFEST.json SEEDS
The manifest lists graphs: {"name", "edges" (file of `i j w` lines, nodes 0..n-1), "n", "directed",
"truth" (a label per node, or null)}. Prints one JSON line: per graph, what was read and, per algorithm,
each seed's modularity, NMI to the truth and community count, plus the membership of the best run.
Modularity is igraph's (Newman; Leicht & Newman when directed), NMI igraph's (Danon et al. 2005).
"""
import json
import random
import sys

import igraph
import networkx as nx
from networkx.algorithms.community import louvain_communities


def read_graph(spec):
    edges, weights = [], []
    with open(spec["edges"]) as lines:
        for line in lines:
            i, j, w = line.split()
            edges.append((int(i), int(j)))
            weights.append(float(w))
    graph = igraph.Graph(n=spec["n"], edges=edges, directed=spec["directed"])
    graph.es["weight"] = weights
    return graph


def membership_of(communities, n):
    membership = [0] * n
    for c, members in enumerate(communities):
        for node in members:
            membership[node] = c
    return membership


def run(graph, spec, algorithm, seed):
    random.seed(seed)
    directed = spec["directed"]
    if algorithm == "igraph multilevel":
        membership = graph.community_multilevel(weights="weight").membership
    elif algorithm == "igraph Leiden":
        membership = graph.community_leiden(
            objective_function="modularity", weights="weight", n_iterations=-1
        ).membership
    else:
        nx_graph = nx.DiGraph() if directed else nx.Graph()
        nx_graph.add_nodes_from(range(graph.vcount()))
        nx_graph.add_weighted_edges_from(
            (e.source, e.target, e["weight"]) for e in graph.es
        )
        communities = louvain_communities(nx_graph, weight="weight", seed=seed)
        membership = membership_of(communities, graph.vcount())
    return membership


def main():
    manifest = json.load(open(sys.argv[1]))
    seeds = range(1, int(sys.argv[2]) + 1)
    out = {}
    for spec in manifest:
        graph = read_graph(spec)
        directed = spec["directed"]
        truth = spec["truth"]
        # igraph's multilevel works on undirected graphs only.
        algorithms = ["igraph Leiden", "networkx louvain"]
        if not directed:
            algorithms.insert(0, "igraph multilevel")
        result = {
            "nodes": graph.vcount(),
            "edges": graph.ecount(),
            "totalWeight": sum(graph.es["weight"]),
            "algorithms": {},
        }
        for algorithm in algorithms:
            runs, best, best_q = [], None, float("-inf")
            for seed in seeds:
                membership = run(graph, spec, algorithm, seed)
                q = graph.modularity(membership, weights="weight", directed=directed)
                nmi = (
                    igraph.compare_communities(membership, truth, method="nmi")
                    if truth is not None
                    else None
                )
                runs.append(
                    {"seed": seed, "modularity": q, "nmi": nmi, "count": max(membership) + 1}
                )
                if q > best_q:
                    best, best_q = membership, q
            result["algorithms"][algorithm] = {"runs": runs, "best": best}
        out[spec["name"]] = result
    print(json.dumps(out))


if __name__ == "__main__":
    main()
