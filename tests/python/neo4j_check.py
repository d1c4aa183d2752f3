"""Checks a Neo4j export (nodes.csv, sources.csv, evidence.csv, relationships.csv, cites.csv,
import.cypher) the way
`neo4j-admin database import full --array-delimiter="|"` and Cypher would read it, and prints
what it found, as JSON.

Usage: neo4j_check.py DIR

The header rules of neo4j-admin's import (Operations Manual, "Import", CSV header format):
a field is `name`, `name:type`, `name:type[]` (an array, split on the array delimiter "|")
or a special field `[name]:ID[(group)]`, `:LABEL`, `:START_ID[(group)]`, `:END_ID[(group)]`,
`:TYPE`, `:IGNORE`; types are those neo4j-admin knows (int, long, float, double, boolean,
byte, short, char, string, point, date, localtime, time, localdatetime, datetime, duration);
special fields are never arrays and only :ID may carry a property name; property names are
unique in a file; a node file needs exactly one :ID and no relationship field,
a relationship file exactly one :START_ID, :END_ID and :TYPE and no :ID or :LABEL; ids must be
unique within their ID space (the group of `:ID(group)`, none for the global space) and every
relationship's ends must be node ids of the space its header names; typed cells must parse (booleans true
or false, dates ISO days); labels and types are identifiers. import.cypher is split into statements and its string
literals decoded, so that its nodes and relationships can be compared with the CSV files.
Every failed check is listed under "problems".
"""

import csv
import datetime
import json
import os
import re
import sys

ARRAY_DELIMITER = "|"
TYPES = ("int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
         "point", "date", "localtime", "time", "localdatetime", "datetime", "duration")
FIELD = re.compile(
    r"^(?P<name>[^:]*)(?::(?P<type>[A-Za-z_]+)(?P<array>\[\])?(?:\((?P<group>[^)]*)\))?)?$")
SPECIAL = ("ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE")
NODE_ONLY = ("ID", "LABEL")
RELATIONSHIP_ONLY = ("START_ID", "END_ID", "TYPE")
IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def header(fields, needed, problems, file, spaces):
    """The (name, type, is_array) of each header field; `spaces` gets the ID space of :ID,
    :START_ID and :END_ID."""
    parsed, names = [], set()
    forbidden = RELATIONSHIP_ONLY if "ID" in needed else NODE_ONLY
    for field in fields:
        match = FIELD.match(field)
        kind = match and match.group("type")
        if not match or (kind and kind not in TYPES and kind not in SPECIAL):
            problems.append(f"{file}: bad header field {field!r}")
            parsed.append((field, "string", False))
            continue
        if kind in SPECIAL and match.group("array"):
            problems.append(f"{file}: {field!r}: {kind} cannot be an array")
        if not kind and not match.group("name"):
            problems.append(f"{file}: header field without a name: {field!r}")
        if kind in forbidden:
            problems.append(f"{file}: {field!r} does not belong in this file")
        if match.group("group") is not None and kind not in ("ID", "START_ID", "END_ID"):
            problems.append(f"{file}: {field!r}: only :ID, :START_ID and :END_ID take an ID space")
        if kind in SPECIAL and kind != "ID" and match.group("name"):
            problems.append(f"{file}: {field!r}: only :ID may name a property")
        if kind not in SPECIAL or kind == "ID":
            name = match.group("name")
            if name and name in names:
                problems.append(f"{file}: property {name!r} twice in the header")
            names.add(name)
        parsed.append((match.group("name"), kind or "string", bool(match.group("array"))))
        if kind in ("ID", "START_ID", "END_ID"):
            spaces[kind] = match.group("group")
    for special in needed:
        count = sum(1 for _, kind, _ in parsed if kind == special)
        if count != 1:
            problems.append(f"{file}: {count} :{special} fields, expected 1")
    return parsed


def typed(value, kind, where, problems):
    if value == "":
        return None
    if kind == "boolean" and value not in ("true", "false"):
        problems.append(f"{where}: boolean {value!r}")
    if kind == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            problems.append(f"{where}: date {value!r}")
    return value


