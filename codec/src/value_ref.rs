//! [`ValueRef`]: a borrowed, lazily walked view of validated calldata.
//!
//! The accessors and the iterators' steps are `#[inline]`: a walk runs in
//! the user's crate, where they were otherwise a call each.

use core::fmt;
use core::iter::FusedIterator;

use crate::address::Address;
use crate::error::DecodeError;
use crate::int::IntRef;
use crate::read::{self, read_key, Item};

/// A calldata value borrowed from its encoding.
///
/// Made by [`decode_ref`](crate::decode_ref), which validates the whole input
/// first; after that, walking cannot fail and allocates nothing (unless
/// the document nests deeper than 128): strings, bytes, addresses and
/// integers point into the input, and arrays and maps are iterated lazily,
/// stepping over an element not read by its headers alone. `Display` prints
/// the text form.
///
/// ```
/// use genvm_calldata::{decode_ref, ValueRef};
/// // {"a": [1, "x"]}
/// let input = [0x0e, 0x01, b'a', 0x15, 0x09, 0x0c, b'x'];
/// let value = decode_ref(&input).unwrap();
/// let items: Vec<ValueRef> = value.get("a").unwrap().as_array().unwrap().iter().collect();
/// assert_eq!(items[1].as_str(), Some("x"));
/// assert_eq!(value.to_string(), r#"{"a":[1,"x"]}"#);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueRef<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer of any size.
    Int(IntRef<'a>),
    /// A byte string.
    Bytes(&'a [u8]),
    /// A UTF-8 string.
    Str(&'a str),
    /// The 20 bytes of an address (see [`ValueRef::as_address`]).
    Address(&'a [u8; Address::LEN]),
    /// An array, walked lazily.
    Array(ArrayRef<'a>),
    /// A map, walked lazily.
    Map(MapRef<'a>),
}

impl<'a> ValueRef<'a> {
    /// Whether this is `null`.
    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, ValueRef::Null)
    }

    /// The boolean, if this is one.
    #[inline]
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            ValueRef::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The integer, if this is one.
    #[inline]
    pub fn as_int(&self) -> Option<IntRef<'a>> {
        match self {
            ValueRef::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The byte string, if this is one.
    #[inline]
    pub fn as_bytes(&self) -> Option<&'a [u8]> {
        match self {
            ValueRef::Bytes(b) => Some(b),
            _ => None,
        }
    }

    /// The string, if this is one.
    #[inline]
    pub fn as_str(&self) -> Option<&'a str> {
        match self {
            ValueRef::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The address, if this is one.
    #[inline]
    pub fn as_address(&self) -> Option<Address> {
        match self {
            ValueRef::Address(a) => Some(Address(**a)),
            _ => None,
        }
    }

    /// The array view, if this is an array.
    #[inline]
    pub fn as_array(&self) -> Option<ArrayRef<'a>> {
        match self {
            ValueRef::Array(a) => Some(*a),
            _ => None,
        }
    }

    /// The map view, if this is a map.
    #[inline]
    pub fn as_map(&self) -> Option<MapRef<'a>> {
        match self {
            ValueRef::Map(m) => Some(*m),
            _ => None,
        }
    }

    /// The value under `key`, if this is a map holding it.
    pub fn get(&self, key: &str) -> Option<ValueRef<'a>> {
        self.as_map()?.get(key)
    }
}

impl<'a> From<Item<'a>> for ValueRef<'a> {
    #[inline(always)]
    fn from(item: Item<'a>) -> Self {
        match item {
            Item::Null => ValueRef::Null,
            Item::Bool(b) => ValueRef::Bool(b),
            Item::Int(i) => ValueRef::Int(i),
            Item::Bytes(b) => ValueRef::Bytes(b),
            Item::Str(s) => ValueRef::Str(s),
            Item::Address(a) => ValueRef::Address(a),
            Item::Array { len, body } => ValueRef::Array(ArrayRef { len, body }),
            Item::Map { len, body } => ValueRef::Map(MapRef { len, body }),
        }
    }
}

/// [`read::read_item`] as a view: the value at `pos` and the offset past
/// what was read (a container's header only).
#[inline(always)]
pub(crate) fn read_value(
    input: &[u8],
    pos: usize,
    may_open: bool,
) -> Result<(ValueRef<'_>, usize), DecodeError> {
    read::read_item(input, pos, may_open).map(|(item, end)| (item.into(), end))
}

/// Where an iterator over a validated container's body stands.
///
/// A container it hands out is skipped only when the next item is asked
/// for: a walk that reads the last element of each level (deep nesting,
/// the tail of a record) never skips anything, and a skip follows headers
/// only, so walking a tree costs about one pass per level instead of
/// validating every subtree again.
#[derive(Clone)]
struct Cursor<'a> {
    body: &'a [u8],
    /// Where the next item starts, unless `behind`.
    pos: usize,
    /// `pos` is still at the start of the container handed out last.
    behind: bool,
}

impl<'a> Cursor<'a> {
    #[inline]
    fn new(body: &'a [u8]) -> Self {
        Cursor {
            body,
            pos: 0,
            behind: false,
        }
    }

    /// Where the next item starts, skipping the last container handed out.
    ///
    /// Bytes a view holds were validated, so `None` (which ends iteration)
    /// cannot happen; it keeps the walk panic-free regardless.
    #[inline]
    fn settle(&mut self) -> Option<usize> {
        if self.behind {
            self.pos = read::skip_validated(self.body, self.pos)?;
            self.behind = false;
        }
        Some(self.pos)
    }

