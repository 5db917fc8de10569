//! [`Str`]: an immutable UTF-8 string, held inline when short, otherwise
//! sharing a reference-counted buffer (the decoded input's, or its own).

use alloc::string::String;
use alloc::sync::Arc;
use core::borrow::Borrow;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::Deref;

use bytes::Bytes;

/// An immutable UTF-8 string.
///
/// Strings of up to [`Str::INLINE_LEN`] bytes (31 on 64-bit targets) are
/// held inline: making, cloning and dropping one touches no allocation and
/// no reference count. Longer ones share a buffer: a string decoded by
/// [`decode`](crate::decode) or [`decode_bytes`](crate::decode_bytes)
/// points into the input (one reference count per string, none per byte),
/// and cloning one is a reference-count bump. It dereferences to `&str` and
/// compares, orders and hashes like one.
///
/// ```
/// use genvm_calldata::Str;
/// let name = Str::from("genvm");
/// assert_eq!(&*name, "genvm");
/// assert!(name.starts_with("gen"));
/// assert_eq!(name.to_bytes(), &b"genvm"[..]);
/// ```
pub struct Str(Repr);

/// Four words: either `Inline` or `Shared`, told apart by the last byte
/// (`TAG`), which both variants keep at the same place and always
/// initialize.
#[repr(C)]
union Repr {
    inline: Inline,
    shared: Shared,
}

const WORD: usize = core::mem::size_of::<usize>();

#[repr(C)]
#[derive(Clone, Copy)]
struct Inline {
    /// The text in `bytes[..len]`, zeros after it.
    bytes: [u8; Str::INLINE_LEN],
    /// `INLINE | len`.
    tag: u8,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct Shared {
    ptr: *const u8,
    len: usize,
    /// For `ARC_BYTES`, what `Arc::<Bytes>::into_raw` gave; else null.
    owner: *const Bytes,
    pad: [u8; WORD - 1],
    /// `STATIC`, `ARC_BYTES` or `ARC_SLICE`.
    tag: u8,
}

/// A tag with this bit is `Inline`, its low bits the length.
const INLINE: u8 = 0x80;
/// `ptr..ptr + len` is a `&'static str`.
const STATIC: u8 = 0;
/// `ptr..ptr + len` lies in the `Bytes` that `owner` holds one count of.
const ARC_BYTES: u8 = 1;
/// `ptr..ptr + len` is the whole of an `Arc<[u8]>` this holds one count of.
const ARC_SLICE: u8 = 2;

// SAFETY: a `Str` is immutable text, and what it shares (a `'static` str,
// an `Arc<Bytes>`, an `Arc<[u8]>`) is `Send` and `Sync`: counts change
// atomically.
unsafe impl Send for Str {}
// SAFETY: as for `Send`.
unsafe impl Sync for Str {}

impl Str {
    /// The longest string held inline, without any allocation: four words
    /// less the tag byte (31 bytes on 64-bit targets, 15 on 32-bit ones).
    pub const INLINE_LEN: usize = 4 * WORD - 1;

    /// An empty string (no allocation).
    pub const fn new() -> Str {
        Str(Repr {
            inline: Inline {
                bytes: [0; Str::INLINE_LEN],
                tag: INLINE,
            },
        })
    }

    /// A string from a `'static` literal (no allocation).
    pub const fn from_static(text: &'static str) -> Str {
        Str(Repr {
            shared: Shared {
                ptr: text.as_ptr(),
                len: text.len(),
                owner: core::ptr::null(),
                pad: [0; WORD - 1],
                tag: STATIC,
            },
        })
    }

    /// Checks that `bytes` is UTF-8 and keeps it: inline when short,
    /// otherwise sharing `bytes` without copying.
    pub fn from_utf8(bytes: Bytes) -> Result<Str, core::str::Utf8Error> {
        let text = core::str::from_utf8(&bytes)?;
        if let Some(inline) = Str::inline(text) {
            return Ok(inline);
        }
        let (ptr, len) = (text.as_ptr(), text.len());
        Ok(Str::arc_bytes(Arc::new(bytes), ptr, len))
    }

    /// `text` inline, if it is short enough.
    #[inline(always)]
    pub(crate) fn inline(text: &str) -> Option<Str> {
        if text.len() > Str::INLINE_LEN {
            return None;
        }
        let mut bytes = [0; Str::INLINE_LEN];
        bytes[..text.len()].copy_from_slice(text.as_bytes());
        Some(Str(Repr {
            inline: Inline {
                bytes,
                tag: INLINE | text.len() as u8,
            },
        }))
    }

