"""actorgraph, Spark (local) and DuckDB side by side on the comparison's questions, over
`export parquet`, in one run.

    target/pyenv/bin/python benches/compare/engines.py --size S \\
        --parquet target/bench-data/S.parquet --queries target/bench-data/S/queries.json \\
        --actorgraph target/release/deps/timings-HASH \\
        --out target/bench-results/S-engines.json [--cores 2] [--calls 200]

Times, per call after a warm-up, the questions of queries.json that the engines ask as
actorgraph does: `neighbors X --at D` (uniform entities; the first `--calls`), one shortest
path at a date (max_hops of the file; the first calls/4) and `snapshot --at D` (the 5 dates).
`--actorgraph` names the benches/timings.rs executable, run first on the same questions
(`--calls`), so that its column comes from the same run. Then, for each engine, the cost of
scans, which the SCALING section of BENCHMARKS.md projects from: one start-year partition
read and filtered, and a full scan of every relations partition filtered as a neighbours
question filters it (`source = X OR target = X`), with the partitions (files and Spark's
input partitions), rows and bytes it reads (the compressed size of the columns a question
reads, from the Parquet footers). Prints and writes JSON: medians and means in seconds, and
the load average (1 minute) at each step.
"""

import argparse
import glob
import json
import os
import statistics
import subprocess
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


# The columns of the relations a question reads (filters, certainty, answer).
QUESTION_COLUMNS = ("id", "kind", "source", "target", "status", "negated", "undated",
                    "timeless", "start_earliest", "start_latest", "end_earliest", "end_latest")


def load():
    """The 1-minute load average."""
    return os.getloadavg()[0]


def parquet_bytes(folder):
    """Files, row groups, rows, bytes on disk and compressed bytes of QUESTION_COLUMNS of the
    relations."""
    import duckdb

    files = sorted(glob.glob(os.path.join(folder, "relations", "*", "*.parquet")))
    db = duckdb.connect()
    columns = ", ".join(f"'{c}'" for c in QUESTION_COLUMNS)
    read, row_groups = db.execute(
        f"SELECT sum(total_compressed_size) FILTER (WHERE path_in_schema IN ({columns})), "
        "count(DISTINCT (file_name, row_group_id)) FROM parquet_metadata(?)", [files]
    ).fetchone()
    rows = db.execute("SELECT count(*) FROM read_parquet(?)", [files]).fetchone()[0]
    return {"files": len(files), "row_groups": row_groups, "rows": rows,
            "bytes": sum(os.path.getsize(f) for f in files), "question_bytes": int(read)}


def full_scan(name, engine, folder, entity):
    """Seconds to scan every relations partition for one entity's relations (3 runs, median)."""
    path = os.path.join(folder, "relations")
    runs, found, partitions = [], None, None
    for _ in range(3):
        started = time.perf_counter()
        if name == "duckdb":
            found = engine.db.execute(
                f"SELECT count(*) FROM read_parquet('{path}/*/*.parquet') "
                "WHERE source = ? OR target = ?", [entity, entity]).fetchone()[0]
        else:
            from pyspark.sql import functions as F

            frame = engine.spark.read.parquet(path)
            partitions = frame.rdd.getNumPartitions()
            found = frame.filter((F.col("source") == entity) | (F.col("target") == entity)).count()
        runs.append(time.perf_counter() - started)
    return {"seconds": statistics.median(runs), "runs": runs, "found": found,
            "input_partitions": partitions}


def actorgraph(exe, size, calls):
    """actorgraph's per-call timings of the same questions (benches/timings.rs --calls)."""
    done = subprocess.run([exe, "--size", size, "--json", "--calls", str(calls),
                           "--rounds", "1"], capture_output=True, text=True, check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    ops = report["ops"]
    pick = {"neighbors": "neighbors_uniform", "path": "shortest_path", "snapshot": "snapshot"}
    return {"load_seconds": report["load_seconds"],
            **{kind: {k: ops[op][k] for k in ("calls", "median", "mean")}
               for kind, op in pick.items()}}


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
    parser.add_argument("--actorgraph", help="the benches/timings.rs executable")
    args = parser.parse_args()
    with open(args.queries, encoding="utf-8") as f:
        questions = questions_of(json.load(f), args.calls)
    results = {"size": args.size, "cores": args.cores, "calls": args.calls,
               "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
               "load": {"start": load()}, "parquet": parquet_bytes(args.parquet)}
    if args.actorgraph:
        results["actorgraph"] = actorgraph(args.actorgraph, args.size, args.calls)
        results["load"]["actorgraph"] = load()
        print("actorgraph", results["actorgraph"], file=sys.stderr, flush=True)
    entity = questions["neighbors"][0]["entity"]
    for name in args.engines.split(","):
        started = time.perf_counter()
        engine = engine_for(name, args.parquet, args.cores)
        results[name] = {"start_seconds": time.perf_counter() - started}
        for kind, qs in questions.items():
            results[name][kind] = timed(engine, qs, warmup=min(10, len(qs) // 5))
            print(name, kind, results[name][kind]["median"], f"load {load():.1f}",
                  file=sys.stderr, flush=True)
        results[name]["partition_scan"] = partition_scan(name, engine, args.parquet)
        results[name]["full_scan"] = full_scan(name, engine, args.parquet, entity)
        results["load"][name] = load()
        engine.close()
    results["finished"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)
    json.dump({k: v for k, v in results.items()}, sys.stdout, indent=1, default=str)


if __name__ == "__main__":
    main()
