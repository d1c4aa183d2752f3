//! A relation's account: its summary, in the editors' own words, and the spans of the sources
//! that state it, in one heap block behind one pointer.
//!
//! Every relation has both. As a boxed string and a boxed slice they took four words in the
//! relation and two heap blocks, each with glibc's 8-byte header and its rounding to 16. In
//! one block they take one word and one block: the number of spans and the summary's length
//! (a `u32` each), the spans, then the summary's bytes. An account with neither holds no
//! block at all. A summary of 4 GiB or more, or 4,294,967,295 spans or more (which no graph
//! the loader reads can hold: graph files are at most 8 GiB and summaries at most 64 KiB),
//! is held as a boxed string and a boxed slice behind the header instead ("spilled"), so
//! that nothing is refused here.
//!
//! This is the one module of the model with `unsafe` code: a block of two kinds of items is
//! not a type the standard library has. Every read goes through [`Account::summary`] and
//! [`Account::evidence`], which the block's layout ([`Inline`]) and the header's marker
//! ([`SPILLED`]) decide; the tests run under the address sanitizer and valgrind (see
//! ARCHITECTURE.md).

use std::alloc::{self, Layout};
use std::fmt;
use std::ptr::{self, NonNull};

use super::Evidence;

/// A relation's summary and evidence spans, in one heap block (none when both are empty).
pub struct Account {
    /// The block, which begins with its [`Header`]; `None` for an empty summary and no spans.
    block: Option<NonNull<Header>>,
}

// SAFETY: an account owns its block as a `Box` owns its value; the block holds a string's
// bytes and `Evidence` values, which are `Send` and `Sync` (checked below).
unsafe impl Send for Account {}
// SAFETY: as for `Send`: shared access only reads the block.
unsafe impl Sync for Account {}

const _: () = {
    const fn send_and_sync<T: Send + Sync>() {}
    send_and_sync::<Evidence>();
    send_and_sync::<Box<str>>();
};

/// The start of every block: how many spans follow, and how long the summary after them is;
/// both [`SPILLED`] when the rest of a [`SpilledBlock`] follows instead.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(C, align(8))]
struct Header {
    /// The number of spans.
    spans: u32,
    /// The summary's length in bytes.
    summary_len: u32,
}

/// The mark of a spilled block, in both fields of its header.
const SPILLED: u32 = u32::MAX;

/// A block whose summary or spans are too many for a `u32` count.
#[repr(C)]
struct SpilledBlock {
    header: Header,
    summary: Box<str>,
    evidence: Box<[Evidence]>,
}

/// Where the parts of an inline block lie: the header, `spans` spans from
/// [`Inline::SPANS_AT`], then the summary's bytes.
#[derive(Clone, Copy)]
struct Inline {
    spans: usize,
    summary_len: usize,
}

impl Inline {
    /// The spans begin right after the header, which is aligned as they are.
    const SPANS_AT: usize = size_of::<Header>();

    /// Where the summary's bytes begin.
    fn summary_at(self) -> usize {
        Inline::SPANS_AT + self.spans * size_of::<Evidence>()
    }

    /// The spans of the block at `block`, of this shape.
    fn spans_in(self, block: NonNull<Header>) -> *mut [Evidence] {
        // SAFETY (of the address): the block is at least `SPANS_AT` bytes long.
        let spans = unsafe { block.cast::<u8>().add(Inline::SPANS_AT) };
        ptr::slice_from_raw_parts_mut(spans.cast::<Evidence>().as_ptr(), self.spans)
    }

    /// The layout of the block, if its size can be allocated.
    fn layout(self) -> Option<Layout> {
        let spans = self.spans.checked_mul(size_of::<Evidence>())?;
        let size = (Inline::SPANS_AT + spans).checked_add(self.summary_len)?;
        Layout::from_size_align(size, align_of::<Header>()).ok()
    }
}

const _: () = assert!(align_of::<Header>() >= align_of::<Evidence>());

impl Account {
    /// The account of `summary` and `evidence` (the spans are moved into the block).
    pub fn new(summary: &str, evidence: Vec<Evidence>) -> Account {
        Account::inline_below(summary, evidence, SPILLED)
    }

