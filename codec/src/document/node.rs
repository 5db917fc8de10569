//! Reading a [`Document`](super::Document): [`Node`], [`ArrayNode`],
//! [`MapNode`] and their iterators, owned copies, the text form and
//! comparison with [`Value`].
//!
//! The readers are `#[inline]`: a walk runs in the user's crate.

use alloc::sync::Arc;
use alloc::vec::Vec;
use core::cmp::Ordering;
use core::fmt;
use core::iter::FusedIterator;

use bytes::Bytes;

use super::{Inner, Kind, Slot};
use crate::address::Address;
use crate::int::IntRef;
use crate::value::{Map, Node as ValueNode, Str, Value};
use crate::value_ref::ValueRef;

/// One value of a [`Document`](super::Document), borrowed from it.
///
/// Reading a node costs nothing: strings, byte strings and addresses are
/// spans of the document's input, integers up to 64 bits are in the node.
/// `Display` prints the text form; a node compares equal to the
/// [`Value`] it stands for.
#[derive(Clone, Copy)]
pub struct Node<'d> {
    doc: &'d Inner,
    slot: &'d Slot,
}

impl<'d> Node<'d> {
    #[inline]
    pub(super) fn root(doc: &'d Inner) -> Node<'d> {
        // The builder always makes the root's place.
        Node {
            doc,
            slot: doc.slots.first().unwrap_or(&Slot::EMPTY),
        }
    }

    /// The input's bytes of a span node.
    #[inline]
    fn span(&self) -> &'d [u8] {
        self.doc.span(self.slot)
    }

    /// Whether this is `null`.
    #[inline]
    pub fn is_null(&self) -> bool {
        self.slot.kind == Kind::Null
    }

    /// The boolean, if this is one.
    #[inline]
    pub fn as_bool(&self) -> Option<bool> {
        match self.slot.kind {
            Kind::False => Some(false),
            Kind::True => Some(true),
            _ => None,
        }
    }

