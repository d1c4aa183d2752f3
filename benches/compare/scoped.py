"""Warm whole-process timings of issue 19's rows about hubs, paths, ego networks and whole-graph
outputs (snapshot, diff, export graphml), with the method of commands.py (median of N warm
runs after one untimed run, peak RSS from wait4),
plus the time `cat` takes to write the same output (the issue's "plain buffered writer").

    python3 benches/compare/scoped.py target/release/actorgraph target/bench-data/L 5 [LABEL...]
    python3 benches/compare/scoped.py CLI DATA 5 --before OLD_CLI OLD_DATA [LABEL...]

Prints one JSON line per command; LABELs keep only the rows whose label holds one of them.
With --before, each timed run of CLI on DATA alternates with one of OLD_CLI on OLD_DATA (a
copy of the data indexed by OLD_CLI, whose cache format may differ), the outputs are compared
byte for byte, and both sides' medians are printed: wall time, and CPU time (user + system,
from wait4), which a busy machine inflates less.

The peak RSS of a process started from this script begins at the script's own resident set
(ru_maxrss keeps the pages of the forked process before exec): about 22 MiB, a floor below
which no figure is read.
"""
import filecmp, json, os, statistics, subprocess, sys, time
cli, data, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rest = sys.argv[4:]
before = None
if rest[:1] == ["--before"]:
    before, rest = (rest[1], rest[2]), rest[3:]
only = rest
scratch = "target/bench-results/scoped.out"
os.makedirs("target/bench-results", exist_ok=True)
q = json.load(open(os.path.join(data, "queries.json")))
actor, day = q["neighbors_uniform"][0]
hub = q["ego_center"]
a, b, pday = q["paths"][0]
with open(os.path.join(data, "relations.json"), encoding="utf-8") as f:
    first_relation = json.loads(f.read(1 << 16).split('"id"', 1)[1].split(",", 1)[0].split(":", 1)[1])
typo = q["names"][0][:-1] + ("q" if q["names"][0][-1] != "q" else "z")
# The words of the entities' names and aliases, by how many entities they name, counted in
# a child process: a process started from this one starts its peak RSS (ru_maxrss) at this
# one's resident set, which the entities' JSON would raise to ~160 MiB at L.
WORDS = """
import collections, json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    words = collections.Counter(
        w for e in json.load(f)
        for w in {w for n in [*(v for v in e["names"].values() if v), *e.get("aliases", [])]
                  for w in n.split()})
# Ties by the word, so that the words do not change from run to run (a set's order does).
ranked = sorted(words, key=lambda w: (-words[w], w))
print(json.dumps([ranked[0], next(w for w in ranked if len(w) >= 4)]))
"""
frequent, common = json.loads(subprocess.check_output(
    [sys.executable, "-c", WORDS, os.path.join(data, "entities.json")]))
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
    ("show hub", ["show", hub]),
    ("show median", ["show", actor]),
    # The first relation of the data, by id (a binary search of the relations sorted by id).
    ("show RELATION-ID", ["show", first_relation]),
    # commands.py's typo: the first query name with its last letter changed.
    ("find (no match: did you mean)", ["find", typo]),
    # A word of four letters or more naming thousands of entities, and the most frequent word.
    ("find (a common word: thousands)", ["find", common]),
    ("find (the most frequent word)", ["find", frequent]),
    # Whole-graph outputs, with commands.py's dates (and a late one, most relations begun).
    ("snapshot --at D", ["snapshot", "--at", q["snapshot_dates"][0]]),
    ("snapshot --at late D", ["snapshot", "--at", q["snapshot_dates"][2]]),
    ("diff D1 D2", ["diff", q["snapshot_dates"][0], q["snapshot_dates"][2]]),
    ("export graphml (whole graph)", ["export", "graphml"]),
]
def run(argv, out):
    with open(out, "wb") as f:
        t = time.perf_counter()
        p = subprocess.Popen(argv, stdout=f, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        cpu = usage.ru_utime + usage.ru_stime
        return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), cpu
def medians(runs):
    return {"warm_ms": round(statistics.median(r[0] for r in runs) * 1000, 1),
            "cpu_ms": round(statistics.median(r[3] for r in runs) * 1000, 1),
            "rss_mib": round(max(r[1] for r in runs))}
for label, argv in cases:
    if only and not any(o in label for o in only):
        continue
    full = [cli, *argv, "--data", data]
    _, _, code, _ = run(full, scratch)
    size = os.path.getsize(scratch)
    plain = statistics.median(run(["cat", scratch], "/dev/null")[0] for _ in range(5))
    row = {"label": label, "exit": code, "bytes": size, "cat_ms": round(plain * 1000, 1)}
    if before:
        old = [before[0], *argv, "--data", before[1]]
        run(old, scratch + ".before")
        # Compared a few kB at a time: whole outputs read into this process would raise the
        # floor of every later peak (see above).
        row["same_output"] = filecmp.cmp(scratch, scratch + ".before", shallow=False)
        runs, old_runs = [], []
        for _ in range(n):
            old_runs.append(run(old, "/dev/null"))
            runs.append(run(full, "/dev/null"))
        row["before"] = medians(old_runs)
    else:
        runs = [run(full, "/dev/null") for _ in range(n)]
    row.update(medians(runs))
    print(json.dumps(row, ensure_ascii=False), flush=True)