    /// [`Account::new`], spilling when the count of spans or the summary's length reaches
    /// `most` (at most [`SPILLED`]): tests spill small accounts.
    fn inline_below(summary: &str, mut evidence: Vec<Evidence>, most: u32) -> Account {
        if summary.is_empty() && evidence.is_empty() {
            return Account { block: None };
        }
        let fits = |n: usize| u32::try_from(n).is_ok_and(|n| n < most);
        let shape = Inline {
            spans: evidence.len(),
            summary_len: summary.len(),
        };
        let layout = (fits(shape.spans) && fits(shape.summary_len))
            .then(|| shape.layout())
            .flatten();
        let Some(layout) = layout else {
            let spilled = Box::new(SpilledBlock {
                header: Header {
                    spans: SPILLED,
                    summary_len: SPILLED,
                },
                summary: summary.into(),
                evidence: evidence.into_boxed_slice(),
            });
            let block = NonNull::from(Box::leak(spilled)).cast::<Header>();
            return Account { block: Some(block) };
        };
        // SAFETY: the layout's size is at least the header's (never zero); the header, the
        // spans and the summary are written within it, at the offsets `Inline` gives and
        // `layout` was computed from, each aligned (the block is aligned as the header, the
        // spans start right after it). The spans are moved: `set_len(0)` leaves the vector
        // to free its buffer without dropping them.
        unsafe {
            let block = alloc::alloc(layout);
            let Some(block) = NonNull::new(block) else {
                alloc::handle_alloc_error(layout)
            };
            block.cast::<Header>().write(Header {
                spans: shape.spans as u32,
                summary_len: shape.summary_len as u32,
            });
            let spans = block.add(Inline::SPANS_AT).cast::<Evidence>();
            ptr::copy_nonoverlapping(evidence.as_ptr(), spans.as_ptr(), shape.spans);
            evidence.set_len(0);
            let text = block.add(shape.summary_at());
            ptr::copy_nonoverlapping(summary.as_ptr(), text.as_ptr(), shape.summary_len);
            Account {
                block: Some(block.cast()),
            }
        }
    }

    /// The summary: what the relation states, in the editors' own words.
    pub fn summary(&self) -> &str {
        match self.parts() {
            Parts::Empty => "",
            Parts::Inline(block, shape) => {
                // SAFETY: the block holds the summary's bytes at `summary_at`, copied from a
                // `&str` (valid UTF-8), for as long as `self` lives.
                unsafe {
                    let text = block.cast::<u8>().add(shape.summary_at());
                    let bytes = std::slice::from_raw_parts(text.as_ptr(), shape.summary_len);
                    std::str::from_utf8_unchecked(bytes)
                }
            }
            // SAFETY: see `parts`.
            Parts::Spilled(spilled) => unsafe { &spilled.as_ref().summary },
        }
    }

    /// The spans of the sources that state the relation.
    pub fn evidence(&self) -> &[Evidence] {
        match self.parts() {
            Parts::Empty => &[],
            // SAFETY: the block holds `spans` initialised spans at `SPANS_AT`, aligned, for
            // as long as `self` lives.
            Parts::Inline(block, shape) => unsafe { &*shape.spans_in(block) },
            // SAFETY: see `parts`.
            Parts::Spilled(spilled) => unsafe { &spilled.as_ref().evidence },
        }
    }

    /// The spans, to change in place (their number stays).
    pub fn evidence_mut(&mut self) -> &mut [Evidence] {
        match self.parts() {
            Parts::Empty => &mut [],
            // SAFETY: as in `evidence`, and `&mut self` makes this the only access.
            Parts::Inline(block, shape) => unsafe { &mut *shape.spans_in(block) },
            // SAFETY: see `parts`; `&mut self` makes this the only access.
            Parts::Spilled(mut spilled) => unsafe { &mut spilled.as_mut().evidence },
        }
    }

    /// What the block holds, read from its header.
    fn parts(&self) -> Parts {
        let Some(block) = self.block else {
            return Parts::Empty;
        };
        // SAFETY: a block begins with its header, written when it was made. A spilled
        // header begins a `SpilledBlock` (made by `Box::leak`), alive while `self` is.
        let header = unsafe { block.read() };
        if header.spans == SPILLED {
            return Parts::Spilled(block.cast());
        }
        let shape = Inline {
            spans: header.spans as usize,
            summary_len: header.summary_len as usize,
        };
        Parts::Inline(block, shape)
    }
}

/// What an account's block holds.
enum Parts {
    /// No block: an empty summary and no spans.
    Empty,
    /// An inline block, at this address, of this shape.
    Inline(NonNull<Header>, Inline),
    /// A spilled block.
    Spilled(NonNull<SpilledBlock>),
}

