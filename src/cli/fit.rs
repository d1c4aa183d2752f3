//! Fitting a table to a width in display columns: the column widths that fit, and a cell cut
//! to its width with an ellipsis.
//!
//! Widths are display columns as `unicode-width` measures them (a CJK letter takes two, a
//! combining mark none). A cell is cut after a whole character and the zero-width characters
//! that follow it (an Arabic vowel sign stays on its letter), and ends in `…`.

use unicode_width::UnicodeWidthChar;
use unicode_width::UnicodeWidthStr;

/// The ellipsis that ends a cut cell (one column wide).
pub const ELLIPSIS: char = '…';

/// Columns between two cells.
pub const GAP: usize = 2;

/// The narrowest a table may be asked to fit: seven one-column cells and their gaps.
pub const MIN_WIDTH: usize = 20;

/// A column is narrowed below this many display columns only when narrowing every column to it
/// is not enough.
pub const FLOOR: usize = 8;

/// The widths of columns whose widest cells are `natural`, narrowed so that the columns and
/// their gaps fit `width`, in three passes that each stop once the table fits: the widest
/// columns not in `keep` narrow first, down to [`FLOOR`]; then the kept ones (ids, which a
/// user copies into the next command), down to [`FLOOR`]; then every column, down to one.
/// Columns that fit keep their natural width. When even one column each cannot fit, every
/// column is one wide.
pub fn widths(natural: &[usize], keep: &[bool], width: usize) -> Vec<usize> {
    let mut out = natural.to_vec();
    let gaps = GAP * natural.len().saturating_sub(1);
    let budget = width.saturating_sub(gaps);
    let kept = |c: usize| keep.get(c).copied().unwrap_or(false);
    for (floor, kept_too) in [(FLOOR, false), (FLOOR, true), (1, true)] {
        let mut total: usize = out.iter().sum();
        while total > budget {
            let widest = (0..out.len())
                .filter(|&c| out[c] > floor && (kept_too || !kept(c)))
                .max_by_key(|&c| (out[c], std::cmp::Reverse(c)));
            let Some(c) = widest else { break };
            // Narrow the widest down to the next widest (or by the excess) in one step; columns
            // equally wide narrow in turn, one column at a time.
            let next = (0..out.len())
                .filter(|&o| o != c && out[o] <= out[c])
                .map(|o| out[o])
                .max()
                .unwrap_or(floor)
                .max(floor);
            let cut = (out[c] - next).max(1).min(total - budget);
            out[c] -= cut;
            total -= cut;
        }
    }
    out
}

/// `cell` cut to at most `width` display columns, ending in [`ELLIPSIS`] when it had to be
/// cut; never a character split, and a character's combining marks kept with it.
pub fn truncate(cell: &str, width: usize) -> String {
    if cell.width() <= width {
        return cell.to_owned();
    }
    let room = width.saturating_sub(1);
    let mut out = String::with_capacity(cell.len().min(width * 4));
    let mut used = 0;
    for c in cell.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push(ELLIPSIS);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_widest_columns_not_kept_narrow_first() {
        // 10 + 30 + 20 + 4 gaps = 64 > 50: the 30 narrows to 20, then both to 15.
        assert_eq!(widths(&[10, 30, 20], &[false; 3], 50), vec![10, 18, 18]);
        assert_eq!(
            widths(&[10, 30, 20], &[false, false, true], 50),
            vec![10, 16, 20]
        );
        assert_eq!(widths(&[10, 30, 20], &[false; 3], 100), vec![10, 30, 20]);
        assert_eq!(widths(&[5, 5], &[true, true], 3), vec![1, 1]);
        // Ids narrow only once the other columns are down to the floor.
        assert_eq!(
            widths(&[30, 30, 30], &[false, false, true], 40),
            vec![8, 8, 20]
        );
        assert_eq!(
            widths(&[30, 30, 30], &[false, false, true], 24),
            vec![6, 7, 7]
        );
    }

    #[test]
    fn a_cut_cell_ends_in_an_ellipsis_and_keeps_its_marks() {
        assert_eq!(truncate("Islamist groups", 8), "Islamis…");
        assert_eq!(truncate("Gao", 8), "Gao");
        assert_eq!(truncate("مُحَمَّد", 3), "مُحَ…");
        // A two-column letter that does not fit is left out whole.
        assert_eq!(truncate("ab中文", 4), "ab…");
        assert_eq!(truncate("abc", 1), "…");
    }

    proptest::proptest! {
        /// Whatever the widths asked for, the columns fit whenever one column each can.
        #[test]
        fn the_columns_fit_the_width(
            natural in proptest::collection::vec(1usize..80, 1..8),
            keep in proptest::collection::vec(proptest::bool::ANY, 8),
            width in MIN_WIDTH..200,
        ) {
            let fitted = widths(&natural, &keep, width);
            let total: usize = fitted.iter().sum::<usize>() + GAP * (natural.len() - 1);
            proptest::prop_assert!(total <= width, "{fitted:?} in {width}");
            for (f, n) in fitted.iter().zip(&natural) {
                proptest::prop_assert!(f <= n && *f >= 1);
            }
            if natural.iter().sum::<usize>() + GAP * (natural.len() - 1) <= width {
                proptest::prop_assert_eq!(&fitted, &natural);
            }
        }

        /// A cut cell is no wider than asked, is a prefix of the cell (whole characters)
        /// followed by the ellipsis, and keeps the marks of its last letter.
        #[test]
        fn a_cut_cell_is_a_prefix_of_whole_characters(
            cell in "[a-zب\u{064e}\u{0651}中 é\u{0301}]{0,40}",
            width in 1usize..30,
        ) {
            let cut = truncate(&cell, width);
            proptest::prop_assert!(cut.width() <= width, "{cut:?}");
            match cut.strip_suffix(ELLIPSIS) {
                Some(kept) if cut != cell => {
                    proptest::prop_assert!(cell.starts_with(kept));
                    let next = cell[kept.len()..].chars().next();
                    proptest::prop_assert!(next.is_none_or(|c| c.width().unwrap_or(0) > 0), "{cut:?}");
                }
                _ => proptest::prop_assert_eq!(&cut, &cell),
            }
        }
    }
}