def table(folder, name, needed, problems, spaces=None):
    """The rows of a CSV file of the export ([] and a problem when it is missing)."""
    spaces = {} if spaces is None else spaces
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        problems.append(f"{name}: missing")
        return []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        fields = header(next(reader), needed, problems, name, spaces)
        rows = []
        for number, cells in enumerate(reader, start=2):
            if len(cells) != len(fields):
                problems.append(f"{name} record {number}: {len(cells)} cells, not {len(fields)}")
            row = {}
            for (field, kind, array), cell in zip(fields, cells):
                where = f"{name} record {number} {field or kind}"
                if array or kind == "LABEL":
                    items = cell.split(ARRAY_DELIMITER) if cell else []
                    if any(item == "" for item in items):
                        problems.append(f"{where}: empty element in {cell!r}")
                    value = [typed(item, kind, where, problems) for item in items]
                else:
                    value = typed(cell, kind, where, problems)
                row[field if kind not in SPECIAL or field else ":" + kind] = value
            rows.append(row)
        return rows


def cypher_statements(text, problems):
    """The statements of a Cypher script, each as (text without literals, decoded literals)."""
    escapes = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b",
               "f": "\f"}
    statements, code, literals, i = [], [], [], 0
    while i < len(text):
        c = text[i]
        if c == "/" and text.startswith("//", i):
            i = text.find("\n", i)
            i = len(text) if i < 0 else i
            continue
        if c == "'":
            value, i = [], i + 1
            while True:
                if i >= len(text):
                    problems.append("import.cypher: unterminated string literal")
                    return statements
                c = text[i]
                if c == "\\":
                    e = text[i + 1]
                    if e == "u":
                        value.append(chr(int(text[i + 2:i + 6], 16)))
                        i += 6
                    elif e in escapes:
                        value.append(escapes[e])
                        i += 2
                    else:
                        problems.append(f"import.cypher: unknown escape \\{e}")
                        i += 2
                elif c == "'":
                    i += 1
                    break
                elif c in "\n\r" or ord(c) < 0x20:
                    problems.append(f"import.cypher: raw control character {c!r} in a literal")
                    value.append(c)
                    i += 1
                else:
                    value.append(c)
                    i += 1
            literals.append("".join(value))
            code.append(f"${len(literals) - 1}")
            continue
        if c == ";":
            statements.append(("".join(code).strip(), literals))
            code, literals = [], []
        else:
            code.append(c)
        i += 1
    if "".join(code).strip():
        problems.append("import.cypher: text after the last statement")
    return statements


PROPERTY = re.compile(r"(\w+): (\$\d+|\[[^\]]*\]|date\(\$\d+\)|true|false|-?\d+)")


def properties(code, literals):
    """The `key: value` pairs of a statement's map literals, values decoded."""
    def value(text):
        if text in ("true", "false"):
            return text == "true"
        if re.fullmatch(r"-?\d+", text):
            return text
        if text.startswith("["):
            return [literals[int(i)] for i in re.findall(r"\$(\d+)", text)]
        return literals[int(re.search(r"\$(\d+)", text).group(1))]
    return {key: value(text) for key, text in PROPERTY.findall(code)}


def compare(what, rows, key, statements, problems, label="Entity"):
    """Checks that import.cypher sets the same properties as the CSV rows (whose nodes have
    the label `label`, and for entities the kind's label that the statement sets)."""
    if sorted(r[key] for r in rows) != sorted(statements):
        problems.append(f"import.cypher: {what} ids differ from the CSV file's")
        return
    for row in rows:
        cypher = statements[row[key]]
        for field, value in row.items():
            said = cypher.get(field)
            if field == ":LABEL":
                said = [label, said] if said else [label]
            elif isinstance(said, bool):
                said = "true" if said else "false"
            elif isinstance(said, list):
                said = [v.replace(ARRAY_DELIMITER, "\u00a6") for v in said]
            if value in (None, []) and field not in cypher:
                continue
            if said != value:
                problems.append(f"{what} {row[key]}: {field} is {value!r} in the CSV file "
                                f"but {said!r} in import.cypher")
        for field in cypher:
            if field not in row:
                problems.append(f"{what} {row[key]}: {field} only in import.cypher")


NODE_FILES = ("nodes.csv", "sources.csv", "evidence.csv")
RELATIONSHIP_FILES = ("relationships.csv", "cites.csv")


