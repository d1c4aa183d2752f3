"""Loads an export with the tool people load it with and rebuilds, from what that tool read,
every entity, relation and source in the shape of actorgraph's JSON (relations.json), printed
as JSON, so that tests/it/exchange.rs can compare them field by field with `export json`.

Usage: roundtrip.py FORMAT PATH
  graphml, gexf  networkx (its reader with only the refusal of mixed graphs lifted: a
                 symmetric relation is an undirected edge; "directed" says what each edge was)
  turtle         pyoxigraph (every triple), checked against rdflib's triple count
  kuzu           the kuzu package, running the export's load.cypher in a new database
  csv, neo4j     Python's csv module (neo4j: arrays split on "|" as neo4j-admin does; the
                 evidence from the Evidence nodes and their CITES, the sources from sources.csv;
                 gexf: the sources from the edges' `sources`)

Each relation: id, kind, source, target, start, end, negated, timeless, status, claimed_by,
disputed_by, place, event, casualties, summary, evidence, directed (null where the format has
no per-edge direction), and for kuzu certainty (for a selection made for a date). Each entity: id, kind, names {en, ar, fr}, aliases, lifetime {start,
end}, description. Absent values are null, empty lists [], booleans false.
"""

import csv
import json
import os
import sys
import tempfile

ENTITY_FIELDS = ("name_en", "name_ar", "name_fr", "description")


def entity(id, kind, names, aliases, start, end, description):
    return {"id": id, "kind": kind, "names": names, "aliases": aliases,
            "lifetime": {"start": start, "end": end}, "description": description}


def relation(**fields):
    base = {"start": None, "end": None, "negated": False, "timeless": False,
            "status": "asserted", "claimed_by": [], "disputed_by": [], "place": None,
            "event": None, "casualties": [], "evidence": [], "directed": None}
    base.update({k: v for k, v in fields.items() if v is not None})
    return base


def js(text):
    """A JSON list cell: empty is []."""
    return json.loads(text) if text else []


def empty(value):
    return None if value in ("", None) else value


def names_of(get):
    return {lang: empty(get(f"name_{lang}")) for lang in ("en", "ar", "fr")}


# --- GraphML and GEXF, through networkx --------------------------------------------------

def networkx_graph(fmt, path):
    import networkx
    from networkx.readwrite import gexf, graphml

    direction = {}
    if fmt == "graphml":
        class Reader(graphml.GraphMLReader):
            def add_edge(self, G, element, keys):
                direction[element.get("id")] = element.get("directed", "true") == "true"
                element.attrib.pop("directed", None)
                super().add_edge(G, element, keys)
        reader = Reader(edge_key_type=str, force_multigraph=True)
        graph = list(reader(path=path))[0]
    else:
        class Reader(gexf.GEXFReader):
            def add_edge(self, G, element, attr):
                direction[element.get("id")] = element.get("type", "directed") == "directed"
                element.attrib.pop("type", None)
                super().add_edge(G, element, attr)
        with open(path, "rb") as f:
            graph = Reader(node_type=None, version="1.3")(f)
    return graph, direction


def from_networkx(fmt, path):
    graph, direction = networkx_graph(fmt, path)
    entities = []
    for node, d in graph.nodes(data=True):
        entities.append(entity(node, d.get("kind"), names_of(d.get), js(d.get("aliases")),
                               d.get("lifetime_start"), d.get("lifetime_end"),
                               d.get("description")))
    relations = []
    edges = graph.edges(keys=True, data=True)
    for u, v, key, d in edges:
        id = d.get("id", key)
        relations.append(relation(
            id=id, kind=d.get("kind"), source=u, target=v, start=d.get("start"),
            end=d.get("end"), negated=d.get("negated"), timeless=d.get("timeless"),
            status=d.get("status"), claimed_by=js(d.get("claimed_by")),
            disputed_by=js(d.get("disputed_by")), place=d.get("place"), event=d.get("event"),
            casualties=js(d.get("casualties")), summary=d.get("summary"),
            evidence=js(d.get("evidence")), directed=direction[id],
            holds=d.get("holds"), spells=d.get("spells")))
    if fmt == "graphml":
        sources = js(graph.graph.get("sources"))
    else:
        sources = gexf_sources(graph)
    return entities, relations, sources


