"""Reference for the load benchmark: python-igraph reads the same weighted edge list (C parser)."""
import json
import resource
import sys
import time

import igraph

path = sys.argv[1]
start = time.perf_counter()
graph = igraph.Graph.Read_Ncol(path, names=True, weights=True, directed=True)
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "nodes": graph.vcount(), "edges": graph.ecount(), "peakMb": peak_mb}))
