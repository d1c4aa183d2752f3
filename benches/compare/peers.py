#!/usr/bin/env python3
"""The Python side of the side-by-side benchmark: the same questions, on the same generated
files, asked of networkx, rustworkx, python-igraph and Raphtory the way an analyst would
script them.

Each library is one class with the same methods; `benches/compare/run` calls this script:

    peers.py load --peer networkx --data DIR     # load only, report time and peak memory
    peers.py ops  --peer networkx --data DIR     # load, then time every operation

Both print one JSON object. Timing is per call with time.perf_counter_ns, after an untimed
warm-up over the first calls, exactly as benches/timings.rs times actorgraph.

What "holds on day D" means here is what actorgraph calls *possible*: the relation's earliest
possible start is on or before D and its latest possible end on or after D (an undated start is
unbounded, a missing end is open, except for one-off acts which end within their start).
"""

import argparse
import ctypes
import datetime
import gc
import io
import json
import os
import resource
import sys
import time
import warnings

FAR_PAST = -(2**31)
FAR_FUTURE = 2**31 - 1
INSTANTANEOUS = {"attack", "declaration", "denunciation", "interview"}
EPOCH = datetime.date(1970, 1, 1).toordinal()


def first_last(text):
    """The first and last day (days since 1970-01-01) a partial date may denote."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        day = datetime.date(*parts).toordinal() - EPOCH
        return day, day
    if len(parts) == 2:
        year, month = parts
        first = datetime.date(year, month, 1)
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return first.toordinal() - EPOCH, following.toordinal() - EPOCH - 1
    year = parts[0]
    return (
        datetime.date(year, 1, 1).toordinal() - EPOCH,
        datetime.date(year, 12, 31).toordinal() - EPOCH,
    )


def holding_span(relation):
    """(lo, hi): the relation possibly holds on day D when lo <= D <= hi."""
    start, end = relation.get("start"), relation.get("end")
    if end is None and relation["kind"] in INSTANTANEOUS:
        end = start
    lo = first_last(start)[0] if start else FAR_PAST
    hi = first_last(end)[1] if end else FAR_FUTURE
    return lo, hi


def day_of(text):
    return first_last(text)[0]


def read(data):
    """The entities and relations of a graph folder, each relation with its "lo" and "hi"."""
    with open(os.path.join(data, "entities.json"), encoding="utf-8") as f:
        entities = json.load(f)
    with open(os.path.join(data, "relations.json"), encoding="utf-8") as f:
        relations = json.load(f)
    for r in relations:
        r["lo"], r["hi"] = holding_span(r)
    return entities, relations


def dates_label(r):
    start, end = r.get("start"), r.get("end")
    return f"{start or '?'} → {end or ''}"


class NetworkX:
    """networkx MultiDiGraph: nodes are ids, each edge keeps the whole relation dict."""

    name = "networkx"

    def __init__(self, data):
        import networkx as nx

        self.nx = nx
        entities, relations = read(data)
        g = nx.MultiDiGraph()
        g.add_nodes_from((e["id"], e) for e in entities)
        g.add_edges_from((r["source"], r["target"], r["id"], r) for r in relations)
        self.g = g

    def neighbors(self, node, day):
        g = self.g
        found = [v for _, v, d in g.out_edges(node, data=True) if d["lo"] <= day <= d["hi"]]
        found += [u for u, _, d in g.in_edges(node, data=True) if d["lo"] <= day <= d["hi"]]
        return found

    def path(self, a, b, day, max_hops):
        g, nx = self.g, self.nx

        def holds(u, v, k):
            d = g[u][v][k]
            return d["lo"] <= day <= d["hi"]

        view = nx.subgraph_view(g, filter_edge=holds).to_undirected(as_view=True)
        try:
            return len(nx.bidirectional_shortest_path(view, a, b)) - 1
        except nx.NetworkXNoPath:
            return None

    def snapshot(self, day):
        g = self.g
        edges = [(u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d["lo"] <= day <= d["hi"]]
        h = g.edge_subgraph(edges).copy()
        return h.number_of_nodes(), h.number_of_edges()

    def ego_dot(self, center, depth):
        h = self.nx.ego_graph(self.g, center, radius=depth, undirected=True)
        out = io.StringIO()
        self.nx.nx_pydot.write_dot(h, out)
        return h.number_of_nodes(), h.number_of_edges(), len(out.getvalue().encode())


class Rustworkx:
    """rustworkx PyDiGraph(multigraph=True): entity and relation dicts as payloads."""

    name = "rustworkx"

    def __init__(self, data):
        import rustworkx as rx

        self.rx = rx
        entities, relations = read(data)
        g = rx.PyDiGraph(multigraph=True)
        indices = g.add_nodes_from(entities)
        self.index = {e["id"]: i for e, i in zip(entities, indices)}
        g.add_edges_from([(self.index[r["source"]], self.index[r["target"]], r) for r in relations])
        self.g = g

    def neighbors(self, node, day):
        g, n = self.g, self.index[node]
        found = [t for _, t, d in g.out_edges(n) if d["lo"] <= day <= d["hi"]]
        found += [s for s, _, d in g.in_edges(n) if d["lo"] <= day <= d["hi"]]
        return found

    def path(self, a, b, day, max_hops):
        g, a, b = self.g, self.index[a], self.index[b]

        def cost(d):
            return 1.0 if d["lo"] <= day <= d["hi"] else float("inf")

        paths = self.rx.digraph_dijkstra_shortest_paths(g, a, target=b, weight_fn=cost, as_undirected=True)
        if b not in paths:
            return 0 if a == b else None
        nodes = list(paths[b])
        # An infinite cost means the path needs a relation that does not hold that day.
        for u, v in zip(nodes, nodes[1:]):
            edges = list(g.get_all_edge_data(u, v)) if g.has_edge(u, v) else []
            edges += list(g.get_all_edge_data(v, u)) if g.has_edge(v, u) else []
            if not any(cost(d) == 1.0 for d in edges):
                return None
        return len(nodes) - 1

    def snapshot(self, day):
        g = self.g
        kept = [(s, t, d) for s, t, d in g.weighted_edge_list() if d["lo"] <= day <= d["hi"]]
        h = self.rx.PyDiGraph(multigraph=True)
        nodes = {}
        for s, t, _ in kept:
            for n in (s, t):
                if n not in nodes:
                    nodes[n] = h.add_node(g[n])
        h.add_edges_from([(nodes[s], nodes[t], d) for s, t, d in kept])
        return h.num_nodes(), h.num_edges()

    def ego_dot(self, center, depth):
        g = self.g
        reached = {self.index[center]}
        frontier = list(reached)
        for _ in range(depth):
            following = []
            for n in frontier:
                for m in g.neighbors_undirected(n):
                    if m not in reached:
                        reached.add(m)
                        following.append(m)
            frontier = following
        h = g.subgraph(sorted(reached))
        text = h.to_dot(
            node_attr=lambda e: {"label": json.dumps(e["names"].get("en", e["id"]))},
            edge_attr=lambda r: {"label": json.dumps(f"{r['kind']} {dates_label(r)}")},
        )
        return h.num_nodes(), h.num_edges(), len(text.encode())


class Igraph:
    """python-igraph Graph.DictList: every field of the files as a vertex or edge attribute."""

    name = "igraph"

    def __init__(self, data):
        import igraph as ig

        entities, relations = read(data)
        g = ig.Graph.DictList(
            vertices=entities,
            edges=relations,
            directed=True,
            vertex_name_attr="id",
            edge_foreign_keys=("source", "target"),
        )
        self.index = {v: i for i, v in enumerate(g.vs["id"])}
        self.lo, self.hi = g.es["lo"], g.es["hi"]
        self.ends = g.get_edgelist()
        self.g = g

    def neighbors(self, node, day):
        n, lo, hi, ends = self.index[node], self.lo, self.hi, self.ends
        found = []
        for e in self.g.incident(n, mode="all"):
            if lo[e] <= day <= hi[e]:
                s, t = ends[e]
                found.append(t if s == n else s)
        return found

    def path(self, a, b, day, max_hops):
        g = self.g
        holding = g.subgraph_edges(g.es.select(lo_le=day, hi_ge=day), delete_vertices=False)
        edges = holding.get_shortest_path(self.index[a], self.index[b], mode="all", output="epath")
        if not edges and a != b:
            return None
        return len(edges)

    def snapshot(self, day):
        g = self.g
        h = g.subgraph_edges(g.es.select(lo_le=day, hi_ge=day), delete_vertices=True)
        return h.vcount(), h.ecount()

    def ego_dot(self, center, depth):
        g = self.g
        h = g.induced_subgraph(g.neighborhood(self.index[center], order=depth, mode="all"))
        path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"actorgraph-ego-{os.getpid()}.dot")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # evidence lists are not DOT attributes
            h.write_dot(path)
        size = os.path.getsize(path)
        os.remove(path)
        return h.vcount(), h.ecount(), size


class Raphtory:
    """Raphtory PersistentGraph: an edge added at each relation's earliest start and deleted
    the day after its latest end, one layer per relation kind, with the relation id as metadata
    and a constant "hop" weight for Dijkstra; `g.at(day)` views."""

    name = "raphtory"
    distinct_only = True  # neighbours are nodes, not relations

    def __init__(self, data):
        import pandas as pd
        import raphtory
        from raphtory import algorithms

        self.algorithms = algorithms
        _, relations = read(data)
        added = pd.DataFrame(
            {
                "time": [r["lo"] for r in relations],
                "src": [r["source"] for r in relations],
                "dst": [r["target"] for r in relations],
                "layer": [r["kind"] for r in relations],
                "id": [r["id"] for r in relations],
                "hop": [1.0] * len(relations),
            }
        )
        ended = [r for r in relations if r["hi"] != FAR_FUTURE]
        deleted = pd.DataFrame(
            {
                "time": [r["hi"] + 1 for r in ended],
                "src": [r["source"] for r in ended],
                "dst": [r["target"] for r in ended],
                "layer": [r["kind"] for r in ended],
            }
        )
        del relations, ended
        g = raphtory.PersistentGraph()
        g.load_edges(
            added, time="time", src="src", dst="dst", layer_col="layer", properties=["hop"], metadata=["id"]
        )
        g.load_edge_deletions(deleted, time="time", src="src", dst="dst", layer_col="layer")
        self.g = g

    def neighbors(self, node, day):
        view = self.g.at(day).node(node)
        return [] if view is None else list(view.neighbours.name)

    def path(self, a, b, day, max_hops):
        view = self.g.at(day)
        if view.node(a) is None:
            return None
        if view.node(b) is None:
            return None
        # Raphtory 0.17 panics converting any path of more than 256 nodes' graph to Python
        # ("Cannot unify types for list [U16(..), U8(..)]"), in both single_source_shortest_path
        # and Dijkstra: only whether the target was reached can be read, not the length.
        paths = self.algorithms.dijkstra_single_source_shortest_paths(view, a, [b], direction="both", weight="hop")
        return -1 if b in paths.nodes().name else None

    def snapshot(self, day):
        h = self.g.at(day).materialize()
        return h.count_nodes(), h.count_edges()

    ego_dot = None  # Raphtory writes no DOT.


PEERS = {p.name: p for p in (NetworkX, Rustworkx, Igraph, Raphtory)}


def status_bytes(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def release_free_memory():
    """Hands memory freed by the loading (the parsed JSON) back to the system, as
    benches/memory.rs does, so that the resident set after load is what the graph holds."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def load_only(peer, data):
    rss_before = status_bytes("VmRSS")
    started = time.perf_counter()
    graph = PEERS[peer](data)
    seconds = time.perf_counter() - started
    gc.collect()
    release_free_memory()
    result = {
        "load_seconds": seconds,
        "rss_before": rss_before,
        "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "rss_after": status_bytes("VmRSS"),
    }
    del graph
    return result


