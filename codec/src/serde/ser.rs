//! The serializer: values go straight into the output as calldata.

use alloc::vec::Vec;
use core::fmt;

use serde::ser::{self, Serialize};

use super::key::KeySerializer;
use super::key_order::{key_order, key_text, permute, Entry, FieldOrder, MAX_FIELD_ORDERS};
use super::{SerdeError, RAW};
use crate::wire::{
    self, put_key, TAG_ARRAY, TAG_BYTES, TAG_MAP, TAG_NEG_INT, TAG_POS_INT, TAG_STR,
};

/// Serializes `value` onto the end of `out`.
pub(crate) fn serialize_into<T: Serialize + ?Sized>(
    value: &T,
    out: &mut Vec<u8>,
) -> Result<(), SerdeError> {
    value.serialize(&mut Serializer::new(out))
}

/// Writes calldata onto the end of a vector.
///
/// [`to_vec`](crate::to_vec) is the usual way in. This type is for writing
/// several values one after another: it remembers each struct type's key
/// order from one value to the next, so later values of a type are not
/// sorted again. A value is written with `value.serialize(&mut serializer)`.
///
/// ```
/// use genvm_calldata::serde::Serializer;
/// use serde::Serialize;
///
/// #[derive(Serialize)]
/// struct Point { y: i32, x: i32 }
///
/// let mut out = Vec::new();
/// let mut serializer = Serializer::new(&mut out);
/// for point in [Point { y: 1, x: 2 }, Point { y: 3, x: 4 }] {
///     point.serialize(&mut serializer).unwrap();
/// }
/// let first = genvm_calldata::to_vec(&Point { y: 1, x: 2 }).unwrap();
/// assert_eq!(out[..first.len()], first); // {"x":2,"y":1}, keys sorted
/// ```
///
/// After an error, `out` holds part of the failed value past where it
/// started: cut it back to its length before.
pub struct Serializer<'o> {
    out: &'o mut Vec<u8>,
    /// Reused to put map entries in key order.
    scratch: Vec<u8>,
    /// Entries of the open maps, innermost last.
    entries: Vec<Entry>,
    /// Key orders and encoded keys of the struct types seen so far, so the
    /// next value of the same type needs no key written or compared.
    orders: Vec<FieldOrder>,
    /// The next bytes are one encoded calldata item, to copy as they are.
    raw_next: bool,
}

/// Shows how much has been written, not the caches.
impl fmt::Debug for Serializer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Serializer")
            .field("written", &self.out.len())
            .finish_non_exhaustive()
    }
}

/// Sequences this long or longer reserve room for all their elements
/// after the first, [`RESERVE_AT_MOST`] bytes at the most.
const RESERVE_FROM_LEN: usize = 64;
const RESERVE_AT_MOST: usize = 16 << 20;

impl<'o> Serializer<'o> {
    /// A serializer that appends to `out`.
    pub fn new(out: &'o mut Vec<u8>) -> Self {
        Serializer {
            out,
            scratch: Vec::new(),
            entries: Vec::new(),
            orders: Vec::new(),
            raw_next: false,
        }
    }

    #[inline(always)]
    fn header(&mut self, tag: u8, len: usize) {
        wire::put_header(self.out, tag, len);
    }

    /// An integer from its sign and argument (`-1 - value` when negative).
    #[inline(always)]
    fn int_parts(&mut self, negative: bool, arg: u128) -> Result<(), SerdeError> {
        let tag = if negative { TAG_NEG_INT } else { TAG_POS_INT };
        wire::put_int_header(self.out, tag, arg);
        Ok(())
    }

    /// `{name: ...}`: the one-key map of a variant with content.
    fn variant_prefix(&mut self, name: &str) {
        self.header(TAG_MAP, 1);
        put_key(self.out, name);
    }

    /// Opens a map; with a known length its header goes first, so entries
    /// that arrive in key order (a `BTreeMap`, a struct with sorted fields)
    /// are never moved.
    #[inline(always)]
    fn open_map<'a>(&'a mut self, len: Option<usize>) -> Compound<'a, 'o> {
        if let Some(len) = len {
            self.header(TAG_MAP, len);
        }
        let first = self.entries.len();
        let start = self.out.len();
        Compound {
            kind: Kind::Map {
                declared: len,
                start,
                first,
                of_struct: None,
            },
            count: 0,
            variant: None,
            order: None,
            remembered: 0,
            ser: self,
        }
    }

    /// Opens a struct (or struct variant) called `name`, finding the order
    /// remembered for its type.
    #[inline(always)]
    fn open_struct<'a>(&'a mut self, name: &'static str, len: usize) -> Compound<'a, 'o> {
        let order = self
            .orders
            .iter()
            .position(|order| core::ptr::eq(order.name, name) && order.fields.len() == len);
        let mut compound = self.open_map(Some(len));
        if let Kind::Map { of_struct, .. } = &mut compound.kind {
            *of_struct = Some(name);
        }
        Compound { order, ..compound }
    }

    #[inline(always)]
    fn open_seq<'a>(&'a mut self, len: Option<usize>) -> Compound<'a, 'o> {
        if let Some(len) = len {
            self.header(TAG_ARRAY, len);
        }
        let start = self.out.len();
        Compound {
            kind: Kind::Seq {
                declared: len,
                start,
            },
            count: 0,
            variant: None,
            order: None,
            remembered: 0,
            ser: self,
        }
    }
}

