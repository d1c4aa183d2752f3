//! The answers of every question command on the built-in graph, as JSON, kept in one snapshot:
//! a change to how the graph is stored or traversed (petgraph topology, caches, indexes) must
//! leave them byte for byte as they are. A change that means to alter an answer shows here,
//! where a reviewer reads the difference.
//!
//! The same holds on the generated S graph (10,000 entities, 100,000 relations), whose answers
//! are too long to read in a snapshot: there each answer is kept as its size and SHA-256, for
//! ordinary actors, the largest hub, a town, paths, a snapshot, a diff, blocs, degree and balance
//! (PageRank and betweenness are left to the built-in graph: petgraph's PageRank is quadratic in
//! the actors, minutes at S in a debug build).

use crate::common::{s_graph, stdout};

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

/// Questions on the S graph (its ids and names are the generator's, from seed 2024): the
/// largest hub (kingdom-of-darnaka, 7,463 relations), a median actor (state-of-haku), a militia
/// of median degree, the town with the most relations (zaloku), names in Arabic and French.
const S_QUESTIONS: &[&[&str]] = &[
    &["allies", "kingdom-of-darnaka", "--at", "2005-06"],
    &[
        "enemies",
        "Bousadu Militia",
        "--from",
        "1995",
        "--until",
        "2018",
    ],
    &[
        "neighbors",
        "state-of-haku",
        "--from",
        "2000",
        "--until",
        "2010",
    ],
    &["allies", "مملكة دارناكا", "--at", "2012-03-04"],
    &[
        "relations",
        "--with",
        "republic-of-armena",
        "--with",
        "Royaume de Darnaka",
    ],
    &["relations", "--with", "zaloku", "--kind", "control"],
    &["timeline", "bousadu-militia"],
    &["timeline", "state-of-haku"],
    &["path", "bousadu-militia", "state-of-haku", "--at", "2005"],
    &["path", "bousadu-militia", "zaloku", "-k", "3"],
    &["snapshot", "--at", "2001-07-01", "--kind", "alliance"],
    &["diff", "2004-01-01", "2004-01-31", "--kind", "alliance"],
    &["blocs", "--at", "2010-05"],
    &["central", "--at", "2010", "--top", "20"],
    &[
        "balance", "--from", "2009", "--until", "2010", "--step", "year",
    ],
    &["show", "bousadu-militia"],
    &["find", "Darnaka"],
];

#[test]
fn every_question_on_the_s_graph_answers_as_before() {
    let data = s_graph();
    let data = data.to_str().unwrap();
    let mut all = String::new();
    for question in S_QUESTIONS {
        let mut args = vec!["--data", data, "--json"];
        args.extend_from_slice(question);
        let answer = stdout(&args);
        all.push_str(&format!(
            "{}: {} bytes, sha256 {}\n",
            question.join(" "),
            answer.len(),
            actorgraph::load::sha256_hex(answer.as_bytes())
        ));
    }
    insta::assert_snapshot!(all);
}
