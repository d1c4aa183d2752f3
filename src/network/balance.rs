//! Structural balance of the signed network over time.
//!
//! Alliance and support are positive ties, conflict and attack negative ones (negated
//! relations are not ties). A triangle of three actors all tied to one another is *balanced*
//! when the product of its signs is positive — three friends, or two friends with a common
//! enemy — and unbalanced otherwise: "the friend of my friend is my enemy", or three mutual
//! enemies. The share of balanced triangles, step by step, shows when a signed network was
//! under strain.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Bound::{Excluded, Unbounded};
use std::str::FromStr;

use crate::graph::{EntityIx, Graph, RelationIx};
use crate::model::{PartialDate, Period, RelationKind};
use crate::query::{self, ALLY_KINDS, Certainty, ENEMY_KINDS, Filter};

/// The sign of a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sign {
    /// Alliance or support.
    Positive,
    /// Conflict or attack.
    Negative,
}

/// How long each step of a balance series is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl FromStr for Step {
    type Err = String;

    fn from_str(text: &str) -> Result<Step, String> {
        match text.trim().to_lowercase().as_str() {
            "month" => Ok(Step::Month),
            "year" => Ok(Step::Year),
            _ => Err(format!("unknown step {text:?}: expected month or year")),
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Step::Month => "month",
            Step::Year => "year",
        })
    }
}

/// A triangle of actors tied to one another, with the relation behind each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Triad {
    /// The three actors, in index order: `a`, `b`, `c`.
    pub members: [EntityIx; 3],
    /// The signs of the sides a–b, b–c and a–c.
    pub signs: [Sign; 3],
    /// A relation behind each side (the earliest that held).
    pub relations: [RelationIx; 3],
    /// True when every side held certainly.
    pub certain: bool,
}

impl Triad {
    /// True when the product of the signs is positive.
    pub fn is_balanced(&self) -> bool {
        self.signs.iter().filter(|&&s| s == Sign::Negative).count() % 2 == 0
    }
}

/// The balance of the signed network in one step.
#[derive(Debug, Clone, PartialEq)]
pub struct Balance {
    /// The step: a month (`2012-05`) or a year.
    pub step: PartialDate,
    /// Pairs with a positive tie, with a negative tie, and with both (left out of triangles:
    /// they changed sides within the step).
    pub positive: usize,
    /// See `positive`.
    pub negative: usize,
    /// See `positive`.
    pub mixed: usize,
    /// How many triangles, and how many of them balanced.
    pub triangles: usize,
    /// See `triangles`.
    pub balanced: usize,
    /// The unbalanced triangles.
    pub unbalanced: Vec<Triad>,
}

impl Balance {
    /// The share of balanced triangles, when there is any triangle.
    pub fn ratio(&self) -> Option<f64> {
        (self.triangles > 0).then(|| self.balanced as f64 / self.triangles as f64)
    }
}

/// The structural balance of each step (month or year) from the one holding `from`'s first
/// day to the one holding `until`'s last day: the ties that held (at least possibly, or only
/// certainly with `certain_only`) during the step, their triangles, and which are unbalanced.
/// O(steps · (R + T)) for T triangles.
pub fn balance(graph: &Graph, period: Period, step: Step, certain_only: bool) -> Vec<Balance> {
    steps(period, step)
        .into_iter()
        .map(|date| balance_in(graph, date, certain_only))
        .collect()
}

/// The months or years that overlap `period`, in order.
fn steps(period: Period, step: Step) -> Vec<PartialDate> {
    let mut out = Vec::new();
    let Some(start) = PartialDate::of_day(period.first) else {
        return out;
    };
    let (mut year, mut month, _) = start.parts();
    loop {
        let date = match step {
            Step::Month => PartialDate::from_parts(year, month, 0),
            Step::Year => PartialDate::from_parts(year, 0, 0),
        };
        let Ok(date) = date else { break };
        if date.first_day() > period.last {
            break;
        }
        out.push(date);
        match step {
            Step::Month if month < 12 => month += 1,
            _ => {
                year += 1;
                month = 1;
            }
        }
    }
    out
}

/// One side of a triangle: its sign, a relation behind it, and whether it held certainly.
#[derive(Debug, Clone, Copy)]
struct Side {
    sign: Sign,
    relation: RelationIx,
    certain: bool,
}

