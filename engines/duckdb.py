"""actorgraph's questions as DuckDB SQL over a Parquet export.

    python -m engines.duckdb DIR neighbors mnla --at 2012-06 --json

or, from Python:

    from engines.duckdb import Engine
    engine = Engine("graph.parquet")
    engine.ask({"question": "neighbors", "entity": "mnla", "at": "2012-06"})

Each question is one SQL statement (the path, one statement per hop of its frontier), over
the views `relations` (with each relation's bounds as day numbers: sf, sl, ef, el) and
`entities`. The semantics are actorgraph's (src/query/): see engines/questions.py.
"""

import duckdb

from . import cli
from .questions import DAY_MAX, DAY_MIN, period, start_year_limit

RELATIONS_VIEW = """
CREATE OR REPLACE VIEW relations AS
SELECT *,
  coalesce(start_earliest - DATE '1970-01-01', {min}) AS sf,
  coalesce(start_latest - DATE '1970-01-01', {max}) AS sl,
  CASE WHEN end_earliest IS NOT NULL THEN end_earliest - DATE '1970-01-01'
       WHEN end_latest IS NULL THEN {max} ELSE {min} END AS ef,
  coalesce(end_latest - DATE '1970-01-01', {max}) AS el
FROM read_parquet($relations, hive_partitioning = true)
"""


def during_sql(span, certain_only):
    """The certainty (text) a dated relation holds with over `span`, or NULL: Bounds::during,
    then --certain."""
    pf, pl = span
    possible = "NULL" if certain_only else "'possible'"
    return (
        f"CASE WHEN sf > {pl} OR {pf} > el THEN NULL "
        f"WHEN sl <= {pf} AND {pl} <= ef THEN 'certain' ELSE {possible} END"
    )


def certainty_sql(q, span):
    """The certainty a relation holds with in the question's period (Filter::certainty and
    certainty_undated); NULL when it is not admitted. 'none' without a period."""
    if span is None:
        return "'none'"
    pf, pl = span
    timeless = "'certain'" if q["timeless"] else "NULL"
    undated_ok = q["include_undated"] and not q["certain"] and not q["known"]
    undated = "'possible'" if undated_ok else "NULL"
    known = f"NOT (sl <= {pl} AND {pf} <= ef)" if q["known"] else "FALSE"
    return (
        f"CASE WHEN undated THEN (CASE WHEN timeless THEN {timeless} ELSE {undated} END) "
        f"WHEN {known} THEN NULL ELSE ({during_sql(span, q['certain'])}) END"
    )


def fields_sql(q):
    """Kinds, statuses and negation (Filter::admit_fields), as a condition."""
    conditions = ["TRUE"]
    if q["kinds"]:
        conditions.append("list_contains($kinds, kind)")
    if q["statuses"]:
        conditions.append("list_contains($statuses, status)")
    if q["positive_only"]:
        conditions.append("NOT negated")
    return " AND ".join(conditions)


def admitted_sql(q, span):
    """The relations a question's filter admits, with their certainty (a subquery)."""
    limit = start_year_limit(span)
    prune = f"start_year <= {limit}" if limit is not None else "TRUE"
    return (
        f"(SELECT * FROM (SELECT *, {certainty_sql(q, span)} AS certainty FROM relations "
        f"WHERE {prune} AND {fields_sql(q)}) WHERE certainty IS NOT NULL)"
    )


def group_sql(name, with_parts):
    """The entity bound to `$name` and, with parts, its parts (parts.rs): the sources of its
    armed_force_of relations that are not negated."""
    if not with_parts:
        return f"(SELECT ${name} AS member)"
    return (
        f"(SELECT ${name} AS member UNION SELECT source FROM relations "
        f"WHERE kind = 'armed_force_of' AND NOT negated AND target = ${name} "
        f"AND source <> ${name})"
    )