def main(folder):
    problems = []
    tables, ids = {}, {}
    for name in NODE_FILES:
        spaces = {}
        tables[name] = table(folder, name, ["ID"], problems, spaces)
        key = next((k for k in tables[name][0] if k != ":LABEL"), None) if tables[name] else None
        space = ids.setdefault(spaces.get("ID"), set())
        for n in tables[name]:
            if n[key] in space:
                problems.append(f"{name}: duplicate id {n[key]!r}")
            space.add(n[key])
            for label in n.get(":LABEL") or []:
                if not IDENTIFIER.match(label):
                    problems.append(f"{name} {n[key]}: label {label!r}")
    for name in RELATIONSHIP_FILES:
        spaces = {}
        tables[name] = table(folder, name, ["START_ID", "END_ID", "TYPE"], problems, spaces)
        for number, r in enumerate(tables[name], start=2):
            who = r.get("id") or f"record {number}"
            for end in ("START_ID", "END_ID"):
                if r.get(":" + end) not in ids.get(spaces.get(end), ()):
                    problems.append(f"{name} {who}: :{end} {r.get(':' + end)} is not a node id")
            if not re.match(r"^[A-Z][A-Z0-9_]*$", r.get(":TYPE") or ""):
                problems.append(f"{name} {who}: type {r.get(':TYPE')!r}")

    with open(os.path.join(folder, "import.cypher"), encoding="utf-8") as f:
        statements = cypher_statements(f.read(), problems)
    cypher = {"node": {}, "relationship": {}, "source": {}, "evidence": {}}
    node = re.compile(r"^MERGE \(n:Entity \{id: \$0\}\) SET n:(\w+), n \+= \{.*\}$")
    relationship = re.compile(r"^MATCH \(a:Entity \{id: \$0\}\), \(b:Entity \{id: \$1\}\) "
                              r"MERGE \(a\)-\[r:(\w+) \{id: \$2\}\]->\(b\) SET r \+= \{.*\}$")
    source = re.compile(r"^MERGE \(s:Source \{document: \$0\}\) SET s \+= \{.*\}$")
    evidence = re.compile(r"^MATCH \(s:Source \{document: \$0\}\) MERGE \(e:Evidence "
                          r"\{key: \$1\}\) SET e \+= \{.*\} MERGE \(e\)-\[:CITES\]->\(s\)$")
    for code, literals in statements:
        if match := node.match(code):
            cypher["node"][literals[0]] = dict(properties(code, literals),
                                               **{":LABEL": match.group(1)})
        elif match := relationship.match(code):
            cypher["relationship"][literals[2]] = dict(
                **{":START_ID": literals[0], ":END_ID": literals[1], ":TYPE": match.group(1)},
                **dict(properties(code, literals), id=literals[2]))
        elif source.match(code):
            cypher["source"][literals[0]] = properties(code, literals)
        elif evidence.match(code):
            said = properties(code, literals)
            if said.get("document") != literals[0]:
                problems.append(f"import.cypher: evidence {literals[1]} cites another source")
            cypher["evidence"][literals[1]] = said
        elif not code.startswith("CREATE CONSTRAINT"):
            problems.append(f"import.cypher: unexpected statement {code[:60]!r}")
    compare("node", tables["nodes.csv"], "id", cypher["node"], problems)
    compare("relationship", tables["relationships.csv"], "id", cypher["relationship"], problems)
    compare("source", tables["sources.csv"], "document", cypher["source"], problems, "Source")
    compare("evidence", tables["evidence.csv"], "key", cypher["evidence"], problems, "Evidence")
    cites = {(c[":START_ID"], c[":END_ID"]) for c in tables["cites.csv"]}
    if cites != {(e["key"], e["document"]) for e in tables["evidence.csv"]}:
        problems.append("cites.csv: not one CITES from each evidence node to its document")
    print(json.dumps({
        "nodes": tables["nodes.csv"],
        "relationships": tables["relationships.csv"],
        "sources": tables["sources.csv"],
        "evidence": tables["evidence.csv"],
        "cites": tables["cites.csv"],
        "cypher_nodes": cypher["node"],
        "cypher_relationships": cypher["relationship"],
        "problems": problems,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
