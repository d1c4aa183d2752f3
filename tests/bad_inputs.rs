//! Hostile and broken input, built at run time: each case must end, within its timeout, with
//! its documented exit code and an error naming the problem or the limit — never a panic, a
//! hang or exhausted memory. BAD-INPUTS.md lists these with the other bad-input tests.

use std::fs;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

const VALID: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid");
const SOURCES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sources");

/// A copy of the valid fixture graph in a temporary folder.
fn graph() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["entities.json", "relations.json", "sources.json"] {
        fs::copy(Path::new(VALID).join(name), dir.path().join(name)).unwrap();
    }
    dir
}

/// Runs the binary with `args`, killed after `seconds`.
fn run(args: &[&str], seconds: u64) -> Output {
    assert_cmd::Command::cargo_bin("actorgraph")
        .unwrap()
        .env_remove("ACTORGRAPH_DATA")
        .env_remove("ACTORGRAPH_SOURCES")
        .args(args)
        .timeout(Duration::from_secs(seconds))
        .output()
        .unwrap()
}

/// Asserts `output` exited with `code` and that stdout or stderr says `says`.
fn expect(output: &Output, code: i32, says: &str) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout: {stdout}\nstderr: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stdout.contains(says) || stderr.contains(says),
        "expected {says:?}\nstdout: {}\nstderr: {stderr}",
        &stdout[..stdout.len().min(2000)]
    );
}

/// `check --data DIR --sources fixtures` with `extra` arguments.
fn check(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "check",
        "--data",
        dir.to_str().unwrap(),
        "--sources",
        SOURCES,
    ];
    args.extend_from_slice(extra);
    run(&args, 60)
}

/// Replaces the first `from` in `file` of `dir` by `to`.
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in {file}");
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let dir = graph();
    let file = fs::File::create(dir.path().join("relations.json")).unwrap();
    file.set_len(3 << 30).unwrap(); // sparse: no disk used
    expect(
        &check(dir.path(), &[]),
        2,
        "over the 2 GiB limit for a graph file",
    );
}

#[test]
fn a_fifo_or_a_device_is_not_read() {
    let dir = graph();
    let entities = dir.path().join("entities.json");
    fs::remove_file(&entities).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &entities).unwrap();
    expect(&check(dir.path(), &[]), 2, "not a regular file");
    fs::remove_file(&entities).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(&entities)
        .status()
        .unwrap();
    assert!(status.success());
    expect(&check(dir.path(), &[]), 2, "not a regular file");
}

#[test]
fn a_source_document_that_is_a_device_is_not_read() {
    let dir = graph();
    let sources = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", sources.path().join("report.txt")).unwrap();
    let out = run(
        &[
            "check",
            "--data",
            dir.path().to_str().unwrap(),
            "--sources",
            sources.path().to_str().unwrap(),
        ],
        60,
    );
    expect(&out, 1, "error[source-unreadable]");
    expect(&out, 1, "not a regular file");
}

#[test]
fn deep_nesting_ends_at_the_first_unexpected_level() {
    // 100,000 levels: skipped without recursion, then refused where the format wants an
    // object, so depth costs neither stack nor memory.
    let dir = graph();
    let depth = 100_000;
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    fs::write(dir.path().join("relations.json"), nested).unwrap();
    expect(
        &check(dir.path(), &[]),
        1,
        "relations.json:1:2: error[invalid-value] $[0]: relation: invalid type: sequence",
    );
    // Nested objects where a value is expected: refused at the first level too.
    let dir = graph();
    let deep = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    edit(
        dir.path(),
        "relations.json",
        "\"summary\": ",
        &format!("\"x\": {deep}, \"summary\": "),
    );
    expect(&check(dir.path(), &[]), 1, "unknown field `x`");
}

#[test]
fn a_100_mb_name_is_refused_by_length() {
    let dir = graph();
    let huge = "x".repeat(100 << 20);
    edit(
        dir.path(),
        "entities.json",
        "\"aliases\": [",
        &format!("\"aliases\": [\"{huge}\", "),
    );
    expect(&check(dir.path(), &[]), 1, "error[too-long]");
}

#[test]
fn more_elements_than_the_limit_are_refused() {
    let dir = graph();
    let mut text = String::with_capacity(16 << 20);
    text.push('[');
    for i in 0..5_000_001 {
        text.push_str(if i == 0 { "{}" } else { ",{}" });
    }
    text.push(']');
    fs::write(dir.path().join("relations.json"), text).unwrap();
    expect(
        &check(dir.path(), &[]),
        1,
        "5000001 relation elements is over the limit of 5000000",
    );
}

#[test]
fn a_duplicate_key_is_an_error_with_its_location() {
    let dir = graph();
    edit(
        dir.path(),
        "relations.json",
        "\"kind\": ",
        "\"kind\": \"control\", \"kind\": ",
    );
    expect(&check(dir.path(), &[]), 1, "error[duplicate-key] $[0]");
    expect(&check(dir.path(), &[]), 1, "duplicate field `kind`");
}

#[test]
fn a_raw_nul_byte_is_a_syntax_error_with_its_location() {
    let dir = graph();
    edit(
        dir.path(),
        "entities.json",
        "\"description\": \"",
        "\"description\": \"\0",
    );
    expect(
        &check(dir.path(), &[]),
        1,
        "error[syntax]: control character",
    );
}

