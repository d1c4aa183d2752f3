"""The command line both engines share: the questions as actorgraph's subcommands ask them.

    python -m engines.ENGINE DIR neighbors NAME [--at D | --from D --until D] [--kind K] ...
    python -m engines.ENGINE DIR allies NAME [--at D]       (enemies likewise)
    python -m engines.ENGINE DIR relations [--with A [--with B]] [--kind K] [--at D] ...
    python -m engines.ENGINE DIR snapshot --at D [--kind K] ...
    python -m engines.ENGINE DIR diff D1 D2 [--kind K] [--certain]
    python -m engines.ENGINE DIR path A B [--at D] [--kind K] [--max-hops N]
    python -m engines.ENGINE DIR batch QUESTIONS.jsonl [--timings]

Entities are given by id. --json prints the answer as JSON (a list of rows, the path's
{"hops": n}); `batch` answers one question per line of a JSON-lines file in one session and
prints a JSON list of answers (with --timings, each with its seconds); a line may name
its own "folder" (then DIR is the default), so one session answers about several exports.
"""

import argparse
import json
import sys
import time

from .questions import ALLY_KINDS, ENEMY_KINDS, QuestionError, answer, normalize


def neighbor_rows(rows):
    """(relation id, other entity, certainty, part) rows as the answer's dicts."""
    return answer(
        {"relation": r, "other": o, "certainty": certainty(c), "part": p} for r, o, c, p in rows
    )


def relation_rows(rows):
    """(relation id, certainty) rows as the answer's dicts."""
    return answer({"relation": r, "certainty": certainty(c)} for r, c in rows)


def diff_rows(rows):
    """(relation id, before, after) rows as the answer's dicts, each with what changed."""
    out = []
    for r, before, after in rows:
        change = "began" if before is None else "ended" if after is None else "changed"
        out.append({"relation": r, "change": change, "before": before, "after": after})
    return answer(out)


def path_answer(hops):
    """The length of a shortest path, or None when there is none within max_hops."""
    return {"hops": hops}


def certainty(value):
    """'certain', 'possible', or None when the question named no time."""
    return None if value in (None, "none") else value


def time_options(parser):
    parser.add_argument("--at")
    parser.add_argument("--from", dest="from_")
    parser.add_argument("--until")
    for flag in ("certain", "known", "include-undated", "timeless"):
        parser.add_argument(f"--{flag}", action="store_true")


def selection_options(parser):
    time_options(parser)
    parser.add_argument("--kind", dest="kinds", action="append", default=[])
    parser.add_argument("--status", dest="statuses", action="append", default=[])


def parser_for(engine):
    parser = argparse.ArgumentParser(
        prog=f"python -m engines.{engine}",
        description=f"actorgraph's questions on {engine}, over an `export parquet` folder",
    )
    parser.add_argument("folder", help="the folder `actorgraph export parquet -o DIR` wrote")
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("neighbors", "allies", "enemies"):
        p = sub.add_parser(name)
        p.add_argument("entity")
        (selection_options if name == "neighbors" else time_options)(p)
        p.add_argument("--no-parts", action="store_true")
    p = sub.add_parser("relations")
    p.add_argument("--with", dest="with_", action="append", default=[])
    selection_options(p)
    p.add_argument("--no-parts", action="store_true")
    selection_options(sub.add_parser("snapshot"))
    p = sub.add_parser("diff")
    p.add_argument("first")
    p.add_argument("second")
    p.add_argument("--kind", dest="kinds", action="append", default=[])
    p.add_argument("--certain", action="store_true")
    p = sub.add_parser("path")
    p.add_argument("source")
    p.add_argument("target")
    p.add_argument("--at")
    for flag in ("certain", "include-undated", "timeless"):
        p.add_argument(f"--{flag}", action="store_true")
    p.add_argument("--kind", dest="kinds", action="append", default=[])
    p.add_argument("--max-hops", type=int, default=8)
    p = sub.add_parser("batch")
    p.add_argument("questions", help="a JSON-lines file of questions")
    p.add_argument("--timings", action="store_true")
    return parser


def question_of(args):
    """The question the command line asks, as a dict (engines/questions.py)."""
    q = {k: v for k, v in vars(args).items() if v not in (None, False, [])}
    q.pop("folder", None)
    q.pop("json", None)
    command = q.pop("command")
    for old, new in (("from_", "from"), ("with_", "with")):
        if old in q:
            q[new] = q.pop(old)
    if command in ("allies", "enemies"):
        q["kinds"] = ALLY_KINDS if command == "allies" else ENEMY_KINDS
        q["positive_only"] = q["parties_only"] = True
        command = "neighbors"
    q["question"] = command
    return normalize(q)


def main(engine, make):
    """Runs the command line of `engine`, whose class `make(folder)` answers questions."""
    # --json may stand anywhere, as on actorgraph's command line.
    argv = sys.argv[1:]
    as_json = "--json" in argv
    args = parser_for(engine).parse_args([a for a in argv if a != "--json"])
    args.json = as_json
    try:
        if args.command == "batch":
            with open(args.questions, encoding="utf-8") as f:
                questions = [normalize(json.loads(line)) for line in f if line.strip()]
        else:
            questions = [question_of(args)]
    except (QuestionError, OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return sys.exit(2)
    # One engine per folder (a batch line may name its own "folder"), one session for all.
    engines = {}
    answers = []
    try:
        for q in questions:
            folder = q.get("folder") or args.folder
            if folder not in engines:
                engines[folder] = make(folder)
            started = time.perf_counter()
            result = engines[folder].ask(q)
            seconds = time.perf_counter() - started
            timed = args.command == "batch" and args.timings
            answers.append({"answer": result, "seconds": seconds} if timed else result)
    finally:
        for engine in engines.values():
            engine.close()
    if args.command != "batch":
        answers = answers[0]
    try:
        if args.json or args.command == "batch":
            json.dump(answers, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            print_text(answers)
        sys.stdout.flush()
    except BrokenPipeError:
        # A reader that stopped early (`| head`) is not an error, as for actorgraph.
        sys.stderr.close()


def print_text(result):
    """The answer as lines of tab-separated fields."""
    if isinstance(result, dict):
        hops = result["hops"]
        print("no path" if hops is None else f"{hops} hop(s)")
        return
    for row in result:
        print("\t".join("" if v is None else str(v) for v in row.values()))
    print(f"{len(result)} row(s)")