    #[inline]
    fn value(&mut self) -> Option<ValueRef<'a>> {
        let start = self.settle()?;
        let (item, end) = read_value(self.body, start, true).ok()?;
        self.behind = matches!(item, ValueRef::Array(_) | ValueRef::Map(_));
        if !self.behind {
            self.pos = end;
        }
        Some(item)
    }

    /// The bytes from the body's start to where the cursor stands.
    fn read(mut self) -> &'a [u8] {
        let end = self.settle().unwrap_or(0);
        &self.body[..end]
    }

    #[inline]
    fn key(&mut self) -> Option<&'a str> {
        let (key, end) = read_key(self.body, self.settle()?).ok()?;
        self.pos = end;
        Some(key)
    }
}

/// A lazily walked array: its length and the bytes from its first element on.
#[derive(Clone, Copy)]
pub struct ArrayRef<'a> {
    len: usize,
    body: &'a [u8],
}

impl<'a> ArrayRef<'a> {
    /// Number of elements.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no elements.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The elements in order.
    #[inline]
    pub fn iter(&self) -> ArrayIter<'a> {
        ArrayIter {
            remaining: self.len,
            cursor: Cursor::new(self.body),
        }
    }

    /// The element at `index` (walks the elements before it).
    pub fn get(&self, index: usize) -> Option<ValueRef<'a>> {
        self.iter().nth(index)
    }

    /// The encoded elements, exactly (walks the whole array).
    pub(crate) fn encoded_body(&self) -> &'a [u8] {
        let mut items = self.iter();
        items.by_ref().for_each(drop);
        items.cursor.read()
    }
}

impl<'a> IntoIterator for ArrayRef<'a> {
    type Item = ValueRef<'a>;
    type IntoIter = ArrayIter<'a>;

    #[inline]
    fn into_iter(self) -> ArrayIter<'a> {
        self.iter()
    }
}

/// Iterator over the elements of an [`ArrayRef`].
#[derive(Clone)]
pub struct ArrayIter<'a> {
    remaining: usize,
    cursor: Cursor<'a>,
}

impl<'a> Iterator for ArrayIter<'a> {
    type Item = ValueRef<'a>;

    #[inline]
    fn next(&mut self) -> Option<ValueRef<'a>> {
        if self.remaining == 0 {
            return None;
        }
        let item = self.cursor.value()?;
        self.remaining -= 1;
        Some(item)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

/// Shows how many elements are left, not the elements.
impl fmt::Debug for ArrayIter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ArrayIter")
            .field("remaining", &self.remaining)
            .finish_non_exhaustive()
    }
}

impl ExactSizeIterator for ArrayIter<'_> {}
impl FusedIterator for ArrayIter<'_> {}

/// A lazily walked map: its entry count and the bytes from its first key on.
#[derive(Clone, Copy)]
pub struct MapRef<'a> {
    len: usize,
    body: &'a [u8],
}

impl<'a> MapRef<'a> {
    /// Number of entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no entries.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The entries in key order.
    #[inline]
    pub fn iter(&self) -> MapIter<'a> {
        MapIter {
            remaining: self.len,
            cursor: Cursor::new(self.body),
        }
    }

    /// The value under `key` (walks the entries up to it; keys are sorted, so
    /// a missing key stops at the first larger one).
    pub fn get(&self, key: &str) -> Option<ValueRef<'a>> {
        self.iter()
            .find(|(k, _)| *k >= key)
            .and_then(|(k, v)| (k == key).then_some(v))
    }

    /// The encoded entries, exactly (walks the whole map).
    pub(crate) fn encoded_body(&self) -> &'a [u8] {
        let mut entries = self.iter();
        entries.by_ref().for_each(drop);
        entries.cursor.read()
    }
}

impl<'a> IntoIterator for MapRef<'a> {
    type Item = (&'a str, ValueRef<'a>);
    type IntoIter = MapIter<'a>;

    #[inline]
    fn into_iter(self) -> MapIter<'a> {
        self.iter()
    }
}

/// Iterator over the entries of a [`MapRef`], in key order.
#[derive(Clone)]
pub struct MapIter<'a> {
    remaining: usize,
    cursor: Cursor<'a>,
}

impl<'a> Iterator for MapIter<'a> {
    type Item = (&'a str, ValueRef<'a>);

    #[inline]
    fn next(&mut self) -> Option<(&'a str, ValueRef<'a>)> {
        if self.remaining == 0 {
            return None;
        }
        let key = self.cursor.key()?;
        let value = self.cursor.value()?;
        self.remaining -= 1;
        Some((key, value))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

/// Shows how many entries are left, not the entries.
impl fmt::Debug for MapIter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MapIter")
            .field("remaining", &self.remaining)
            .finish_non_exhaustive()
    }
}

impl ExactSizeIterator for MapIter<'_> {}
impl FusedIterator for MapIter<'_> {}

/// Containers are equal when their encodings are (the encoding is canonical).
macro_rules! compare_by_encoding {
    ($($view:ident),*) => {$(
        impl PartialEq for $view<'_> {
            fn eq(&self, other: &Self) -> bool {
                self.len == other.len && self.encoded_body() == other.encoded_body()
            }
        }
        impl Eq for $view<'_> {}
        impl core::hash::Hash for $view<'_> {
            fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
                self.len.hash(state);
                self.encoded_body().hash(state);
            }
        }
    )*};
}

compare_by_encoding!(ArrayRef, MapRef);