fn unsupported(what: &str) -> SerdeError {
    SerdeError::new(alloc::format!("{what} cannot be calldata"))
}

/// Every integer type is a calldata integer.
macro_rules! serialize_integers {
    (unsigned { $($method:ident: $type:ty,)* } signed { $($signed:ident: $signed_type:ty,)* }) => {
        $(#[inline]
        fn $method(self, v: $type) -> Result<(), SerdeError> {
            self.int_parts(false, v as u128)
        })*
        $(#[inline]
        fn $signed(self, v: $signed_type) -> Result<(), SerdeError> {
            // `!v` is `-1 - v`, not negative when `v` is.
            match v < 0 {
                true => self.int_parts(true, !v as u128),
                false => self.int_parts(false, v as u128),
            }
        })*
    };
}

/// The leaf methods are `#[inline]`: a derived `Serialize` calls them from
/// the user's crate, where a function of this crate that is not generic is
/// otherwise a real call. Writing a field (`Compound::field`, `value` and
/// the `serialize_field`s) is `inline(always)` for the same reason.
impl<'a, 'o> ser::Serializer for &'a mut Serializer<'o> {
    type Ok = ();
    type Error = SerdeError;
    type SerializeSeq = Compound<'a, 'o>;
    type SerializeTuple = Compound<'a, 'o>;
    type SerializeTupleStruct = Compound<'a, 'o>;
    type SerializeTupleVariant = Compound<'a, 'o>;
    type SerializeMap = Compound<'a, 'o>;
    type SerializeStruct = Compound<'a, 'o>;
    type SerializeStructVariant = Compound<'a, 'o>;

    fn is_human_readable(&self) -> bool {
        false
    }

    #[inline]
    fn serialize_bool(self, v: bool) -> Result<(), SerdeError> {
        self.out
            .push(if v { wire::TRUE_BYTE } else { wire::FALSE_BYTE });
        Ok(())
    }

    serialize_integers! {
        unsigned { serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, }
        signed { serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128, }
    }

    #[inline]
    fn serialize_f32(self, v: f32) -> Result<(), SerdeError> {
        self.serialize_f64(v as f64)
    }

    #[inline]
    fn serialize_f64(self, v: f64) -> Result<(), SerdeError> {
        ser::Serializer::serialize_i64(self, super::whole_float(v)?)
    }

    fn serialize_char(self, _: char) -> Result<(), SerdeError> {
        Err(unsupported("a char"))
    }

    #[inline]
    fn serialize_str(self, v: &str) -> Result<(), SerdeError> {
        self.header(TAG_STR, v.len());
        self.out.extend_from_slice(v.as_bytes());
        Ok(())
    }

    #[inline]
    fn serialize_bytes(self, v: &[u8]) -> Result<(), SerdeError> {
        if core::mem::take(&mut self.raw_next) {
            self.out.extend_from_slice(v);
        } else {
            self.header(TAG_BYTES, v.len());
            self.out.extend_from_slice(v);
        }
        Ok(())
    }

    #[inline]
    fn serialize_none(self) -> Result<(), SerdeError> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), SerdeError> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_unit(self) -> Result<(), SerdeError> {
        self.out.push(wire::NULL_BYTE);
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), SerdeError> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), SerdeError> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), SerdeError> {
        self.raw_next = name == RAW;
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), SerdeError> {
        self.variant_prefix(variant);
        value.serialize(self).map_err(|e| e.within_field(variant))
    }

    #[inline(always)]
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a, 'o>, SerdeError> {
        Ok(self.open_seq(len))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, 'o>, SerdeError> {
        Ok(self.open_seq(Some(len)))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'o>, SerdeError> {
        Ok(self.open_seq(Some(len)))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'o>, SerdeError> {
        self.variant_prefix(variant);
        Ok(self.open_seq(Some(len)).in_variant(variant))
    }

    #[inline(always)]
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a, 'o>, SerdeError> {
        Ok(self.open_map(len))
    }

    #[inline(always)]
    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'o>, SerdeError> {
        Ok(self.open_struct(name, len))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'o>, SerdeError> {
        self.variant_prefix(variant);
        Ok(self.open_struct(variant, len).in_variant(variant))
    }
}

