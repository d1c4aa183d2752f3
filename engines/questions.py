"""What the Spark and DuckDB engines share: questions, dates and answers.

A question is a dict (as JSON): {"question": "neighbors" | "relations" | "snapshot" |
"diff" | "path", ...parameters}: neighbors {"entity"}, relations {"with": [ids]}, diff
{"first", "second"} (two partial dates), path {"source", "target", "max_hops"}. Its time is `at` (a partial date: 2012, 2012-06 or
2012-06-27) or `from`/`until` (either may be open), as on actorgraph's command line; the
flags `certain`, `known`, `include_undated`, `timeless`, `no_parts`, `positive_only` and
`parties_only` and the lists `kinds` and `statuses` mean what they mean there.

Dates are compared as day numbers (days since 1970-01-01, proleptic Gregorian), the way
actorgraph's `Day` counts them; an unbounded side is DAY_MIN or DAY_MAX. The Parquet files
store bounds as DATE columns where null means unbounded (SCHEMA.md):

- start_earliest null: DAY_MIN; start_latest null: DAY_MAX;
- end_latest null: DAY_MAX; end_earliest null: DAY_MAX when end_latest is null too (the
  relation has no end and goes on), else DAY_MIN (an end "[..2013]": any day up to 2013).
"""

import datetime
import json

DAY_MIN = -(2**31)
DAY_MAX = 2**31 - 1
EPOCH = datetime.date(1970, 1, 1)

QUESTIONS = ("neighbors", "relations", "snapshot", "diff", "path")
FLAGS = (
    "certain",
    "known",
    "include_undated",
    "timeless",
    "no_parts",
    "positive_only",
    "parties_only",
)
ALLY_KINDS = ["alliance", "support"]
ENEMY_KINDS = ["conflict", "attack"]


class QuestionError(ValueError):
    """A question that cannot be asked (a bad date, a missing parameter)."""


def day(date):
    """The day number of a datetime.date."""
    return (date - EPOCH).days


def partial_period(text):
    """The first and last day of a partial date: `2012` is the year, `2012-06` the month."""
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            first = datetime.date(numbers[0], 1, 1)
            last = datetime.date(numbers[0], 12, 31)
        elif len(numbers) == 2:
            first = datetime.date(numbers[0], numbers[1], 1)
            following = datetime.date(numbers[0] + numbers[1] // 12, numbers[1] % 12 + 1, 1)
            last = following - datetime.timedelta(days=1)
        elif len(numbers) == 3:
            first = last = datetime.date(*numbers)
        else:
            raise ValueError(text)
    except ValueError as e:
        raise QuestionError(f"invalid date {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD") from e
    return day(first), day(last)


def period(question):
    """The period a question asks about, as (first day, last day), or None."""
    at, since, until = question.get("at"), question.get("from"), question.get("until")
    if at is not None:
        return partial_period(at)
    if since is None and until is None:
        return None
    first = partial_period(since)[0] if since is not None else DAY_MIN
    last = partial_period(until)[1] if until is not None else DAY_MAX
    if first > last:
        raise QuestionError(f"--from {since} is after --until {until}")
    return first, last


def start_year_limit(span):
    """The last start_year partition that can hold a relation starting by the period's end."""
    if span is None or span[1] == DAY_MAX:
        return None
    return (EPOCH + datetime.timedelta(days=span[1])).year


def normalize(question):
    """The question with every parameter present (defaults filled in)."""
    q = dict(question)
    if q.get("question") not in QUESTIONS:
        raise QuestionError(f"unknown question {q.get('question')!r}; expected one of {QUESTIONS}")
    for flag in FLAGS:
        q[flag] = bool(q.get(flag, False))
    q["kinds"] = list(q.get("kinds") or [])
    q["statuses"] = list(q.get("statuses") or [])
    q["with"] = list(q.get("with") or [])
    q["max_hops"] = int(q.get("max_hops", 8))
    return q


def certainty_sort_key(row):
    """Rows of an answer in a stable order, for comparison and printing."""
    return json.dumps(row, sort_keys=True)


def answer(rows):
    """An answer as a sorted list (engines do not promise an order; sets compare)."""
    return sorted(rows, key=certainty_sort_key)