    /// The integer, if this is one.
    #[inline]
    pub fn as_int(&self) -> Option<IntRef<'d>> {
        match self.slot.kind {
            Kind::PosInt => Some(IntRef::small(false, self.slot.word as u128)),
            Kind::NegInt => Some(IntRef::small(true, self.slot.word as u128)),
            Kind::WideInt => self
                .doc
                .wide
                .get(self.slot.word as usize)
                .map(|int| int.as_int_ref()),
            _ => None,
        }
    }

    /// The byte string, if this is one.
    #[inline]
    pub fn as_bytes(&self) -> Option<&'d [u8]> {
        (self.slot.kind == Kind::Bytes).then(|| self.span())
    }

    /// The string, if this is one.
    #[inline]
    pub fn as_str(&self) -> Option<&'d str> {
        (self.slot.kind == Kind::Str).then(|| self.doc.text(self.slot))
    }

    /// The address, if this is one.
    #[inline]
    pub fn as_address(&self) -> Option<Address> {
        if self.slot.kind != Kind::Address {
            return None;
        }
        self.doc.address(self.slot).map(|bytes| Address(*bytes))
    }

    /// The array, if this is one.
    #[inline]
    pub fn as_array(&self) -> Option<ArrayNode<'d>> {
        (self.slot.kind == Kind::Array).then(|| ArrayNode {
            doc: self.doc,
            items: self.doc.children(self.slot, 1),
        })
    }

    /// The map, if this is one.
    #[inline]
    pub fn as_map(&self) -> Option<MapNode<'d>> {
        (self.slot.kind == Kind::Map).then(|| MapNode {
            doc: self.doc,
            entries: self.doc.children(self.slot, 2),
        })
    }

    /// The value under `key`, if this is a map holding it.
    #[inline]
    pub fn get(&self, key: &str) -> Option<Node<'d>> {
        self.as_map()?.get(key)
    }

    /// A scalar as a borrowed view; `None` for a container.
    #[inline]
    fn scalar(&self) -> Option<ValueRef<'d>> {
        Some(match self.slot.kind {
            Kind::Null => ValueRef::Null,
            Kind::False => ValueRef::Bool(false),
            Kind::True => ValueRef::Bool(true),
            Kind::PosInt | Kind::NegInt | Kind::WideInt => ValueRef::Int(self.as_int()?),
            Kind::Bytes => ValueRef::Bytes(self.span()),
            Kind::Str | Kind::Key => ValueRef::Str(self.doc.text(self.slot)),
            Kind::Address => ValueRef::Address(self.doc.address(self.slot)?),
            Kind::Array | Kind::Map => return None,
        })
    }

    /// An owned [`Value`]. Strings longer than
    /// [`Str::INLINE_LEN`](crate::Str::INLINE_LEN) and byte strings share the
    /// document's input (one count of it) instead of being copied.
    pub fn to_value(&self) -> Value {
        let mut owner = None;
        self.owned(&mut owner)
    }

    /// [`to_value`](Self::to_value), with the input made shareable by
    /// strings once for the whole walk (recursion is bounded by the depth
    /// limit, at most 256).
    fn owned(self, owner: &mut Option<Arc<Bytes>>) -> Value {
        let doc = self.doc;
        match self.slot.kind {
            Kind::Null => Value::Null,
            Kind::False => Value::Bool(false),
            Kind::True => Value::Bool(true),
            Kind::PosInt | Kind::NegInt | Kind::WideInt => self
                .as_int()
                .map_or(Value::Null, |int| Value::Int(int.to_int())),
            Kind::Bytes => Value::Bytes(doc.input.slice_ref(self.span())),
            Kind::Str | Kind::Key => Value::Str(doc.string(self.slot, owner)),
            Kind::Address => self
                .doc
                .address(self.slot)
                .map_or(Value::Null, |bytes| Value::Address(Address(*bytes))),
            Kind::Array => Value::Array(
                doc.children(self.slot, 1)
                    .iter()
                    .map(|slot| Node { doc, slot }.owned(owner))
                    .collect(),
            ),
            Kind::Map => Value::Map(Map::from_sorted(
                doc.children(self.slot, 2)
                    .chunks_exact(2)
                    .map(|pair| {
                        let key = doc.string(&pair[0], owner);
                        (
                            key,
                            Node {
                                doc,
                                slot: &pair[1],
                            }
                            .owned(owner),
                        )
                    })
                    .collect::<Vec<_>>(),
            )),
        }
    }
}

impl Inner {
    /// The input's bytes a span node covers (empty for others).
    #[inline]
    fn span(&self, slot: &Slot) -> &[u8] {
        let start = slot.word as usize;
        self.input
            .get(start..start + slot.len as usize)
            .unwrap_or_default()
    }

    /// The text of a string or key node. The builder only makes these from
    /// text the reader checked; `input` is immutable, so it still is.
    #[inline]
    fn text(&self, slot: &Slot) -> &str {
        core::str::from_utf8(self.span(slot)).unwrap_or_default()
    }

    /// The 20 bytes of an address node.
    #[inline]
    fn address(&self, slot: &Slot) -> Option<&[u8; Address::LEN]> {
        self.input.get(slot.word as usize..)?.first_chunk()
    }

    /// The children of a container node that takes `per` nodes for each
    /// of its `len` elements.
    #[inline]
    fn children(&self, slot: &Slot, per: usize) -> &[Slot] {
        let first = slot.word as usize;
        self.slots
            .get(first..first + slot.len as usize * per)
            .unwrap_or_default()
    }

    /// A string or key node as a [`Str`]: inline when short, else sharing
    /// the input through `owner` (made at the first such string).
    fn string(&self, slot: &Slot, owner: &mut Option<Arc<Bytes>>) -> Str {
        let text = self.text(slot);
        Str::inline(text).unwrap_or_else(|| {
            Str::shared(
                owner.get_or_insert_with(|| Arc::new(self.input.clone())),
                text,
            )
        })
    }
}

/// An array of a document: its elements lie next to each other, so its
/// length and any element are read at once.
#[derive(Clone, Copy)]
pub struct ArrayNode<'d> {
    doc: &'d Inner,
    items: &'d [Slot],
}

