"""Loads a Turtle export into Oxigraph (pyoxigraph) and into rdflib and asks both the same
SPARQL questions, printing the answers as JSON.

Usage:
  turtle_check.py FILE.ttl summary
      triple counts, and per entity and relation what the fixture tests look at
  turtle_check.py FILE.ttl allies ENTITY-ID DATE
      the ids of the entities linked to ENTITY-ID (or to one of its parts, the sources of its
      armed_force_of relations) by an alliance or support relation that is not negated, has
      at least one day bound (undated and timeless relations are left out of time questions)
      and holds at some point of DATE (YYYY, YYYY-MM or YYYY-MM-DD), by the relations'
      earliest start and latest end days, the other end being a party (not a town, region,
      natural area, people or media outlet): what `actorgraph allies ID --at DATE` answers
"""

import calendar
import datetime
import json
import sys

import pyoxigraph
import rdflib

PREFIXES = """
PREFIX ag: <https://actorgraph.example/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

ALLIES = PREFIXES + """
SELECT DISTINCT ?ally WHERE {
  { ?me ag:id "%(id)s" . BIND(?me AS ?whole) } UNION
  { ?whole ag:id "%(id)s" .
    ?part a ag:Relation ; ag:kind "armed_force_of" ; ag:negated false ;
          ag:source ?me ; ag:target ?whole }
  ?r a ag:Relation ; ag:kind ?kind ; ag:negated false .
  FILTER(?kind IN ("alliance", "support"))
  { ?r ag:source ?me ; ag:target ?other } UNION { ?r ag:target ?me ; ag:source ?other }
  FILTER(?other != ?whole)
  FILTER NOT EXISTS {
    ?other a ?class .
    FILTER(?class IN (ag:City, ag:Region, ag:NaturalArea, ag:People, ag:MediaOutlet))
  }
  ?other ag:id ?ally .
  OPTIONAL { ?r ag:startEarliest ?startEarliest }
  OPTIONAL { ?r ag:startLatest ?startLatest }
  OPTIONAL { ?r ag:endEarliest ?endEarliest }
  OPTIONAL { ?r ag:endLatest ?endLatest }
  FILTER(BOUND(?startEarliest) || BOUND(?startLatest) || BOUND(?endEarliest) || BOUND(?endLatest))
  FILTER(!BOUND(?startEarliest) || ?startEarliest <= "%(last)s"^^xsd:date)
  FILTER(!BOUND(?endLatest) || ?endLatest >= "%(first)s"^^xsd:date)
}
"""

RELATIONS = PREFIXES + """
SELECT ?id ?kind ?source ?target ?start ?startType ?end ?endType ?startEarliest ?endLatest
       ?negated ?status (COUNT(?evidence) AS ?spans)
WHERE {
  ?r a ag:Relation ; ag:id ?id ; ag:kind ?kind ; ag:negated ?negated ; ag:status ?status ;
     ag:source/ag:id ?source ; ag:target/ag:id ?target .
  OPTIONAL { ?r ag:start ?start BIND(DATATYPE(?start) AS ?startType) }
  OPTIONAL { ?r ag:end ?end BIND(DATATYPE(?end) AS ?endType) }
  OPTIONAL { ?r ag:startEarliest ?startEarliest }
  OPTIONAL { ?r ag:endLatest ?endLatest }
  OPTIONAL { ?r ag:evidence ?evidence . ?evidence ag:document ?document ;
                ag:startByte ?from ; ag:endByte ?to . FILTER(?from < ?to) }
}
GROUP BY ?id ?kind ?source ?target ?start ?startType ?end ?endType ?startEarliest ?endLatest
         ?negated ?status
ORDER BY ?id
"""

LABELS = PREFIXES + """
SELECT ?id ?label (LANG(?label) AS ?lang) WHERE {
  ?e a ag:Entity ; ag:id ?id ; rdfs:label ?label .
} ORDER BY ?id ?lang
"""


def period(date):
    """The first and last ISO day of a partial date."""
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return f"{year:04}-01-01", f"{year:04}-12-31"
    month = parts[1]
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04}-{month:02}-01", f"{year:04}-{month:02}-{last:02}"
    day = datetime.date(year, month, parts[2]).isoformat()
    return day, day


def term_text(term):
    if isinstance(term, pyoxigraph.Literal):
        return term.value
    return str(term.value)


def main(path, command, *args):
    store = pyoxigraph.Store()
    with open(path, "rb") as f:
        store.load(f, pyoxigraph.RdfFormat.TURTLE)
    graph = rdflib.Graph()
    graph.parse(path, format="turtle")

    def both(query, variables):
        ox = []
        for solution in store.query(query):
            ox.append({v: (term_text(solution[v]) if solution[v] is not None else None)
                       for v in variables})
        rd = []
        for row in graph.query(query):
            rd.append({v: (str(row[v]) if row[v] is not None else None) for v in variables})
        return ox, rd

    if command == "allies":
        entity, date = args
        first, last = period(date)
        ox, rd = both(ALLIES % {"id": entity, "first": first, "last": last}, ["ally"])
        print(json.dumps({"oxigraph": sorted(r["ally"] for r in ox),
                          "rdflib": sorted(r["ally"] for r in rd)}))
    elif command == "summary":
        relation_vars = ["id", "kind", "source", "target", "start", "startType", "end",
                         "endType", "startEarliest", "endLatest", "negated", "status", "spans"]
        ox_rel, rd_rel = both(RELATIONS, relation_vars)
        ox_lab, rd_lab = both(LABELS, ["id", "label", "lang"])
        print(json.dumps({
            "triples": {"oxigraph": len(store), "rdflib": len(graph)},
            "relations": {"oxigraph": ox_rel, "rdflib": rd_rel},
            "labels": {"oxigraph": ox_lab, "rdflib": rd_lab},
        }, ensure_ascii=False))
    else:
        sys.exit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
