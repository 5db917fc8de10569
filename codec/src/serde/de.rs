//! The deserializer: reads calldata in place, checking it as strictly as
//! `validate` while it goes (one pass, no separate validation).

use serde::de::value::{BorrowedBytesDeserializer, BorrowedStrDeserializer};
use serde::de::{self, Deserialize, DeserializeSeed, IntoDeserializer, Visitor};

use core::cmp::Ordering;
use core::fmt;

use super::{SerdeError, MAX_SAFE_INTEGER, RAW};
use crate::error::{DecodeError, ErrorKind};
use crate::int::IntRef;
use crate::read::DecodeOptions;
use crate::read::{self, read_item, read_key, Item};
use crate::wire;

/// Deserializes a `T` from all of `input`, which must be valid calldata.
pub(crate) fn deserialize<'de, T: Deserialize<'de>>(input: &'de [u8]) -> Result<T, SerdeError> {
    let mut deserializer = Deserializer::from_slice(input);
    let value = T::deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// Reads calldata in place, checking it as strictly as
/// [`validate_with`](crate::validate_with) while it goes.
///
/// [`from_slice`](crate::from_slice) is the usual way in. This type is for
/// what that cannot do: deserializing with a [`DeserializeSeed`], with a
/// depth limit other than the default, or several values one after
/// another. A value is read with `T::deserialize(&mut deserializer)`; call
/// [`end`](Self::end) after the last one, as `from_slice` does.
///
/// ```
/// use genvm_calldata::serde::Deserializer;
/// use serde::Deserialize;
///
/// // Two values back to back: 1 and "a".
/// let bytes = [0x09, 0x0c, b'a'];
/// let mut de = Deserializer::from_slice(&bytes);
/// assert_eq!(u8::deserialize(&mut de).unwrap(), 1);
/// assert_eq!(de.offset(), 1);
/// assert_eq!(<&str>::deserialize(&mut de).unwrap(), "a");
/// de.end().unwrap();
/// ```
///
/// After an error the deserializer's position is wherever the failing value
/// left it: start again from a new one.
pub struct Deserializer<'de> {
    input: &'de [u8],
    pos: usize,
    /// How many more containers may open around the cursor: the depth limit
    /// less the containers open now.
    depth_left: usize,
    /// The depth limit, which depth errors name.
    depth_limit: usize,
}

/// Shows where the cursor stands, not the input.
impl fmt::Debug for Deserializer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Deserializer")
            .field("offset", &self.pos)
            .field("len", &self.input.len())
            .finish_non_exhaustive()
    }
}

impl<'de> Deserializer<'de> {
    /// A deserializer at the start of `input`, with the default limits.
    pub fn from_slice(input: &'de [u8]) -> Self {
        Self::from_slice_with(input, &DecodeOptions::new())
    }

    /// A deserializer at the start of `input`, with `options`' limits.
    ///
    /// A `Deserialize` implementation recurses once per container or more,
    /// so a depth limit above the default needs a deep enough stack.
    pub fn from_slice_with(input: &'de [u8], options: &DecodeOptions) -> Self {
        Deserializer {
            input,
            pos: 0,
            depth_left: options.depth_limit(),
            depth_limit: options.depth_limit(),
        }
    }

    /// The offset of the first byte not read yet.
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// Checks that the whole input was read: trailing bytes are an error.
    pub fn end(&self) -> Result<(), SerdeError> {
        match self.pos == self.input.len() {
            true => Ok(()),
            false => Err(DecodeError::new(ErrorKind::TrailingBytes, self.pos).into()),
        }
    }

    /// The item at the cursor (a container as its header), and its offset.
    /// Inlined: returning the item through memory cost a stall per item.
    #[inline(always)]
    fn next_item(&mut self) -> Result<(Item<'de>, usize), SerdeError> {
        let start = self.pos;
        let (item, end) = read_item(self.input, start, self.depth_left > 0)
            .map_err(|error| error.with_depth_limit(self.depth_limit))?;
        self.pos = end;
        Ok((item, start))
    }

