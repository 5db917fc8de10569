//! The serializer: values go straight into the output as calldata.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use serde::ser::{self, Serialize};

use super::{SerdeError, RAW};
use crate::wire::{self, TAG_ARRAY, TAG_BYTES, TAG_MAP, TAG_NEG_INT, TAG_POS_INT, TAG_STR};

/// Serializes `value` onto the end of `out`.
pub(crate) fn serialize_into<T: Serialize + ?Sized>(
    value: &T,
    out: &mut Vec<u8>,
) -> Result<(), SerdeError> {
    let mut serializer = Serializer {
        out,
        scratch: Vec::new(),
        entries: Vec::new(),
        orders: Vec::new(),
        raw_next: false,
    };
    value.serialize(&mut serializer)
}

pub(crate) struct Serializer<'o> {
    out: &'o mut Vec<u8>,
    /// Reused to put map entries in key order.
    scratch: Vec<u8>,
    /// Entries of the open maps, innermost last.
    entries: Vec<Entry>,
    /// Key orders of the structs seen so far whose fields are not declared
    /// in key order, so the next value of the same type needs no sorting.
    orders: Vec<FieldOrder>,
    /// The next bytes are one encoded calldata item, to copy as they are.
    raw_next: bool,
}

/// Where one map entry sits in the output while its map is open.
#[derive(Clone, Copy)]
struct Entry {
    /// The key's length prefix.
    start: usize,
    /// The key's bytes.
    key: (usize, usize),
    /// Past the value.
    end: usize,
    /// A struct field's name as `(address, length)` of its `&'static str`
    /// (equal names mean equal text); `(0, 0)` for a map key.
    field: (usize, usize),
}

/// How one struct type's fields, in declaration order, sort by key.
struct FieldOrder {
    /// The fields' `Entry::field`s in the order they arrive.
    fields: Vec<(usize, usize)>,
    /// Indexes into `fields`, in key order.
    sorted: Vec<usize>,
}

/// How many struct types the order cache remembers (it is per call).
const MAX_FIELD_ORDERS: usize = 16;

impl<'o> Serializer<'o> {
    fn header(&mut self, tag: u8, len: usize) {
        wire::push_uleb(self.out, wire::header(tag, len));
    }

    /// An integer from its sign and argument (`-1 - value` when negative).
    fn int_parts(&mut self, negative: bool, arg: u128) -> Result<(), SerdeError> {
        let tag = if negative { TAG_NEG_INT } else { TAG_POS_INT };
        wire::push_int_header(self.out, tag, arg);
        Ok(())
    }

    fn key(&mut self, key: &str) {
        wire::push_uleb(self.out, key.len() as u128);
        self.out.extend_from_slice(key.as_bytes());
    }

    /// `{name: ...}`: the one-key map of a variant with content.
    fn variant_prefix(&mut self, name: &str) {
        self.header(TAG_MAP, 1);
        self.key(name);
    }

    /// Opens a map; with a known length its header goes first, so entries
    /// that arrive in key order (a `BTreeMap`, a struct with sorted fields)
    /// are never moved.
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
            },
            count: 0,
            variant: None,
            ser: self,
        }
    }

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
            ser: self,
        }
    }

    fn entry_text(&self, entry: &Entry) -> &str {
        core::str::from_utf8(&self.out[entry.key.0..entry.key.1]).unwrap_or("?")
    }
}

fn unsupported(what: &str) -> SerdeError {
    SerdeError::new(alloc::format!("{what} cannot be calldata"))
}

