//! A command line that fits users' habits: shell completion scripts and manual pages generated
//! from the argument definitions, labels in French and Arabic, tables fitted to a width,
//! `list`, `find` by part of a name, quoted evidence in `show --json`, and consistent usage
//! errors (snapshot-tested).

use std::path::Path;
use std::process::Command as Process;

use unicode_width::UnicodeWidthStr;

use crate::common::{cmd, fails, json, run, seeds, stdout};

/// The subcommands `actorgraph --help` lists.
fn subcommands() -> Vec<String> {
    let help = stdout(&["--help"]);
    let listed = &help[help.find("Commands:").unwrap()..help.find("Options:").unwrap()];
    let names: Vec<String> = listed
        .lines()
        .skip(1)
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .filter(|n| n != "help")
        .collect();
    assert!(names.len() > 25, "{names:?}");
    names
}

/// A shell's path, when it is installed (`.ci/setup` installs bash, zsh and fish).
fn shell(name: &str) -> Option<std::path::PathBuf> {
    ["/usr/bin", "/bin"]
        .iter()
        .map(|d| Path::new(d).join(name))
        .find(|p| p.exists())
}

/// Writes the completion script for `shell_name` to a temporary file.
fn completion_script(shell_name: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let script = stdout(&["completions", shell_name]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("actorgraph.{shell_name}"));
    std::fs::write(&path, &script).unwrap();
    (dir, path, script)
}

