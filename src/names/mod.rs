//! Names: folding spellings in Latin and Arabic script, and resolving them to entities.

mod index;
mod matcher;
mod nearest;
pub mod normalize;

pub(crate) use index::{Best, best_hit, best_match, numbered, ranked_by};
pub use index::{
    NameError, NameIndex, NameKeys, NameMatch, keyed_names, label, label_ranks, positioned_keys,
    too_long,
};
pub use matcher::{
    Hit, KeyStore, Reach, contains_words, scan_holding, search, search_reaching, without_prefix,
};
pub use nearest::Nearest;
pub(crate) use normalize::{ARTICLES, key_of_normal};
pub use normalize::{key, normalize};
