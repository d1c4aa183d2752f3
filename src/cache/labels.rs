//! The cache's label part: by entity index, what a row prints of an entity at a relation's
//! end — its id, its kind (which neighbours count), and its short label in each output
//! language ([`i18n::label`], the one rule that makes a row's label) — so a command that
//! prints one row per relation reads one small entry per other end instead of decoding the
//! entity's record ([`super::rows::Rows::chunks`]). It ends the lookup section
//! (`lookup.rs`): the offset of each entity's entry from the part's text, then the end
//! of the last ((entities + 1) × 8), then the entries:
//!
//! | field | bytes |
//! |---|---|
//! | kind code (`EntityKind as u8`) | 1 |
//! | id | 4 + length |
//! | English label | 4 + length |
//! | Arabic label when it differs from the English one (presence byte, then the string) | 1 (+ 4 + length) |
//! | French label when it differs from the English one (likewise) | 1 (+ 4 + length) |
//!
//! Each entry is read through the body's checked blocks and must fill its bytes exactly.

use rayon::prelude::*;

use super::codec::{Decoder, Encoder};
use super::lookup::Lookup;
use super::rows::Named;
use super::{CacheError, Damage};
use crate::export::Lang;
use crate::graph::Graph;
use crate::i18n;
use crate::model::{Entity, EntityKind};

/// The entries of `graph`'s entities, by index, and where each starts (from the start of the
/// first), then the end of the last: what the lookup section stores.
pub fn entries(graph: &Graph) -> (Vec<u64>, Vec<u8>) {
    let mut entries = Encoder::default();
    let mut offsets = Vec::with_capacity(graph.entities().len() + 1);
    for entity in graph.entities() {
        offsets.push(entries.position());
        encode_entry(&mut entries, entity);
    }
    offsets.push(entries.position());
    (offsets, entries.into_bytes())
}

/// Appends `entity`'s entry.
fn encode_entry(e: &mut Encoder, entity: &Entity) {
    e.u8(entity.kind as u8);
    e.str(entity.id.as_str());
    let english = i18n::label(Lang::En, entity);
    e.str(english);
    for lang in [Lang::Ar, Lang::Fr] {
        let label = i18n::label(lang, entity);
        e.opt_str((label != english).then_some(label));
    }
}

/// The entries of entities that exercise every rule of [`i18n::label`] (an English acronym
/// alias, a French acronym that abbreviates the French name and one that does not, an
/// Arabic name, no French or Arabic name), and their labels as candidates show them
/// ([`crate::names::label`], which the lookup section orders the entities by), so that a
/// change of either rule changes the cache's fingerprint and a cache of labels made by
/// another rule is stale.
pub fn probe() -> String {
    use crate::model::{EntityId, Names};
    let entity = |id: &str, names: [Option<&str>; 3], aliases: &[&str]| Entity {
        id: EntityId::from_slug(id.to_owned()),
        kind: EntityKind::ALL[0],
        names: Names {
            en: names[0].map(str::to_owned),
            ar: names[1].map(str::to_owned),
            fr: names[2].map(str::to_owned),
        },
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        lifetime: None,
        description: String::new(),
    };
    let probes = [
        entity(
            "ecowas",
            [
                Some("Economic Community of West African States"),
                Some("المجموعة الاقتصادية لدول غرب أفريقيا"),
                Some("Communauté économique des États de l'Afrique de l'Ouest"),
            ],
            &["ECOWAS", "CEDEAO"],
        ),
        entity(
            "mnla",
            [
                Some("National Movement for the Liberation of Azawad"),
                None,
                Some("Mouvement national de libération de l'Azawad"),
            ],
            &["MNLA", "XYZ"],
        ),
        entity("gao", [Some("Gao"), None, None], &[]),
        entity("nameless", [None, None, None], &["ab"]),
    ];
    let mut text = Encoder::default();
    for probe in &probes {
        encode_entry(&mut text, probe);
        // The label the lookup section orders the entities by (`names::label_ranks`).
        text.str(&crate::names::label(probe));
    }
    String::from_utf8_lossy(&text.into_bytes()).into_owned()
}

/// One entity's entry: what a row prints of it.
#[derive(Debug, Clone, Copy)]
pub struct Label<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its kind.
    pub kind: EntityKind,
    /// Its short labels in English, Arabic and French ([`i18n::label`]).
    labels: [&'a str; 3],
}

