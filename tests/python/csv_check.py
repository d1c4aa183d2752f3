"""Reads a CSV export (nodes.csv, relations.csv) back with Python's csv module and prints the
rows, as JSON.

Usage: csv_check.py DIR

"problems" lists cells a spreadsheet would run as a formula: starting with =, +, -, @, tab or
carriage return, not a plain number, and not guarded by a leading apostrophe.
"""

import csv
import json
import os
import re
import sys

NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main(folder):
    problems = []
    tables = {}
    for name in ("nodes.csv", "relations.csv"):
        rows = read(os.path.join(folder, name))
        for i, row in enumerate(rows):
            for column, cell in row.items():
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not NUMBER.match(cell):
                    problems.append(f"{name} row {i + 1} {column}: formula {cell!r}")
        tables[name] = rows
    print(json.dumps({"nodes": tables["nodes.csv"], "relations": tables["relations.csv"],
                      "problems": problems}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
