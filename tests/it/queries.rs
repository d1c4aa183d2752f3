//! Relationship questions on the built-in Azawad graph, asked through the real binary.

use crate::common::{fails, ids, json, stdout};

#[test]
fn mnla_allies_in_may_2012_are_the_islamists_not_france() {
    let allies = json(&["allies", "MNLA", "--at", "2012-05"]);
    let who = ids(&allies, "entity.id");
    assert!(who.contains(&"islamists".to_owned()), "{who:?}");
    assert!(
        !who.iter()
            .any(|w| w.contains("france") || w.contains("french")),
        "{who:?}"
    );
}

#[test]
fn mnla_allies_in_march_2013_include_france_and_chad() {
    let who = ids(&json(&["allies", "mnla", "--at", "2013-03"]), "entity.id");
    assert!(who.iter().any(|w| w.contains("french")), "{who:?}");
    assert!(who.iter().any(|w| w.contains("chad")), "{who:?}");
    assert!(!who.contains(&"islamists".to_owned()), "{who:?}");
}

#[test]
fn mnla_enemies_after_the_split_include_the_islamists() {
    let who = ids(
        &json(&["enemies", "MNLA", "--at", "2012-07-01"]),
        "entity.id",
    );
    assert!(who.contains(&"islamists".to_owned()), "{who:?}");
}

fn holders(town: &str, at: &str) -> Vec<String> {
    let found = json(&["relations", "--with", town, "--kind", "control", "--at", at]);
    let mut who: Vec<String> = found
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["target"] == "gao" || r["target"] == town)
        .map(|r| r["source"].as_str().unwrap().to_owned())
        .collect();
    who.sort();
    who
}

#[test]
fn gao_changed_hands_in_june_2012() {
    assert_eq!(holders("Gao", "2012-05-01"), ["mnla"]);
    assert_eq!(holders("Gao", "2012-08-01"), ["islamists"]);
}

#[test]
fn azawad_recognitions_are_all_refusals() {
    let found = json(&["relations", "--with", "Azawad", "--kind", "recognition"]);
    let rows = found.as_array().unwrap();
    assert!(rows.len() >= 2);
    assert!(rows.iter().all(|r| r["negated"] == true), "{found:#}");
    let sources = ids(&found, "source");
    for who in ["ecowas", "france"] {
        assert!(sources.contains(&who.to_owned()), "{sources:?}");
    }
    let text = stdout(&["relations", "--with", "أزواد", "--kind", "recognition"]);
    assert!(text.contains("NOT recognition"), "{text}");
}

#[test]
fn every_spelling_in_the_texts_resolves() {
    let cases: &[(&str, &[&str])] = &[
        ("gao", &["Gao", "غاو", "جاو", "GAO", "بجاو", "وغاو"]),
        (
            "bilal-ag-acherif",
            &[
                "بلال أغ الشريف",
                "بلال أغ شريف",
                "Bilal Ag Acherif",
                "bilal ag acherif",
            ],
        ),
        (
            "mnla",
            &[
                "MNLA",
                "mnla",
                "الحركة الوطنية لتحرير أزواد",
                "الحركة الوطنيه لتحرير ازواد",
                "للحركة الوطنية لتحرير أزواد",
                "Mouvement national pour la libération de l'Azawad",
                "mouvement national pour la liberation de l azawad",
            ],
        ),
        (
            "ag-touman",
            &["أغ تومان", "أغ توماني", "Ag Touman", "Ag Toumani"],
        ),
        ("menaka", &["Ménaka", "Menaka", "ميناكا"]),
        ("timbuktu", &["تمبكتو", "Timbuktu", "Tombouctou"]),
        (
            "islamists",
            &["الإسلامويين", "الإسلاميين", "الاسلاميون", "إسلامويين"],
        ),
    ];
    for (id, spellings) in cases {
        for spelling in *spellings {
            let found = json(&["show", spelling]);
            assert_eq!(found["id"], *id, "{spelling:?} should resolve to {id}");
        }
    }
}

#[test]
fn find_ranks_and_scores() {
    let found = json(&["find", "gao"]);
    assert_eq!(found[0]["id"], "gao");
    assert_eq!(found[0]["score"], 1.0);
    for key in ["id", "kind", "names", "aliases", "score"] {
        assert!(found[0].get(key).is_some(), "find --json lacks {key}");
    }
    let partial = json(&["find", "Ansar"]);
    assert_eq!(partial[0]["id"], "ansar-dine");
    assert!(partial[0]["score"].as_f64().unwrap() < 1.0);
}