def gexf_sources(graph):
    """The documents the edges' `sources` attributes list, each once (first seen first); each
    edge must list exactly the documents its evidence cites, and a document the same way on
    every edge."""
    documents = {}
    for _, _, d in graph.edges(data=True):
        listed = js(d.get("sources"))
        cited = list(dict.fromkeys(span["document"] for span in js(d.get("evidence"))))
        if [s["document"] for s in listed] != cited:
            sys.exit(f"edge {d.get('id')}: sources {listed} for evidence citing {cited}")
        for source in listed:
            if documents.setdefault(source["document"], source) != source:
                sys.exit(f"source {source['document']} differs between edges")
    return list(documents.values())


# --- Turtle, through pyoxigraph (rdflib must read as many triples) ------------------------

def from_turtle(path):
    import pyoxigraph
    import rdflib

    store = pyoxigraph.Store()
    with open(path, "rb") as f:
        store.load(f, pyoxigraph.RdfFormat.TURTLE)
    checked = rdflib.Graph()
    checked.parse(path, format="turtle")
    if len(checked) != len(store):
        sys.exit(f"rdflib read {len(checked)} triples, pyoxigraph {len(store)}")
    subjects = {}
    for quad in store:
        props = subjects.setdefault(quad.subject.value, {})
        props.setdefault(quad.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], []).append(
            quad.object)
    ident = {s: p["id"][0].value for s, p in subjects.items() if "id" in p}

    def one(props, name, convert=lambda t: t.value):
        values = props.get(name, [])
        return convert(values[0]) if values else None

    def date(props, side):
        exact = one(props, side)
        if exact is not None:
            return exact
        low, high = one(props, side + "NotBefore"), one(props, side + "NotAfter")
        if low is None and high is None:
            return None
        return f"[{low or ''}..{high or ''}]"

    def numbered(iris):
        return sorted(iris, key=lambda t: int(t.value.rsplit("-", 1)[1]))

    entities, relations = [], []
    for s, p in subjects.items():
        types = {t.value.rsplit("#", 1)[-1] for t in p.get("type", [])}
        if "Entity" in types:
            labels = {l.language: l.value for l in p.get("label", [])}
            kind = next(t for t in types if t != "Entity")
            snake = "".join("_" + c.lower() if c.isupper() else c for c in kind).lstrip("_")
            entities.append(entity(
                ident[s], snake, {lang: labels.get(lang) for lang in ("en", "ar", "fr")},
                sorted(l.value for l in p.get("altLabel", [])), date(p, "start"),
                date(p, "end"), one(p, "comment")))
        elif "Relation" in types:
            casualties = []
            for node in numbered(p.get("casualties", [])):
                c = subjects[node.value]
                toll = {"side": one(c, "side", lambda t: ident[t.value]), "who": one(c, "who"),
                        "outcome": one(c, "outcome"), "min": one(c, "min", lambda t: int(t.value)),
                        "max": one(c, "max", lambda t: int(t.value))}
                casualties.append({k: v for k, v in toll.items() if v is not None})
            evidence = []
            for node in numbered(p.get("evidence", [])):
                e = subjects[node.value]
                span = {"document": one(e, "document"),
                        "start_byte": one(e, "startByte", lambda t: int(t.value)),
                        "end_byte": one(e, "endByte", lambda t: int(t.value)),
                        "row": one(e, "row", lambda t: int(t.value))}
                source = subjects[one(e, "source")]
                if one(source, "document") != span["document"]:
                    sys.exit(f"evidence {node.value} cites another source than its document")
                evidence.append({k: v for k, v in span.items() if v is not None})
            who = lambda name: sorted(ident[t.value] for t in p.get(name, []))
            relations.append(relation(
                id=ident[s], kind=one(p, "kind"), source=ident[one(p, "source")],
                target=ident[one(p, "target")], start=date(p, "start"), end=date(p, "end"),
                negated=one(p, "negated") == "true", timeless=one(p, "timeless") == "true",
                status=one(p, "status"), claimed_by=who("claimedBy"),
                disputed_by=who("disputedBy"),
                place=one(p, "place", lambda t: ident[t.value]), event=one(p, "event"),
                casualties=casualties, summary=one(p, "summary"), evidence=evidence))
    sources = []
    for s, p in subjects.items():
        if any(t.value.endswith("#Source") for t in p.get("type", [])):
            source = {"document": one(p, "document"), "kind": one(p, "kind"),
                      "language": one(p, "language"), "sha256": one(p, "sha256"),
                      "description": one(p, "comment")}
            sources.append(source)
    return entities, relations, sources


# --- Kùzu ---------------------------------------------------------------------------------

