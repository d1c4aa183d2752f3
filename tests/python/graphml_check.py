"""Loads a GraphML export with networkx and prints what it read, as JSON.

Usage: graphml_check.py FILE.graphml
"""

import json
import sys

import networkx

NODE_FIELDS = ("label", "kind", "name_en", "name_ar", "name_fr", "aliases",
               "lifetime_start", "lifetime_end", "description")
EDGE_FIELDS = ("kind", "start", "end", "start_first", "start_last", "end_first",
               "end_last", "negated", "timeless", "status", "certainty", "claimed_by", "disputed_by",
               "place", "event", "summary", "evidence", "symmetric")


def main(path):
    graph = networkx.read_graphml(path, force_multigraph=True)
    print(json.dumps({
        "directed": graph.is_directed(),
        "multigraph": graph.is_multigraph(),
        "nodes": {node: {f: data.get(f) for f in NODE_FIELDS}
                  for node, data in graph.nodes(data=True)},
        "edges": [dict(id=key, source=u, target=v, **{f: data.get(f) for f in EDGE_FIELDS})
                  for u, v, key, data in graph.edges(keys=True, data=True)],
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
