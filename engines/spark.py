"""actorgraph's questions with the PySpark DataFrame API over a Parquet export.

    python -m engines.spark DIR neighbors mnla --at 2012-06 --json

runs Spark in local mode on this machine; the same module runs unchanged on a cluster:

    spark-submit --master spark://HOST:7077 --py-files engines.zip \\
        engines/spark.py s3a://bucket/graph.parquet batch questions.jsonl

(see README, "Past one machine"). From Python:

    from engines.spark import Engine
    engine = Engine("graph.parquet")          # or Engine(folder, spark=an existing session)
    engine.ask({"question": "snapshot", "at": "2013-01"})

Every question is a DataFrame plan over the relations dataset (partitioned by start year, so
a question about a date reads only the partitions up to its year): a filter with each
relation's certainty as a column expression, and joins. The path is breadth-first by
iterative frontier joins. The semantics are actorgraph's (src/query/): see
engines/questions.py.
"""

import os
import sys

if __package__ in (None, ""):
    # Run as a file (spark-submit engines/spark.py): make the package importable.
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    __package__ = "engines"  # noqa: A001

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402

from engines import cli  # noqa: E402
from engines.questions import DAY_MAX, DAY_MIN, period, start_year_limit  # noqa: E402


def session(app="actorgraph-engines"):
    """A Spark session: the one spark-submit configured, else local mode on every core.

    The Parquet files hold proleptic Gregorian dates (as actorgraph's calendar), so Spark
    reads them as they are (no Julian rebasing). In local mode, shuffles use a few
    partitions, as suits one machine."""
    spark = (
        SparkSession.builder.appName(app)
        .config("spark.sql.parquet.datetimeRebaseModeInRead", "CORRECTED")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    if spark.sparkContext.master.startswith("local"):
        cores = spark.sparkContext.defaultParallelism
        spark.conf.set("spark.sql.shuffle.partitions", str(max(2, 2 * cores)))
    return spark


def days(column):
    """A DATE column as a day number (days since 1970-01-01)."""
    return F.datediff(F.col(column), F.lit("1970-01-01").cast("date")).cast("long")


def with_bounds(relations):
    """The relations with their bounds as day numbers: sf, sl, ef, el (questions.py)."""
    low, high = F.lit(DAY_MIN).cast("long"), F.lit(DAY_MAX).cast("long")
    return (
        relations.withColumn("sf", F.coalesce(days("start_earliest"), low))
        .withColumn("sl", F.coalesce(days("start_latest"), high))
        .withColumn(
            "ef",
            F.when(F.col("end_earliest").isNotNull(), days("end_earliest"))
            .when(F.col("end_latest").isNull(), high)
            .otherwise(low),
        )
        .withColumn("el", F.coalesce(days("end_latest"), high))
    )


def during(span, certain_only):
    """The certainty of a dated relation over `span` (Bounds::during), then --certain."""
    pf, pl = span
    sf, sl, ef, el = (F.col(c) for c in ("sf", "sl", "ef", "el"))
    possible = F.lit(None).cast("string") if certain_only else F.lit("possible")
    return (
        F.when((sf > pl) | (el < pf), F.lit(None).cast("string"))
        .when((sl <= pf) & (ef >= pl), F.lit("certain"))
        .otherwise(possible)
    )


def certainty(q, span):
    """The certainty a relation holds with in the question's period (Filter::certainty and
    certainty_undated), null when not admitted; 'none' without a period."""
    if span is None:
        return F.lit("none")
    pf, pl = span
    null = F.lit(None).cast("string")
    timeless = F.lit("certain") if q["timeless"] else null
    undated_ok = q["include_undated"] and not q["certain"] and not q["known"]
    undated = F.when(F.col("timeless"), timeless).otherwise(
        F.lit("possible") if undated_ok else null
    )
    dated = during(span, q["certain"])
    if q["known"]:
        unknown = ~((F.col("sl") <= pl) & (F.col("ef") >= pf))
        dated = F.when(unknown, null).otherwise(dated)
    return F.when(F.col("undated"), undated).otherwise(dated)


class Engine:
    """A Spark session on a Parquet export folder (local path, hdfs://, s3a://, …)."""

    def __init__(self, folder, spark=None):
        self.spark = spark or session()
        self.table = with_bounds(
            self.spark.read.option("basePath", f"{folder}/relations").parquet(
                f"{folder}/relations"
            )
        )
        self.entities = self.spark.read.parquet(f"{folder}/entities.parquet")
        self._parts = None

    def close(self):
        """Nothing to close: the session outlives the engine (stop it with spark.stop())."""

    def ask(self, q):
        """The answer to a normalized question (see engines/questions.py)."""
        return getattr(self, q["question"])(q)

    def admitted(self, q, span):
        """The relations a question's filter admits, with their certainty."""
        rows = self.table
        limit = start_year_limit(span)
        if limit is not None:
            rows = rows.filter(F.col("start_year") <= limit)
        if q["kinds"]:
            rows = rows.filter(F.col("kind").isin(q["kinds"]))
        if q["statuses"]:
            rows = rows.filter(F.col("status").isin(q["statuses"]))
        if q["positive_only"]:
            rows = rows.filter(~F.col("negated"))
        return rows.withColumn("certainty", certainty(q, span)).filter(
            F.col("certainty").isNotNull()
        )

    def group(self, entity, with_parts):
        """The entity and, with parts, its parts (parts.rs): the sources of its
        armed_force_of relations that are not negated. An actor has a handful."""
        if not with_parts:
            return [entity]
        return [entity] + self.parts().get(entity, [])

    def parts(self):
        """Every actor's parts, by actor, from one job the first time a question needs them
        (one row per actor and armed force of it: a handful per actor), rather than one job
        per question."""
        if self._parts is None:
            rows = (
                self.table.filter(
                    (F.col("kind") == "armed_force_of")
                    & ~F.col("negated")
                    & (F.col("source") != F.col("target"))
                )
                .select("target", "source")
                .distinct()
                .collect()
            )
            self._parts = {}
            for r in rows:
                self._parts.setdefault(r.target, []).append(r.source)
            for sources in self._parts.values():
                sources.sort()
        return self._parts

    def neighbors(self, q):
        e = q["entity"]
        group = self.group(e, not q["no_parts"])
        source, target = F.col("source"), F.col("target")
        rows = self.admitted(q, period(q)).filter(source.isin(group) | target.isin(group))
        near = (
            F.when((source == e) | (target == e), F.lit(e))
            .when(source.isin(group), source)
            .otherwise(target)
        )
        rows = rows.withColumn("near", near).select(
            "id",
            F.when(source == F.col("near"), target).otherwise(source).alias("other"),
            "certainty",
            F.when(F.col("near") != e, F.col("near")).alias("part"),
        )
        if q["parties_only"]:
            parties = self.entities.filter(F.col("is_party")).select(F.col("id").alias("other"))
            rows = rows.join(parties, "other", "left_semi")
        found = rows.select("id", "other", "certainty", "part").collect()
        return cli.neighbor_rows(tuple(r) for r in found)

    def relations_of(self, q):
        rows = self.admitted(q, period(q))
        groups = [self.group(e, not q["no_parts"]) for e in q["with"]]
        source, target = F.col("source"), F.col("target")
        for g in groups:
            rows = rows.filter(source.isin(g) | target.isin(g))
        return rows

    def relations(self, q):
        if len(q["with"]) == 1:
            # One actor: its relations and its parts', and those held at it (a place).
            e = q["with"][0]
            group = self.group(e, not q["no_parts"])
            source, target = F.col("source"), F.col("target")
            rows = self.admitted(q, period(q)).filter(
                (F.col("place") == e) | source.isin(group) | target.isin(group)
            )
        else:
            rows = self.relations_of(q)
        found = rows.select("id", "certainty").collect()
        return cli.relation_rows(tuple(r) for r in found)

    def snapshot(self, q):
        return self.relations({**q, "with": []})

    def diff(self, q):
        spans = [period({"at": d}) for d in (q["first"], q["second"])]
        before, after = (during(s, q["certain"]) for s in spans)
        rows = (
            self.admitted({**q, "certain": False}, None)
            .select("id", before.alias("before"), after.alias("after"))
            .filter(~F.col("before").eqNullSafe(F.col("after")))
        )
        return cli.diff_rows(tuple(r) for r in rows.collect())

    def path(self, q):
        """Breadth-first by iterative frontier joins over the admitted relations (followed
        either way): each hop joins the frontier with the relations and drops the entities
        already reached; the hop that reaches the target is the length of a shortest path."""
        a, b = q["source"], q["target"]
        if a == b:
            return cli.path_answer(0)
        admitted = self.admitted(q, period(q))
        edges = (
            admitted.select(F.col("source").alias("here"), F.col("target").alias("there"))
            .union(admitted.select(F.col("target").alias("here"), F.col("source").alias("there")))
            .cache()
        )
        start = self.spark.createDataFrame([(a,)], "node string")
        reached, frontier = start, start
        kept = [edges]
        try:
            for hops in range(1, q["max_hops"] + 1):
                # One job per hop: the new frontier is cached as the count computes it, and
                # the next hop (and the set reached) builds on the cached rows.
                frontier = (
                    frontier.join(edges, frontier.node == edges.here)
                    .select(F.col("there").alias("node"))
                    .distinct()
                    .join(reached, "node", "left_anti")
                    .cache()
                )
                kept.append(frontier)
                found, size = frontier.agg(
                    F.max((F.col("node") == b).cast("int")), F.count(F.lit(1))
                ).first()
                if found:
                    return cli.path_answer(hops)
                if size == 0:
                    break
                reached = reached.union(frontier)
        finally:
            for frame in kept:
                frame.unpersist()
        return cli.path_answer(None)


if __name__ == "__main__":
    cli.main("spark", Engine)