def from_kuzu(folder):
    import kuzu

    with tempfile.TemporaryDirectory() as scratch:
        db = kuzu.Database(os.path.join(scratch, "db"))
        conn = kuzu.Connection(db)
        here = os.getcwd()
        os.chdir(folder)
        try:
            with open("load.cypher", encoding="utf-8") as f:
                for statement in f.read().split(";\n"):
                    if statement.strip():
                        conn.execute(statement)
        finally:
            os.chdir(here)
        return read_kuzu(conn)


def rows(conn, query):
    result = conn.execute(query)
    names = result.get_column_names()
    out = []
    while result.has_next():
        out.append(dict(zip(names, result.get_next())))
    return out


def read_kuzu(conn):
    aliases = {}
    for r in rows(conn, "MATCH (e:Entity)-[:HAS_ALIAS]->(a:Alias) "
                        "RETURN e.id AS id, a.alias AS alias ORDER BY e.id, a.position"):
        aliases.setdefault(r["id"], []).append(r["alias"])
    entities = [entity(e["id"], e["kind"], {l: e[f"name_{l}"] for l in ("en", "ar", "fr")},
                       aliases.get(e["id"], []), e["lifetime_start"], e["lifetime_end"],
                       e["description"])
                for e in (r["e"] for r in rows(conn, "MATCH (e:Entity) RETURN e"))]
    roles = {}
    for r in rows(conn, "MATCH (r:Relation)-[x:ROLE]->(e:Entity) RETURN r.id AS id, "
                        "x.role AS role, e.id AS who ORDER BY r.id, x.role, x.position"):
        roles.setdefault(r["id"], {}).setdefault(r["role"], []).append(r["who"])
    evidence = {}
    for r in rows(conn, "MATCH (r:Relation)-[:HAS_EVIDENCE]->(e:Evidence)-[:CITES]->(s:Source) "
                        "RETURN r.id AS id, e AS e, s.document AS source "
                        "ORDER BY r.id, e.position"):
        e = r["e"]
        if r["source"] != e["document"]:
            sys.exit(f"evidence {e['key']} cites another source than its document")
        span = {"document": e["document"], "start_byte": e["start_byte"],
                "end_byte": e["end_byte"], "row": e["row"]}
        evidence.setdefault(r["id"], []).append({k: v for k, v in span.items() if v is not None})
    casualties = {}
    for r in rows(conn, "MATCH (r:Relation)-[:HAS_CASUALTIES]->(c:Casualties) "
                        "OPTIONAL MATCH (c)-[:SIDE]->(s:Entity) "
                        "RETURN r.id AS id, c AS c, s.id AS side ORDER BY r.id, c.position"):
        c = r["c"]
        toll = {"side": r["side"], "who": c["who"], "outcome": c["outcome"], "min": c["min"],
                "max": c["max"]}
        casualties.setdefault(r["id"], []).append({k: v for k, v in toll.items() if v is not None})
    links = {r["id"]: (r["a"], r["b"]) for r in rows(
        conn, "MATCH (a:Entity)-[l:LINKS]->(b:Entity) RETURN l.relation AS id, a.id AS a, b.id AS b")}
    relations = []
    for r in (x["r"] for x in rows(conn, "MATCH (r:Relation) RETURN r")):
        role = roles.get(r["id"], {})
        if links[r["id"]] != (role["source"][0], role["target"][0]):
            sys.exit(f"LINKS edge of {r['id']} does not join its source and target")
        relations.append(relation(
            id=r["id"], kind=r["kind"], source=role["source"][0], target=role["target"][0],
            start=r["start"], end=r["end"], negated=r["negated"], timeless=r["timeless"],
            status=r["status"], claimed_by=role.get("claimed_by", []),
            disputed_by=role.get("disputed_by", []), place=role.get("place", [None])[0],
            event=r["event"], casualties=casualties.get(r["id"], []), summary=r["summary"],
            evidence=evidence.get(r["id"], []), certainty=r["certainty"]))
    sources = [s["s"] for s in rows(conn, "MATCH (s:Source) RETURN s")]
    sources = [{k: s[k] for k in ("document", "kind", "language", "sha256", "description")}
               for s in sources]
    return entities, relations, sources


# --- CSV and Neo4j, through the csv module ------------------------------------------------

