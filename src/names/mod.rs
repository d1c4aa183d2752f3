//! Names: folding spellings in Latin and Arabic script, and resolving them to entities.

mod index;
mod matcher;
pub mod normalize;

pub use index::{NameError, NameIndex, NameMatch, keyed_names, too_long};
pub use matcher::{KeyStore, search};
pub(crate) use matcher::{contains_words, without_prefix};
pub(crate) use normalize::{ARTICLES, key_of_normal};
pub use normalize::{key, normalize};
