"""Reference values of the influence tests, computed with networkx 3.6.1 from ../shared/data.

Run from the repository root with bench/.venv (see bench/python.ts), plus numpy and scipy, which
networkx's pagerank and hits need (`bench/.venv/bin/pip install numpy scipy`; used: 2.4.6, 1.17.1):
    bench/.venv/bin/python packages/core/test/analyze/influence/reference/make_reference.py
It rewrites the tab-separated tables next to this script: a header, then one row per node, its id
(kolmap keys are `other:<id>`) and one column per reference value. Values are exact (shortest
round-trip decimal), except on the Higgs layer: rounded to 1e-12 and gzipped, to keep it small.
"""
import gzip
import os
import random
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "../../../../../../../shared/data")

# Seeds of the personalised PageRank test; "absent" is not a node (ignored by networkx and kolmap).
PERSONALIZATION = {"0": 1, "4": 2, "12": 1, "absent": 5}


def converged_pagerank(G):
    return nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000, weight="weight")


def with_lengths(G):
    """A copy whose `length` is 1 / weight: kolmap's weighted betweenness."""
    H = G.copy()
    for _, _, d in H.edges(data=True):
        d["length"] = 1 / d.get("weight", 1)
    return H


def write(name, header, rows):
    """Writes a table (gzipped, reproducibly, when the name ends with .gz)."""
    text = "".join("\t".join(map(str, row)) + "\n" for row in [header, *rows])
    path = os.path.join(HERE, name)
    if name.endswith(".gz"):
        with open(path, "wb") as file:
            file.write(gzip.compress(text.encode(), compresslevel=9, mtime=0))
    else:
        with open(path, "w") as file:
            file.write(text)
    print(f"{name}: {os.path.getsize(path):,} bytes", file=sys.stderr)


def write_values(name, columns, digits=None):
    """One row per node (sorted by id), one column per dict of `columns`."""
    ids = sorted(next(iter(columns.values())), key=lambda v: (len(v), v))

    def cell(value):
        return repr(round(value, digits) if digits is not None else value)

    rows = [[v, *(cell(values[v]) for values in columns.values())] for v in ids]
    write(name, ["id", *columns], rows)


def karate():
    G = nx.read_gml(os.path.join(DATA, "karate/karate_newman.gml"), label="id")
    G = nx.relabel_nodes(G, str)
    write_values(
        "karate.tsv",
        {"pagerank": converged_pagerank(G), "betweenness": nx.betweenness_centrality(G)},
    )


def congress():
    G = nx.read_weighted_edgelist(
        os.path.join(DATA, "congress_twitter_117/congress.edgelist"), create_using=nx.DiGraph
    )
    hubs, authorities = nx.hits(G, max_iter=100000, tol=0, nstart=dict.fromkeys(G, 1.0))
    write_values(
        "congress.tsv",
        {
            "pagerank": converged_pagerank(G),
            "pagerankNetworkxDefault": nx.pagerank(G, weight="weight"),
            "pagerankPersonalized": nx.pagerank(
                G,
                alpha=0.85,
                tol=1e-12,
                max_iter=10000,
                weight="weight",
                personalization=PERSONALIZATION,
            ),
            "betweenness": nx.betweenness_centrality(G),
            "betweennessWeighted": nx.betweenness_centrality(with_lengths(G), weight="length"),
            "hubs": hubs,
            "authorities": authorities,
        },
    )


def higgs_reply():
    G = nx.read_weighted_edgelist(
        os.path.join(DATA, "higgs_twitter/higgs-reply_network.edgelist.gz"),
        create_using=nx.DiGraph,
    )
    pagerank = converged_pagerank(G)
    default = nx.pagerank(G, weight="weight")
    gap = sum(abs(default[v] - pagerank[v]) for v in G)
    worst = max(abs(default[v] - pagerank[v]) for v in G)
    top = [sorted(G, key=lambda v: -ranks[v])[:10] for ranks in (default, pagerank)]
    print(
        f"higgs reply: networkx default vs converged PageRank: L1 {gap:.3g}, max {worst:.3g}, "
        f"same top 10: {top[0] == top[1]}",
        file=sys.stderr,
    )
    U = G.to_undirected()
    U.remove_edges_from(list(nx.selfloop_edges(U)))
    write_values(
        "higgs-reply.tsv.gz",
        {"pagerank": pagerank, "coreness": nx.core_number(U)},
        digits=12,
    )


def random_directed():
    """A seeded random directed graph with integer weights: its edges, and reference values."""
    rng = random.Random(7)
    G = nx.DiGraph()
    G.add_nodes_from(str(i) for i in range(60))
    while G.number_of_edges() < 240:
        s, t = rng.randrange(60), rng.randrange(60)
        if s != t:
            G.add_edge(str(s), str(t), weight=rng.randint(1, 5))
    write(
        "random-directed-edges.tsv",
        ["source", "target", "weight"],
        [[s, t, d["weight"]] for s, t, d in G.edges(data=True)],
    )
    write_values(
        "random-directed.tsv",
        {
            "betweenness": nx.betweenness_centrality(G),
            "betweennessWeighted": nx.betweenness_centrality(with_lengths(G), weight="length"),
        },
    )


karate()
congress()
higgs_reply()
random_directed()
