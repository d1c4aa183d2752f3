"""Two builds of actorgraph side by side in one run, alternated: before, after, before, after.

    python3 benches/compare/paired.py BEFORE_DIR AFTER_DIR --data DIR [--pairs 3] [--markdown F]

Each DIR holds the executables `timings`, `memory` and `actorgraph` of one build (copy them from
`target/release/deps/` and `target/release/` after `cargo build --release --bench timings --bench
memory`). `timings` and `memory` read the graph of `--size` their build generated (its
`target/bench-data/<size>`: give both the same files when the generator changed between them,
keeping each folder's own `generated.txt`); the CLI of each runs on its own copy of `--data`,
since each writes its own cache. Each
pair is taken on a machine in the same state, so the ratio after/before of each pair is the
figure to trust when the machine is busy: the table quotes the median of the ratios beside the
medians of each side. Used for issue 14 (petgraph at the core): the questions of
`queries.json`, the load and its memory, and a whole warm CLI process.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OPS = [
    ("load + validate", "load"),
    ("`neighbors X --at D`, uniform entity: median", "neighbors_uniform"),
    ("`neighbors X --at D`, entity by degree: median", "neighbors_by_degree"),
    ("`neighbors X --at D`, entity by degree: mean", "neighbors_by_degree:mean"),
    ("one shortest path at a date: median", "shortest_path"),
    ("`snapshot --at D`, materialised: median", "snapshot"),
    ("2-hop ego network of the largest hub + DOT: median", "ego_dot"),
    ("name resolution: median", "resolve"),
    ("peak memory per relation during load (B)", "peak_bytes_per_relation"),
    ("memory per relation after load (B)", "after_bytes_per_relation"),
    ("whole CLI process `neighbors X --at D`, warm: median of 5", "cli_warm"),
]


def timings(build: Path, size: str) -> dict:
    """The per-call figures of one `timings` run, keyed as in OPS, and its answers' checks."""
    out = subprocess.run(
        [build / "timings", "--size", size, "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    report = json.loads(out)
    figures = {"load": report["load_seconds"]}
    checks = {}
    for name, op in report["ops"].items():
        figures[name] = op["median"]
        figures[f"{name}:mean"] = op["mean"]
        checks[name] = op.get("check")
    return figures, checks


def memory(build: Path, size: str) -> dict:
    out = subprocess.run(
        [build / "memory", "--size", size, "--json"], check=True, capture_output=True, text=True
    ).stdout
    report = json.loads(out)
    return {k: report[k] for k in ("peak_bytes_per_relation", "after_bytes_per_relation")}


def cli_warm(build: Path, data: Path, entity: str, day: str) -> float:
    """Median of 5 whole `neighbors` processes from the cache (after one untimed run)."""
    command = [build / "actorgraph", "--data", data, "neighbors", entity, "--at", day, "--json"]
    subprocess.run(command, check=True, capture_output=True)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def shown(key: str, value: float) -> str:
    if "bytes" in key:
        return f"{value:,.0f} B"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if value >= scale:
            return f"{value / scale:.2f} {unit}"
    return f"{value * 1e9:.0f} ns"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--size", default="S")
    parser.add_argument("--data", type=Path, required=True, help="the graph of that size")
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args()

    queries = json.loads((args.data / "queries.json").read_text())
    entity, day = queries["neighbors_uniform"][0]
    runs = {"before": [], "after": []}
    answers = {}
    with tempfile.TemporaryDirectory() as scratch:
        copies = {}
        for side, build in (("before", args.before), ("after", args.after)):
            copy = Path(scratch) / side
            shutil.copytree(args.data, copy)
            subprocess.run([build / "actorgraph", "--data", copy, "index"], check=True)
            copies[side] = copy
        for pair in range(args.pairs):
            for side, build in (("before", args.before), ("after", args.after)):
                figures, checks = timings(build, args.size)
                figures.update(memory(build, args.size))
                figures["cli_warm"] = cli_warm(build, copies[side], entity, day)
                runs[side].append(figures)
                answers.setdefault(side, checks)
                print(f"pair {pair + 1} {side}: load {figures['load']:.3f} s", file=sys.stderr)
    differ = [op for op in answers["before"] if answers["before"][op] != answers["after"].get(op)]
    lines = [
        f"| operation | before (median of {args.pairs}) | after | after/before, pair by pair (median) |",
        "|---|---:|---:|---:|",
    ]
    for label, key in OPS:
        before = [r[key] for r in runs["before"]]
        after = [r[key] for r in runs["after"]]
        ratio = statistics.median(a / b for a, b in zip(after, before))
        lines.append(
            f"| {label} | {shown(key, statistics.median(before))} | "
            f"{shown(key, statistics.median(after))} | {ratio:.2f}× |"
        )
    lines.append("")
    lines.append(
        "The same answers (each operation's checksum: sizes, counts, neighbours per call): "
        + (
            "yes."
            if not differ
            else "not for "
            + ", ".join(
                f"{op} ({answers['before'][op]} before, {answers['after'][op]} after)"
                for op in differ
            )
            + "."
        )
    )
    table = "\n".join(lines)
    print(table)
    if args.markdown:
        args.markdown.write_text(table + "\n")


if __name__ == "__main__":
    main()
