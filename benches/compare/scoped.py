"""Warm whole-process timings of issue 19's rows about hubs, paths and ego networks, with the
method of commands.py (median of N warm runs after one untimed run, peak RSS from wait4),
plus the time `cat` takes to write the same output (the issue's "plain buffered writer").

    python3 benches/compare/scoped.py target/release/actorgraph target/bench-data/L 5 [LABEL...]

Prints one JSON line per command; LABELs keep only the rows whose label holds one of them.
"""
import json, os, statistics, subprocess, sys, time
cli, data, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
only = sys.argv[4:]
scratch = "target/bench-results/scoped.out"
os.makedirs("target/bench-results", exist_ok=True)
q = json.load(open(os.path.join(data, "queries.json")))
actor, day = q["neighbors_uniform"][0]
hub = q["ego_center"]
a, b, pday = q["paths"][0]
cases = [
    ("neighbors hub --at D", ["neighbors", hub, "--at", day]),
    ("allies hub --at D", ["allies", hub, "--at", day]),
    ("enemies hub --at D", ["enemies", hub, "--at", day]),
    ("relations --with hub --at D", ["relations", "--with", hub, "--at", day]),
    ("relations --with hub", ["relations", "--with", hub]),
    ("timeline hub", ["timeline", hub]),
    ("neighbors median --at D", ["neighbors", actor, "--at", day]),
    ("timeline median", ["timeline", actor]),
    ("path A B --at D", ["path", a, b, "--at", pday]),
    ("path A B", ["path", a, b]),
    ("export dot --focus median --depth 1", ["export", "dot", "--focus", actor, "--depth", "1"]),
    ("export dot --focus median --depth 2", ["export", "dot", "--focus", actor, "--depth", "2"]),
]
def run(argv, out):
    with open(out, "wb") as f:
        t = time.perf_counter()
        p = subprocess.Popen(argv, stdout=f, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        return time.perf_counter() - t, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)
for label, argv in cases:
    if only and not any(o in label for o in only):
        continue
    full = [cli, *argv, "--data", data]
    _, _, code = run(full, scratch)
    size = os.path.getsize(scratch)
    plain = statistics.median(run(["cat", scratch], "/dev/null")[0] for _ in range(5))
    runs = [run(full, "/dev/null") for _ in range(n)]
    print(json.dumps({"label": label, "exit": code, "bytes": size,
        "warm_ms": round(statistics.median(r[0] for r in runs) * 1000, 1),
        "rss_mib": round(max(r[1] for r in runs)), "cat_ms": round(plain * 1000, 1)}), flush=True)
