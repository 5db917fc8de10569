//! The strict, iterative reader every decoding path runs.
//!
//! It walks one value depth-first with an explicit stack (never recursion),
//! checks every rule of `spec/calldata.md`, and reports the [`Item`]s it
//! meets to a [`Sink`]: nothing for `validate`, a tree for `decode`. Views
//! (`value_ref`) and the serde deserializer read single items with
//! [`read_item`] and [`read_key`].

use alloc::vec::Vec;
use core::cmp::Ordering;
use core::mem::MaybeUninit;

use crate::address::Address;
use crate::error::{DecodeError, ErrorKind};
use crate::int::IntRef;
use crate::wire::{self, *};

/// One value as the reader meets it: a scalar whole, a container as its
/// count and the bytes from its first element on (up to the input's end).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Item<'a> {
    Null,
    Bool(bool),
    Int(IntRef<'a>),
    Bytes(&'a [u8]),
    Str(&'a str),
    Address(&'a [u8; Address::LEN]),
    Array { len: usize, body: &'a [u8] },
    Map { len: usize, body: &'a [u8] },
}

/// Limits applied while decoding.
///
/// ```
/// use genvm_calldata::{decode_with, DecodeOptions, ErrorKind};
/// let nested = [0x0d, 0x0d, 0x05]; // [[[]]]
/// let error = decode_with(&nested, &DecodeOptions::new().max_depth(2)).unwrap_err();
/// assert_eq!(error.kind(), ErrorKind::TooDeep);
/// assert_eq!(error.offset(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodeOptions {
    /// The most containers a path may cross: a container nested inside
    /// `max_depth` others is refused. Default 128, the reference host's.
    /// Values above [`MAX_DEPTH_LIMIT`](Self::MAX_DEPTH_LIMIT) count as
    /// that limit.
    ///
    /// Past 128, validation keeps its stack on the heap, and `Display`, `Drop`,
    /// comparison, encoding and serde of the decoded tree recurse that deep.
    pub max_depth: usize,
}

impl DecodeOptions {
    /// The default depth limit.
    pub const DEFAULT_MAX_DEPTH: usize = 128;

    /// The hard maximum of [`max_depth`](Self::max_depth), twice the
    /// default: at this depth every recursive walk over a decoded tree
    /// (`Display`, `Drop`, comparison, encoding, serde both ways) fits in the
    /// 2 MiB stack Rust gives a new thread, even unoptimized (a test checks
    /// each of them; at 512, `Value`'s serde `Deserialize` did not fit).
    pub const MAX_DEPTH_LIMIT: usize = 256;

    /// The defaults (the reference host's limits).
    pub const fn new() -> Self {
        DecodeOptions {
            max_depth: Self::DEFAULT_MAX_DEPTH,
        }
    }

    /// Sets [`max_depth`](Self::max_depth).
    pub const fn max_depth(mut self, max_depth: usize) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// The depth limit in force: `max_depth`, at most the hard maximum.
    pub(crate) fn depth_limit(&self) -> usize {
        self.max_depth.min(Self::MAX_DEPTH_LIMIT)
    }
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions::new()
    }
}

/// Receives the values of a document in order.
///
/// A container arrives as an [`Item::Array`]/[`Item::Map`], then its
/// elements (each map value preceded by its key), then `end`.
pub(crate) trait Sink<'a> {
    /// Whether the sink reads integers' values: validation does not, and
    /// skips packing their ULEB128 groups (a fifth of its instructions on
    /// integer arrays).
    const READS_INTS: bool = true;
    fn value(&mut self, value: Item<'a>);
    fn key(&mut self, key: &'a str);
    fn end(&mut self);
}

/// Validation keeps nothing.
impl<'a> Sink<'a> for () {
    const READS_INTS: bool = false;
    #[inline(always)]
    fn value(&mut self, _: Item<'a>) {}
    #[inline(always)]
    fn key(&mut self, _: &'a str) {}
    #[inline(always)]
    fn end(&mut self) {}
}

/// An open container.
#[derive(Clone, Copy)]
struct Frame<'a> {
    /// Elements (or entries) not read yet.
    remaining: usize,
    is_map: bool,
    /// For maps: the key read last, to check the order of the next.
    previous_key: Option<&'a [u8]>,
}

/// Open containers live on the machine stack up to the default depth limit,
/// so validation allocates nothing; deeper limits spill to the heap.
const INLINE_DEPTH: usize = DecodeOptions::DEFAULT_MAX_DEPTH;

/// The open containers of a walk, innermost on top.
///
/// The inline frames start uninitialized: filling 128 of them cost more
/// than validating a typical call (see BENCHMARKS.md).
struct Stack<T> {
    /// `inline[..len]` are initialized.
    inline: [MaybeUninit<T>; INLINE_DEPTH],
    len: usize,
    spilled: Vec<T>,
}

impl<T: Copy> Stack<T> {
    fn new() -> Self {
        Stack {
            inline: [const { MaybeUninit::uninit() }; INLINE_DEPTH],
            len: 0,
            spilled: Vec::new(),
        }
    }

    #[inline(always)]
    fn push(&mut self, frame: T) {
        if self.len < INLINE_DEPTH {
            self.inline[self.len].write(frame);
            self.len += 1;
        } else {
            self.spilled.push(frame);
        }
    }

    #[inline(always)]
    fn top(&mut self) -> Option<&mut T> {
        if self.spilled.is_empty() {
            let top = self.inline[..self.len].last_mut()?;
            // SAFETY: `push` wrote every frame below `len`.
            Some(unsafe { top.assume_init_mut() })
        } else {
            self.spilled.last_mut()
        }
    }

    #[inline(always)]
    fn pop(&mut self) {
        if self.spilled.pop().is_none() {
            self.len -= 1;
        }
    }

    /// Removes and returns the top frame.
    #[inline(always)]
    fn take(&mut self) -> Option<T> {
        if let Some(frame) = self.spilled.pop() {
            return Some(frame);
        }
        self.len = self.len.checked_sub(1)?;
        // SAFETY: `push` wrote every frame below the old `len`, and
        // `self.len` is below it.
        Some(unsafe { self.inline[self.len].assume_init_read() })
    }
}

#[inline(always)]
fn fail<T>(kind: ErrorKind, offset: usize) -> Result<T, DecodeError> {
    Err(DecodeError::new(kind, offset))
}

/// Reads the value whose header starts at `pos`: a scalar whole, a container
/// as its header (refused as too deep unless `may_open`). Returns it and the
/// offset past what was read.
#[inline(always)]
pub(crate) fn read_item(
    input: &[u8],
    pos: usize,
    may_open: bool,
) -> Result<(Item<'_>, usize), DecodeError> {
    // Not `read_item_as`: views and the recursive serde deserializer call
    // this, and its smaller body keeps their unoptimized stack frames
    // within the depth tests' 2 MiB.
    let Some(&first) = input.get(pos) else {
        return fail(ErrorKind::TruncatedUleb, pos);
    };
    if first < 0x80 {
        return read_short_item(input, pos, first, may_open);
    }
    read_long_item(input, pos, may_open)
}

/// [`read_item`]; without `ints` a multi-byte integer's value is not
/// computed (its `Item` holds zero), only its end and canonical form are
/// checked. Always a constant where it is called.
#[inline(always)]
fn read_item_as(
    input: &[u8],
    pos: usize,
    may_open: bool,
    ints: bool,
) -> Result<(Item<'_>, usize), DecodeError> {
    let Some(&first) = input.get(pos) else {
        return fail(ErrorKind::TruncatedUleb, pos);
    };
    let tag = first & TAG_MASK;
    // Integers and strings first by their tag, then their headers' lengths
    // without a branch: in an array of them the tag repeats, but whether a
    // header takes one byte or more does not, and a branch on it was
    // mispredicted about once an element.
    if tag == TAG_POS_INT || tag == TAG_NEG_INT {
        if let Some(header) = wire::read_short_uleb(input, pos) {
            let (value, end) = header.or_else(|kind| fail(kind, pos))?;
            let arg = if ints { value >> TAG_BITS } else { 0 };
            return Ok((
                Item::Int(IntRef::small(tag == TAG_NEG_INT, arg as u128)),
                end,
            ));
        }
        if !ints {
            return match wire::skip_uleb(input, pos) {
                Ok(end) => Ok((Item::Int(IntRef::small(false, 0)), end)),
                Err(kind) => fail(kind, pos),
            };
        }
        return read_long_item(input, pos, may_open);
    }
    if tag == TAG_STR || tag == TAG_BYTES {
        if let Some(header) = wire::read_short_uleb(input, pos) {
            let (value, end) = header.or_else(|kind| fail(kind, pos))?;
            // Eight bytes hold at most 53 bits of length, under 2^32 or not.
            let len = value >> TAG_BITS;
            if len > wire::MAX_LENGTH as u64 {
                return fail(ErrorKind::LengthTooLarge, pos);
            }
            return read_payload(input, pos, tag, end, len as usize);
        }
        return read_long_item(input, pos, may_open);
    }
    if first < 0x80 {
        return read_short_item(input, pos, first, may_open);
    }
    read_long_item(input, pos, may_open)
}

/// A value whose header is one byte (`first`, below 0x80): the tag and an
/// argument below 16, in byte arithmetic.
#[inline(always)]
fn read_short_item(
    input: &[u8],
    pos: usize,
    first: u8,
    may_open: bool,
) -> Result<(Item<'_>, usize), DecodeError> {
    let end = pos + 1;
    let arg = (first >> TAG_BITS) as usize;
    let item = match first & TAG_MASK {
        TAG_ATOM => match arg as u128 {
            ATOM_NULL => Item::Null,
            ATOM_FALSE => Item::Bool(false),
            ATOM_TRUE => Item::Bool(true),
            ATOM_ADDRESS => return read_address(input, pos, end),
            _ => return fail(ErrorKind::InvalidAtom, pos),
        },
        TAG_POS_INT => Item::Int(IntRef::small(false, arg as u128)),
        TAG_NEG_INT => Item::Int(IntRef::small(true, arg as u128)),
        tag @ (TAG_BYTES | TAG_STR) => return read_payload(input, pos, tag, end, arg),
        tag @ (TAG_ARRAY | TAG_MAP) => return open(input, pos, tag, end, arg, may_open),
        _ => return fail(ErrorKind::ReservedType, pos),
    };
    Ok((item, end))
}

/// A value whose header takes more than one byte.
#[inline(always)]
fn read_long_item(
    input: &[u8],
    pos: usize,
    may_open: bool,
) -> Result<(Item<'_>, usize), DecodeError> {
    let header = match wire::read_uleb(input, pos) {
        Ok(header) => header,
        Err(kind) => return fail(kind, pos),
    };
    let end = header.end;
    let item = match header.tag() {
        TAG_ATOM => match header.arg() {
            Some(ATOM_NULL) => Item::Null,
            Some(ATOM_FALSE) => Item::Bool(false),
            Some(ATOM_TRUE) => Item::Bool(true),
            Some(ATOM_ADDRESS) => return read_address(input, pos, end),
            _ => return fail(ErrorKind::InvalidAtom, pos),
        },
        tag @ (TAG_POS_INT | TAG_NEG_INT) => {
            let negative = tag == TAG_NEG_INT;
            Item::Int(match header.arg() {
                Some(arg) => IntRef::small(negative, arg),
                None => IntRef::wide(negative, &input[pos..end]),
            })
        }
        tag @ (TAG_BYTES | TAG_STR) => {
            let len = header.length().or_else(|kind| fail(kind, pos))?;
            return read_payload(input, pos, tag, end, len);
        }
        tag @ (TAG_ARRAY | TAG_MAP) => {
            if !may_open {
                return fail(ErrorKind::TooDeep, pos);
            }
            let len = header.length().or_else(|kind| fail(kind, pos))?;
            return open(input, pos, tag, end, len, true);
        }
        _ => return fail(ErrorKind::ReservedType, pos),
    };
    Ok((item, end))
}

/// The 20 bytes after an address header ending at `end`.
#[inline(always)]
fn read_address(input: &[u8], pos: usize, end: usize) -> Result<(Item<'_>, usize), DecodeError> {
    match input
        .get(end..)
        .and_then(|rest| rest.first_chunk::<{ Address::LEN }>())
    {
        Some(address) => Ok((Item::Address(address), end + Address::LEN)),
        None => fail(ErrorKind::LengthPastEnd, pos),
    }
}

/// The `len` bytes of a byte string or string whose header ends at `end`.
#[inline(always)]
fn read_payload(
    input: &[u8],
    pos: usize,
    tag: u8,
    end: usize,
    len: usize,
) -> Result<(Item<'_>, usize), DecodeError> {
    let Some(payload) = input.get(end..).and_then(|rest| rest.get(..len)) else {
        return fail(ErrorKind::LengthPastEnd, pos);
    };
    let item = if tag == TAG_BYTES {
        Item::Bytes(payload)
    } else {
        Item::Str(utf8(payload, end)?)
    };
    Ok((item, end + len))
}

/// A container of `len` elements whose header ends at `end`.
#[inline(always)]
fn open(
    input: &[u8],
    pos: usize,
    tag: u8,
    end: usize,
    len: usize,
    may_open: bool,
) -> Result<(Item<'_>, usize), DecodeError> {
    if !may_open {
        return fail(ErrorKind::TooDeep, pos);
    }
    // Every element takes a byte at least, every entry two.
    let least = if tag == TAG_ARRAY {
        len
    } else {
        len.saturating_mul(2)
    };
    if least > input.len() - end {
        return fail(ErrorKind::LengthPastEnd, pos);
    }
    let body = &input[end..];
    let item = if tag == TAG_ARRAY {
        Item::Array { len, body }
    } else {
        Item::Map { len, body }
    };
    Ok((item, end))
}

/// Reads the map key whose length starts at `pos`.
#[inline(always)]
pub(crate) fn read_key(input: &[u8], pos: usize) -> Result<(&str, usize), DecodeError> {
    let length = match wire::read_uleb(input, pos) {
        Ok(length) => length,
        Err(kind) => return fail(kind, pos),
    };
    let len = length.plain_length().or_else(|kind| fail(kind, pos))?;
    let start = length.end;
    match input.get(start..).and_then(|rest| rest.get(..len)) {
        Some(key) => Ok((utf8(key, start)?, start + len)),
        None => fail(ErrorKind::LengthPastEnd, pos),
    }
}

/// Checks UTF-8, with an inline path for short ASCII (keys, names): the
/// out-of-line `from_utf8` call dominated short strings. Other strings go
/// through simdutf8 (SIMD from 64 bytes on, the standard library's check
/// below), and only a failure asks the standard library where it failed.
#[inline(always)]
fn utf8(bytes: &[u8], offset: usize) -> Result<&str, DecodeError> {
    if short_ascii(bytes) {
        // SAFETY: every byte is ASCII, and ASCII is valid UTF-8.
        return Ok(unsafe { core::str::from_utf8_unchecked(bytes) });
    }
    // Below 64 bytes simdutf8 would call the standard library itself.
    let checked = if bytes.len() < 64 {
        core::str::from_utf8(bytes).ok()
    } else {
        simdutf8::basic::from_utf8(bytes).ok()
    };
    checked.ok_or_else(|| utf8_error(bytes, offset))
}

/// The error of bytes that are not UTF-8: where the first bad byte is.
#[cold]
#[inline(never)]
fn utf8_error(bytes: &[u8], offset: usize) -> DecodeError {
    let valid = core::str::from_utf8(bytes).map_or_else(|error| error.valid_up_to(), |_| 0);
    DecodeError::new(ErrorKind::InvalidUtf8, offset + valid)
}

/// Whether `bytes` is at most 32 bytes long and all ASCII: OR-ed together
/// as a few (overlapping) words that cover it, not a byte at a time.
#[inline(always)]
fn short_ascii(bytes: &[u8]) -> bool {
    fn word<const N: usize>(bytes: &[u8], at: usize) -> u64 {
        let mut word = [0u8; 8];
        if let Some(chunk) = bytes.get(at..).and_then(|rest| rest.first_chunk::<N>()) {
            word[..N].copy_from_slice(chunk);
        }
        u64::from_le_bytes(word)
    }
    let len = bytes.len();
    let ored = match len {
        0 => 0,
        1..=3 => (bytes[0] | bytes[len / 2] | bytes[len - 1]) as u64,
        4..=7 => word::<4>(bytes, 0) | word::<4>(bytes, len - 4),
        8..=16 => word::<8>(bytes, 0) | word::<8>(bytes, len - 8),
        17..=32 => {
            word::<8>(bytes, 0)
                | word::<8>(bytes, 8)
                | word::<8>(bytes, len - 16)
                | word::<8>(bytes, len - 8)
        }
        _ => return false,
    };
    ored & 0x8080_8080_8080_8080 == 0
}

/// Byte order of two keys, inline for short ones: a `memcmp` call costs
/// more than comparing a five-byte key. Most keys
/// next to each other differ in their first byte, which is decided first.
#[inline(always)]
pub(crate) fn compare_keys(previous: &[u8], key: &[u8]) -> Ordering {
    match (previous.first(), key.first()) {
        (Some(a), Some(b)) if a != b => return a.cmp(b),
        _ => {}
    }
    if previous.len().min(key.len()) > 16 {
        return previous.cmp(key);
    }
    for (a, b) in previous.iter().zip(key) {
        if a != b {
            return a.cmp(b);
        }
    }
    previous.len().cmp(&key.len())
}

/// Parses all of `input` as one value, with no bytes left over, within
/// `options`' depth limit.
pub(crate) fn parse_document<'a, S: Sink<'a>>(
    input: &'a [u8],
    options: &DecodeOptions,
    sink: &mut S,
) -> Result<(), DecodeError> {
    let end = parse(input, 0, options.depth_limit(), sink)?;
    if end == input.len() {
        Ok(())
    } else {
        Err(DecodeError::new(ErrorKind::TrailingBytes, end))
    }
}

/// Parses the one value starting at `pos`, returning the offset past it.
///
/// A container nested inside `max_depth` others is refused, with an error
/// that names the limit.
pub(crate) fn parse<'a, S: Sink<'a>>(
    input: &'a [u8],
    pos: usize,
    max_depth: usize,
    sink: &mut S,
) -> Result<usize, DecodeError> {
    parse_within(input, pos, max_depth, sink).map_err(|error| error.with_depth_limit(max_depth))
}

fn parse_within<'a, S: Sink<'a>>(
    input: &'a [u8],
    pos: usize,
    max_depth: usize,
    sink: &mut S,
) -> Result<usize, DecodeError> {
    // A scalar needs no stack, whose set-up costs more than reading it
    // (serde reads each address, and each field it ignores, as one value).
    let (item, mut pos) = read_item_as(input, pos, max_depth > 0, S::READS_INTS)?;
    let (mut remaining, mut is_map) = match item {
        Item::Array { len, .. } => (len, false),
        Item::Map { len, .. } => (len, true),
        _ => {
            sink.value(item);
            return Ok(pos);
        }
    };
    sink.value(item);
    // The innermost open container lives in these locals, its parents on
    // the stack: an element costs no stack access unless it opens or
    // closes a container.
    let mut previous_key: Option<&'a [u8]> = None;
    let mut depth = 1;
    let mut stack = Stack::<Frame<'a>>::new();
    loop {
        if remaining == 0 {
            sink.end();
            let Some(parent) = stack.take() else {
                return Ok(pos);
            };
            depth -= 1;
            remaining = parent.remaining;
            is_map = parent.is_map;
            previous_key = parent.previous_key;
            continue;
        }
        remaining -= 1;
        if is_map {
            let (key, end) = read_key(input, pos)?;
            if let Some(previous) = previous_key {
                match compare_keys(previous, key.as_bytes()) {
                    Ordering::Less => {}
                    Ordering::Equal => return fail(ErrorKind::DuplicateKey, pos),
                    Ordering::Greater => return fail(ErrorKind::UnsortedKeys, pos),
                }
            }
            previous_key = Some(key.as_bytes());
            sink.key(key);
            pos = end;
        }
        let (item, end) = read_item_as(input, pos, depth < max_depth, S::READS_INTS)?;
        pos = end;
        let (len, opens_map) = match item {
            Item::Array { len, .. } => (len, false),
            Item::Map { len, .. } => (len, true),
            _ => {
                sink.value(item);
                continue;
            }
        };
        sink.value(item);
        stack.push(Frame {
            remaining,
            is_map,
            previous_key,
        });
        depth += 1;
        remaining = len;
        is_map = opens_map;
        previous_key = None;
    }
}

/// The offset past the value at `pos` of bytes already validated (a
/// view's), following only headers and lengths: text and key order were
/// checked when the bytes were, and are not again. `None` where the bytes
/// do not parse, which a view's never do (so it stays panic-free anyway).
pub(crate) fn skip_validated(input: &[u8], mut pos: usize) -> Option<usize> {
    // Per open container, packed in a word: items left, shifted up, and a
    // low bit set when each item comes after a key (a map).
    let mut stack = Stack::<u64>::new();
    loop {
        let header = wire::read_uleb(input, pos).ok()?;
        pos = header.end;
        match header.tag() {
            TAG_ATOM if header.arg() == Some(ATOM_ADDRESS) => pos += Address::LEN,
            TAG_ATOM | TAG_POS_INT | TAG_NEG_INT => {}
            TAG_BYTES | TAG_STR => pos = pos.checked_add(header.length().ok()?)?,
            tag @ (TAG_ARRAY | TAG_MAP) => {
                let len = header.length().ok()? as u64;
                if len > 0 {
                    let is_map = tag == TAG_MAP;
                    stack.push(len << 1 | is_map as u64);
                    if is_map {
                        pos = skip_key(input, pos)?;
                    }
                    continue;
                }
            }
            _ => return None,
        }
        loop {
            let Some(open) = stack.top() else {
                return (pos <= input.len()).then_some(pos);
            };
            *open -= 2;
            if *open > 1 {
                if *open & 1 == 1 {
                    pos = skip_key(input, pos)?;
                }
                break;
            }
            stack.pop();
        }
    }
}

/// The offset past the map key at `pos`, without checking its text.
#[inline(always)]
fn skip_key(input: &[u8], pos: usize) -> Option<usize> {
    let length = wire::read_uleb(input, pos).ok()?;
    length.end.checked_add(length.plain_length().ok()?)
}

#[cfg(test)]
mod tests {
    //! Run under Miri too: they walk the stack's uninitialized frames.
    use super::*;

    /// `depth` arrays, each `[{"k": 1}, <the next>]`, around a `null`.
    fn nested(depth: usize) -> Vec<u8> {
        let mut bytes = Vec::new();
        for _ in 0..depth {
            bytes.extend_from_slice(&[0x15, 0x0e, 0x01, b'k', 0x09]);
        }
        bytes.push(wire::NULL_BYTE);
        bytes
    }

    #[test]
    fn stack_frames_below_and_past_the_inline_ones() {
        for depth in [0, 1, INLINE_DEPTH - 1, INLINE_DEPTH, INLINE_DEPTH + 3] {
            let bytes = nested(depth);
            // Arrays nest `depth` deep; the maps one deeper than the arrays
            // around them.
            let needed = depth + usize::from(depth > 0);
            assert_eq!(
                parse(&bytes, 0, needed, &mut ()),
                Ok(bytes.len()),
                "{depth}"
            );
            assert_eq!(skip_validated(&bytes, 0), Some(bytes.len()), "{depth}");
            if depth > 0 {
                let error = parse(&bytes, 0, needed - 1, &mut ()).unwrap_err();
                assert_eq!(error.kind(), ErrorKind::TooDeep, "{depth}");
            }
        }
    }

    #[test]
    fn short_ascii_sees_every_byte_of_every_length() {
        for len in 0..=40 {
            let ascii = [b'k'; 40];
            assert_eq!(short_ascii(&ascii[..len]), len <= 32, "{len} ASCII bytes");
            for at in 0..len {
                let mut bytes = ascii;
                bytes[at] = 0x80;
                assert!(!short_ascii(&bytes[..len]), "0x80 at {at} of {len}");
            }
        }
    }
}
