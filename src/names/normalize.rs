//! Folding names to a comparable form, for Latin and Arabic script alike.
//!
//! [`normalize`] makes two spellings of one name equal where they differ only in case, Latin
//! accents, Arabic diacritics (tashkeel) and tatweel, alef forms (أ إ آ ٱ → ا), ى/ي, ة/ه,
//! hamza carriers (ؤ → و, ئ → ي), Persian and Urdu letter variants (ک → ك, ی → ي, ہ → ه),
//! Eastern Arabic digits, punctuation and spacing. [`key`] goes one step further and drops
//! the Arabic definite article from each word, so that `الإسلاميين` and `إسلاميين` meet.

use std::sync::atomic::{AtomicU64, Ordering};

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Folds `text` to its comparable form: lowercase, no accents or diacritics, Arabic letter
/// variants unified, words separated by single spaces.
///
/// Idempotent: `normalize(&normalize(s)) == normalize(s)`.
///
/// ```
/// use actorgraph::names::normalize;
/// assert_eq!(normalize("Ménaka"), "menaka");
/// assert_eq!(normalize("أزوادٌ"), normalize("ازواد"));
/// assert_eq!(normalize("  Ag-Acherif "), "ag acherif");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold(text, |c, _| out.push(c));
    out
}

/// The one folding [`normalize`] is made of, character by character, with where each folded
/// character comes from: `emit(c, at)` for each character of the folded form in order, `at`
/// being the byte offset in `text` of the character it comes from (a space between words
/// carries the offset of the first separator). Lets a caller search folded text and map a
/// match back to the bytes of the original ([`crate::cite`]).
///
/// ```
/// use actorgraph::names::normalize::fold;
/// let mut out = Vec::new();
/// fold("Gáo  Mali", |c, at| out.push((c, at)));
/// assert_eq!(out.iter().map(|(c, _)| c).collect::<String>(), "gao mali");
/// assert_eq!(out[3], (' ', 4));
/// assert_eq!(out[4], ('m', 6));
/// ```
pub fn fold(text: &str, mut emit: impl FnMut(char, usize)) {
    let mut pending_space: Option<usize> = None;
    let mut started = false;
    for (at, original) in text.char_indices() {
        pieces(original, |piece| match piece {
            None => {
                if started && pending_space.is_none() {
                    pending_space = Some(at);
                }
            }
            Some(c) => {
                if let Some(space_at) = pending_space.take() {
                    emit(' ', space_at);
                }
                started = true;
                emit(c, at);
            }
        });
    }
}

/// What one character folds to on its own, in order: `None` for a word separator, `Some(c)`
/// for a letter of the folded form (a dropped character calls nothing). [`fold`] is these
/// pieces of each character in turn, separators collapsed to one space between letters; so any
/// other implementation that looks the pieces up per character ([`piece`]) and collapses
/// separators the same way folds exactly as [`fold`] does.
fn pieces(original: char, mut emit: impl FnMut(Option<char>)) {
    // An ASCII character has no compatibility decomposition, is no combining mark and
    // lowercases to one ASCII character: the general path below, without its table lookups
    // (a test checks every ASCII character).
    if original.is_ascii() {
        match fold_char(original) {
            Fold::Drop => {}
            Fold::Space => emit(None),
            Fold::Keep(c) => emit(Some(c.to_ascii_lowercase())),
        }
        return;
    }
    let Some(slot) = KEPT.get(original as usize) else {
        return pieces_in_general(original, emit);
    };
    let mut kept = slot.load(Ordering::Relaxed);
    if kept == 0 {
        kept = Kept::of(original);
        slot.store(kept, Ordering::Relaxed);
    }
    if !Kept::each(kept, &mut emit) {
        pieces_in_general(original, emit);
    }
}

/// The pieces of the characters below U+0800 (Latin with accents, Arabic), each kept the
/// first time it is folded ([`Kept`]), so that folding a name looks each character up once
/// instead of decomposing and lowercasing it again; 0 until then. A race between threads
/// stores the same value twice.
static KEPT: [AtomicU64; 0x800] = [const { AtomicU64::new(0) }; 0x800];

/// A character's pieces as [`KEPT`] holds them: bit 0 set once known, bits 1–2 how many
/// pieces (at most two), then 21 bits per piece (a character, or `SEPARATOR`); a
/// character with more pieces is marked `GENERAL` and folded in general each time.
struct Kept;

impl Kept {
    const SEPARATOR: u64 = 0x11_0000;
    const GENERAL: u64 = u64::MAX;