class Engine:
    """A DuckDB connection on a Parquet export folder."""

    def __init__(self, folder, threads=None):
        self.db = duckdb.connect()
        if threads:
            self.db.execute(f"SET threads = {int(threads)}")
        relations = f"{folder}/relations/*/*.parquet"
        sql = RELATIONS_VIEW.format(min=DAY_MIN, max=DAY_MAX).replace(
            "$relations", duckdb_string(relations)
        )
        self.db.execute(sql)
        self.db.execute(
            "CREATE OR REPLACE VIEW entities AS SELECT * FROM read_parquet("
            + duckdb_string(f"{folder}/entities.parquet")
            + ")"
        )

    def close(self):
        self.db.close()

    def run(self, sql, params=None):
        """Executes `sql` with those of `params` it names."""
        used = {k: v for k, v in (params or {}).items() if f"${k}" in sql}
        return self.db.execute(sql, used)

    def rows(self, sql, params):
        return self.run(sql, params).fetchall()

    def ask(self, q):
        """The answer to a normalized question (see engines/questions.py)."""
        return getattr(self, q["question"])(q)

    def params(self, q):
        return {"kinds": q["kinds"], "statuses": q["statuses"]}

    def neighbors(self, q):
        group = group_sql("e", not q["no_parts"])
        parties = (
            "AND other IN (SELECT id FROM entities WHERE is_party)" if q["parties_only"] else ""
        )
        sql = f"""
        WITH grp AS {group},
        near AS (
          SELECT id, source, target, certainty,
            CASE WHEN source = $e OR target = $e THEN $e
                 WHEN source IN (SELECT member FROM grp) THEN source ELSE target END AS near
          FROM {admitted_sql(q, period(q))} r
          WHERE source IN (SELECT member FROM grp) OR target IN (SELECT member FROM grp))
        SELECT id, other, certainty, part FROM (
          SELECT id, CASE WHEN source = near THEN target ELSE source END AS other, certainty,
                 CASE WHEN near <> $e THEN near END AS part FROM near)
        WHERE TRUE {parties}
        """
        rows = self.rows(sql, {**self.params(q), "e": q["entity"]})
        return cli.neighbor_rows(rows)

    def relations(self, q):
        names = {f"w{i}": e for i, e in enumerate(q["with"])}
        with_parts = not q["no_parts"]
        ctes = [f"g{i} AS {group_sql(f'w{i}', with_parts)}" for i in range(len(names))]
        touches = [
            f"(source IN (SELECT member FROM g{i}) OR target IN (SELECT member FROM g{i}))"
            for i in range(len(names))
        ]
        if len(names) == 1:
            touches = [f"(place = $w0 OR {touches[0]})"]
        where = " AND ".join(touches) if touches else "TRUE"
        head = f"WITH {', '.join(ctes)} " if ctes else ""
        sql = f"{head}SELECT id, certainty FROM {admitted_sql(q, period(q))} r WHERE {where}"
        rows = self.rows(sql, {**self.params(q), **names})
        return cli.relation_rows(rows)

    def snapshot(self, q):
        return self.relations({**q, "with": []})

    def diff(self, q):
        spans = [period({"at": d}) for d in (q["first"], q["second"])]
        before, after = (during_sql(s, q["certain"]) for s in spans)
        untimed = {**q, "certain": False}
        sql = f"""
        SELECT id, before, after FROM (
          SELECT id, {before} AS before, {after} AS after FROM {admitted_sql(untimed, None)} r)
        WHERE before IS DISTINCT FROM after
        """
        return cli.diff_rows(self.rows(sql, self.params(q)))

    def path(self, q):
        """Breadth-first by frontier joins: each hop one statement over the admitted relations
        (followed either way), keeping the entities reached; the hop that reaches the target
        is the length of a shortest path (shortest_paths' first path)."""
        a, b = q["source"], q["target"]
        if a == b:
            return cli.path_answer(0)
        admitted = admitted_sql(q, period(q))
        self.run(
            f"CREATE OR REPLACE TEMP TABLE edges AS "
            f"SELECT source AS here, target AS there FROM {admitted} r "
            f"UNION ALL SELECT target, source FROM {admitted} r",
            self.params(q),
        )
        self.run("CREATE OR REPLACE TEMP TABLE reached AS SELECT $a AS node", {"a": a})
        self.run("CREATE OR REPLACE TEMP TABLE frontier AS SELECT $a AS node", {"a": a})
        for hops in range(1, q["max_hops"] + 1):
            self.run(
                "CREATE OR REPLACE TEMP TABLE frontier AS SELECT DISTINCT e.there AS node "
                "FROM frontier f JOIN edges e ON e.here = f.node "
                "WHERE e.there NOT IN (SELECT node FROM reached)"
            )
            found, size = self.run(
                "SELECT count(*) FILTER (WHERE node = $b), count(*) FROM frontier", {"b": b}
            ).fetchone()
            if found:
                return cli.path_answer(hops)
            if size == 0:
                break
            self.run("INSERT INTO reached SELECT node FROM frontier")
        return cli.path_answer(None)


def duckdb_string(text):
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


if __name__ == "__main__":
    cli.main("duckdb", Engine)
