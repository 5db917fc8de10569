//! [`Str`]: an immutable UTF-8 string that can share the decoded input buffer.

use alloc::string::String;
use core::borrow::Borrow;
use core::fmt;
use core::ops::Deref;

use bytes::Bytes;

/// An immutable UTF-8 string backed by [`Bytes`].
///
/// Strings decoded by [`decode_bytes`](crate::decode_bytes) point into the
/// input buffer instead of copying it; cloning one is a reference-count bump.
/// It dereferences to `&str` and compares, orders and hashes like one.
///
/// ```
/// use genvm_calldata::Str;
/// let name = Str::from("genvm");
/// assert_eq!(&*name, "genvm");
/// assert!(name.starts_with("gen"));
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Str(Bytes);

impl Str {
    /// An empty string (no allocation).
    pub const fn new() -> Str {
        Str(Bytes::new())
    }

    /// A string from a `'static` literal (no allocation).
    pub const fn from_static(text: &'static str) -> Str {
        Str(Bytes::from_static(text.as_bytes()))
    }

    /// Checks that `bytes` is UTF-8 and keeps it without copying.
    pub fn from_utf8(bytes: Bytes) -> Result<Str, core::str::Utf8Error> {
        core::str::from_utf8(&bytes)?;
        Ok(Str(bytes))
    }

    /// The part of `buffer` that `text` borrows, without copying.
    ///
    /// `text` must lie inside `buffer` (the decoder only passes slices of it).
    pub(crate) fn slice_of(buffer: &Bytes, text: &str) -> Str {
        Str(buffer.slice_ref(text.as_bytes()))
    }

    /// The string as `&str`.
    pub fn as_str(&self) -> &str {
        // SAFETY: every constructor either checks UTF-8 (`from_utf8`), takes
        // a `&str`/`String`, or (`slice_of`) takes the exact bytes of a `&str`;
        // `Bytes` is immutable, so the content stays UTF-8. Re-checking here
        // would make every access O(len).
        unsafe { core::str::from_utf8_unchecked(&self.0) }
    }

    /// The underlying buffer (`as_bytes`, through `Deref` to `str`, gives
    /// the bytes as a slice).
    pub fn as_buffer(&self) -> &Bytes {
        &self.0
    }

    /// Gives up the UTF-8 guarantee and returns the buffer.
    pub fn into_bytes(self) -> Bytes {
        self.0
    }
}

impl Deref for Str {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<[u8]> for Str {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Str {
    fn from(text: &str) -> Str {
        Str(Bytes::copy_from_slice(text.as_bytes()))
    }
}

impl From<String> for Str {
    fn from(text: String) -> Str {
        Str(Bytes::from(text.into_bytes()))
    }
}

impl From<Str> for String {
    fn from(text: Str) -> String {
        String::from(text.as_str())
    }
}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_the_buffer_it_was_sliced_from() {
        let buffer = Bytes::from_static(b"xxhello");
        let text = core::str::from_utf8(&buffer[2..]).unwrap();
        let shared = Str::slice_of(&buffer, text);
        assert_eq!(shared, "hello");
        assert_eq!(shared.as_bytes().as_ptr(), buffer[2..].as_ptr());
    }

    #[test]
    fn from_utf8_checks() {
        assert!(Str::from_utf8(Bytes::from_static(b"\xff")).is_err());
        assert_eq!(
            Str::from_utf8(Bytes::from_static("é".as_bytes())).unwrap(),
            "é"
        );
    }

    #[test]
    fn orders_by_utf8_bytes() {
        // U+FF61 sorts before U+1F600 in UTF-8 byte order (and after in UTF-16).
        let order = |a: &str, b: &str| Str::from(a).cmp(&Str::from(b));
        assert_eq!(order("\u{ff61}", "\u{1f600}"), core::cmp::Ordering::Less);
        assert_eq!(order("a", "ab"), core::cmp::Ordering::Less);
    }
}