impl<'d> ArrayNode<'d> {
    /// Number of elements.
    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are no elements.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The element at `index`.
    #[inline]
    pub fn get(&self, index: usize) -> Option<Node<'d>> {
        let doc = self.doc;
        self.items.get(index).map(|slot| Node { doc, slot })
    }

    /// The elements in order.
    #[inline]
    pub fn iter(&self) -> ArrayNodes<'d> {
        ArrayNodes {
            doc: self.doc,
            items: self.items.iter(),
        }
    }
}

impl<'d> IntoIterator for ArrayNode<'d> {
    type Item = Node<'d>;
    type IntoIter = ArrayNodes<'d>;

    #[inline]
    fn into_iter(self) -> ArrayNodes<'d> {
        self.iter()
    }
}

/// Iterator over the elements of an [`ArrayNode`].
#[derive(Clone)]
pub struct ArrayNodes<'d> {
    doc: &'d Inner,
    items: core::slice::Iter<'d, Slot>,
}

impl<'d> Iterator for ArrayNodes<'d> {
    type Item = Node<'d>;

    #[inline]
    fn next(&mut self) -> Option<Node<'d>> {
        let doc = self.doc;
        self.items.next().map(|slot| Node { doc, slot })
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.items.size_hint()
    }

    #[inline]
    fn nth(&mut self, n: usize) -> Option<Node<'d>> {
        let doc = self.doc;
        self.items.nth(n).map(|slot| Node { doc, slot })
    }
}

impl DoubleEndedIterator for ArrayNodes<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let doc = self.doc;
        self.items.next_back().map(|slot| Node { doc, slot })
    }
}

impl ExactSizeIterator for ArrayNodes<'_> {}
impl FusedIterator for ArrayNodes<'_> {}

/// A map of a document: its entries lie next to each other in key order,
/// so [`get`](MapNode::get) is a binary search.
#[derive(Clone, Copy)]
pub struct MapNode<'d> {
    doc: &'d Inner,
    /// Key and value alternating.
    entries: &'d [Slot],
}

impl<'d> MapNode<'d> {
    /// Number of entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.entries.len() / 2
    }

    /// Whether there are no entries.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The value under `key` (a binary search on the keys' bytes).
    #[inline]
    pub fn get(&self, key: &str) -> Option<Node<'d>> {
        let key = key.as_bytes();
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            match self.doc.span(&self.entries[2 * middle]).cmp(key) {
                Ordering::Less => low = middle + 1,
                Ordering::Greater => high = middle,
                Ordering::Equal => return self.value(middle),
            }
        }
        None
    }

    /// Whether `key` is present.
    #[inline]
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The entry at `index` in key order.
    #[inline]
    pub fn entry(&self, index: usize) -> Option<(&'d str, Node<'d>)> {
        let key = self.entries.get(2 * index)?;
        Some((self.doc.text(key), self.value(index)?))
    }

    #[inline]
    fn value(&self, index: usize) -> Option<Node<'d>> {
        let doc = self.doc;
        self.entries
            .get(2 * index + 1)
            .map(|slot| Node { doc, slot })
    }

    /// The entries in key order.
    #[inline]
    pub fn iter(&self) -> MapNodes<'d> {
        MapNodes {
            doc: self.doc,
            entries: self.entries.chunks_exact(2),
        }
    }

    /// The keys in order.
    #[inline]
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &'d str> + 'd {
        self.iter().map(|(key, _)| key)
    }

    /// The values in key order.
    #[inline]
    pub fn values(&self) -> impl ExactSizeIterator<Item = Node<'d>> + 'd {
        self.iter().map(|(_, value)| value)
    }
}

impl<'d> IntoIterator for MapNode<'d> {
    type Item = (&'d str, Node<'d>);
    type IntoIter = MapNodes<'d>;

    #[inline]
    fn into_iter(self) -> MapNodes<'d> {
        self.iter()
    }
}

/// Iterator over the entries of a [`MapNode`], in key order.
#[derive(Clone)]
pub struct MapNodes<'d> {
    doc: &'d Inner,
    entries: core::slice::ChunksExact<'d, Slot>,
}