    /// `text`, which lies inside `owner`'s buffer, sharing that buffer
    /// (one more count of `owner`).
    ///
    /// # Panics
    ///
    /// When `text` does not lie inside `owner` (the decoder only passes
    /// slices of it).
    #[inline]
    pub(crate) fn shared(owner: &Arc<Bytes>, text: &str) -> Str {
        let buffer = owner.as_ptr_range();
        let range = text.as_bytes().as_ptr_range();
        assert!(
            buffer.start <= range.start && range.end <= buffer.end,
            "a shared string lies in its buffer"
        );
        Str::arc_bytes(Arc::clone(owner), text.as_ptr(), text.len())
    }

    /// Takes over `owner`'s count; `ptr..ptr + len` must be UTF-8 inside it.
    fn arc_bytes(owner: Arc<Bytes>, ptr: *const u8, len: usize) -> Str {
        Str(Repr {
            shared: Shared {
                ptr,
                len,
                owner: Arc::into_raw(owner),
                pad: [0; WORD - 1],
                tag: ARC_BYTES,
            },
        })
    }

    /// A copy of `text` in a buffer of its own (inline when short).
    fn copied(text: &str) -> Str {
        if let Some(inline) = Str::inline(text) {
            return inline;
        }
        let owned: Arc<[u8]> = Arc::from(text.as_bytes());
        let len = owned.len();
        Str(Repr {
            shared: Shared {
                ptr: Arc::into_raw(owned) as *const u8,
                len,
                owner: core::ptr::null(),
                pad: [0; WORD - 1],
                tag: ARC_SLICE,
            },
        })
    }

    #[inline(always)]
    fn tag(&self) -> u8 {
        // SAFETY: both variants keep their tag in the last byte, and every
        // constructor writes it.
        unsafe { self.0.inline.tag }
    }

    /// The string as `&str`.
    #[inline]
    pub fn as_str(&self) -> &str {
        let tag = self.tag();
        // SAFETY: the tag says which variant was written. Inline bytes
        // `..len` were copied from a `&str`; a shared span is a `&'static
        // str`, or lies inside a buffer this holds a count of (immutable
        // while any count is held) and was the exact bytes of a `&str`
        // (checked UTF-8 by every constructor).
        unsafe {
            if tag & INLINE != 0 {
                let inline = &self.0.inline;
                let len = (tag & !INLINE) as usize;
                core::str::from_utf8_unchecked(inline.bytes.get_unchecked(..len))
            } else {
                let shared = &self.0.shared;
                let bytes = core::slice::from_raw_parts(shared.ptr, shared.len);
                core::str::from_utf8_unchecked(bytes)
            }
        }
    }

    /// The string as a `Bytes`: a slice of the shared buffer when there is
    /// one, else a copy (inline strings) or a static slice.
    pub fn to_bytes(&self) -> Bytes {
        match self.tag() {
            // SAFETY: the tag says `shared` was written; a `STATIC` span is
            // a `&'static str`.
            STATIC => Bytes::from_static(unsafe {
                let shared = self.0.shared;
                core::slice::from_raw_parts::<'static>(shared.ptr, shared.len)
            }),
            ARC_BYTES => {
                // SAFETY: the tag says `shared` was written, and its owner is
                // a live `Arc<Bytes>` this holds a count of.
                let owner = unsafe { &*self.0.shared.owner };
                owner.slice_ref(self.as_bytes())
            }
            _ => Bytes::copy_from_slice(self.as_bytes()),
        }
    }

