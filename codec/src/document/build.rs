//! Builds a document's arena from the strict reader's single pass.

use alloc::vec::Vec;

use bytes::Bytes;

use super::{Kind, Slot};
use crate::error::{DecodeError, ErrorKind};
use crate::int::{Int, IntRef};
use crate::read::{Item, Sink};

/// Where the children of a container go that has no room in the arena:
/// far past its end, so every write there is skipped (see
/// [`Builder::open`]).
const NOWHERE: usize = usize::MAX / 2;

/// Input bytes per node the arena is first sized for (it grows past that).
const ESTIMATE: usize = 4;

/// Fills the arena as the reader reports values.
///
/// When a container opens, a block of places for all its children (two per
/// map entry) is claimed at the arena's end, and its node points there; its
/// children then fill the block in order, containers among them claiming
/// blocks of their own further on. So each container's children are
/// contiguous, and the root is the arena's first node.
///
/// In a valid input every value and every map key takes a byte of its own,
/// so a document has at most as many nodes as its input has bytes: that
/// bounds the arena. It is first sized for a node per [`ESTIMATE`] bytes
/// and doubles (up to the bound) when a container needs more: sized at the
/// bound, most of it was never touched, and the allocator handed out fresh
/// pages for it on every decode (750 page faults a decode of `int_rows`,
/// which took longer than `decode`). An invalid input may claim counts
/// (each checked against the bytes left, but nested ones add up) beyond it;
/// a container whose block would pass that bound is given no room, its
/// children are not kept, and the input is refused by the reader later
/// (`finish` checks that it was).
pub(super) struct Builder {
    /// The input's address, to turn slices of it into offsets.
    base: usize,
    slots: Vec<Slot>,
    wide: Vec<Int>,
    /// The place of the next value (or key) of the innermost container.
    next: usize,
    /// `next` of each enclosing container, innermost last.
    parents: Vec<usize>,
    /// The most nodes a valid input can have: its length.
    bound: usize,
    /// A container was given no room (the input is invalid).
    overflowed: bool,
}

impl Builder {
    pub(super) fn new(input: &Bytes) -> Builder {
        let bound = input.len();
        let mut slots = Vec::with_capacity(bound / ESTIMATE + 1);
        // The root's place.
        slots.push(Slot::EMPTY);
        Builder {
            base: input.as_ptr() as usize,
            slots,
            wide: Vec::new(),
            next: 0,
            parents: Vec::with_capacity(16),
            bound,
            overflowed: false,
        }
    }

    /// The arena and the wide integers, once the reader accepted the input.
    pub(super) fn finish(mut self) -> Result<(Vec<Slot>, Vec<Int>), DecodeError> {
        if self.overflowed {
            // A valid input never passes the bound (see `Builder`), and
            // the reader refused every invalid one before this is called.
            return Err(DecodeError::new(ErrorKind::LengthPastEnd, 0));
        }
        // Only what the nodes use stays allocated.
        if self.slots.capacity() > self.slots.len() * 2 {
            self.slots.shrink_to_fit();
        }
        Ok((self.slots, self.wide))
    }

    /// The offset of a slice of the input.
    #[inline(always)]
    fn offset(&self, at: *const u8) -> u64 {
        (at as usize - self.base) as u64
    }

    /// A span of the input.
    #[inline(always)]
    fn span(&self, kind: Kind, bytes: &[u8]) -> Slot {
        // The reader refuses strings longer than `u32::MAX` bytes.
        Slot::new(kind, bytes.len() as u32, self.offset(bytes.as_ptr()))
    }

    #[inline(always)]
    fn int(&mut self, int: IntRef<'_>) -> Slot {
        // `to_int` of an argument the reader packed (up to 128 bits) only
        // moves it; a wider header is unpacked here, once.
        let int = int.to_int();
        match int.as_int_ref().small_parts() {
            Some((negative, arg)) if arg <= u64::MAX as u128 => {
                let kind = if negative { Kind::NegInt } else { Kind::PosInt };
                Slot::new(kind, 0, arg as u64)
            }
            _ => self.wide_int(int),
        }
    }

    #[inline(never)]
    fn wide_int(&mut self, int: Int) -> Slot {
        self.wide.push(int);
        Slot::new(Kind::WideInt, 0, (self.wide.len() - 1) as u64)
    }

    /// Fills the next place of the innermost container.
    #[inline(always)]
    fn put(&mut self, slot: Slot) {
        // Out of range only below a container given no room.
        if let Some(place) = self.slots.get_mut(self.next) {
            *place = slot;
        }
        self.next += 1;
    }

    /// A container of `len` elements or entries, whose children take
    /// `places` nodes, opens.
    #[inline(always)]
    fn open(&mut self, kind: Kind, len: usize, places: usize) {
        let first = self.slots.len();
        let block = if first + places <= self.bound {
            let spare = self.slots.capacity() - first;
            if places > spare {
                self.grow(places);
            }
            self.slots.resize(first + places, Slot::EMPTY);
            first
        } else {
            self.overflowed = true;
            NOWHERE
        };
        // The reader refuses counts over `u32::MAX`.
        self.put(Slot::new(kind, len as u32, block as u64));
        self.parents.push(self.next);
        self.next = block;
    }
}

impl Builder {
    /// Room for `places` more nodes: twice the arena, at most the bound
    /// (which `open` checked `places` fits in).
    #[cold]
    #[inline(never)]
    fn grow(&mut self, places: usize) {
        let len = self.slots.len();
        let wanted = (2 * self.slots.capacity()).clamp(len + places, self.bound);
        self.slots.reserve_exact(wanted - len);
    }
}

impl<'a> Sink<'a> for Builder {
    #[inline(always)]
    fn value(&mut self, item: Item<'a>) {
        let slot = match item {
            Item::Null => Slot::new(Kind::Null, 0, 0),
            Item::Bool(false) => Slot::new(Kind::False, 0, 0),
            Item::Bool(true) => Slot::new(Kind::True, 0, 0),
            Item::Int(int) => self.int(int),
            Item::Bytes(bytes) => self.span(Kind::Bytes, bytes),
            Item::Str(text) => self.span(Kind::Str, text.as_bytes()),
            Item::Address(address) => Slot::new(Kind::Address, 0, self.offset(address.as_ptr())),
            // A map's count is at most half the input's length (checked
            // by the reader), so twice it does not overflow.
            Item::Array { len, .. } => return self.open(Kind::Array, len, len),
            Item::Map { len, .. } => return self.open(Kind::Map, len, 2 * len),
        };
        self.put(slot);
    }

    #[inline(always)]
    fn key(&mut self, key: &'a str) {
        let slot = self.span(Kind::Key, key.as_bytes());
        self.put(slot);
    }

    #[inline(always)]
    fn end(&mut self) {
        self.next = self.parents.pop().unwrap_or(0);
    }
}