#[test]
fn the_bash_completion_parses_and_completes_subcommands_and_values() {
    let (_dir, path, _) = completion_script("bash");
    let bash = shell("bash").expect("bash");
    let syntax = Process::new(&bash).arg("-n").arg(&path).output().unwrap();
    assert!(syntax.status.success(), "{syntax:?}");
    // Completing `actorgraph <TAB>` and `actorgraph list --kind <TAB>` as bash would.
    let complete = |words: &str, current: usize| {
        let script = format!(
            "source {}; COMP_WORDS=({words}); COMP_CWORD={current}; \
             COMP_LINE=\"${{COMP_WORDS[*]}}\"; COMP_POINT=${{#COMP_LINE}}; \
             _actorgraph actorgraph \"${{COMP_WORDS[$COMP_CWORD]}}\" \
             \"${{COMP_WORDS[$COMP_CWORD-1]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            path.display()
        );
        let out = Process::new(&bash).arg("-c").arg(script).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let offered = complete("actorgraph ''", 1);
    for name in subcommands() {
        assert!(
            offered.lines().any(|l| l == name),
            "{name} not in {offered}"
        );
    }
    let kinds = complete("actorgraph list --kind ''", 3);
    for kind in ["armed_group", "city", "state", "armed_force"] {
        assert!(kinds.lines().any(|l| l == kind), "{kind} not in {kinds}");
    }
    let langs = complete("actorgraph relations --lang ''", 3);
    assert_eq!(langs.lines().collect::<Vec<_>>(), ["en", "fr", "ar"]);
}

#[test]
fn the_zsh_fish_and_powershell_completions_parse_and_name_every_subcommand() {
    let names = subcommands();
    for (name, check) in [
        ("zsh", &["-n"][..]),
        ("fish", &["--no-execute"][..]),
        ("powershell", &[][..]),
    ] {
        let (_dir, path, script) = completion_script(name);
        for sub in &names {
            assert!(script.contains(sub.as_str()), "{name}: {sub}");
        }
        if name == "powershell" {
            // No PowerShell on Debian: the script registers its completer for the binary.
            assert!(
                script.contains("Register-ArgumentCompleter -Native -CommandName 'actorgraph'")
            );
            continue;
        }
        let program =
            shell(name).unwrap_or_else(|| panic!("{name} is not installed: bash .ci/setup"));
        let out = Process::new(program)
            .args(check)
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {out:?}");
    }
}

/// Renders a roff page with groff, warnings on: (the text, groff's stderr).
fn groff(page: &str) -> (String, String) {
    let mut child = Process::new("groff")
        .args([
            "-k",
            "-man",
            "-Tutf8",
            "-ww",
            "-rLL=300n",
            "-rHY=0",
            "-P-cbou",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("groff (bash .ci/setup installs it)");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_manual_pages_render_and_cover_every_subcommand_and_option() {
    let names = subcommands();
    assert_eq!(stdout(&["man", "--list"]), names.join("\n") + "\n");
    let (text, warnings) = groff(&stdout(&["man"]));
    assert_eq!(warnings, "");
    assert!(
        text.contains("actorgraph - A knowledge graph of conflict actors"),
        "{text}"
    );
    for name in &names {
        assert!(text.contains(&format!("actorgraph-{name}(1)")), "{name}");
    }
    for name in &names {
        let page = stdout(&["man", name]);
        assert!(page.contains(&format!(".TH actorgraph-{name} 1")), "{name}");
        let (text, warnings) = groff(&page);
        assert_eq!(warnings, "", "{name}");
        assert!(text.contains("--data"), "{name}: the global options");
    }
    let (relations, _) = groff(&stdout(&["man", "relations"]));
    for option in ["--with", "--kind", "--lang", "--wide", "--no-parts"] {
        assert!(relations.contains(option), "{option}");
    }
    // The same bytes every time: no date in the page.
    assert_eq!(stdout(&["man"]), stdout(&["man"]));
}

#[test]
fn man_through_man_dash_l_shows_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("actorgraph.1");
    std::fs::write(&page, stdout(&["man"])).unwrap();
    let out = Process::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "100")
        .output();
    let Ok(out) = out else {
        return; // man-db missing: groff's rendering above is the check.
    };
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("SUBCOMMANDS") && text.contains("actorgraph-allies(1)"),
        "{text}"
    );
}

#[test]
fn labels_follow_the_language_and_json_keeps_the_codes() {
    let args = ["relations", "--with", "Azawad", "--kind", "recognition"];
    let with = |lang: &str| stdout(&[&args[..], &["--lang", lang]].concat());
    assert_eq!(with("en"), stdout(&args));
    insta::assert_snapshot!("relations_fr", with("fr"));
    insta::assert_snapshot!("relations_ar", with("ar"));
    insta::assert_snapshot!(
        "allies_fr",
        stdout(&["allies", "MNLA", "--at", "2012-05", "--lang", "fr"])
    );
    insta::assert_snapshot!("show_ar", stdout(&["show", "Gao", "--lang", "ar"]));
    let en = json(&args);
    assert_eq!(json(&[&args[..], &["--lang", "ar"]].concat()), en);
    assert_eq!(en[0]["kind"], "recognition");
    let bad = fails(&["relations", "--lang", "de"], 2);
    assert!(bad.contains("[possible values: en, fr, ar]"), "{bad}");
}

/// Every line of `text` fits `width` display columns.
fn assert_fits(text: &str, width: usize) {
    for line in text.lines() {
        assert!(line.width() <= width, "{} > {width}: {line}", line.width());
    }
}

#[test]
fn tables_fit_the_width_asked_and_stay_whole_otherwise() {
    let args = ["allies", "MNLA", "--at", "2013-03"];
    let whole = stdout(&args);
    assert!(whole.lines().any(|l| l.width() > 120), "{whole}");
    for width in ["20", "60", "100", "120"] {
        let fitted = stdout(&[&args[..], &["--width", width]].concat());
        assert_fits(
            &fitted.lines().skip(1).collect::<Vec<_>>().join("\n"),
            width.parse().unwrap(),
        );
        assert_eq!(fitted.lines().count(), whole.lines().count());
    }
    let at_100 = stdout(&[&args[..], &["--width", "100"]].concat());
    assert!(at_100.contains('…'), "{at_100}");
    // Ids stay whole while narrowing the other columns is enough.
    assert!(
        at_100.contains("pro-mnla-self-defence-volunteers"),
        "{at_100}"
    );
    insta::assert_snapshot!("allies_width_100", at_100);
    let arabic = stdout(&[&args[..], &["--width", "80", "--lang", "ar"]].concat());
    assert_fits(&arabic.lines().skip(1).collect::<Vec<_>>().join("\n"), 80);
    // Piped, $COLUMNS or not, a table is whole; --wide keeps it whole on a terminal too.
    let piped = cmd().args(args).env("COLUMNS", "40").output().unwrap();
    assert_eq!(String::from_utf8(piped.stdout).unwrap(), whole);
    assert_eq!(stdout(&[&args[..], &["--wide"]].concat()), whole);
    let clash = fails(&["list", "--wide", "--width", "80"], 2);
    assert!(clash.contains("cannot be used with"), "{clash}");
    let narrow = fails(&["list", "--width", "19"], 2);
    assert!(narrow.contains("19"), "{narrow}");
}

#[test]
fn list_shows_every_entity_or_those_of_a_kind() {
    let all = json(&["list"]);
    let entities = all.as_array().unwrap();
    let data: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data/azawad/entities.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(entities.len(), data.as_array().unwrap().len());
    assert_eq!(entities[0]["id"], "ansar-dine");
    let towns = json(&["list", "--kind", "city"]);
    let ids = crate::common::ids(&towns, "id");
    assert_eq!(
        ids,
        ["gao", "in-arab", "khalil", "kidal", "menaka", "timbuktu"]
    );
    insta::assert_snapshot!(
        "list_states_cities",
        stdout(&["list", "--kind", "state,city"])
    );
    insta::assert_snapshot!(
        "list_cities_fr",
        stdout(&["list", "--kind", "city", "--lang", "fr"])
    );
    let text = stdout(&["list"]);
    assert!(
        text.starts_with(&format!("{0} of {0} entities\n", entities.len())),
        "{text}"
    );
    let bad = fails(&["list", "--kind", "town"], 2);
    assert!(bad.contains("possible values"), "{bad}");
}

#[test]
fn find_matches_words_prefixes_and_parts_of_words() {
    let found = |text: &str| crate::common::ids(&json(&["find", text]), "id");
    // A whole name first, then the names holding it as a word.
    assert_eq!(
        found("Gao"),
        ["gao", "gao-region", "gao-flag-waving-civilians"]
    );
    // The start of a word (Tombouctou), in any spelling: accents and case aside.
    assert_eq!(found("tomb"), ["timbuktu", "timbuktu-region"]);
    assert_eq!(found("TOMBOUCT"), ["timbuktu", "timbuktu-region"]);
    // Inside a word, and in Arabic (تمبكتو).
    assert_eq!(found("bouct"), ["timbuktu", "timbuktu-region"]);
    assert_eq!(found("مبكت"), ["timbuktu", "timbuktu-region"]);
    // A word start scores above a part inside a word.
    let scores = json(&["find", "ansar"]);
    assert_eq!(scores[0]["id"], "ansar-dine");
    let en = json(&["find", "liberation"]);
    assert!(
        en.as_array().unwrap().iter().any(|m| m["id"] == "mnla"),
        "{en}"
    );
    // Resolution does not take a part for a name: still unknown to other commands.
    let stderr = fails(&["allies", "tomb"], 2);
    assert!(stderr.contains("unknown actor \"tomb\""), "{stderr}");
}

#[test]
fn show_json_with_sources_quotes_the_evidence_as_the_text_does() {
    let sources = seeds();
    let sources = sources.to_str().unwrap();
    let view = json(&["show", "mnla-controls-gao", "--sources", sources]);
    let text = stdout(&["show", "mnla-controls-gao", "--sources", sources]);
    let evidence = view["evidence"].as_array().unwrap();
    assert!(!evidence.is_empty());
    for span in evidence {
        let document = std::fs::read(seeds().join(span["document"].as_str().unwrap())).unwrap();
        let (start, end) = (
            span["start_byte"].as_u64().unwrap() as usize,
            span["end_byte"].as_u64().unwrap() as usize,
        );
        let quoted = std::str::from_utf8(&document[start..end]).unwrap();
        assert_eq!(span["text"], quoted);
        assert!(text.contains(&format!("«{}»", quoted.trim())), "{quoted}");
    }
    // An entity's relations carry their quotes too; without --sources, no text key.
    let entity = json(&["show", "Gao", "--sources", sources]);
    assert!(entity["relations"][0]["evidence"][0]["text"].is_string());
    let bare = json(&["show", "mnla-controls-gao"]);
    assert!(bare["evidence"][0].get("text").is_none(), "{bare}");
}

/// (name, arguments, exit code) of the usage errors kept consistent; stderr is snapshot as
/// `habits__<name>`.
const USAGE_ERRORS: &[(&str, &[&str], i32)] = &[
    ("diff_backwards", &["diff", "2013-03-01", "2012-05-01"], 2),
    (
        "diff_backwards_months",
        &["diff", "2012-06", "2012-05-15"],
        2,
    ),
    (
        "until_before_from",
        &["relations", "--from", "2013", "--until", "2012"],
        2,
    ),
    (
        "timeline_with_itself",
        &["timeline", "MNLA", "--with", "mnla"],
        2,
    ),
    (
        "relations_three_actors",
        &[
            "relations",
            "--with",
            "MNLA",
            "--with",
            "Gao",
            "--with",
            "Mali",
        ],
        2,
    ),
    ("find_nothing", &["find", "zzzzqq"], 1),
    ("find_misspelt", &["find", "Menakka"], 1),
    ("unknown_actor", &["allies", "zzzzqq"], 2),
    ("man_unknown_command", &["man", "nosuch"], 2),
    ("completions_unknown_shell", &["completions", "tcsh"], 2),
];

#[test]
fn usage_errors_are_consistent_and_say_what_to_do() {
    for (name, args, code) in USAGE_ERRORS {
        let stderr = fails(args, *code);
        assert!(stderr.starts_with("error: "), "{name}: {stderr}");
        insta::assert_snapshot!(*name, stderr, &format!("actorgraph {}", args.join(" ")));
    }
    // `find` never sends the user back to `find`.
    for args in [&["find", "zzzzqq"][..], &["find", "Menakka"][..]] {
        assert!(!fails(args, 1).contains("actorgraph find"), "{args:?}");
    }
    // A diff forward, or of one date with itself, is fine.
    assert!(run(&["diff", "2012-05", "2012-05"]).status.success());
    assert!(run(&["diff", "2012", "2012-05"]).status.success());
}

#[test]
fn the_readme_first_command_answers_a_question() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let first = &readme[readme.find("```sh\n").unwrap() + 6..];
    let first = first.lines().next().unwrap();
    let args: Vec<&str> = first
        .strip_prefix("cargo run --release -- ")
        .unwrap_or_else(|| panic!("the first command runs the binary: {first}"))
        .split(' ')
        .collect();
    assert_eq!(args[0], "allies", "{first}");
    let answer = stdout(&args);
    assert!(answer.starts_with("MNLA (mnla): 3 linked\n"), "{answer}");
    let shown = format!("```console\n$ actorgraph {}\n{answer}```", args.join(" "));
    assert!(
        readme.contains(&shown),
        "the README shows its answer as it is:\n{shown}"
    );
}

#[test]
fn the_readme_shows_language_and_width_as_they_are() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for command in [
        "relations --with Azawad --kind recognition --lang fr",
        "allies MNLA --at 2013-03 --width 100",
    ] {
        let args: Vec<&str> = command.split(' ').collect();
        let shown = format!("```console\n$ actorgraph {command}\n{}```", stdout(&args));
        assert!(readme.contains(&shown), "README, `{command}`:\n{shown}");
    }
}
