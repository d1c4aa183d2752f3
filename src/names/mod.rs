//! Names: folding spellings in Latin and Arabic script, and resolving them to entities.

mod index;
mod matcher;
pub mod normalize;

pub use index::{NameError, NameIndex, NameMatch, keyed_names, too_long};
pub use matcher::{
    Hit, KeyStore, Reach, contains_words, search, search_reaching, variants, without_prefix,
    word_coverage,
};
pub(crate) use normalize::{ARTICLES, key_of_normal};
pub use normalize::{key, normalize};