impl Drop for Account {
    fn drop(&mut self) {
        match self.parts() {
            Parts::Empty => {}
            Parts::Inline(block, shape) => {
                // SAFETY: the spans are initialised and dropped once, here; the block was
                // allocated with this layout (computed from the same shape when it was
                // made, so it is valid).
                unsafe {
                    ptr::drop_in_place(shape.spans_in(block));
                    let layout = Layout::from_size_align_unchecked(
                        shape.summary_at() + shape.summary_len,
                        align_of::<Header>(),
                    );
                    alloc::dealloc(block.as_ptr().cast(), layout);
                }
            }
            // SAFETY: the block was made by `Box::leak` of a `SpilledBlock`.
            Parts::Spilled(block) => drop(unsafe { Box::from_raw(block.as_ptr()) }),
        }
    }
}

impl Clone for Account {
    fn clone(&self) -> Account {
        Account::new(self.summary(), self.evidence().to_vec())
    }
}

impl Default for Account {
    /// An empty summary and no spans: no block.
    fn default() -> Account {
        Account { block: None }
    }
}

impl PartialEq for Account {
    fn eq(&self, other: &Account) -> bool {
        self.summary() == other.summary() && self.evidence() == other.evidence()
    }
}

impl Eq for Account {}

impl fmt::Debug for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Account")
            .field("summary", &self.summary())
            .field("evidence", &self.evidence())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn span(document: &str, start: u64, row: Option<u64>) -> Evidence {
        Evidence::new(document.into(), start, start + 5, row).unwrap()
    }

    #[test]
    fn an_account_takes_one_word_and_nothing_on_the_heap_when_empty() {
        assert_eq!(size_of::<Account>(), size_of::<usize>());
        assert!(Account::new("", Vec::new()).block.is_none());
        assert_eq!(Account::default(), Account::new("", Vec::new()));
        assert_eq!(Account::default().summary(), "");
        assert!(Account::default().evidence().is_empty());
    }

    #[test]
    fn the_summary_and_spans_read_back_inline_and_spilled() {
        let spans = vec![span("a.txt", 1, None), span("b.csv", 7, Some(3))];
        for most in [SPILLED, 2, 1] {
            let account = Account::inline_below("Gao fell. غاو", spans.clone(), most);
            assert_eq!(account.summary(), "Gao fell. غاو");
            assert_eq!(account.evidence(), &spans[..]);
            assert_eq!(account.clone(), account);
            assert!(matches!(account.parts(), Parts::Spilled(_)) == (most <= 2));
        }
        let only_spans = Account::new("", spans.clone());
        assert_eq!(
            (only_spans.summary(), only_spans.evidence()),
            ("", &spans[..])
        );
        let only_summary = Account::new("x", Vec::new());
        assert_eq!(
            (only_summary.summary(), only_summary.evidence()),
            ("x", &[][..])
        );
    }

    #[test]
    fn spans_changed_in_place_are_read_back_and_freed_once() {
        let document = arcstr::ArcStr::from("a.txt");
        for most in [SPILLED, 1] {
            let spans = vec![span("a.txt", 1, None), span("a.txt", 9, None)];
            let mut account = Account::inline_below("s", spans, most);
            for span in account.evidence_mut() {
                span.document = document.clone();
            }
            assert_eq!(arcstr::ArcStr::strong_count(&document), Some(3));
            drop(account);
            assert_eq!(arcstr::ArcStr::strong_count(&document), Some(1));
        }
    }

    proptest! {
        #[test]
        fn any_summary_and_spans_read_back(
            summary in "\\PC{0,80}",
            starts in proptest::collection::vec((0u64..1 << 40, proptest::option::of(0u64..9)), 0..5),
            most in prop_oneof![Just(SPILLED), 0u32..6],
        ) {
            let spans: Vec<Evidence> = starts.iter().map(|&(s, row)| span("d", s, row)).collect();
            let account = Account::inline_below(&summary, spans.clone(), most);
            prop_assert_eq!(account.summary(), summary.as_str());
            prop_assert_eq!(account.evidence(), &spans[..]);
            let copy = account.clone();
            drop(account);
            prop_assert_eq!(copy.summary(), summary.as_str());
            prop_assert_eq!(copy.evidence(), &spans[..]);
        }
    }
}