/// The structural balance of the signed network of `step`.
fn balance_in(graph: &Graph, step: PartialDate, certain_only: bool) -> Balance {
    let pairs = signed_pairs(graph, step, certain_only);
    let mut balance = Balance {
        step,
        positive: 0,
        negative: 0,
        mixed: 0,
        triangles: 0,
        balanced: 0,
        unbalanced: Vec::new(),
    };
    // The pairs of one sign are the network's edges; a pair of both signs counts as mixed.
    let mut signed: BTreeMap<(EntityIx, EntityIx), Side> = BTreeMap::new();
    let mut neighbours: BTreeMap<EntityIx, BTreeSet<EntityIx>> = BTreeMap::new();
    for (&(a, b), sides) in &pairs {
        match sides.as_slice() {
            [side] => {
                match side.sign {
                    Sign::Positive => balance.positive += 1,
                    Sign::Negative => balance.negative += 1,
                }
                signed.insert((a, b), *side);
                neighbours.entry(a).or_default().insert(b);
                neighbours.entry(b).or_default().insert(a);
            }
            _ => balance.mixed += 1,
        }
    }
    for triad in triads(&signed, &neighbours) {
        balance.triangles += 1;
        if triad.is_balanced() {
            balance.balanced += 1;
        } else {
            balance.unbalanced.push(triad);
        }
    }
    balance
}

/// Each pair of actors linked during `step` by an alliance or support (positive) or a conflict
/// or attack (negative), smaller index first, with one side per sign: the first relation of
/// that sign and whether one of that sign held certainly.
fn signed_pairs(
    graph: &Graph,
    step: PartialDate,
    certain_only: bool,
) -> BTreeMap<(EntityIx, EntityIx), Vec<Side>> {
    let kinds: Vec<RelationKind> = ALLY_KINDS.iter().chain(&ENEMY_KINDS).copied().collect();
    let filter = Filter {
        kinds,
        period: Some(step.period()),
        certain_only,
        positive_only: true,
        ..Filter::default()
    };
    let mut pairs: BTreeMap<(EntityIx, EntityIx), Vec<Side>> = BTreeMap::new();
    for found in query::relations(graph, &[], &filter) {
        let (s, t) = graph.ends(found.relation);
        if s == t {
            continue;
        }
        let sign = if ALLY_KINDS.contains(&graph.relation(found.relation).kind) {
            Sign::Positive
        } else {
            Sign::Negative
        };
        let certain = found.certainty == Some(Certainty::Certain);
        let sides = pairs.entry((s.min(t), s.max(t))).or_default();
        match sides.iter_mut().find(|side| side.sign == sign) {
            Some(side) => side.certain |= certain,
            None => sides.push(Side {
                sign,
                relation: found.relation,
                certain,
            }),
        }
    }
    pairs
}

/// Every triangle of the signed network, once each: from its smallest member a, through
/// b < c.
fn triads(
    signed: &BTreeMap<(EntityIx, EntityIx), Side>,
    neighbours: &BTreeMap<EntityIx, BTreeSet<EntityIx>>,
) -> Vec<Triad> {
    let mut triads = Vec::new();
    for (&a, around) in neighbours {
        for &b in around.range((Excluded(a), Unbounded)) {
            let Some(beyond) = neighbours.get(&b) else {
                continue;
            };
            for &c in beyond.range((Excluded(b), Unbounded)) {
                if !around.contains(&c) {
                    continue;
                }
                let sides = [signed[&(a, b)], signed[&(b, c)], signed[&(a, c)]];
                triads.push(Triad {
                    members: [a, b, c],
                    signs: sides.map(|s| s.sign),
                    relations: sides.map(|s| s.relation),
                    certain: sides.iter().all(|s| s.certain),
                });
            }
        }
    }
    triads
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_cover_the_period() {
        let period =
            Period::between("2012-11".parse().unwrap(), "2013-02-03".parse().unwrap()).unwrap();
        let months: Vec<String> = steps(period, Step::Month)
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(months, ["2012-11", "2012-12", "2013-01", "2013-02"]);
        let years: Vec<String> = steps(period, Step::Year)
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(years, ["2012", "2013"]);
    }

    #[test]
    fn a_triangle_is_balanced_when_its_signs_multiply_to_positive() {
        let triad = |signs| Triad {
            members: [0, 1, 2].map(EntityIx::new),
            signs,
            relations: [0, 1, 2].map(RelationIx::new),
            certain: true,
        };
        use Sign::{Negative as N, Positive as P};
        assert!(triad([P, P, P]).is_balanced());
        assert!(triad([P, N, N]).is_balanced());
        assert!(!triad([P, P, N]).is_balanced());
        assert!(!triad([N, N, N]).is_balanced());
    }
}
