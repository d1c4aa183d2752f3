#!/usr/bin/env python3
"""Scores `actorgraph extract` on a seed text against the hand-built graph (EXTRACT.md).

    cargo run --release -- extract ../shared/seeds/DOC --json > cands.json
    python3 benches/extract/score.py graph-data/azawad cands.json
    python3 benches/extract/score.py GRAPH_DIR cands.json EXPECTED.json   # held-out texts

A candidate matches a relation of the graph when the kinds agree, the negation agrees, the
ends agree (in either order for symmetric kinds; an end may be the other's part through
armed_force_of), and the dates are compatible (their day intervals overlap; a missing date
is compatible with any). Recall: relations citing the document that some candidate matches.
Precision (automatic): candidates that match some relation of the graph; the others are
listed for reading.
"""
import calendar
import json
import sys
from datetime import date

SYMMETRIC = {"alliance", "conflict", "ceasefire", "negotiation", "agreement", "borders"}


def bounds(text):
    """Earliest and latest day of a partial date or EDTF bound, as ordinals."""
    if text is None:
        return (-10**9, 10**9)
    if text.startswith("["):
        lo, hi = text[1:-1].split("..")
        return (bounds(lo)[0] if lo else -10**9, bounds(hi)[1] if hi else 10**9)
    parts = [int(p) for p in text.split("-")]
    y = parts[0]
    m1, m2 = (parts[1], parts[1]) if len(parts) > 1 else (1, 12)
    d1 = parts[2] if len(parts) > 2 else 1
    d2 = parts[2] if len(parts) > 2 else calendar.monthrange(y, m2)[1]
    return (date(y, m1, d1).toordinal(), date(y, m2, d2).toordinal())


def span(start, end, instantaneous):
    """The days a relation may cover: from its earliest start to its latest end."""
    lo = bounds(start)[0] if start else -10**9
    if end:
        hi = bounds(end)[1]
    elif instantaneous and start:
        hi = bounds(start)[1]
    else:
        hi = 10**9
    return (lo, hi)


def main():
    graph_dir, cands_file = sys.argv[1], sys.argv[2]
    # A third argument: the relations annotated by hand for held-out texts
    # (tests/fixtures/extract-heldout/expected.json), in the graph's relation format.
    expected = sys.argv[3] if len(sys.argv) > 3 else f"{graph_dir}/relations.json"
    relations = json.load(open(expected))
    found = json.load(open(cands_file))
    doc = found["document"]
    parts = {}
    # A state's armed forces are read from the graph itself too: held-out annotations list
    # only what the texts state, the graph holds which force is whose.
    graph_relations = json.load(open(f"{graph_dir}/relations.json"))
    for r in relations + graph_relations:
        if r["kind"] == "armed_force_of":
            parts.setdefault(r["target"], set()).add(r["source"])
    def same(a, b):
        return a == b or b in parts.get(a, ()) or a in parts.get(b, ())
    inst = {"attack", "declaration", "denunciation", "interview"}
    def matches(c, r):
        if c["kind"] != r["kind"] or bool(c["negated"]) != bool(r.get("negated", False)):
            return False
        s, t = c["source"], c["target"]
        if not isinstance(s, str) or not isinstance(t, str):
            return False
        ends = same(s, r["source"]) and same(t, r["target"])
        if r["kind"] in SYMMETRIC:
            ends = ends or (same(s, r["target"]) and same(t, r["source"]))
        if not ends:
            return False
        a = span(c["start"], c["end"], c["kind"] in inst)
        b = span(r.get("start"), r.get("end"), r["kind"] in inst)
        return a[0] <= b[1] and b[0] <= a[1]
    def cites(r):
        return r.get("document") == doc or any(e["document"] == doc for e in r.get("evidence", []))
    gold = [r for r in relations if cites(r)]
    found_gold = [r for r in gold if any(matches(c, r) for c in found["candidates"])]
    correct = [c for c in found["candidates"] if any(matches(c, r) for r in gold)]
    print(f"{doc}: {len(gold)} relations cite it, {len(found_gold)} found "
          f"(recall {len(found_gold) / max(len(gold), 1):.0%}); "
          f"{len(found['candidates'])} candidates, {len(correct)} match the graph "
          f"(precision {len(correct) / max(len(found['candidates']), 1):.0%})")
    print("found:", " ".join(r["id"] for r in found_gold))
    print("missed:")
    for r in gold:
        if r not in found_gold:
            print(f"  {r['id']} ({r['kind']} {r['source']} {r['target']})")
    print("candidates matching no relation (to read):")
    for c in found["candidates"]:
        if c not in correct:
            print(f"  {c['id']} {c['rule']}")


if __name__ == "__main__":
    main()