def table(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def unguarded(cell):
    """A CSV export cell without the apostrophe that guards a formula (see src/export/csv.rs)."""
    if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return cell[1:]
    return cell


def from_csv(folder):
    nodes = [{k: unguarded(v) for k, v in r.items()} for r in table(f"{folder}/nodes.csv")]
    rels = [{k: unguarded(v) for k, v in r.items()} for r in table(f"{folder}/relations.csv")]
    entities = [entity(n["id"], n["kind"], names_of(n.get), js(n["aliases"]),
                       empty(n["lifetime_start"]), empty(n["lifetime_end"]), n["description"])
                for n in nodes]
    relations = [relation(
        id=r["id"], kind=r["kind"], source=r["source"], target=r["target"],
        start=empty(r["start"]), end=empty(r["end"]), negated=r["negated"] == "true",
        timeless=r["timeless"] == "true", status=r["status"], claimed_by=js(r["claimed_by"]),
        disputed_by=js(r["disputed_by"]), place=empty(r["place"]), event=empty(r["event"]),
        casualties=js(r["casualties"]), summary=r["summary"], evidence=js(r["evidence"]))
        for r in rels]
    sources = [{k: unguarded(v) for k, v in r.items()} for r in table(f"{folder}/sources.csv")]
    return entities, relations, sources


def neo4j_evidence(folder):
    """The evidence spans of each relation, from the Evidence nodes (by position), each
    checked to CITE the Source node of its document."""
    documents = {s["document:ID(Source)"] for s in table(f"{folder}/sources.csv")}
    cites = {c[":START_ID(Evidence)"]: c[":END_ID(Source)"] for c in table(f"{folder}/cites.csv")}
    evidence = {}
    for e in table(f"{folder}/evidence.csv"):
        key = e["key:ID(Evidence)"]
        if cites.get(key) != e["document"] or e["document"] not in documents:
            sys.exit(f"evidence {key} does not cite the source of its document")
        span = {"document": e["document"], "start_byte": int(e["start_byte:long"]),
                "end_byte": int(e["end_byte:long"])}
        if e["row:long"]:
            span["row"] = int(e["row:long"])
        spans = evidence.setdefault(e["relation"], [])
        if int(e["position:int"]) != len(spans) + 1 or key != f"{e['relation']}/{len(spans) + 1}":
            sys.exit(f"evidence {key} out of order")
        spans.append(span)
    return evidence


def from_neo4j(folder):
    def array(cell):
        return cell.split("|") if cell else []
    nodes = table(f"{folder}/nodes.csv")
    rels = table(f"{folder}/relationships.csv")
    evidence = neo4j_evidence(folder)
    for r in rels:
        if js(r["evidence"]) != evidence.get(r["id"], []):
            sys.exit(f"relationship {r['id']}: its evidence property and Evidence nodes differ")
    entities = [entity(n["id:ID(Entity)"], n["kind"], names_of(n.get),
                       array(n["aliases:string[]"]), empty(n["lifetime_start"]),
                       empty(n["lifetime_end"]), n["description"])
                for n in nodes]
    relations = [relation(
        id=r["id"], kind=r["kind"], source=r[":START_ID(Entity)"], target=r[":END_ID(Entity)"],
        start=empty(r["start"]), end=empty(r["end"]), negated=r["negated:boolean"] == "true",
        timeless=r["timeless:boolean"] == "true", status=r["status"],
        claimed_by=array(r["claimed_by:string[]"]), disputed_by=array(r["disputed_by:string[]"]),
        place=empty(r["place"]), event=empty(r["event"]), casualties=js(r["casualties"]),
        summary=r["summary"], evidence=evidence.get(r["id"], []))
        for r in rels]
    sources = [{"document": s["document:ID(Source)"], "kind": s["kind"],
                "language": s["language"], "sha256": s["sha256"],
                "description": s["description"]}
               for s in table(f"{folder}/sources.csv")]
    return entities, relations, sources


def main(fmt, path):
    if fmt in ("graphml", "gexf"):
        entities, relations, sources = from_networkx(fmt, path)
    elif fmt == "turtle":
        entities, relations, sources = from_turtle(path)
    elif fmt == "kuzu":
        entities, relations, sources = from_kuzu(path)
    elif fmt == "csv":
        entities, relations, sources = from_csv(path)
    elif fmt == "neo4j":
        entities, relations, sources = from_neo4j(path)
    else:
        sys.exit(f"unknown format {fmt!r}")
    print(json.dumps({"entities": entities, "relations": relations, "sources": sources},
                     ensure_ascii=False, default=str))


if __name__ == "__main__":
    main(*sys.argv[1:])