    /// The entry of `c`'s pieces.
    fn of(c: char) -> u64 {
        let mut pieces = Vec::new();
        pieces_in_general(c, |p| pieces.push(p));
        if pieces.len() > 2 {
            return Kept::GENERAL;
        }
        let mut kept = 1 | (pieces.len() as u64) << 1;
        for (i, piece) in pieces.into_iter().enumerate() {
            let code = piece.map_or(Kept::SEPARATOR, u64::from);
            kept |= code << (3 + 21 * i);
        }
        kept
    }

    /// Emits the pieces of entry `kept`; false when it holds none that can be emitted
    /// (`GENERAL`).
    fn each(kept: u64, emit: &mut impl FnMut(Option<char>)) -> bool {
        if kept == Kept::GENERAL {
            return false;
        }
        for i in 0..(kept >> 1 & 3) {
            let code = (kept >> (3 + 21 * i) & 0x1F_FFFF) as u32;
            match u64::from(code) == Kept::SEPARATOR {
                true => emit(None),
                false => match char::from_u32(code) {
                    Some(c) => emit(Some(c)),
                    None => return false,
                },
            }
        }
        true
    }
}

/// [`pieces`] of any character: its compatibility decomposition, without combining marks,
/// each part folded by [`fold_char`] and lowercased.
fn pieces_in_general(original: char, mut emit: impl FnMut(Option<char>)) {
    decompose_compatible(original, |c| {
        if is_combining_mark(c) {
            return;
        }
        match fold_char(c) {
            Fold::Drop => {}
            Fold::Space => emit(None),
            // Lowercasing can produce combining marks again (İ → i̇): left out, which keeps
            // the folding idempotent.
            Fold::Keep(c) => {
                for lower in c.to_lowercase().filter(|l| !is_combining_mark(*l)) {
                    emit(Some(lower));
                }
            }
        }
    });
}

/// The folded piece of one character as text: `""` when it is dropped, a space for each
/// separator, else its folded letters (never whitespace, so the spaces are unambiguous).
/// [`normalize`] of a text is the concatenation of its characters' pieces with runs of
/// spaces collapsed to one and the ends trimmed; the HTML explorer folds a typed query this
/// way from a table of pieces (`export::html`).
///
/// ```
/// use actorgraph::names::normalize::piece;
/// assert_eq!(piece('É'), "e");
/// assert_eq!(piece('\u{064E}'), ""); // fatha, a diacritic
/// assert_eq!(piece('-'), " ");
/// assert_eq!(piece('ﻻ'), "لا");
/// ```
pub fn piece(c: char) -> String {
    let mut out = String::new();
    pieces(c, |p| out.push(p.unwrap_or(' ')));
    out
}

/// True when `c` leaves nothing in the folded form and separates nothing: an Arabic diacritic
/// or other combining mark, tatweel, a zero-width or bidi control. Such characters belong to
/// the letter before them.
pub fn is_invisible_in_fold(c: char) -> bool {
    let mut visible = false;
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) && !matches!(fold_char(d), Fold::Drop) {
            visible = true;
        }
    });
    !visible
}

/// True when `c` folds to a word separator (whitespace, punctuation, quotes of any shape).
pub fn is_separator(c: char) -> bool {
    let mut separator = false;
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) && matches!(fold_char(d), Fold::Space) {
            separator = true;
        }
    });
    separator
}

/// The matching key of `text`: [`normalize`]d, then the definite article (ال, and وال بال
/// فال كال لل) removed from every Arabic word that keeps at least two letters after it.
///
/// ```
/// use actorgraph::names::key;
/// assert_eq!(key("الإسلاميين"), key("إسلاميين"));
/// assert_eq!(key("بالحركة الوطنية"), key("حركة وطنية"));
/// ```
pub fn key(text: &str) -> String {
    key_of_normal(&normalize(text))
}

