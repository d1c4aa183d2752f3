"""`find` compared byte for byte between two builds: stdout, stderr and exit code, from the cache
and with --no-cache, for 50+ queries drawn from a graph folder (exact names in English, French and
Arabic, ids, partial words, parts inside words, typos of each kind, common words, prefixes).

    python3 benches/compare/find_bytes.py NEW_CLI OLD_CLI DATA [OLD_DATA] [--no-cache-every K]
    python3 benches/compare/find_bytes.py NEW_CLI OLD_CLI -   # the built-in graph

OLD_DATA is a copy of DATA indexed by OLD_CLI when the cache format differs. --no-cache runs
every K-th query (default 1; a whole load at L takes seconds). Prints each difference and a
summary; exits 1 when any.
"""
import collections, json, os, subprocess, sys

args = sys.argv[1:]
every = 1
if "--no-cache-every" in args:
    i = args.index("--no-cache-every")
    every = int(args[i + 1])
    del args[i:i + 2]
new, old, data = args[0], args[1], args[2]
old_data = args[3] if len(args) > 3 else data


def entities(folder):
    if folder == "-":
        folder = os.path.join(os.path.dirname(__file__), "../../graph-data/azawad")
    with open(os.path.join(folder, "entities.json"), encoding="utf-8") as f:
        return json.load(f)


E = entities(data)
names = []
for e in E[:: max(1, len(E) // 12)][:12]:
    names.append(e["id"])
    names.extend(v for v in e["names"].values() if v)
    names.extend(e.get("aliases", [])[:1])
words = collections.Counter(
    w for e in E for n in [*(v for v in e["names"].values() if v), *e.get("aliases", [])]
    for w in set(n.split())
)
common = [w for w, _ in words.most_common(8)]
rare = [w for w, c in words.items() if c == 1][:4]
queries = []
for n in names[:30]:
    queries.append(n)
for n in names[:12]:
    if len(n) > 3:
        queries.append(n[:-1] + ("q" if n[-1] != "q" else "z"))  # last letter changed
        queries.append(n[1:])  # first letter dropped
        queries.append(n[: len(n) // 2] + n[len(n) // 2 + 1 :])  # a letter dropped
        queries.append(n[:2] + n[3] + n[2] + n[4:])  # two letters swapped
        queries.append(n[: len(n) // 2])  # a prefix
        queries.append(n[1:4])  # inside a word
queries += common + rare + [w.upper() for w in common[:3]] + ["zzzzqqq", "ال", "a", "x" * 1001]
queries = list(dict.fromkeys(q for q in queries if q))
diffs = 0
runs = 0
for i, q in enumerate(queries):
    modes = [[]] + ([["--no-cache"]] if i % every == 0 else [])
    for mode in modes:
        outs = []
        for cli, folder in [(new, data), (old, old_data)]:
            argv = [cli, "find", q, *mode] + ([] if folder == "-" else ["--data", folder])
            p = subprocess.run(argv, capture_output=True)
            outs.append((p.returncode, p.stdout, p.stderr))
        runs += 1
        if outs[0] != outs[1]:
            diffs += 1
            print("DIFF", repr(q), mode, outs[0][0], outs[1][0], len(outs[0][1]), len(outs[1][1]))
print(json.dumps({"queries": len(queries), "runs": runs, "differences": diffs,
                  "exit_codes": dict(collections.Counter(
                      subprocess.run([new, "find", q] + ([] if data == "-" else ["--data", data]),
                                     capture_output=True).returncode for q in queries))}))
sys.exit(1 if diffs else 0)