/// An open array or map.
///
/// The functions that open one (`open_*`, `serialize_seq`/`_map`/`_struct`)
/// and close it (`end`, `finish`) are inlined: a `Compound` passed to or
/// returned from a call is copied right after its fields were stored, and
/// the CPU stalls on reading back the fresh stores.
///
/// Public only as the [`Serializer`]'s `SerializeSeq`, `SerializeMap`,
/// `SerializeStruct` (and so on) type.
pub struct Compound<'a, 'o> {
    ser: &'a mut Serializer<'o>,
    kind: Kind,
    /// Elements or entries written so far.
    count: usize,
    /// The variant whose one-key map holds this, for error paths.
    variant: Option<&'static str>,
    /// For a struct, the order remembered for its type, if any (its index
    /// in `Serializer::orders`, which only grows).
    order: Option<usize>,
    /// Fields that were the remembered order's field at their place: when
    /// all were, the remembered key order applies as it is.
    remembered: usize,
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    /// Elements start at `start`; with a declared length the header is
    /// already before `start` (see [`settle_header`]).
    Seq {
        declared: Option<usize>,
        start: usize,
    },
    /// Entries start at `start`, and are `ser.entries[first..]`; the
    /// header as for a sequence.
    Map {
        declared: Option<usize>,
        start: usize,
        first: usize,
        /// The name of the struct (or struct variant) whose fields these are.
        of_struct: Option<&'static str>,
    },
}

/// Shows what is open and how much of it is written.
impl fmt::Debug for Compound<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Compound")
            .field("kind", &self.kind)
            .field("count", &self.count)
            .finish_non_exhaustive()
    }
}

