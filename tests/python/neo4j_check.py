"""Checks a Neo4j export (nodes.csv, relationships.csv, import.cypher) the way
`neo4j-admin database import full --array-delimiter="|"` and Cypher would read it, and prints
what it found, as JSON.

Usage: neo4j_check.py DIR

The header rules of neo4j-admin's import (Operations Manual, "Import", CSV header format):
a field is `name`, `name:type`, `name:type[]` (an array, split on the array delimiter "|")
or a special field `[name]:ID[(group)]`, `:LABEL`, `:START_ID[(group)]`, `:END_ID[(group)]`,
`:TYPE`, `:IGNORE`; types are those neo4j-admin knows (int, long, float, double, boolean,
byte, short, char, string, point, date, localtime, time, localdatetime, datetime, duration);
special fields are never arrays and only :ID may carry a property name; property names are
unique in a file; nodes.csv needs exactly one :ID and no relationship field,
relationships.csv exactly one :START_ID, :END_ID and :TYPE and no :ID or :LABEL; ids must be
unique and every relationship's ends must be node ids; typed cells must parse (booleans true
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
FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<type>[A-Za-z_]+)(?P<array>\[\])?(\([^)]*\))?)?$")
SPECIAL = ("ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE")
NODE_ONLY = ("ID", "LABEL")
RELATIONSHIP_ONLY = ("START_ID", "END_ID", "TYPE")
IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def header(fields, needed, problems, file):
    """The (name, type, is_array) of each header field."""
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
        if kind in SPECIAL and kind != "ID" and match.group("name"):
            problems.append(f"{file}: {field!r}: only :ID may name a property")
        if kind not in SPECIAL or kind == "ID":
            name = match.group("name")
            if name and name in names:
                problems.append(f"{file}: property {name!r} twice in the header")
            names.add(name)
        parsed.append((match.group("name"), kind or "string", bool(match.group("array"))))
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


def table(folder, name, needed, problems):
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        fields = header(next(reader), needed, problems, name)
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


PROPERTY = re.compile(r"(\w+): (\$\d+|\[[^\]]*\]|date\(\$\d+\)|true|false)")


def properties(code, literals):
    """The `key: value` pairs of a statement's map literals, values decoded."""
    def value(text):
        if text in ("true", "false"):
            return text == "true"
        if text.startswith("["):
            return [literals[int(i)] for i in re.findall(r"\$(\d+)", text)]
        return literals[int(re.search(r"\$(\d+)", text).group(1))]
    return {key: value(text) for key, text in PROPERTY.findall(code)}


def compare(what, rows, key, statements, problems):
    """Checks that import.cypher sets the same properties as the CSV rows."""
    if sorted(r[key] for r in rows) != sorted(statements):
        problems.append(f"import.cypher: {what} ids differ from the CSV file's")
        return
    for row in rows:
        cypher = statements[row[key]]
        for field, value in row.items():
            said = cypher.get(field)
            if field == ":LABEL":
                said = ["Entity", said]
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


def main(folder):
    problems = []
    nodes = table(folder, "nodes.csv", ["ID"], problems)
    relationships = table(folder, "relationships.csv", ["START_ID", "END_ID", "TYPE"], problems)
    ids = [n["id"] for n in nodes]
    if len(set(ids)) != len(ids):
        problems.append("nodes.csv: duplicate ids")
    for r in relationships:
        for end in (":START_ID", ":END_ID"):
            if r.get(end) not in ids:
                problems.append(f"relationships.csv {r.get('id')}: {end} {r.get(end)} is not a "
                                "node id")
        if not re.match(r"^[A-Z][A-Z0-9_]*$", r.get(":TYPE") or ""):
            problems.append(f"relationships.csv {r.get('id')}: type {r.get(':TYPE')!r}")
    for n in nodes:
        for label in n.get(":LABEL") or []:
            if not IDENTIFIER.match(label):
                problems.append(f"nodes.csv {n['id']}: label {label!r}")

    with open(os.path.join(folder, "import.cypher"), encoding="utf-8") as f:
        statements = cypher_statements(f.read(), problems)
    cypher_nodes, cypher_relationships = {}, {}
    node = re.compile(r"^MERGE \(n:Entity \{id: \$0\}\) SET n:(\w+), n \+= \{.*\}$")
    relationship = re.compile(r"^MATCH \(a:Entity \{id: \$0\}\), \(b:Entity \{id: \$1\}\) "
                              r"MERGE \(a\)-\[r:(\w+) \{id: \$2\}\]->\(b\) SET r \+= \{.*\}$")
    for code, literals in statements:
        if match := node.match(code):
            cypher_nodes[literals[0]] = dict(properties(code, literals), **{":LABEL": match.group(1)})
        elif match := relationship.match(code):
            cypher_relationships[literals[2]] = dict(
                **{":START_ID": literals[0], ":END_ID": literals[1], ":TYPE": match.group(1)},
                **dict(properties(code, literals), id=literals[2]))
        elif not code.startswith("CREATE CONSTRAINT"):
            problems.append(f"import.cypher: unexpected statement {code[:60]!r}")
    compare("node", nodes, "id", cypher_nodes, problems)
    compare("relationship", relationships, "id", cypher_relationships, problems)
    print(json.dumps({
        "nodes": nodes,
        "relationships": relationships,
        "cypher_nodes": cypher_nodes,
        "cypher_relationships": cypher_relationships,
        "problems": problems,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