    fn peek(&self) -> Result<Item<'de>, SerdeError> {
        let (item, _) = read_item(self.input, self.pos, self.depth_left > 0)
            .map_err(|error| error.with_depth_limit(self.depth_limit))?;
        Ok(item)
    }

    /// Skips (and checks) one whole item, returning its encoding.
    fn skip(&mut self) -> Result<&'de [u8], SerdeError> {
        let start = self.pos;
        self.pos = read::parse(self.input, start, self.depth_left, &mut ())
            .map_err(|error| error.with_depth_limit(self.depth_limit))?;
        Ok(&self.input[start..self.pos])
    }

    /// Hands an array of `len` elements (its header read) to `visitor`.
    ///
    /// Containers are read out of line: kept out of the copy of
    /// `deserialize_any` for each leaf type (`String`, `u64`), they leave it
    /// small enough to save fewer registers on every call.
    #[inline(never)]
    fn enter_array<V: Visitor<'de>>(
        &mut self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        self.nested(|de| {
            let mut seq = Seq {
                de,
                remaining: len,
                index: 0,
            };
            let value = visitor.visit_seq(&mut seq)?;
            all_read(seq.remaining, "elements").map(|()| value)
        })
    }

    /// Hands a map of `len` entries (its header read) to `visitor`; out of
    /// line as [`enter_array`](Self::enter_array).
    #[inline(never)]
    fn enter_map<V: Visitor<'de>>(
        &mut self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        self.nested(|de| {
            let mut map = Entries {
                de,
                remaining: len,
                key: None,
            };
            let value = visitor.visit_map(&mut map)?;
            all_read(map.remaining, "entries").map(|()| value)
        })
    }

    /// Runs `visit` one container deeper.
    fn nested<T>(
        &mut self,
        visit: impl FnOnce(&mut Self) -> Result<T, SerdeError>,
    ) -> Result<T, SerdeError> {
        self.depth_left -= 1;
        let result = visit(self);
        self.depth_left += 1;
        result
    }
}

/// Checks that a visitor read all of a container: `left` more `items` is
/// an error (a type that reads fewer would silently drop them). Always
/// inlined: the compiler left it a call.
#[inline(always)]
fn all_read(left: usize, items: &str) -> Result<(), SerdeError> {
    match left {
        0 => Ok(()),
        _ => Err(SerdeError::new(alloc::format!(
            "{left} more {items} than the type reads"
        ))),
    }
}

