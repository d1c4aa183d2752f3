//! The `import` target: event tables read and imported from any bytes.

use actorgraph::edit::{Elements, change};
use actorgraph::import::custom::CustomMapping;
use actorgraph::import::{Mapping, Table, import};
use actorgraph::load::{self, GraphFiles, Layout};

/// Headers the first byte of an input may put before the rest, so that the mappings see rows
/// in their columns: 0 UCDP GED, 1 ACLED, 2 the custom mapping's, anything else none.
const HEADERS: [&str; 3] = [
    "id,type_of_violence,side_a,side_b,date_prec,date_start,date_end,best,low,high\n",
    "event_id_cnty,event_date,time_precision,event_type,actor1,inter1,actor2,inter2,fatalities\n",
    "a,b,kind,when,end,dead\n",
];

const MAPPING: &str = "source = \"a\"\ntarget = \"b\"\nkind_column = \"kind\"\nstart = \"when\"\nend = \"end\"\nkilled = \"dead\"\n[kinds]\nbattle = \"conflict\"\nraid = \"attack\"\n";

/// Reads the bytes as a CSV table (after the header the first byte chooses) and imports it
/// into an empty graph with each mapping.
///
/// Never panics. Each problem is located in the table at a line it has. Each relation
/// imported cites one row of the table by a span inside it, on character boundaries, with its
/// row number. Validating the result (as `add` and `import` do) never panics, and a result
/// that validates loads back with every relation imported.
pub fn import_table(data: &[u8]) {
    let (header, rest) = match data.split_first() {
        Some((&b, rest)) if usize::from(b) < HEADERS.len() => (HEADERS[usize::from(b)], rest),
        _ => ("", data),
    };
    let mut bytes = header.as_bytes().to_vec();
    bytes.extend_from_slice(rest);
    let mut problems = Vec::new();
    let Ok(table) = Table::parse("t.csv", &bytes, &mut problems) else {
        return;
    };
    let lines = table.text.lines().count().max(1);
    let empty = GraphFiles {
        origin: "fuzz".to_owned(),
        layout: Layout::Folder,
        entities: Vec::new().into(),
        relations: Vec::new().into(),
        sources: Vec::new().into(),
    };
    let Ok(graph) = load::load(&Elements::default().files("fuzz")) else {
        panic!("an empty graph loads");
    };
    let custom = CustomMapping::parse("m.toml", MAPPING).expect("the mapping parses");
    for mapping in [
        Mapping::Ucdp,
        Mapping::Acled,
        Mapping::Custom(Box::new(custom)),
    ] {
        let imported = import(&graph, &Elements::default(), &table, &mapping);
        for p in problems.iter().chain(&imported.problems) {
            assert_eq!(p.location.file, "t.csv", "{p}");
            assert!(
                p.location.line.is_some_and(|l| l >= 1 && l <= lines + 1),
                "{p}"
            );
        }
        for r in &imported.elements.relations {
            let [e] = r.evidence() else {
                panic!("{} cites {} spans", r.id, r.evidence().len());
            };
            assert_eq!(e.document, "t.csv");
            let (s, t) = (e.start_byte() as usize, e.end_byte() as usize);
            assert!(s <= t && t <= table.text.len(), "{e:?}");
            assert!(table.text.is_char_boundary(s) && table.text.is_char_boundary(t));
            let row = e.row().expect("a row number");
            assert!(
                table
                    .rows
                    .iter()
                    .any(|x| x.number == row && x.span == (s..t)),
                "{e:?}"
            );
        }
        if let Ok(done) = change(&empty, &imported.elements, None, false) {
            let files = imported.elements.files("fuzz");
            let loaded = load::load(&files).expect("a validated change loads");
            assert_eq!(loaded.relations().len(), imported.relations);
            assert!(done.writes().count() <= 3);
        }
    }
}
