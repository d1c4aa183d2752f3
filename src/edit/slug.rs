//! Proposing ids from names: the slugs `check` accepts (lowercase ASCII letters, digits and
//! single hyphens), never one already taken.

use crate::names::normalize;

/// Longest slug proposed, in bytes, before a uniqueness suffix.
const MAX_SLUG: usize = 60;

/// The slug of `name`: [`normalize()`]d (accents, case, Arabic letter forms), Arabic letters
/// transliterated, anything else that is not an ASCII letter or digit a hyphen, runs of
/// hyphens one. Empty when nothing is left.
///
/// ```
/// use actorgraph::edit::slug::slug;
/// assert_eq!(slug("Mouvement national de libération de l'Azawad"), "mouvement-national-de-liberation-de-l-azawad");
/// assert_eq!(slug("جاو"), "jaw");
/// assert_eq!(slug("???"), "");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in normalize(name).chars() {
        let piece = match c {
            'a'..='z' | '0'..='9' => Some(c.to_string()),
            _ => arabic(c).map(str::to_owned),
        };
        match piece {
            Some(p) => out.push_str(&p),
            None if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            None => {}
        }
    }
    let mut out = out.trim_end_matches('-').to_owned();
    if out.len() > MAX_SLUG {
        out.truncate(MAX_SLUG);
        out = out.trim_end_matches('-').to_owned();
    }
    out
}

/// The first of `base`, `base-2`, `base-3` … that `taken` does not hold (`fallback` when
/// `base` is empty).
///
/// ```
/// use actorgraph::edit::slug::unique;
/// assert_eq!(unique("gao", "entity", |id| id == "gao"), "gao-2");
/// assert_eq!(unique("", "entity", |_| false), "entity");
/// ```
pub fn unique(base: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = if base.is_empty() { fallback } else { base };
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

/// A plain transliteration of the folded Arabic letters (after [`normalize`]: no hamza
/// forms, ى as ي, ة as ه).
fn arabic(c: char) -> Option<&'static str> {
    Some(match c {
        'ا' | 'ء' => "a",
        'ب' => "b",
        'ت' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' => "h",
        'خ' => "kh",
        'د' => "d",
        'ذ' => "dh",
        'ر' => "r",
        'ز' => "z",
        'س' => "s",
        'ش' => "sh",
        'ص' => "s",
        'ض' => "d",
        'ط' => "t",
        'ظ' => "z",
        'ع' => "a",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'ه' => "h",
        'و' => "w",
        'ي' => "y",
        'پ' => "p",
        'چ' => "ch",
        'ڤ' => "v",
        'گ' => "g",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_pass_the_id_rule() {
        for name in [
            "Ansar Dine",
            "  --MNLA--  ",
            "أنصار الدين",
            "Ménaka 2012",
            "x".repeat(200).as_str(),
        ] {
            let s = slug(name);
            assert!(!s.is_empty() && s.len() <= MAX_SLUG, "{name}: {s}");
            assert!(
                !s.starts_with('-') && !s.ends_with('-') && !s.contains("--"),
                "{s}"
            );
            assert!(
                s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            );
        }
    }
}