#[test]
fn a_date_inside_a_month_precision_start_is_possible_not_certain() {
    // The June 2013 ceasefire starts at month precision.
    let mid_june = json(&[
        "relations",
        "--with",
        "mnla",
        "--kind",
        "ceasefire",
        "--at",
        "2013-06-15",
    ]);
    let row = &mid_june.as_array().unwrap()[0];
    assert_eq!(row["start"], "2013-06");
    assert_eq!(row["certainty"], "possible");
    let july = json(&[
        "relations",
        "--with",
        "mnla",
        "--kind",
        "ceasefire",
        "--at",
        "2013-07-15",
    ]);
    assert_eq!(july[0]["certainty"], "certain");
    let certain = json(&[
        "relations",
        "--with",
        "mnla",
        "--kind",
        "ceasefire",
        "--at",
        "2013-06-15",
        "--certain",
    ]);
    assert_eq!(certain.as_array().unwrap().len(), 0);
}

#[test]
fn relation_objects_follow_the_json_contract() {
    let found = json(&["relations", "--with", "mnla", "--at", "2012"]);
    let keys = [
        "id",
        "kind",
        "source",
        "target",
        "start",
        "end",
        "negated",
        "status",
        "place",
        "event",
        "casualties",
        "summary",
        "evidence",
        "certainty",
    ];
    for row in found.as_array().unwrap() {
        for key in keys {
            assert!(row.get(key).is_some(), "relation lacks {key}: {row}");
        }
    }
    // Without a time filter, no certainty.
    let untimed = json(&["relations", "--with", "mnla"]);
    assert!(untimed[0].get("certainty").is_none());
}

#[test]
fn timeline_tells_the_split_with_the_islamists() {
    let text = stdout(&["timeline", "MNLA", "--with", "Islamists"]);
    let alliance = text.find("alliance").expect("alliance in the timeline");
    let conflict = text.find("conflict").expect("conflict in the timeline");
    assert!(
        alliance < conflict,
        "alliance should come before war:\n{text}"
    );
    let rows = json(&["timeline", "mnla", "--with", "islamists"]);
    // In order of the earliest possible start, then of the dates as written.
    let starts: Vec<Option<(actorgraph::Day, actorgraph::UncertainDate)>> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let date: Option<actorgraph::UncertainDate> =
                r["start"].as_str().map(|d| d.parse().unwrap());
            date.map(|d| (d.earliest(), d))
        })
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted, "timeline is in date order");
}

#[test]
fn path_links_two_actors() {
    let path = json(&["path", "ECOWAS", "Ansar Dine"]);
    let entities = path["entities"].as_array().unwrap();
    assert_eq!(entities.first().unwrap(), "ecowas");
    assert_eq!(entities.last().unwrap(), "ansar-dine");
    assert_eq!(
        path["relations"].as_array().unwrap().len(),
        entities.len() - 1
    );
    let several = json(&["path", "ECOWAS", "Ansar Dine", "-k", "3"]);
    let lengths: Vec<usize> = several
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["relations"].as_array().unwrap().len())
        .collect();
    assert_eq!(lengths.len(), 3);
    assert!(lengths.windows(2).all(|w| w[0] <= w[1]), "{lengths:?}");
}

#[test]
fn no_path_is_exit_1() {
    let err = fails(&["path", "ECOWAS", "Ansar Dine", "--max-hops", "1"], 1);
    assert!(
        err.contains("no path from ecowas to ansar-dine within 1 hops"),
        "{err}"
    );
}

#[test]
fn snapshot_and_diff() {
    let snap = json(&["snapshot", "--at", "2012-05-01"]);
    assert!(snap["relations"].as_array().unwrap().len() > 10);
    assert!(snap["entities"].as_array().unwrap().len() > 5);
    let diff = json(&["diff", "2012-05-01", "2013-03-01"]);
    let ended = diff["ended"].as_array().unwrap();
    assert!(
        ended.iter().any(|c| c["relation"]["kind"] == "control"
            && c["relation"]["source"] == "mnla"
            && c["relation"]["target"] == "gao"),
        "MNLA's hold on Gao ended: {diff:#}"
    );
    let same = json(&["diff", "2012-05-01", "2012-05-01"]);
    for key in ["began", "ended", "changed"] {
        assert_eq!(same[key].as_array().unwrap().len(), 0);
    }
    let text = stdout(&["diff", "2012-05-01", "2013-03-01"]);
    assert!(
        text.contains("ended between 2012-05-01 and 2013-03-01"),
        "{text}"
    );
}