impl<'a> Label<'a> {
    /// Decodes the entry `bytes` of entity `i`, which it must fill.
    pub fn decode(bytes: &'a [u8], i: usize) -> Result<Label<'a>, CacheError> {
        let damaged = |what: String| -> CacheError {
            Damage::Lookup(format!("the label of entity {i}: {what}")).into()
        };
        let mut d = Decoder::new(bytes);
        let entry = (|| {
            let code = d.u8()?;
            let kind = (EntityKind::ALL.get(usize::from(code)).copied())
                .ok_or_else(|| d.corrupt(format!("unknown entity kind code {code}")))?;
            let id = d.str()?;
            let english = d.str()?;
            let mut other = || -> Result<&'a str, super::Corrupt> {
                Ok(if d.bool()? { d.str()? } else { english })
            };
            let (arabic, french) = (other()?, other()?);
            Ok(Label {
                id,
                kind,
                labels: [english, arabic, french],
            })
        })()
        .map_err(|e: super::Corrupt| damaged(e.to_string()))?;
        if !d.rest().is_empty() {
            return Err(damaged(format!("{} bytes left over", d.rest().len())));
        }
        Ok(entry)
    }

    /// Its short label in `lang`, as [`i18n::label`] makes it.
    pub fn in_lang(&self, lang: Lang) -> &'a str {
        match lang {
            Lang::En => self.labels[0],
            Lang::Ar => self.labels[1],
            Lang::Fr => self.labels[2],
        }
    }
}

/// The entities some rows name, read from their label entries as a row prints them
/// ([`Named`]): their id, their short label in a language, and what a label function made of
/// that, once each however many rows name them, as the rows are read
/// ([`super::rows::Rows::chunks`], [`super::dated::Selection::each`]). What a row prints is
/// copied out of the entries, so that the rows never touch the label part's pages: they
/// may leave the resident set once read.
pub struct Labels<'a> {
    lang: Lang,
    label: &'a (dyn Fn(&str) -> String + Sync),
    /// Each entity's place in `read`, by index (`u32::MAX`: not read).
    slots: Vec<u32>,
    /// Each entity read: its kind, and where its id and then its short label in `lang` end
    /// in `text` (each starts where the one before ends).
    read: Vec<(EntityKind, usize, usize)>,
    /// The ids and short labels of the entities read, one after the other.
    text: String,
    made: Vec<String>,
}

impl<'a> Labels<'a> {
    /// None read yet, with room for `expected` of a graph of `count` entities, named in
    /// `lang` by what `label` makes of their short label.
    pub(super) fn new(
        (count, expected): (usize, usize),
        lang: Lang,
        label: &'a (dyn Fn(&str) -> String + Sync),
    ) -> Labels<'a> {
        Labels {
            lang,
            label,
            slots: vec![u32::MAX; count],
            read: Vec::with_capacity(expected),
            text: String::new(),
            made: Vec::with_capacity(expected),
        }
    }

    /// Reads from `lookup` the label entries of the entities of `read` that are not read yet,
    /// and makes their labels on every core.
    pub(super) fn read(
        &mut self,
        lookup: &Lookup,
        read: impl IntoIterator<Item = usize>,
    ) -> Result<(), CacheError> {
        let first = self.read.len();
        for i in read {
            match self.slots.get(i) {
                Some(&u32::MAX) => {
                    // Entity counts are bounded by the loader's limits, far below u32::MAX.
                    self.slots[i] = self.read.len() as u32;
                    let entry = lookup.label(i)?;
                    self.text.push_str(entry.id);
                    let id = self.text.len();
                    self.text.push_str(entry.in_lang(self.lang));
                    self.read.push((entry.kind, id, self.text.len()));
                }
                Some(_) => {}
                None => {
                    let what = format!("the label of entity {i}: out of range");
                    return Err(Damage::Lookup(what).into());
                }
            }
        }
        let label = self.label;
        let made: Vec<String> = (first..self.read.len())
            .into_par_iter()
            .with_min_len(256)
            .map(|slot| label(self.texts(slot)[1]))
            .collect();
        self.made.extend(made);
        Ok(())
    }

    /// The id and short label of the entity read in `slot`.
    fn texts(&self, slot: usize) -> [&str; 2] {
        let start = slot.checked_sub(1).map_or(0, |before| self.read[before].2);
        let (_, id, end) = self.read[slot];
        [&self.text[start..id], &self.text[id..end]]
    }

    /// Entity `i`, read.
    pub(super) fn named(&self, i: usize) -> Named<'_> {
        let slot = self.slots[i] as usize;
        let [id, name] = self.texts(slot);
        Named {
            id,
            name,
            label: &self.made[slot],
        }
    }

    /// The kind of entity `i`, read.
    pub(super) fn kind(&self, i: usize) -> EntityKind {
        self.read[self.slots[i] as usize].0
    }
}
