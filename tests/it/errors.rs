//! Bad input on the command line: one clear message on stderr and a documented exit code,
//! never a panic. Messages are snapshot-tested.

use crate::common::{cmd, fails};

/// (name, arguments, exit code) for every bad input; stderr is snapshot as `errors__<name>`.
const CASES: &[(&str, &[&str], i32)] = &[
    ("unknown_actor", &["allies", "Menakka"], 2),
    ("unknown_actor_arabic", &["show", "تمبكتوو"], 2),
    ("ambiguous_name", &["neighbors", "region"], 2),
    ("malformed_date", &["allies", "mnla", "--at", "2012/05"], 2),
    (
        "impossible_month",
        &["allies", "mnla", "--at", "2012-13-45"],
        2,
    ),
    ("impossible_day", &["snapshot", "--at", "2012-02-30"], 2),
    (
        "until_before_from",
        &["relations", "--from", "2013", "--until", "2012-06"],
        2,
    ),
    ("unknown_kind", &["relations", "--kind", "friendship"], 2),
    ("unknown_status", &["relations", "--status", "rumoured"], 2),
    (
        "certain_without_date",
        &["neighbors", "mnla", "--certain"],
        2,
    ),
    ("snapshot_without_date", &["snapshot"], 2),
    (
        "no_path",
        &["path", "ECOWAS", "Ansar Dine", "--max-hops", "1"],
        1,
    ),
    ("zero_paths", &["path", "mnla", "gao", "-k", "0"], 2),
    (
        "missing_data_dir",
        &["check", "--data", "/nonexistent/graph"],
        2,
    ),
    ("unknown_format", &["export", "pdfx"], 2),
    ("multi_file_export_to_stdout", &["export", "csv"], 2),
];

#[test]
fn bad_input_gives_one_clear_line_and_its_exit_code() {
    for (name, args, code) in CASES {
        let stderr = fails(args, *code);
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert!(stderr.starts_with("error: "), "{name}: {stderr}");
        insta::assert_snapshot!(*name, stderr, &format!("actorgraph {}", args.join(" ")));
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // `relations --json` (~85 KB) overflows the pipe buffer after `head` has gone.
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; {} relations --json | head -c 10 >/dev/null",
            cmd().get_program().to_string_lossy()
        ))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
