#!/usr/bin/env python3
"""Runs the side-by-side benchmark of one size and writes its section of BENCHMARKS.md.

`benches/compare/run` builds what this needs and calls it; by hand:

    side_by_side.py --size S --data target/bench-data/S --timings EXE --memory EXE --cli EXE

In one run, on the same generated files: actorgraph's load (several processes that only load,
for time and peak memory), its per-call timings (benches/timings.rs), a whole one-shot CLI
query, then the same for each Python library (peers.py), each in processes of its own. The
raw results go to target/bench-results/<size>.json.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree

import report  # noqa: E402  (beside this file)

PEERS = ["networkx", "rustworkx", "igraph", "raphtory"]
TIMEOUT = 3 * 3600


def say(text):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {text}", file=sys.stderr, flush=True)


def run_json(command, env=None):
    """Runs a command that prints one JSON object last; returns it, or raises with stderr."""
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])}… failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def timed_process(command, runs, warmup=True):
    """Wall time and peak memory of a whole process, `runs` times (after one warm-up run)."""
    results = []
    for i in range(runs + 1 if warmup else runs):
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        if status != 0:
            raise RuntimeError(f"{' '.join(command[:4])}… exited with status {status}")
        if i > 0 or not warmup:
            results.append({"seconds": wall, "peak_rss": usage.ru_maxrss * 1024, "status": status})
    return results


def machine():
    def lscpu(field):
        try:
            out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        except OSError:
            return "?"
        return next((l.split(":", 1)[1].strip() for l in out.splitlines() if l.startswith(field + ":")), "?")

    with open("/proc/meminfo") as f:
        mem_kb = int(next(l for l in f if l.startswith("MemTotal:")).split()[1])
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "cpu": lscpu("Model name"),
        "cores": os.cpu_count(),
        "ram_gib": round(mem_kb / 2**20, 1),
        "os": f"{platform.system()} {platform.release()}",
        "rustc": rustc,
        "python": platform.python_version(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def library_versions(python):
    code = (
        "import importlib.metadata as m, json\n"
        "out = {}\n"
        "for p in ['networkx', 'rustworkx', 'igraph', 'raphtory', 'pydot']:\n"
        "    try: out[p] = m.version(p)\n"
        "    except m.PackageNotFoundError: pass\n"
        "print(json.dumps(out))"
    )
    return json.loads(subprocess.run([python, "-c", code], capture_output=True, text=True).stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", required=True)
    parser.add_argument("--data", required=True, help="the generated graph folder")
    parser.add_argument("--timings", required=True, help="the benches/timings.rs executable")
    parser.add_argument("--memory", required=True, help="the benches/memory.rs executable")
    parser.add_argument("--cli", required=True, help="the actorgraph executable")
    parser.add_argument("--python", default=sys.executable, help="the virtualenv's python")
    parser.add_argument("--load-runs", type=int, default=3, help="loading processes per tool")
    parser.add_argument("--rounds", type=int, default=3, help="repetitions of snapshot and ego")
    parser.add_argument("--peers", default=",".join(PEERS))
    parser.add_argument("--quick", action="store_true", help="a few calls of each (a smoke test)")
    parser.add_argument("--results", default="target/bench-results")
    parser.add_argument("--markdown", default="BENCHMARKS.md")
    parser.add_argument("--command", default=None, help="the command quoted as reproducing it")
    args = parser.parse_args()

    with open(os.path.join(args.data, "generated.txt")) as f:
        generated = json.loads(f.read().split("\n", 1)[1])
    with open(os.path.join(args.data, "queries.json")) as f:
        work = json.load(f)
    results = {
        "size": args.size,
        "quick": args.quick,
        "generated": generated,
        "machine": machine(),
        "versions": library_versions(args.python),
        "command": args.command or f"bash benches/compare/run {args.size}",
        "tools": {},
    }
    quick = ["--test"] if args.quick else []

    say(f"actorgraph: {args.load_runs} loading processes")
    loads = [run_json([args.memory, "--measure", args.data]) for _ in range(args.load_runs)]
    say("actorgraph: per-call timings")
    rounds = ["--rounds", str(args.rounds)]
    timings = run_json([args.timings, "--size", args.size, "--json", *rounds, *quick])
    entity, date = work["neighbors_uniform"][0]
    cli = [args.cli, "neighbors", entity, "--at", date, "--data", args.data, "--json"]
    say("actorgraph: `index` (validate the JSON, write the cache), then one-shot CLI queries")
    index = timed_process([args.cli, "index", "--data", args.data], 1, warmup=False)
    warm = timed_process(cli, 5)
    cold = timed_process([*cli, "--no-cache"], 1 if args.quick else 3)
    results["tools"]["actorgraph"] = {
        "loads": loads,
        "ops": timings["ops"],
        "index": {"runs": index},
        "cli": {"command": cli[1:5], "runs": warm},
        "cli_cold": {"command": cli[1:5] + ["--no-cache"], "runs": cold},
    }

    peers_py = os.path.join(HERE, "peers.py")
    for peer in [p for p in args.peers.split(",") if p]:
        common = ["--peer", peer, "--data", args.data]
        try:
            loads = []
            for i in range(args.load_runs):
                say(f"{peer}: loading process {i + 1} of {args.load_runs}")
                loads.append(run_json([args.python, peers_py, "load", *common]))
            say(f"{peer}: operations")
            extra = ["--quick"] if args.quick else []
            ops = run_json([args.python, peers_py, "ops", *common, "--rounds", str(args.rounds), *extra])
            results["tools"][peer] = {"loads": loads, "ops": ops["ops"]}
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            say(f"{peer}: failed, left out: {str(e).splitlines()[-1] if str(e) else e}")
            results["tools"][peer] = {"error": str(e)[-500:]}

    os.makedirs(args.results, exist_ok=True)
    raw = os.path.join(args.results, f"{args.size}.json")
    with open(raw, "w") as f:
        json.dump(results, f, indent=1)
    report.update(args.markdown, args.size, report.render(results))
    say(f"wrote {raw} and the size {args.size} section of {args.markdown}")


if __name__ == "__main__":
    main()