    /// Gives up the UTF-8 guarantee and returns the bytes (see
    /// [`to_bytes`](Self::to_bytes)).
    pub fn into_bytes(self) -> Bytes {
        self.to_bytes()
    }
}

impl Clone for Str {
    #[inline]
    fn clone(&self) -> Str {
        match self.tag() {
            // SAFETY: the tag says `shared` was written, and `owner` is a
            // live `Arc<Bytes>` this holds a count of: one more for the copy.
            ARC_BYTES => unsafe { Arc::increment_strong_count(self.0.shared.owner) },
            ARC_SLICE => {
                // SAFETY: the tag says `shared` was written, and its span is
                // the whole of an `Arc<[u8]>` this holds a count of.
                unsafe {
                    let shared = self.0.shared;
                    let whole = core::ptr::slice_from_raw_parts(shared.ptr, shared.len);
                    Arc::increment_strong_count(whole)
                }
            }
            _ => {}
        }
        // SAFETY: the words are plain data (pointers and bytes), and the
        // count the copy owns was taken above.
        Str(unsafe { core::ptr::read(&self.0) })
    }
}

impl Drop for Str {
    #[inline]
    fn drop(&mut self) {
        match self.tag() {
            // SAFETY: the tag says `shared` was written; this gives back the
            // count of `owner` it holds.
            ARC_BYTES => unsafe { drop(Arc::from_raw(self.0.shared.owner)) },
            // SAFETY: as above, for the `Arc<[u8]>` its span is the whole of.
            ARC_SLICE => unsafe {
                let shared = self.0.shared;
                let whole = core::ptr::slice_from_raw_parts(shared.ptr, shared.len);
                drop(Arc::from_raw(whole))
            },
            _ => {}
        }
    }
}

impl Default for Str {
    fn default() -> Str {
        Str::new()
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Str) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Str {}

impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Str) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Str {
    /// By UTF-8 bytes, as `str` orders.
    fn cmp(&self, other: &Str) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Str {
    /// As `str` hashes, so maps keyed by `Str` can be read with a `&str`.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
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
        self.as_bytes()
    }
}

impl Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Str {
    fn from(text: &str) -> Str {
        Str::copied(text)
    }
}

impl From<String> for Str {
    fn from(text: String) -> Str {
        Str::copied(&text)
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
    //! Run under Miri: every variant is made, read, cloned and dropped.
    use super::*;
    use alloc::vec::Vec;

    const LONG: &str = "a string longer than thirty-one bytes, é included";

    #[test]
    fn is_four_words() {
        assert_eq!(core::mem::size_of::<Str>(), 4 * WORD);
        assert_eq!(core::mem::size_of::<Option<Str>>(), 5 * WORD);
    }

    #[test]
    fn every_variant_reads_clones_and_drops() {
        let buffer = Arc::new(Bytes::from(alloc::format!("xx{LONG}").into_bytes()));
        let text = core::str::from_utf8(&buffer[2..]).unwrap();
        let inline_max = "x".repeat(Str::INLINE_LEN);
        let strings = [
            Str::new(),
            Str::from("é"),
            Str::from(inline_max.as_str()),
            Str::from(LONG),
            Str::from(String::from(LONG)),
            Str::from_static(LONG),
            Str::from_static("short"),
            Str::shared(&buffer, text),
            Str::from_utf8(Bytes::from_static(LONG.as_bytes())).unwrap(),
            Str::from_utf8(Bytes::from_static(b"short")).unwrap(),
        ];
        let expected = [
            "",
            "é",
            inline_max.as_str(),
            LONG,
            LONG,
            LONG,
            "short",
            LONG,
            LONG,
            "short",
        ];
        for (string, expected) in strings.iter().zip(expected) {
            assert_eq!(string.as_str(), expected);
            let copy = string.clone();
            assert_eq!(copy, *string);
            assert_eq!(copy.to_bytes(), expected.as_bytes());
            drop(copy);
            assert_eq!(string.clone().into_bytes(), expected.as_bytes());
        }
        assert_eq!(Arc::strong_count(&buffer), 2);
        let shared = &strings[7];
        assert_eq!(shared.as_ptr(), buffer[2..].as_ptr());
        assert_eq!(shared.to_bytes().as_ptr(), buffer[2..].as_ptr());
        let clones: Vec<Str> = (0..3).map(|_| shared.clone()).collect();
        assert_eq!(Arc::strong_count(&buffer), 5);
        drop(clones);
        drop(strings);
        assert_eq!(Arc::strong_count(&buffer), 1);
    }

    #[test]
    #[should_panic(expected = "a shared string lies in its buffer")]
    fn shared_refuses_text_outside_its_buffer() {
        let buffer = Arc::new(Bytes::from_static(b"inside"));
        let _ = Str::shared(&buffer, "outside");
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
    fn orders_and_hashes_like_str() {
        // U+FF61 sorts before U+1F600 in UTF-8 byte order (and after in UTF-16).
        let order = |a: &str, b: &str| Str::from(a).cmp(&Str::from(b));
        assert_eq!(order("\u{ff61}", "\u{1f600}"), Ordering::Less);
        assert_eq!(order("a", "ab"), Ordering::Less);
        assert_eq!(order(LONG, "a"), Ordering::Greater);
        let hash = |value: &dyn Fn(&mut std_hasher::Fnv)| {
            let mut hasher = std_hasher::Fnv(0xcbf2_9ce4_8422_2325);
            value(&mut hasher);
            hasher.0
        };
        for text in ["", "key", LONG] {
            assert_eq!(hash(&|h| Str::from(text).hash(h)), hash(&|h| text.hash(h)));
        }
    }

    /// A small hasher, as `core` has none.
    mod std_hasher {
        pub struct Fnv(pub u64);
        impl core::hash::Hasher for Fnv {
            fn finish(&self) -> u64 {
                self.0
            }
            fn write(&mut self, bytes: &[u8]) {
                for byte in bytes {
                    self.0 = (self.0 ^ *byte as u64).wrapping_mul(0x100_0000_01b3);
                }
            }
        }
    }
}