/// [`key`] of a text already [`normalize`]d: the article removed from each word.
pub(crate) fn key_of_normal(normal: &str) -> String {
    normal
        .split(' ')
        .map(strip_article)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The definite article as a word may begin with it, with a one-letter prefix first (و ب ف
/// ك, and ل, whose article is written لل).
pub(crate) const ARTICLES: [&str; 6] = ["وال", "بال", "فال", "كال", "ال", "لل"];

/// Removes a leading definite article (with an optional one-letter prefix) from one word.
fn strip_article(word: &str) -> &str {
    for prefix in ARTICLES {
        if let Some(rest) = word.strip_prefix(prefix)
            && rest.chars().count() >= 2
        {
            return rest;
        }
    }
    word
}

/// The one-letter Arabic prefixes a query may carry (و and, ب with, ل for, ف so, ك like).
pub(crate) const ONE_LETTER_PREFIXES: [char; 5] = ['و', 'ب', 'ل', 'ف', 'ك'];

enum Fold {
    Keep(char),
    Space,
    Drop,
}

fn fold_char(c: char) -> Fold {
    match c {
        // Tatweel stretches a word without changing it.
        '\u{0640}' => Fold::Drop,
        // Line breaks and tabs separate words like spaces.
        c if c.is_whitespace() => Fold::Space,
        // Zero-width, bidi and other invisible characters (the one list, in `text`): never
        // part of a name.
        c if crate::text::is_invisible(c) => Fold::Drop,
        // Alef forms (those NFKD does not already reduce to bare alef).
        'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => Fold::Keep('ا'),
        'ى' | 'ی' | 'ې' | 'ۍ' | 'ێ' | 'ے' | 'ۓ' => Fold::Keep('ي'),
        'ة' | 'ۀ' | 'ہ' | 'ۂ' | 'ۃ' | 'ە' | 'ھ' => Fold::Keep('ه'),
        'ک' | 'ڪ' | 'ػ' | 'ؼ' => Fold::Keep('ك'),
        'ٶ' => Fold::Keep('و'),
        'ٸ' => Fold::Keep('ي'),
        // Eastern Arabic and Persian digits.
        '٠'..='٩' => Fold::Keep(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '۰'..='۹' => Fold::Keep(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        c if c.is_alphanumeric() => Fold::Keep(c),
        // Apostrophes inside Latin names (l'Azawad, N'Djamena) separate words.
        _ => Fold::Space,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn latin_case_and_accents_fold() {
        assert_eq!(normalize("Ménaka"), normalize("MENAKA"));
        assert_eq!(
            normalize("Mouvement national pour la libération de l'Azawad"),
            "mouvement national pour la liberation de l azawad"
        );
    }

    #[test]
    fn arabic_variants_fold() {
        // Alef forms, tashkeel, tatweel.
        assert_eq!(normalize("أزواد"), "ازواد");
        assert_eq!(normalize("إسلامي"), normalize("اسلامي"));
        assert_eq!(normalize("آغ"), normalize("اغ"));
        assert_eq!(normalize("مـــالي"), normalize("مالي"));
        assert_eq!(normalize("مَالِي"), normalize("مالي"));
        // Alef maqsura and ta marbuta.
        assert_eq!(normalize("موسى"), normalize("موسي"));
        assert_eq!(normalize("الحركة"), normalize("الحركه"));
        // Persian/Urdu letters.
        assert_eq!(normalize("کیدال"), normalize("كيدال"));
        // Digits.
        assert_eq!(normalize("٢٠١٢"), "2012");
    }

    #[test]
    fn the_article_is_optional_in_keys() {
        assert_eq!(key("الإسلامويين"), key("إسلامويين"));
        assert_eq!(key("والحركة"), key("حركة"));
        assert_eq!(key("للحركة"), key("حركة"));
        // Too short to carry an article: kept whole.
        assert_eq!(key("الي"), "الي");
    }

    #[test]
    fn ascii_and_kept_characters_fold_as_any_character_does() {
        // Every character below U+0800 (ASCII, or kept once folded), twice (the second time
        // from the kept entry), and a few above.
        let chars = (0..0x800u32).chain([0x800, 0xFB50, 0xFEFB, 0x1E9E]);
        for _ in 0..2 {
            for c in chars.clone().filter_map(char::from_u32) {
                let (mut fast, mut general) = (Vec::new(), Vec::new());
                pieces(c, |p| fast.push(p));
                pieces_in_general(c, |p| general.push(p));
                assert_eq!(fast, general, "{c:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn normalize_is_idempotent(s in "\\PC{0,40}") {
            let once = normalize(&s);
            prop_assert_eq!(normalize(&once), once.clone());
        }

        #[test]
        fn key_ignores_prior_normalisation(s in "[\\u0621-\\u064A\\u064B-\\u0652 a-zA-Z]{0,30}") {
            prop_assert_eq!(key(&normalize(&s)), key(&s));
        }

        #[test]
        fn arabic_normalize_is_idempotent(s in "[\\u0600-\\u06FF\\u0750-\\u077F ]{0,30}") {
            let once = normalize(&s);
            prop_assert_eq!(normalize(&once), once.clone());
        }
    }
}