/// Every integer type is a calldata integer.
macro_rules! serialize_integers {
    (unsigned { $($method:ident: $type:ty,)* } signed { $($signed:ident: $signed_type:ty,)* }) => {
        $(fn $method(self, v: $type) -> Result<(), SerdeError> {
            self.int_parts(false, v as u128)
        })*
        $(fn $signed(self, v: $signed_type) -> Result<(), SerdeError> {
            // `!v` is `-1 - v`, not negative when `v` is.
            match v < 0 {
                true => self.int_parts(true, !v as u128),
                false => self.int_parts(false, v as u128),
            }
        })*
    };
}

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

    fn serialize_bool(self, v: bool) -> Result<(), SerdeError> {
        self.out
            .push(if v { wire::TRUE_BYTE } else { wire::FALSE_BYTE });
        Ok(())
    }

    serialize_integers! {
        unsigned { serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, }
        signed { serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128, }
    }

    fn serialize_f32(self, v: f32) -> Result<(), SerdeError> {
        self.serialize_f64(v as f64)
    }

    fn serialize_f64(self, v: f64) -> Result<(), SerdeError> {
        ser::Serializer::serialize_i64(self, super::whole_float(v)?)
    }

    fn serialize_char(self, _: char) -> Result<(), SerdeError> {
        Err(unsupported("a char"))
    }

    fn serialize_str(self, v: &str) -> Result<(), SerdeError> {
        self.header(TAG_STR, v.len());
        self.out.extend_from_slice(v.as_bytes());
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), SerdeError> {
        if core::mem::take(&mut self.raw_next) {
            self.out.extend_from_slice(v);
        } else {
            self.header(TAG_BYTES, v.len());
            self.out.extend_from_slice(v);
        }
        Ok(())
    }

    fn serialize_none(self) -> Result<(), SerdeError> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), SerdeError> {
        value.serialize(self)
    }

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

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a, 'o>, SerdeError> {
        Ok(self.open_map(len))
    }

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a, 'o>, SerdeError> {
        Ok(self.open_map(Some(len)))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'o>, SerdeError> {
        self.variant_prefix(variant);
        Ok(self.open_map(Some(len)).in_variant(variant))
    }
}

/// An open array or map.
pub(crate) struct Compound<'a, 'o> {
    ser: &'a mut Serializer<'o>,
    kind: Kind,
    /// Elements or entries written so far.
    count: usize,
    /// The variant whose one-key map holds this, for error paths.
    variant: Option<&'static str>,
}

enum Kind {
    /// Elements start at `start`; without a declared length the header is
    /// inserted there at the end.
    Seq {
        declared: Option<usize>,
        start: usize,
    },
    /// Entries start at `start`, and are `ser.entries[first..]`; with a
    /// declared length the header is already before `start`.
    Map {
        declared: Option<usize>,
        start: usize,
        first: usize,
    },
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
            .map_err(|e| within_variant(self.variant, e.within_index(index)))
    }

    /// Writes a key that is already a string.
    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerdeError> {
        let start = self.ser.out.len();
        self.ser.key(key);
        let key_range = (self.ser.out.len() - key.len(), self.ser.out.len());
        self.value(start, key_range, value, key)?;
        if let Some(entry) = self.ser.entries.last_mut() {
            entry.field = (key.as_ptr() as usize, key.len());
        }
        Ok(())
    }

    fn value<T: Serialize + ?Sized>(
        &mut self,
        start: usize,
        key: (usize, usize),
        value: &T,
        name: &str,
    ) -> Result<(), SerdeError> {
        value
            .serialize(&mut *self.ser)
            .map_err(|e| within_variant(self.variant, e.within_field(name)))?;
        self.ser.entries.push(Entry {
            start,
            key,
            end: self.ser.out.len(),
            field: (0, 0),
        });
        self.count += 1;
        Ok(())
    }

    fn finish(self) -> Result<(), SerdeError> {
        let variant = self.variant;
        let Compound {
            ser, kind, count, ..
        } = self;
        finish_kind(ser, kind, count).map_err(|e| within_variant(variant, e))
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

fn finish_kind(ser: &mut Serializer<'_>, kind: Kind, count: usize) -> Result<(), SerdeError> {
    match kind {
        Kind::Seq {
            declared: Some(len),
            ..
        } if len == count => Ok(()),
        Kind::Seq {
            declared: Some(len),
            ..
        } => Err(SerdeError::new(alloc::format!(
            "a sequence declared {len} elements and gave {count}"
        ))),
        Kind::Seq {
            declared: None,
            start,
        } => {
            let mut header = Vec::new();
            wire::put_uleb(&mut header, wire::header(TAG_ARRAY, count));
            ser.out.splice(start..start, header);
            Ok(())
        }
        Kind::Map {
            declared,
            start,
            first,
        } => {
            let Serializer {
                out,
                scratch,
                entries,
                orders,
                ..
            } = ser;
            let open = &entries[first..];
            let order = key_order(out, open, orders);
            if let Ok(Some(sorted)) = &order {
                scratch.clear();
                scratch.extend_from_slice(&out[start..]);
                out.truncate(start);
                for &index in sorted.iter() {
                    let entry = &open[index];
                    out.extend_from_slice(&scratch[entry.start - start..entry.end - start]);
                }
            }
            let order = order.map(drop);
            entries.truncate(first);
            order?;
            // The header: written already when the length was declared (and
            // rewritten if the declaration was wrong), else inserted now.
            let mut header = Vec::new();
            wire::put_uleb(&mut header, wire::header(TAG_MAP, count));
            let written = match declared {
                Some(len) if len == count => return Ok(()),
                Some(len) => wire::uleb_len(wire::header(TAG_MAP, len)),
                None => 0,
            };
            out.splice(start - written..start, header);
            Ok(())
        }
    }
}

/// The order to write `open` entries in, or `None` when they arrived in key
/// order. A struct type's order is computed once and then found by its field
/// names' addresses, without comparing keys.
fn key_order<'c>(
    out: &[u8],
    open: &[Entry],
    orders: &'c mut Vec<FieldOrder>,
) -> Result<Option<Cow<'c, [usize]>>, SerdeError> {
    let is_struct = open.first().is_some_and(|entry| entry.field != (0, 0));
    if is_struct {
        let cached = orders.iter().position(|order| {
            order.fields.len() == open.len()
                && order
                    .fields
                    .iter()
                    .zip(open)
                    .all(|(field, entry)| *field == entry.field)
        });
        if let Some(index) = cached {
            return Ok(Some(Cow::Borrowed(&orders[index].sorted)));
        }
    }
    let key = |entry: &Entry| &out[entry.key.0..entry.key.1];
    if open.windows(2).all(|pair| key(&pair[0]) < key(&pair[1])) {
        return Ok(None);
    }
    let mut sorted: Vec<usize> = (0..open.len()).collect();
    sorted.sort_unstable_by(|&a, &b| key(&open[a]).cmp(key(&open[b])));
    if let Some(pair) = sorted
        .windows(2)
        .find(|pair| key(&open[pair[0]]) == key(&open[pair[1]]))
    {
        let name = String::from_utf8_lossy(key(&open[pair[0]])).into_owned();
        return Err(SerdeError::new(alloc::format!(
            "duplicate map key {name:?}"
        )));
    }
    if !is_struct {
        return Ok(Some(Cow::Owned(sorted)));
    }
    if orders.len() == MAX_FIELD_ORDERS {
        orders.remove(0);
    }
    orders.push(FieldOrder {
        fields: open.iter().map(|entry| entry.field).collect(),
        sorted,
    });
    Ok(orders
        .last()
        .map(|order| Cow::Borrowed(order.sorted.as_slice())))
}

