"""Loads a GEXF export with networkx, checks its structure with xml.etree, and prints both,
as JSON.

Usage: gexf_check.py FILE.gexf

Structural problems (an edge end that is not a node, a spell date that is not an ISO day, a
spell ending before it starts …) are listed under "problems".
"""

import datetime
import json
import re
import sys
import xml.etree.ElementTree as ET

import networkx

NS = "{http://gexf.net/1.3}"
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def iso_day(text, where, problems):
    if text is None:
        return None
    if not ISO_DAY.match(text):
        problems.append(f"{where}: {text!r} is not an ISO day")
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        problems.append(f"{where}: {text!r} is not a day of the calendar")
        return None


def spells(element, where, problems):
    found = []
    for spell in element.findall(f"{NS}spells/{NS}spell"):
        start, end = spell.get("start"), spell.get("end")
        first = iso_day(start, f"{where} spell start", problems)
        last = iso_day(end, f"{where} spell end", problems)
        if first and last and last < first:
            problems.append(f"{where}: spell ends {end} before it starts {start}")
        found.append([start, end])
    return found


def structure(path):
    problems = []
    root = ET.parse(path).getroot()
    if root.tag != f"{NS}gexf" or root.get("version") != "1.3":
        problems.append(f"root is {root.tag} version {root.get('version')}, not GEXF 1.3")
    graph = root.find(f"{NS}graph")
    if graph.get("mode") != "dynamic" or graph.get("timeformat") != "date":
        problems.append("graph is not mode=dynamic with timeformat=date")
    declared = {}
    for attrs in graph.findall(f"{NS}attributes"):
        declared.setdefault(attrs.get("class"), {}).update(
            {a.get("id"): a.get("type") for a in attrs.findall(f"{NS}attribute")})
    nodes = {}
    for node in graph.findall(f"{NS}nodes/{NS}node"):
        node_id = node.get("id")
        if node_id in nodes:
            problems.append(f"node {node_id} twice")
        nodes[node_id] = {"label": node.get("label"), "spells": spells(node, node_id, problems)}
    edges = []
    ids = set()
    for edge in graph.findall(f"{NS}edges/{NS}edge"):
        edge_id = edge.get("id")
        if edge_id in ids:
            problems.append(f"edge {edge_id} twice")
        ids.add(edge_id)
        for end in ("source", "target"):
            if edge.get(end) not in nodes:
                problems.append(f"edge {edge_id}: {end} {edge.get(end)} is not a node")
        values = {}
        for value in edge.findall(f"{NS}attvalues/{NS}attvalue"):
            if value.get("for") not in declared.get("edge", {}):
                problems.append(f"edge {edge_id}: undeclared attribute {value.get('for')}")
            values[value.get("for")] = value.get("value")
        edges.append({"id": edge_id, "source": edge.get("source"), "target": edge.get("target"),
                      "kind": edge.get("kind"), "spells": spells(edge, edge_id, problems),
                      "attributes": values})
    return {"declared": declared, "nodes": nodes, "edges": edges, "problems": problems}


def main(path):
    graph = networkx.read_gexf(path)
    print(json.dumps({
        "networkx": {
            "directed": graph.is_directed(),
            "mode": graph.graph.get("mode"),
            "nodes": {n: {"kind": d.get("kind"), "name_en": d.get("name_en"),
                          "label": d.get("label")}
                      for n, d in graph.nodes(data=True)},
            "edges": [{"id": d.get("id"), "source": u, "target": v, "kind": d.get("kind"),
                       "negated": d.get("negated"), "status": d.get("status"),
                       "certainty": d.get("certainty"), "spells": d.get("spells"),
                       "holds": d.get("holds")}
                      for u, v, d in graph.edges(data=True)],
        },
        "etree": structure(path),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
