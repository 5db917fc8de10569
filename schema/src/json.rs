//! The schema's JSON as read: a tree that keeps every object's entries in
//! document order, repeated keys included, so that the parser can refuse a
//! repeated key at its path (serde_json's own `Value` keeps the last one).

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JSON value, objects as their entries in document order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// What the value is, for messages: `null`, `a boolean`, ...
    pub(crate) fn describe(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json, E> {
        Ok(Json::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json, E> {
        Ok(Json::Number(value.into()))
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Json, E> {
        serde_json::Number::from_f64(value)
            .map(Json::Number)
            .ok_or_else(|| E::custom("a number JSON cannot hold"))
    }

    fn visit_str<E>(self, value: &str) -> Result<Json, E> {
        Ok(Json::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Json, E> {
        Ok(Json::String(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Json::Object(entries))
    }
}

/// The first key that `entries` holds twice, if any.
pub(crate) fn repeated_key(entries: &[(String, Json)]) -> Option<&str> {
    if entries.len() <= 16 {
        for (i, (key, _)) in entries.iter().enumerate() {
            if entries[..i].iter().any(|(seen, _)| seen == key) {
                return Some(key);
            }
        }
        return None;
    }
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| entries[a].0.cmp(&entries[b].0).then(a.cmp(&b)));
    // Of the keys that repeat, the one whose second occurrence comes first.
    order
        .windows(2)
        .filter(|pair| entries[pair[0]].0 == entries[pair[1]].0)
        .map(|pair| pair[1])
        .min()
        .map(|at| entries[at].0.as_str())
}

/// One reference token of a JSON Pointer (RFC 6901), escaped: `~` as `~0`,
/// `/` as `~1`.
pub(crate) fn push_pointer_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Whether `pointer` is a JSON Pointer in the one spelling this crate
/// writes: `/` before every token, `~` only in `~0` and `~1`.
pub(crate) fn is_canonical_pointer(pointer: &str) -> bool {
    if !pointer.starts_with('/') {
        return false;
    }
    let bytes = pointer.as_bytes();
    bytes
        .iter()
        .enumerate()
        .all(|(i, &b)| b != b'~' || matches!(bytes.get(i + 1), Some(b'0' | b'1')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_repeats() {
        let json: Json = serde_json::from_str(r#"{"b": 1, "a": [true, null], "b": "x"}"#).unwrap();
        let Json::Object(entries) = json else {
            panic!("an object")
        };
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].0, "b");
        assert_eq!(repeated_key(&entries), Some("b"));
    }

    #[test]
    fn repeats_in_large_objects() {
        let mut entries: Vec<(String, Json)> =
            (0..40).map(|i| (format!("k{i}"), Json::Null)).collect();
        assert_eq!(repeated_key(&entries), None);
        entries.push(("k7".into(), Json::Null));
        entries.push(("k3".into(), Json::Null));
        assert_eq!(repeated_key(&entries), Some("k7"));
    }

    #[test]
    fn pointers() {
        let mut pointer = String::new();
        push_pointer_token(&mut pointer, "a/b~c");
        assert_eq!(pointer, "/a~1b~0c");
        assert!(is_canonical_pointer(&pointer));
        assert!(!is_canonical_pointer("a"));
        assert!(!is_canonical_pointer("/a~2"));
        assert!(!is_canonical_pointer("/a~"));
    }
}