#[test]
fn every_command_prints_text_and_is_deterministic() {
    let commands: &[&[&str]] = &[
        &["show", "mnla"],
        &["find", "azawad"],
        &["neighbors", "gao", "--at", "2012"],
        &["allies", "mnla", "--from", "2012-01", "--until", "2012-12"],
        &["enemies", "mnla"],
        &["relations", "--kind", "attack"],
        &["timeline", "gao"],
        &["path", "france", "gao", "-k", "2"],
        &["snapshot", "--at", "2013-03-01"],
        &["diff", "2012", "2013"],
    ];
    for args in commands {
        let first = stdout(args);
        assert!(!first.trim().is_empty(), "{args:?} printed nothing");
        assert_eq!(first, stdout(args), "{args:?} is not deterministic");
        let mut with_json = args.to_vec();
        with_json.push("--json");
        let text = stdout(&with_json);
        assert_eq!(
            text,
            stdout(&with_json),
            "{args:?} --json is not deterministic"
        );
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(!value.is_null(), "{args:?} --json printed null");
    }
}

#[test]
fn show_with_sources_quotes_evidence() {
    let seeds = crate::common::seeds();
    let text = stdout(&["show", "gao", "--sources", seeds.to_str().unwrap()]);
    assert!(text.contains("«"), "{text}");
    assert!(text.contains("جاو") || text.contains("غاو"), "{text}");
}

/// The strings of a JSON array.
fn strings(value: &serde_json::Value) -> Vec<String> {
    let items = value.as_array().unwrap().iter();
    items.map(|v| v.as_str().unwrap().to_owned()).collect()
}

/// The members of each bloc `blocs --at DATE --json` lists.
fn blocs(at: &str) -> Vec<Vec<String>> {
    let blocs = json(&["blocs", "--at", at]);
    blocs
        .as_array()
        .unwrap()
        .iter()
        .map(|b| strings(&b["members"]))
        .collect()
}

#[test]
fn the_mnla_and_the_islamists_are_one_bloc_in_may_2012_and_not_in_august() {
    let together = |blocs: &[Vec<String>]| {
        blocs
            .iter()
            .any(|b| b.contains(&"mnla".to_owned()) && b.contains(&"islamists".to_owned()))
    };
    assert!(together(&blocs("2012-05")), "{:?}", blocs("2012-05"));
    assert!(!together(&blocs("2012-08")), "{:?}", blocs("2012-08"));
    // Every relation that holds a bloc together is an alliance or a support of its members.
    for bloc in json(&["blocs", "--at", "2012-05"]).as_array().unwrap() {
        let members = strings(&bloc["members"]);
        for tie in bloc["relations"].as_array().unwrap() {
            assert!(["alliance", "support"].contains(&tie["kind"].as_str().unwrap()));
            for end in ["source", "target"] {
                assert!(members.contains(&tie[end].as_str().unwrap().to_owned()));
            }
        }
    }
}

#[test]
fn the_mnla_brokers_between_camps_in_march_2013() {
    let central = json(&["central", "--at", "2013-03", "--measure", "betweenness"]);
    assert_eq!(central[0]["id"], "mnla", "{central}");
    let scores: Vec<f64> = central
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
    let top = json(&["central", "--at", "2012-05", "--top", "2"]);
    assert_eq!(top.as_array().unwrap().len(), 2);
}

#[test]
fn the_three_way_war_of_mid_2012_is_unbalanced() {
    let steps = json(&["balance", "--from", "2012-05", "--until", "2012-08"]);
    let steps = steps.as_array().unwrap();
    assert_eq!(
        steps
            .iter()
            .map(|s| s["step"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["2012-05", "2012-06", "2012-07", "2012-08"]
    );
    let july = &steps[2];
    let unbalanced = july["unbalanced"].as_array().unwrap();
    let members: Vec<Vec<String>> = unbalanced.iter().map(|t| strings(&t["members"])).collect();
    assert!(
        members.iter().any(|m| ["mnla", "islamists", "mali"]
            .iter()
            .all(|a| m.contains(&(*a).to_owned()))),
        "{members:?}"
    );
    assert_eq!(
        july["triangles"].as_u64().unwrap(),
        july["balanced"].as_u64().unwrap() + unbalanced.len() as u64
    );
}

#[test]
fn network_questions_need_a_date() {
    let error = fails(&["blocs"], 2);
    assert!(error.contains("blocs needs a date"), "{error}");
    let error = fails(&["central", "--measure", "closeness", "--at", "2012"], 2);
    assert!(
        error.contains("expected degree, pagerank or betweenness"),
        "{error}"
    );
    let error = fails(&["balance", "--from", "2013", "--until", "2012"], 2);
    assert!(error.contains("before"), "{error}");
}
