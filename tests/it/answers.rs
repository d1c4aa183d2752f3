//! The answers of every question command on the built-in graph, as JSON, kept in one snapshot:
//! a change to how the graph is stored or traversed (petgraph topology, caches, indexes) must
//! leave them byte for byte as they are. A change that means to alter an answer shows here,
//! where a reviewer reads the difference.

use crate::common::stdout;

/// Each question, as its arguments (`--json` is added).
const QUESTIONS: &[&[&str]] = &[
    &["allies", "MNLA", "--at", "2012-05"],
    &["allies", "MNLA", "--at", "2012-08-01"],
    &["enemies", "الحركة الوطنية لتحرير أزواد", "--at", "2013"],
    &[
        "neighbors",
        "Mali",
        "--from",
        "2012-01",
        "--until",
        "2012-12",
    ],
    &["relations", "--with", "MNLA", "--with", "Ansar Dine"],
    &["relations", "--with", "Gao", "--kind", "control"],
    &["timeline", "MNLA"],
    &["timeline", "Gao"],
    &["path", "MNLA", "France", "--at", "2013-02"],
    &["path", "MNLA", "ECOWAS", "-k", "3"],
    &["snapshot", "--at", "2012-07-01"],
    &["diff", "2012-05-01", "2013-03-01"],
    &["blocs", "--at", "2012-05"],
    &["blocs", "--at", "2012-08"],
    &["central", "--at", "2012-06", "--measure", "betweenness"],
    &[
        "central",
        "--at",
        "2013",
        "--measure",
        "pagerank",
        "--top",
        "5",
    ],
    &[
        "balance", "--from", "2012-01", "--until", "2013-12", "--step", "year",
    ],
    &["show", "Kidal"],
];

#[test]
fn every_question_answers_as_before() {
    let mut all = String::new();
    for question in QUESTIONS {
        let mut args = vec!["--json"];
        args.extend_from_slice(question);
        all.push_str(&format!("## {}\n{}\n", question.join(" "), stdout(&args)));
    }
    insta::assert_snapshot!(all);
}