impl<'d> MapNodes<'d> {
    #[inline]
    fn entry(doc: &'d Inner, pair: &'d [Slot]) -> (&'d str, Node<'d>) {
        let (key, slot) = (&pair[0], &pair[1]);
        (doc.text(key), Node { doc, slot })
    }
}

impl<'d> Iterator for MapNodes<'d> {
    type Item = (&'d str, Node<'d>);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let doc = self.doc;
        self.entries.next().map(|pair| MapNodes::entry(doc, pair))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.entries.size_hint()
    }
}

impl DoubleEndedIterator for MapNodes<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let doc = self.doc;
        self.entries
            .next_back()
            .map(|pair| MapNodes::entry(doc, pair))
    }
}

impl ExactSizeIterator for MapNodes<'_> {}
impl FusedIterator for MapNodes<'_> {}

/// Writes `node` in the text form: containers here, scalars (and keys, as
/// strings) by their views' `Display`, so the text is `Value`'s exactly.
fn write_node(f: &mut fmt::Formatter<'_>, node: Node<'_>) -> fmt::Result {
    if let Some(array) = node.as_array() {
        f.write_str("[")?;
        for (index, item) in array.iter().enumerate() {
            if index > 0 {
                f.write_str(",")?;
            }
            write_node(f, item)?;
        }
        return f.write_str("]");
    }
    if let Some(map) = node.as_map() {
        f.write_str("{")?;
        for (index, (key, value)) in map.iter().enumerate() {
            if index > 0 {
                f.write_str(",")?;
            }
            fmt::Display::fmt(&ValueRef::Str(key), f)?;
            f.write_str(":")?;
            write_node(f, value)?;
        }
        return f.write_str("}");
    }
    match node.scalar() {
        Some(scalar) => fmt::Display::fmt(&scalar, f),
        None => Ok(()),
    }
}

impl fmt::Display for Node<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_node(f, *self)
    }
}

macro_rules! debug_as_text {
    ($($view:ident),*) => {$(
        /// The text form, as `Display` prints it.
        impl fmt::Debug for $view<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        }
    )*};
}

debug_as_text!(Node);

impl fmt::Display for ArrayNode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[")?;
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                f.write_str(",")?;
            }
            write_node(f, item)?;
        }
        f.write_str("]")
    }
}

impl fmt::Display for MapNode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("{")?;
        for (index, (key, value)) in self.iter().enumerate() {
            if index > 0 {
                f.write_str(",")?;
            }
            fmt::Display::fmt(&ValueRef::Str(key), f)?;
            f.write_str(":")?;
            write_node(f, value)?;
        }
        f.write_str("}")
    }
}

debug_as_text!(ArrayNode, MapNode);

/// Shows how many elements are left, not the elements.
impl fmt::Debug for ArrayNodes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ArrayNodes")
            .field("remaining", &self.len())
            .finish_non_exhaustive()
    }
}

/// Shows how many entries are left, not the entries.
impl fmt::Debug for MapNodes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MapNodes")
            .field("remaining", &self.len())
            .finish_non_exhaustive()
    }
}

/// A node equals the value it stands for (recursion is bounded by the
/// depth limit).
impl PartialEq<Value> for Node<'_> {
    fn eq(&self, other: &Value) -> bool {
        match other.node() {
            ValueNode::Scalar(scalar) => self.scalar() == Some(scalar),
            ValueNode::Array(items) => self.as_array().is_some_and(|array| {
                array.len() == items.len() && array.iter().zip(items).all(|(a, b)| a == *b)
            }),
            ValueNode::Map(map) => self.as_map().is_some_and(|entries| {
                entries.len() == map.len()
                    && entries
                        .iter()
                        .zip(map.iter())
                        .all(|((ka, va), (kb, vb))| ka == kb && va == *vb)
            }),
        }
    }
}

impl PartialEq<Node<'_>> for Value {
    fn eq(&self, other: &Node<'_>) -> bool {
        other == self
    }
}

impl PartialEq<Value> for super::Document {
    fn eq(&self, other: &Value) -> bool {
        self.root() == *other
    }
}

impl PartialEq<super::Document> for Value {
    fn eq(&self, other: &super::Document) -> bool {
        other.root() == *self
    }
}
