//! Running the real `actorgraph` binary in tests.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The folder holding the source documents (`../shared/seeds`).
pub fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds")
}

/// A copy of the built-in Azawad graph in a temporary folder: (the folder's guard, the graph
/// folder).
pub fn azawad() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("azawad");
    std::fs::create_dir(&data).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data/azawad");
    for name in ["entities.json", "relations.json", "sources.json"] {
        std::fs::copy(root.join(name), data.join(name)).unwrap();
    }
    (dir, data)
}

/// The generated S graph's folder (benches/generate, seed 2024; 10,000 entities and 100,000
/// relations), generated unless `target/bench-data/S` holds it, and indexed so that each
/// command starts fast. Made once per test run: tests asking for it at the same time wait.
pub fn s_graph() -> PathBuf {
    static S: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let (dir, _) = crate::generate::cache::ensure(crate::generate::Size::S, 2024).unwrap();
        cmd()
            .arg("--data")
            .arg(&dir)
            .arg("index")
            .assert()
            .success();
        dir
    })
    .clone()
}

/// A command for the binary with the environment cleared of actorgraph variables.
pub fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("actorgraph").unwrap();
    cmd.env_remove("ACTORGRAPH_DATA")
        .env_remove("ACTORGRAPH_SOURCES")
        .env_remove("ACTORGRAPH_NO_CACHE");
    cmd
}

/// Runs the binary with `args`.
pub fn run(args: &[&str]) -> Output {
    cmd().args(args).output().unwrap()
}

/// Runs the binary with `args`, asserts success, and returns stdout.
pub fn stdout(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "actorgraph {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs the binary with `args` and `--json`, asserts success, and parses stdout.
pub fn json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.push("--json");
    serde_json::from_str(&stdout(&all)).unwrap()
}

/// Runs the binary with `args`, asserts it fails with `code`, and returns stderr.
pub fn fails(args: &[&str], code: i32) -> String {
    let out = run(args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "actorgraph {args:?}: stdout {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).unwrap()
}

/// The ids at `field` of each element of a JSON array (`entity.id`, `source`).
pub fn ids(value: &serde_json::Value, field: &str) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            field
                .split('.')
                .fold(v, |v, f| &v[f])
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// Where `pattern` starts in `bytes`, which must hold it exactly once (`what` names it in
/// the failure): how a test finds a section of a cache by its first bytes.
pub fn find_once(bytes: &[u8], pattern: &[u8], what: &str) -> usize {
    let found: Vec<usize> = (0..=bytes.len().saturating_sub(pattern.len()))
        .filter(|&i| bytes[i..].starts_with(pattern))
        .collect();
    assert_eq!(found.len(), 1, "{what} is found once");
    found[0]
}
