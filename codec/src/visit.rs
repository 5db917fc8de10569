//! One pass over calldata for code that builds its own values (a language
//! binding's objects, a tape for another runtime): the strict reader reports
//! each part once, in document order, as it checks it.

use crate::address::Address;
use crate::error::DecodeError;
use crate::int::IntRef;
use crate::read::{self, DecodeOptions, Item, Sink};

/// One step of a [`visit`], in document order.
///
/// A container is its [`Array`](Event::Array) or [`Map`](Event::Map) event,
/// then its elements (each map value preceded by its [`Key`](Event::Key)),
/// then [`End`](Event::End), empty containers included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer of any size, borrowed from the input.
    Int(IntRef<'a>),
    /// A byte string, borrowed from the input.
    Bytes(&'a [u8]),
    /// A string, borrowed from the input.
    Str(&'a str),
    /// An address's 20 bytes, borrowed from the input.
    Address(&'a [u8; Address::LEN]),
    /// An array of this many elements opens.
    Array(usize),
    /// A map of this many entries opens.
    Map(usize),
    /// The key of the map entry whose value comes next.
    Key(&'a str),
    /// The innermost open container closes.
    End,
}

/// Walks `input` once, as strictly as [`validate_with`](crate::validate_with),
/// handing every part to `on_event` as it is read.
///
/// Events arrive before the whole input is checked: when the result is an
/// error, what the events built so far belongs to invalid input and should
/// be dropped. On success the events describe exactly the one value.
///
/// ```
/// use genvm_calldata::{visit, DecodeOptions, Event};
/// let mut events = Vec::new();
/// // {"k": [1, null]}
/// let input = [0x0e, 0x01, b'k', 0x15, 0x09, 0x00];
/// visit(&input, &DecodeOptions::new(), |event| events.push(event)).unwrap();
/// assert_eq!(events.len(), 7);
/// assert_eq!(events[1], Event::Key("k"));
/// assert_eq!(events[2], Event::Array(2));
/// assert_eq!(events[6], Event::End);
/// ```
pub fn visit<'a>(
    input: &'a [u8],
    options: &DecodeOptions,
    on_event: impl FnMut(Event<'a>),
) -> Result<(), DecodeError> {
    read::parse_document(input, options, &mut Events(on_event))
}

/// Turns the reader's items into [`Event`]s.
struct Events<F>(F);

impl<'a, F: FnMut(Event<'a>)> Sink<'a> for Events<F> {
    #[inline(always)]
    fn value(&mut self, item: Item<'a>) {
        (self.0)(match item {
            Item::Null => Event::Null,
            Item::Bool(value) => Event::Bool(value),
            Item::Int(int) => Event::Int(int),
            Item::Bytes(bytes) => Event::Bytes(bytes),
            Item::Str(text) => Event::Str(text),
            Item::Address(address) => Event::Address(address),
            Item::Array { len, .. } => Event::Array(len),
            Item::Map { len, .. } => Event::Map(len),
        })
    }

    #[inline(always)]
    fn key(&mut self, key: &'a str) {
        (self.0)(Event::Key(key))
    }

    #[inline(always)]
    fn end(&mut self) {
        (self.0)(Event::End)
    }
}
