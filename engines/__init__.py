"""actorgraph's temporal questions on engines that scale past one machine.

The Parquet folder `actorgraph export parquet -o DIR` writes (SCHEMA.md) is read by
`engines.spark` (PySpark DataFrame API: local mode or any cluster) and `engines.duckdb`
(DuckDB SQL on one machine). Both answer the questions of actorgraph's command line with the
same certainty semantics (src/query/certainty.rs, filter.rs, parts.rs):

- neighbors(entity, period): the relations of an actor (and of its armed forces, its parts),
  with the actor at their other end and how surely each holds;
- relations(with, kinds, period): all relations, one actor's (and those held at a place), or
  a pair's;
- snapshot(period): every relation holding;
- diff(d1, d2): what began, ended or changed certainty between two dates;
- path(a, b, at, max_hops): the length of a shortest chain of relations, by iterative
  frontier joins.

`engines.questions` holds what the two share: the question's parameters, the calendar of
partial dates (days since 1970-01-01, as actorgraph counts them) and the answer shapes.
"""