/// The sequence traits all add an element; the struct traits a field.
macro_rules! compound_impls {
    ($($trait:ident::$method:ident($($key:ident: $key_type:ty,)?) => $add:ident;)*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = SerdeError;

            fn $method<T: Serialize + ?Sized>(&mut self, $($key: $key_type,)? value: &T) -> Result<(), SerdeError> {
                self.$add($($key,)? value)
            }

            fn end(self) -> Result<(), SerdeError> {
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

    /// Writes the key as a value, then rewrites its string header as the
    /// plain length a key has; anything but a string is refused.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerdeError> {
        let start = self.ser.out.len();
        key.serialize(&mut *self.ser)?;
        let header = wire::read_uleb(self.ser.out, start)
            .ok()
            .filter(|h| h.tag() == TAG_STR);
        let Some((header, len)) = header.and_then(|h| h.length().ok().map(|len| (h, len))) else {
            self.ser.out.truncate(start);
            return Err(SerdeError::new("a map key must be a string"));
        };
        let mut prefix = Vec::new();
        wire::put_uleb(&mut prefix, len as u128);
        self.ser.out.splice(start..header.end, prefix);
        // Remember the key until its value arrives.
        self.ser.entries.push(Entry {
            start,
            key: (self.ser.out.len() - len, self.ser.out.len()),
            end: 0,
            field: (0, 0),
        });
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
        let Some(pending) = self.ser.entries.pop() else {
            return Err(SerdeError::new("a map value without a key"));
        };
        let name = String::from(self.ser.entry_text(&pending));
        self.value(pending.start, pending.key, value, &name)
    }

    fn end(self) -> Result<(), SerdeError> {
        self.finish()
    }
}
