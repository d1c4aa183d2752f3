//! `extract` throughput on a generated Arabic corpus: news-like sentences built from the
//! built-in graph's Arabic names, trigger verbs and nouns, dates in both month series,
//! relative dates, negation, reported speech and filler clauses (no seed text is used).
//!
//! ```sh
//! cargo bench --bench extract            # 8 MB, five runs, the median on one core
//! cargo bench --bench extract -- --test  # quick: 256 KB, one run
//! ```
#![allow(clippy::disallowed_macros)] // a benchmark reports on the console

use std::time::Instant;

use actorgraph::extract::{Extractor, Lang};
use actorgraph::load::{GraphFiles, load};

const MONTHS: [&str; 12] = [
    "يناير",
    "شباط",
    "مارس",
    "نيسان",
    "مايو",
    "حزيران",
    "تموز",
    "أغسطس",
    "أيلول",
    "أكتوبر",
    "تشرين الثاني",
    "ديسمبر",
];
const VERBS: [&str; 10] = [
    "سيطر",
    "هاجمت",
    "استعادت",
    "اشتبكت",
    "دعمت",
    "انسحبت",
    "أدانت",
    "تحالفت",
    "استهدفت",
    "فقدت",
];
const NOUNS: [&str; 6] = [
    "اشتباكات",
    "هجوم",
    "محادثات",
    "اتفاق",
    "وقف إطلاق النار",
    "معارك",
];
const FILLER: [&str; 8] = [
    "وقال مسؤول محلي إن الوضع لا يزال متوترا في المنطقة",
    "وأضاف المصدر أن عشرات المدنيين فروا من القرى المجاورة",
    "ولم تتمكن الوكالة من التحقق من هذه المعلومات بشكل مستقل",
    "وتشهد المنطقة منذ سنوات اضطرابات أمنية متكررة",
    "وأشار شهود عيان إلى سماع دوي انفجارات قرب السوق",
    "ودعت منظمات إنسانية إلى فتح ممرات آمنة للمساعدات",
    "وتأتي هذه التطورات بعد أسابيع من التوتر",
    "وفي سياق متصل عقد المجلس اجتماعا طارئا",
];
const OPENERS: [&str; 6] = [
    "",
    "وبحسب ما ورد، ",
    "يُزعم أن ",
    "لم ",
    "وفي اليوم التالي، ",
    "وبعد أربعة أيام، ",
];

/// A deterministic generator (xorshift), so every run reads the same corpus.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn corpus(names: &[String], bytes: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut text = String::with_capacity(bytes + 1024);
    while text.len() < bytes {
        let a = &names[rng.below(names.len())];
        let b = &names[rng.below(names.len())];
        let year = 2010 + rng.below(6);
        let month = MONTHS[rng.below(12)];
        match rng.below(5) {
            0 => text.push_str(&format!(
                "في {} {month} {year}، {}{} {a} على {b}. ",
                1 + rng.below(28),
                OPENERS[rng.below(OPENERS.len())],
                VERBS[rng.below(VERBS.len())]
            )),
            1 => text.push_str(&format!(
                "اندلعت {} بين {a} و{b} في {month} {year}. ",
                NOUNS[rng.below(NOUNS.len())]
            )),
            2 => text.push_str(&format!(
                "{a} {} {b} في بداية عام {year}، وهو ما نفته مصادر أخرى. ",
                VERBS[rng.below(VERBS.len())]
            )),
            _ => text.push_str(&format!("{}.\n", FILLER[rng.below(FILLER.len())])),
        }
    }
    text
}

fn main() {
    let quick = std::env::args().any(|a| a == "--test" || a == "--quick")
        || std::env::var_os("ACTORGRAPH_BENCH_QUICK").is_some_and(|v| v == "1");
    let graph = load(&GraphFiles::builtin()).expect("the built-in graph loads");
    let names: Vec<String> = graph
        .entities()
        .iter()
        .filter_map(|e| e.names.ar.clone())
        .collect();
    let size = if quick { 256 << 10 } else { 8 << 20 };
    let text = corpus(&names, size);
    let extractor = Extractor::new(&graph, Lang::Ar, None).expect("the Arabic lexicon parses");
    let runs = if quick { 1 } else { 5 };
    let mut seconds = Vec::new();
    let mut candidates = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let found = extractor.extract("corpus.txt", &text, None);
        seconds.push(start.elapsed().as_secs_f64());
        candidates = found.candidates.len();
    }
    seconds.sort_by(f64::total_cmp);
    let median = seconds[seconds.len() / 2];
    let mb = text.len() as f64 / 1e6;
    println!(
        "extract/ar: {mb:.2} MB, {candidates} candidates, median {median:.3} s of {runs} run(s): {:.2} MB/s",
        mb / median
    );
}
