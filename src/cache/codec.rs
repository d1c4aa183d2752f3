//! The cache's byte encoding: little-endian integers and length-prefixed UTF-8 strings, read
//! back by a [`Decoder`] that checks every length against the bytes left, so that a truncated
//! or corrupted cache yields a [`Corrupt`] error naming the byte offset, never a panic or a
//! huge allocation.

use crate::model::{PartialDate, UncertainDate};

/// Appends values to a byte buffer.
#[derive(Debug, Default)]
pub struct Encoder {
    bytes: Vec<u8>,
}

impl Encoder {
    /// An encoder that appends to `bytes`.
    pub fn after(bytes: Vec<u8>) -> Self {
        Encoder { bytes }
    }

    /// The bytes written so far.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// How many bytes have been written: the offset of the next one.
    pub fn position(&self) -> u64 {
        self.bytes.len() as u64
    }

    /// Writes raw bytes.
    pub fn bytes(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }

    /// Writes one byte.
    pub fn u8(&mut self, value: u8) {
        self.bytes.push(value);
    }

    /// Writes a u32, little-endian.
    pub fn u32(&mut self, value: u32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    /// Writes a u64, little-endian.
    pub fn u64(&mut self, value: u64) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    /// Writes a u128, little-endian.
    pub fn u128(&mut self, value: u128) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    /// Writes a count or index. Graphs are bounded by the loader's limits, far below u32::MAX.
    pub fn len(&mut self, value: usize) {
        self.u32(u32::try_from(value).unwrap_or(u32::MAX));
    }

    /// Writes a string: its byte length, then its bytes.
    pub fn str(&mut self, value: &str) {
        self.len(value.len());
        self.bytes.extend_from_slice(value.as_bytes());
    }

    /// Writes an optional string: a presence byte, then the string.
    pub fn opt_str(&mut self, value: Option<&str>) {
        self.u8(u8::from(value.is_some()));
        if let Some(value) = value {
            self.str(value);
        }
    }

    /// Writes an optional uncertain date: a form byte (0 absent, 1 exact, 2 on or before, 3 on
    /// or after, 4 between), then each partial date written as one u32.
    pub fn date(&mut self, value: Option<UncertainDate>) {
        let (form, dates) = match value {
            None => (0, [None, None]),
            Some(UncertainDate::Exact(d)) => (1, [Some(d), None]),
            Some(UncertainDate::NotAfter(d)) => (2, [Some(d), None]),
            Some(UncertainDate::NotBefore(d)) => (3, [Some(d), None]),
            Some(UncertainDate::Between(a, b)) => (4, [Some(a), Some(b)]),
        };
        self.u8(form);
        for date in dates.into_iter().flatten() {
            let (year, month, day) = date.parts();
            self.u32(u32::from(year) << 16 | u32::from(month) << 8 | u32::from(day));
        }
    }

    /// Writes an optional index as one u32 (`u32::MAX` when absent).
    pub fn opt_index(&mut self, value: Option<usize>) {
        self.u32(value.map_or(u32::MAX, |v| u32::try_from(v).unwrap_or(u32::MAX - 1)));
    }
}

/// The cache bytes do not decode: what was expected and at which byte offset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} at byte {at}")]
pub struct Corrupt {
    /// Byte offset in the decoded buffer.
    pub at: usize,
    /// What was wrong.
    pub what: String,
}

/// Reads values back from bytes an [`Encoder`] wrote.
#[derive(Debug)]
pub struct Decoder<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Decoder<'a> {
    /// A decoder at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Decoder { bytes, at: 0 }
    }

    /// The offset of the next byte to read.
    pub fn position(&self) -> usize {
        self.at
    }

    /// The bytes not read yet.
    pub fn rest(&self) -> &'a [u8] {
        &self.bytes[self.at..]
    }

    /// An error at the current offset.
    pub fn corrupt(&self, what: impl Into<String>) -> Corrupt {
        Corrupt {
            at: self.at,
            what: what.into(),
        }
    }

    /// Reads `n` raw bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], Corrupt> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| self.corrupt(format!("unexpected end: {n} more bytes needed")))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Corrupt> {
        let mut array = [0; N];
        array.copy_from_slice(self.take(N)?);
        Ok(array)
    }

    /// Reads one byte.
    pub fn u8(&mut self) -> Result<u8, Corrupt> {
        Ok(self.array::<1>()?[0])
    }

    /// Reads a u32.
    pub fn u32(&mut self) -> Result<u32, Corrupt> {
        self.array().map(u32::from_le_bytes)
    }

    /// Reads a u64.
    pub fn u64(&mut self) -> Result<u64, Corrupt> {
        self.array().map(u64::from_le_bytes)
    }

    /// Reads a u128.
    pub fn u128(&mut self) -> Result<u128, Corrupt> {
        self.array().map(u128::from_le_bytes)
    }

    /// Reads a boolean byte (0 or 1).
    pub fn bool(&mut self) -> Result<bool, Corrupt> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            other => Err(self.corrupt(format!("flag {other} is neither 0 nor 1"))),
        }
    }

    /// Reads a count of items that each take at least `min_bytes`, refusing counts the bytes
    /// left cannot hold (so a corrupted count cannot make a huge allocation).
    pub fn count(&mut self, min_bytes: usize) -> Result<usize, Corrupt> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_bytes.max(1)) > self.bytes.len() - self.at {
            return Err(self.corrupt(format!("count {n} exceeds the bytes left")));
        }
        Ok(n)
    }

    /// Reads an index that must be below `bound`.
    pub fn index(&mut self, bound: usize, what: &str) -> Result<usize, Corrupt> {
        let i = self.u32()? as usize;
        if i >= bound {
            return Err(self.corrupt(format!("{what} index {i} out of range (< {bound})")));
        }
        Ok(i)
    }

    /// Reads an optional index (`u32::MAX` when absent) that must be below `bound`.
    pub fn opt_index(&mut self, bound: usize, what: &str) -> Result<Option<usize>, Corrupt> {
        match self.u32()? {
            u32::MAX => Ok(None),
            i if (i as usize) < bound => Ok(Some(i as usize)),
            i => Err(self.corrupt(format!("{what} index {i} out of range (< {bound})"))),
        }
    }

    /// Reads a string.
    pub fn str(&mut self) -> Result<&'a str, Corrupt> {
        let n = self.u32()? as usize;
        let start = self.at;
        let bytes = self.take(n)?;
        std::str::from_utf8(bytes).map_err(|e| Corrupt {
            at: start + e.valid_up_to(),
            what: "invalid UTF-8 in a string".to_owned(),
        })
    }

    /// Reads a string into an owned `String`.
    pub fn string(&mut self) -> Result<String, Corrupt> {
        self.str().map(str::to_owned)
    }

    /// Reads an optional string, borrowed.
    pub fn opt_str(&mut self) -> Result<Option<&'a str>, Corrupt> {
        if self.bool()? {
            self.str().map(Some)
        } else {
            Ok(None)
        }
    }

    /// Reads an optional uncertain date, checking that each partial date in it exists.
    pub fn date(&mut self) -> Result<Option<UncertainDate>, Corrupt> {
        let form = self.u8()?;
        Ok(Some(match form {
            0 => return Ok(None),
            1 => UncertainDate::Exact(self.partial_date()?),
            2 => UncertainDate::NotAfter(self.partial_date()?),
            3 => UncertainDate::NotBefore(self.partial_date()?),
            4 => UncertainDate::Between(self.partial_date()?, self.partial_date()?),
            other => return Err(self.corrupt(format!("date form {other}"))),
        }))
    }

    /// Reads a partial date packed in one u32, checking it exists.
    fn partial_date(&mut self) -> Result<PartialDate, Corrupt> {
        let packed = self.u32()?;
        let (year, month, day) = ((packed >> 16) as u16, (packed >> 8) as u8, packed as u8);
        PartialDate::from_parts(year, month, day).map_err(|e| self.corrupt(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        let mut e = Encoder::default();
        e.u8(7);
        e.u32(70_000);
        e.u64(u64::MAX - 1);
        e.u128(1 << 100);
        e.str("غاو Gao");
        e.opt_str(None);
        e.opt_str(Some(""));
        e.date("2012-06".parse().ok());
        e.date(None);
        e.date("[..2012-04]".parse().ok());
        e.date("[2013-09..]".parse().ok());
        e.date("[2012-04..2012-06-27]".parse().ok());
        e.opt_index(Some(3));
        e.opt_index(None);
        let bytes = e.into_bytes();
        let mut d = Decoder::new(&bytes);
        assert_eq!(d.u8(), Ok(7));
        assert_eq!(d.u32(), Ok(70_000));
        assert_eq!(d.u64(), Ok(u64::MAX - 1));
        assert_eq!(d.u128(), Ok(1 << 100));
        assert_eq!(d.str(), Ok("غاو Gao"));
        assert_eq!(d.opt_str(), Ok(None));
        assert_eq!(d.opt_str(), Ok(Some("")));
        assert_eq!(d.date(), Ok("2012-06".parse().ok()));
        assert_eq!(d.date(), Ok(None));
        assert_eq!(d.date(), Ok("[..2012-04]".parse().ok()));
        assert_eq!(d.date(), Ok("[2013-09..]".parse().ok()));
        assert_eq!(d.date(), Ok("[2012-04..2012-06-27]".parse().ok()));
        assert_eq!(d.opt_index(4, "entity"), Ok(Some(3)));
        assert_eq!(d.opt_index(4, "entity"), Ok(None));
        assert!(d.rest().is_empty());
    }

    #[test]
    fn bad_bytes_are_errors_with_an_offset() {
        let mut d = Decoder::new(&[5, 0, 0, 0, b'a']);
        assert_eq!(
            d.str().unwrap_err().to_string(),
            "unexpected end: 5 more bytes needed at byte 4"
        );
        let mut d = Decoder::new(&[255, 255, 255, 255]);
        assert!(d.count(1).is_err());
        let mut d = Decoder::new(&[9, 0, 0, 0]);
        assert_eq!(
            d.index(3, "entity").unwrap_err().to_string(),
            "entity index 9 out of range (< 3) at byte 4"
        );
        let mut d = Decoder::new(&[1, 0x01, 0x0d, 0xdc, 0x07]); // 2012-13-01
        assert!(d.date().is_err());
        let mut d = Decoder::new(&[5, 0, 0, 0, 0]); // no such date form
        assert_eq!(d.date().unwrap_err().to_string(), "date form 5 at byte 1");
        let mut d = Decoder::new(&[1, 0, 0, 0, 0xff]);
        assert_eq!(d.str().unwrap_err().at, 4);
    }
}
