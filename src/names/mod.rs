//! Names: folding spellings in Latin and Arabic script, and resolving them to entities.

mod index;
mod normalize;

pub use index::{
    NameError, NameIndex, NameMatch, keyed_names, too_long, variants, without_prefix, word_coverage,
};
pub(crate) use normalize::{ARTICLES, ONE_LETTER_PREFIXES, key_of_normal};
pub use normalize::{key, normalize};
