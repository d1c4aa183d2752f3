"""Spark (local) and DuckDB on the comparison's questions, over `export parquet`.

    target/pyenv/bin/python benches/compare/engines.py --size S \\
        --parquet target/bench-data/S.parquet --queries target/bench-data/S/queries.json \\
        --out target/bench-results/S-engines.json [--cores 2] [--calls 200]

Times, per call after a warm-up, the questions of queries.json that both engines ask as
actorgraph does: `neighbors X --at D` (uniform entities), one shortest path at a date
(max_hops of the file) and `snapshot --at D`; and the per-partition cost of a scan (the
relations of one start-year partition, read and filtered), which the SCALING section of
BENCHMARKS.md projects from. Prints and writes JSON: medians and means in seconds.
"""

import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from engines.questions import normalize  # noqa: E402


def timed(engine, questions, warmup):
    """Seconds per call (the first `warmup` calls untimed), and the answers' sizes."""
    for q in questions[:warmup]:
        engine.ask(q)
    seconds, sizes = [], []
    for q in questions:
        started = time.perf_counter()
        answer = engine.ask(q)
        seconds.append(time.perf_counter() - started)
        sizes.append(len(answer) if isinstance(answer, list) else answer["hops"])
    return {
        "calls": len(seconds),
        "median": statistics.median(seconds),
        "mean": statistics.fmean(seconds),
        "sizes": sizes,
    }


def questions_of(queries, calls):
    neighbors = [
        normalize({"question": "neighbors", "entity": e, "at": d, "no_parts": True})
        for e, d in queries["neighbors_uniform"][:calls]
    ]
    paths = [
        normalize(
            {"question": "path", "source": a, "target": b, "at": d,
             "max_hops": queries["max_hops"]}
        )
        for a, b, d in queries["paths"][: max(1, calls // 4)]
    ]
    snapshots = [normalize({"question": "snapshot", "at": d}) for d in queries["snapshot_dates"]]
    return {"neighbors": neighbors, "path": paths, "snapshot": snapshots}


def engine_for(name, folder, cores):
    if name == "duckdb":
        from engines.duckdb import Engine

        return Engine(folder, threads=cores)
    from pyspark.sql import SparkSession

    from engines import spark

    SparkSession.builder.master(f"local[{cores}]").config(
        "spark.driver.memory", "4g"
    ).getOrCreate()
    return spark.Engine(folder, spark=spark.session())


def partition_scan(name, engine, folder):
    """Seconds to read and filter one start-year partition (the largest), and its size."""
    years = sorted(os.listdir(os.path.join(folder, "relations")))
    biggest = max(
        years,
        key=lambda y: sum(
            os.path.getsize(os.path.join(folder, "relations", y, f))
            for f in os.listdir(os.path.join(folder, "relations", y))
        ),
    )
    path = os.path.join(folder, "relations", biggest)
    size = sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        if name == "duckdb":
            rows = engine.db.execute(
                f"SELECT count(*) FROM read_parquet('{path}/*.parquet') "
                "WHERE start_latest <= DATE '2024-01-01'"
            ).fetchone()[0]
        else:
            from pyspark.sql import functions as F

            rows = (
                engine.spark.read.parquet(path)
                .filter(F.col("start_latest") <= F.lit("2024-01-01").cast("date"))
                .count()
            )
        runs.append(time.perf_counter() - started)
    return {"partition": biggest, "bytes": size, "rows": rows, "seconds": statistics.median(runs)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", required=True)
    parser.add_argument("--parquet", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--engines", default="duckdb,spark")
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    with open(args.queries, encoding="utf-8") as f:
        questions = questions_of(json.load(f), args.calls)
    results = {"size": args.size, "cores": args.cores}
    for name in args.engines.split(","):
        started = time.perf_counter()
        engine = engine_for(name, args.parquet, args.cores)
        results[name] = {"start_seconds": time.perf_counter() - started}
        for kind, qs in questions.items():
            results[name][kind] = timed(engine, qs, warmup=min(10, len(qs) // 5))
            print(name, kind, results[name][kind]["median"], file=sys.stderr)
        results[name]["partition_scan"] = partition_scan(name, engine, args.parquet)
        engine.close()
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)
    json.dump({k: v for k, v in results.items()}, sys.stdout, indent=1, default=str)


if __name__ == "__main__":
    main()