/// Hands an integer to a visitor in the narrowest form that holds it.
fn visit_int<'de, V: Visitor<'de>>(
    int: IntRef<'de>,
    raw: &'de [u8],
    visitor: V,
) -> Result<V::Value, SerdeError> {
    // `arg` is the value, or `-1 - value` for a negative one.
    match int.small_parts() {
        Some((false, arg)) => match u64::try_from(arg) {
            Ok(small) => visitor.visit_u64(small),
            Err(_) => visitor.visit_u128(arg),
        },
        Some((true, arg)) if arg <= i64::MAX as u128 => visitor.visit_i64(-1 - arg as i64),
        Some((true, arg)) if arg <= i128::MAX as u128 => visitor.visit_i128(-1 - arg as i128),
        _ => visitor.visit_newtype_struct(BorrowedBytesDeserializer::new(raw)),
    }
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = SerdeError;

    fn is_human_readable(&self) -> bool {
        false
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        let (item, start) = self.next_item()?;
        let result = match item {
            Item::Null => visitor.visit_unit(),
            Item::Bool(b) => visitor.visit_bool(b),
            Item::Int(int) => visit_int(int, &self.input[start..self.pos], visitor),
            Item::Bytes(bytes) => visitor.visit_borrowed_bytes(bytes),
            Item::Str(text) => visitor.visit_borrowed_str(text),
            Item::Address(_) => visitor
                .visit_newtype_struct(BorrowedBytesDeserializer::new(&self.input[start..self.pos])),
            Item::Array { len, .. } => self.enter_array(len, visitor),
            Item::Map { len, .. } => self.enter_map(len, visitor),
        };
        result.map_err(|e| e.at(start))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        // Null is the one-byte header 0x00 and nothing else.
        if self.input.get(self.pos) == Some(&wire::NULL_BYTE) {
            self.pos += 1;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        if name == RAW {
            let start = self.pos;
            let raw = self.skip()?;
            return visitor
                .visit_borrowed_bytes(raw)
                .map_err(|e: SerdeError| e.at(start));
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        let (item, start) = self.next_item()?;
        let result = match item {
            Item::Str(name) => visitor.visit_enum(name.into_deserializer()),
            // The variant's map is a container like any other: it counts
            // towards the depth limit (a recursive enum would otherwise
            // recurse as deep as the input nests).
            Item::Map { len: 1, .. } => self.nested(|de| visitor.visit_enum(Variant { de })),
            _ => Err(SerdeError::new("an enum is a string or a one-key map")),
        };
        result.map_err(|e| e.at(start))
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        match self.peek()? {
            Item::Int(int) => {
                let start = self.pos;
                self.next_item()?;
                match i64::try_from(int) {
                    Ok(v) if (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&v) => {
                        visitor.visit_f64(v as f64)
                    }
                    _ => Err(SerdeError::new(alloc::format!(
                        "integer {int} is beyond ±(2^53 - 1) for a float"
                    ))),
                }
                .map_err(|e| e.at(start))
            }
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _: V) -> Result<V::Value, SerdeError> {
        Err(SerdeError::new("a char cannot be calldata").at(self.pos))
    }

    /// Only a byte string is bytes (serde's byte buffers would also take a
    /// string or an array of numbers; calldata keeps the kinds apart).
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        let (item, start) = self.next_item()?;
        match item {
            Item::Bytes(bytes) => visitor
                .visit_borrowed_bytes(bytes)
                .map_err(|e: SerdeError| e.at(start)),
            other => Err(wrong_kind(&other, &visitor, start)),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        self.deserialize_bytes(visitor)
    }

    /// Only a string is a string: serde's `String` and `&str` would also
    /// take UTF-8 bytes, which the reference refuses.
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        let (item, start) = self.next_item()?;
        match item {
            Item::Str(text) => visitor
                .visit_borrowed_str(text)
                .map_err(|e: SerdeError| e.at(start)),
            other => Err(wrong_kind(&other, &visitor, start)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        self.skip()?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128
        unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

/// The error for an item of another kind than the visitor reads; out of
/// line, so the reading paths stay small.
#[cold]
#[inline(never)]
fn wrong_kind(item: &Item<'_>, expected: &dyn de::Expected, start: usize) -> SerdeError {
    <SerdeError as de::Error>::invalid_type(unexpected(item), expected).at(start)
}

/// How an item shows in a type error.
fn unexpected<'a>(item: &Item<'a>) -> de::Unexpected<'a> {
    match *item {
        Item::Null => de::Unexpected::Unit,
        Item::Bool(b) => de::Unexpected::Bool(b),
        Item::Int(_) => de::Unexpected::Other("integer"),
        Item::Bytes(bytes) => de::Unexpected::Bytes(bytes),
        Item::Str(text) => de::Unexpected::Str(text),
        Item::Address(_) => de::Unexpected::Other("address"),
        Item::Array { .. } => de::Unexpected::Seq,
        Item::Map { .. } => de::Unexpected::Map,
    }
}

struct Seq<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    remaining: usize,
    index: usize,
}

impl<'de> de::SeqAccess<'de> for Seq<'_, 'de> {
    type Error = SerdeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, SerdeError> {
        if self.remaining == 0 {
            return Ok(None);
        }
        self.remaining -= 1;
        let index = self.index;
        self.index += 1;
        seed.deserialize(&mut *self.de)
            .map(Some)
            .map_err(|e| e.within_index(index))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.remaining)
    }
}

struct Entries<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    remaining: usize,
    /// The key of the entry being read: for the order check and error paths.
    key: Option<&'de str>,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = SerdeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, SerdeError> {
        if self.remaining == 0 {
            return Ok(None);
        }
        self.remaining -= 1;
        let start = self.de.pos;
        let (key, end) = read_key(self.de.input, start)?;
        if let Some(previous) = self.key {
            match read::compare_keys(previous.as_bytes(), key.as_bytes()) {
                Ordering::Less => {}
                Ordering::Equal => {
                    return Err(DecodeError::new(ErrorKind::DuplicateKey, start).into())
                }
                Ordering::Greater => {
                    return Err(DecodeError::new(ErrorKind::UnsortedKeys, start).into())
                }
            }
        }
        self.de.pos = end;
        self.key = Some(key);
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
            .map_err(|e: SerdeError| e.at(start))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, SerdeError> {
        let key = self.key.unwrap_or_default();
        seed.deserialize(&mut *self.de)
            .map_err(|e| e.within_field(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.remaining)
    }
}

/// The one-key map of a variant with content.
struct Variant<'a, 'de> {
    de: &'a mut Deserializer<'de>,
}

impl<'a, 'de> de::EnumAccess<'de> for Variant<'a, 'de> {
    type Error = SerdeError;
    type Variant = Content<'a, 'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Content<'a, 'de>), SerdeError> {
        let (name, end) = read_key(self.de.input, self.de.pos)?;
        self.de.pos = end;
        let variant = seed.deserialize(BorrowedStrDeserializer::<SerdeError>::new(name))?;
        Ok((variant, Content { de: self.de, name }))
    }
}

/// What a variant's one-key map holds.
struct Content<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    name: &'de str,
}

impl<'de> de::VariantAccess<'de> for Content<'_, 'de> {
    type Error = SerdeError;

    fn unit_variant(self) -> Result<(), SerdeError> {
        <() as Deserialize>::deserialize(&mut *self.de).map_err(|e| e.within_field(self.name))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, SerdeError> {
        seed.deserialize(&mut *self.de)
            .map_err(|e| e.within_field(self.name))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, SerdeError> {
        de::Deserializer::deserialize_any(&mut *self.de, visitor)
            .map_err(|e| e.within_field(self.name))
    }

    /// Only from a map: unlike a struct, the reference reads a struct
    /// variant from no array of its fields.
    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        let de = self.de;
        let read = || {
            let (item, start) = de.next_item()?;
            match item {
                Item::Map { len, .. } => de.enter_map(len, visitor).map_err(|e| e.at(start)),
                other => Err(wrong_kind(&other, &visitor, start)),
            }
        };
        read().map_err(|e| e.within_field(self.name))
    }
}