#[test]
fn an_escaped_nul_in_a_name_is_flagged() {
    let dir = graph();
    edit(
        dir.path(),
        "entities.json",
        "\"aliases\": [",
        "\"aliases\": [\"Null\\u0000Name\", ",
    );
    expect(&check(dir.path(), &[]), 0, "warning[suspicious-name]");
    expect(
        &check(dir.path(), &["--strict"]),
        1,
        "holds an invisible character",
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = graph();
    for name in ["entities.json", "relations.json", "sources.json"] {
        let path = dir.path().join(name);
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(fs::read(&path).unwrap());
        fs::write(path, bytes).unwrap();
    }
    expect(
        &check(dir.path(), &["--strict"]),
        0,
        "0 error(s), 0 warning(s): valid",
    );
}

#[test]
fn an_evidence_span_over_the_limit_is_refused() {
    let dir = graph();
    let text = fs::read_to_string(dir.path().join("relations.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let end = value[0]["evidence"][0]["end_byte"].as_u64().unwrap();
    edit(
        dir.path(),
        "relations.json",
        &format!("\"end_byte\": {end}"),
        &format!("\"end_byte\": {}", end + (1 << 20)),
    );
    expect(&check(dir.path(), &[]), 1, "error[span-too-long]");
}

#[test]
fn a_document_name_leaving_the_sources_folder_is_refused_unread() {
    let dir = graph();
    edit(
        dir.path(),
        "sources.json",
        "\"report.txt\"",
        "\"../sources/report.txt\"",
    );
    let out = check(dir.path(), &[]);
    expect(&out, 1, "error[invalid-document]");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("sha256-mismatch"));
}

#[test]
fn a_long_path_search_on_a_dense_graph_ends() {
    // 150 actors, every pair allied: 11,175 relations.
    let dir = tempfile::tempdir().unwrap();
    let n = 150;
    let entities: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "a{i}", "kind": "armed_group", "description": "actor {i}"}}"#))
        .collect();
    let mut relations = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            relations.push(format!(
                r#"{{"id": "r{i}-{j}", "kind": "alliance", "source": "a{i}", "target": "a{j}", "start": "2012", "summary": "s"}}"#
            ));
        }
    }
    fs::write(
        dir.path().join("entities.json"),
        format!("[{}]", entities.join(",\n")),
    )
    .unwrap();
    fs::write(
        dir.path().join("relations.json"),
        format!("[{}]", relations.join(",\n")),
    )
    .unwrap();
    fs::write(dir.path().join("sources.json"), "[]").unwrap();
    let data = dir.path().to_str().unwrap();
    let out = run(
        &[
            "path",
            "a0",
            "a149",
            "--max-hops",
            "1000",
            "-k",
            "100",
            "--at",
            "2012-06",
            "--data",
            data,
        ],
        120,
    );
    expect(&out, 0, "path 100 (2 hop(s))");
    let out = run(&["path", "a0", "a149", "-k", "101", "--data", data], 60);
    expect(&out, 2, "-k must be between 1 and 100");
}

#[test]
fn a_write_that_fails_midway_keeps_the_old_file_and_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graph.json");
    fs::write(&out, "old contents").unwrap();
    // Files may not grow past 1 KiB: the export (about 70 KB) fails midway, as on a full disk.
    let bin = assert_cmd::cargo::cargo_bin("actorgraph");
    let status = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 1; exec {} export json -o {}",
            bin.display(),
            out.display()
        ))
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(2), "{status:?}");
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(
        stderr.contains("cannot write") && stderr.contains("graph.json"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "old contents");
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "a temporary file was left behind: {left:?}");
}

#[test]
fn a_write_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no/such/folder/x.graphml");
    let out = run(&["export", "graphml", "-o", target.to_str().unwrap()], 60);
    expect(&out, 2, "cannot write");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// Makes `dir` read-only for as long as the guard lives: immutable for root (who ignores
/// permission bits), mode 555 for anyone else.
struct ReadOnly<'a>(&'a Path);

impl<'a> ReadOnly<'a> {
    fn new(dir: &'a Path) -> Self {
        let root = std::process::Command::new("id")
            .arg("-u")
            .output()
            .unwrap()
            .stdout
            == b"0\n";
        let ok = if root {
            std::process::Command::new("chattr")
                .arg("+i")
                .arg(dir)
                .status()
                .unwrap()
                .success()
        } else {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).is_ok()
        };
        assert!(ok, "cannot make {} read-only", dir.display());
        ReadOnly(dir)
    }
}

impl Drop for ReadOnly<'_> {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(self.0)
            .status();
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(self.0, fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_read_only_folder_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("graph.svg");
    fs::write(&target, "old contents").unwrap();
    let locked = ReadOnly::new(dir.path());
    let out = run(
        &[
            "export",
            "dot",
            "--at",
            "2012-05-01",
            "--render",
            "svg",
            "-o",
            target.to_str().unwrap(),
        ],
        60,
    );
    let listing: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    drop(locked);
    expect(&out, 2, "cannot write");
    assert_eq!(fs::read_to_string(&target).unwrap(), "old contents");
    assert_eq!(listing, ["graph.svg"], "a temporary file was left behind");
}