impl Compound<'_, '_> {
    fn in_variant(self, variant: &'static str) -> Self {
        Compound {
            variant: Some(variant),
            ..self
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
        let index = self.count;
        self.count += 1;
        value
            .serialize(&mut *self.ser)
            .map_err(|e| within_variant(self.variant, e.within_index(index)))?;
        if index == 0 {
            self.reserve_for_the_rest();
        }
        Ok(())
    }

    /// After the first element of a long sequence, makes room for the rest
    /// as if they were the same size, and a quarter more: one allocation
    /// instead of doubling (and copying) the output a dozen times. The
    /// margin is for elements that grow (counters, ids): without it the
    /// last of them doubled the whole output once more.
    fn reserve_for_the_rest(&mut self) {
        if let Kind::Seq {
            declared: Some(len),
            start,
        } = self.kind
        {
            if len >= RESERVE_FROM_LEN {
                let first = self.ser.out.len() - start;
                let rest = first.saturating_mul(len - 1);
                let room = rest.saturating_add(rest / 4).min(RESERVE_AT_MOST);
                self.ser.out.reserve(room);
            }
        }
    }

    /// Writes a struct field: its key is copied from the type's remembered
    /// keys when this is the field expected there.
    #[inline(always)]
    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerdeError> {
        let Serializer {
            out,
            orders,
            entries,
            ..
        } = &mut *self.ser;
        let start = out.len();
        entries.push(Entry {
            start,
            field: Some(key),
        });
        let cached = self.order.and_then(|index| orders.get(index));
        match cached.and_then(|order| order.field(self.count, key)) {
            Some(field) => {
                out.extend_from_slice(&field.encoded);
                out.truncate(start + field.len);
                self.remembered += 1;
            }
            None => put_key(*out, key),
        }
        self.value(start, value)
    }

    /// Writes the value of the entry whose key starts at `start`.
    #[inline(always)]
    fn value<T: Serialize + ?Sized>(&mut self, start: usize, value: &T) -> Result<(), SerdeError> {
        let variant = self.variant;
        value
            .serialize(&mut *self.ser)
            .map_err(|e| within_variant(variant, e.within_field(key_text(self.ser.out, start))))?;
        self.count += 1;
        Ok(())
    }

    /// Where the key written without its value yet starts: a map's entry
    /// is pushed with its key, so it has one more entry than values.
    fn pending_key(&self) -> Option<usize> {
        match self.kind {
            Kind::Map { first, .. } => self.ser.entries.get(first + self.count).map(|e| e.start),
            Kind::Seq { .. } => None,
        }
    }

    /// Closes the compound. A struct whose every field was the remembered
    /// order's field at its place takes that order as it is; anything else
    /// is checked and put in order by [`finish_kind`].
    #[inline(always)]
    fn finish(&mut self) -> Result<(), SerdeError> {
        // A sequence of the length it declared is done: no call needed.
        if let Kind::Seq {
            declared: Some(len),
            ..
        } = self.kind
        {
            if len == self.count {
                return Ok(());
            }
        }
        if let (Kind::Map { start, first, .. }, Some(index)) = (&self.kind, self.order) {
            let Serializer {
                out,
                scratch,
                entries,
                orders,
                ..
            } = &mut *self.ser;
            let whole = orders
                .get(index)
                .filter(|order| order.fields.len() == self.count && self.remembered == self.count);
            if let Some(order) = whole {
                if let Some(runs) = &order.runs {
                    permute(out, scratch, *start, &entries[*first..], runs);
                }
                entries.truncate(*first);
                return Ok(());
            }
        }
        if self.pending_key().is_some() {
            return Err(SerdeError::new("a map key without a value"));
        }
        finish_kind(self.ser, self.kind, self.count, self.order)
            .map_err(|e| within_variant(self.variant, e))
    }
}

/// Adds the variant (if any) whose one-key map holds a compound to an
/// error's path.
fn within_variant(variant: Option<&'static str>, error: SerdeError) -> SerdeError {
    match variant {
        Some(variant) => error.within_field(variant),
        None => error,
    }
}

fn finish_kind(
    ser: &mut Serializer<'_>,
    kind: Kind,
    count: usize,
    order: Option<usize>,
) -> Result<(), SerdeError> {
    match kind {
        Kind::Seq { declared, start } => {
            settle_header(ser.out, start, TAG_ARRAY, declared, count);
            Ok(())
        }
        Kind::Map {
            declared,
            start,
            first,
            of_struct,
        } => {
            let ordered = put_in_key_order(ser, start, first, of_struct, order);
            ser.entries.truncate(first);
            ordered?;
            settle_header(ser.out, start, TAG_MAP, declared, count);
            Ok(())
        }
    }
}

/// Leaves the header for `count` items before a container's contents at
/// `start`. A declared length's header was written there already, and is
/// rewritten if the declaration was wrong (the reference, too, counts what
/// it was given); without one the header is inserted now.
fn settle_header(out: &mut Vec<u8>, start: usize, tag: u8, declared: Option<usize>, count: usize) {
    let written = match declared {
        Some(len) if len == count => return,
        Some(len) => wire::header_len(len),
        None => 0,
    };
    let mut header = Vec::new();
    wire::put_header(&mut header, tag, count);
    out.splice(start - written..start, header);
}

/// Rewrites the open map's entries (`ser.entries[first..]`, written from
/// `start` on) in key order, comparing keys. The order of a struct type is
/// then remembered, unless one is under its name already (`remembered`), for
/// [`Compound::finish`] to reuse without comparing keys.
fn put_in_key_order(
    ser: &mut Serializer<'_>,
    start: usize,
    first: usize,
    of_struct: Option<&'static str>,
    remembered: Option<usize>,
) -> Result<(), SerdeError> {
    let Serializer {
        out,
        scratch,
        entries,
        orders,
        ..
    } = ser;
    let open = &entries[first..];
    let runs = key_order(out, open)?;
    if let Some(runs) = &runs {
        permute(out, scratch, start, open, runs);
    }
    let learn = remembered.is_none() && orders.len() < MAX_FIELD_ORDERS;
    if let Some(name) = of_struct.filter(|_| learn) {
        orders.extend(FieldOrder::new(name, open, runs));
    }
    Ok(())
}

/// The sequence traits all add an element; the struct traits a field.
macro_rules! compound_impls {
    ($($trait:ident::$method:ident($($key:ident: $key_type:ty,)?) => $add:ident;)*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = SerdeError;

            #[inline(always)]
            fn $method<T: Serialize + ?Sized>(&mut self, $($key: $key_type,)? value: &T) -> Result<(), SerdeError> {
                self.$add($($key,)? value)
            }

            #[inline(always)]
            fn end(mut self) -> Result<(), SerdeError> {
                self.finish()
            }
        }
    )*};
}

compound_impls! {
    SerializeSeq::serialize_element() => element;
    SerializeTuple::serialize_element() => element;
    SerializeTupleStruct::serialize_field() => element;
    SerializeTupleVariant::serialize_field() => element;
    SerializeStruct::serialize_field(key: &'static str,) => field;
    SerializeStructVariant::serialize_field(key: &'static str,) => field;
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = SerdeError;

    /// Writes the key straight into the output: only what serializes as a
    /// string is one (see `KeySerializer`).
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerdeError> {
        if self.pending_key().is_some() {
            return Err(SerdeError::new("a map key without a value"));
        }
        let start = self.ser.out.len();
        key.serialize(KeySerializer {
            out: &mut *self.ser.out,
        })?;
        self.ser.entries.push(Entry { start, field: None });
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
        let Some(start) = self.pending_key() else {
            return Err(SerdeError::new("a map value without a key"));
        };
        self.value(start, value)
    }

    #[inline(always)]
    fn end(mut self) -> Result<(), SerdeError> {
        self.finish()
    }
}