def stats(times_ns):
    seconds = sorted(t / 1e9 for t in times_ns)
    n = len(seconds)
    median = seconds[n // 2] if n % 2 else (seconds[n // 2 - 1] + seconds[n // 2]) / 2
    return {
        "calls": n,
        "median": median,
        "mean": sum(seconds) / n,
        "p90": seconds[min(n * 9 // 10, n - 1)],
        "max": seconds[-1],
    }


def per_call(items, call, budget):
    """Times call(item) for each item after an untimed warm-up over the first (at most
    1,000); stops early once `budget` seconds have gone. Returns the statistics and the
    answers of the timed calls."""
    for item in items[:1000]:
        call(item)
    times, answers, deadline = [], [], time.perf_counter() + budget
    for item in items:
        started = time.perf_counter_ns()
        answer = call(item)
        times.append(time.perf_counter_ns() - started)
        answers.append(answer)
        if time.perf_counter() > deadline:
            break
    return stats(times), answers


def repeated(rounds, items, call):
    """Times call(item) for each item, `rounds` times over. Returns the statistics and the
    answers of the first round."""
    times, answers = [], []
    for _ in range(rounds):
        for item in items:
            started = time.perf_counter_ns()
            answer = call(item)
            times.append(time.perf_counter_ns() - started)
            answers.append(answer)
    return stats(times), answers[: len(items)]


def run_ops(peer, data, rounds, quick, budget):
    with open(os.path.join(data, "queries.json"), encoding="utf-8") as f:
        work = json.load(f)
    started = time.perf_counter()
    graph = PEERS[peer](data)
    report = {"tool": peer, "load_seconds": time.perf_counter() - started, "ops": {}}
    ops = report["ops"]

    def limit(items, n):
        return items[:n] if quick else items

    for name in ("neighbors_uniform", "neighbors_by_degree"):
        queries = [(node, day_of(date)) for node, date in limit(work[name], 200)]
        timed, answers = per_call(queries, lambda q: graph.neighbors(*q), budget)
        timed["check"] = {
            "relations": sum(len(a) for a in answers),
            "distinct_neighbors": sum(len(set(a)) for a in answers),
            "per_call": [len(a) for a in answers],
            "per_call_distinct": [len(set(a)) for a in answers],
        }
        if getattr(graph, "distinct_only", False):
            del timed["check"]["relations"], timed["check"]["per_call"]
        ops[name] = timed
    max_hops = work["max_hops"]
    paths = [(a, b, day_of(d)) for a, b, d in limit(work["paths"], 10)]
    timed, hops = per_call(paths, lambda q: graph.path(*q, max_hops), budget)
    hops = [h if h is not None and h <= max_hops else None for h in hops]
    found = [h for h in hops if h is not None]
    timed["check"] = {"found": len(found), "total_hops": sum(found), "per_call": hops}
    if any(h == -1 for h in found):  # reached, length unknown
        del timed["check"]["total_hops"]
    ops["shortest_path"] = timed
    days = [day_of(d) for d in work["snapshot_dates"]]
    timed, sizes = repeated(rounds, days, graph.snapshot)
    timed["check"] = {"entities": sum(s[0] for s in sizes), "relations": sum(s[1] for s in sizes)}
    ops["snapshot"] = timed
    if graph.ego_dot is not None:
        center = [(work["ego_center"], work["ego_depth"])]
        timed, answers = repeated(rounds, center, lambda c: graph.ego_dot(*c))
        entities, relations, size = answers[0]
        timed["check"] = {"entities": entities, "relations": relations, "bytes": size}
        ops["ego_dot"] = timed
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["load", "ops"])
    parser.add_argument("--peer", choices=sorted(PEERS), required=True)
    parser.add_argument("--data", required=True, help="a generated graph folder")
    parser.add_argument("--rounds", type=int, default=3, help="repetitions of snapshot and ego")
    parser.add_argument("--budget", type=float, default=120, help="seconds per per-call operation")
    parser.add_argument("--quick", action="store_true", help="a few calls of each")
    args = parser.parse_args()
    if args.mode == "load":
        result = load_only(args.peer, args.data)
    else:
        result = run_ops(args.peer, args.data, args.rounds, args.quick, args.budget)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
