//! [`Map`]: string keys to values, kept sorted by key bytes.

use alloc::vec::Vec;
use core::fmt;

use super::{Str, Value};

/// A calldata map: entries sorted by their keys' UTF-8 bytes, keys unique.
///
/// Stored as one sorted vector: decoding fills it in order with no tree to
/// build, lookups are binary searches, and iteration is in wire order.
///
/// ```
/// use genvm_calldata::{Map, Value};
/// let map = Map::from_entries([("b", Value::from(2)), ("a", Value::from(1))]).unwrap();
/// assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "b"]);
/// assert_eq!(map.get("b"), Some(&Value::from(2)));
/// assert!(Map::from_entries([("a", Value::Null), ("a", Value::Null)]).is_err());
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Map {
    entries: Vec<(Str, Value)>,
}

/// Two entries of a map under construction have the same key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey(pub Str);

impl fmt::Display for DuplicateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "duplicate map key {:?}", self.0.as_str())
    }
}

impl core::error::Error for DuplicateKey {}

impl Map {
    /// An empty map.
    pub const fn new() -> Map {
        Map {
            entries: Vec::new(),
        }
    }

    /// A map from entries in any order; a repeated key is an error.
    pub fn from_entries<K: Into<Str>, V: Into<Value>>(
        entries: impl IntoIterator<Item = (K, V)>,
    ) -> Result<Map, DuplicateKey> {
        let mut entries: Vec<(Str, Value)> = entries
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        // `str` orders by UTF-8 bytes, the wire order.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        if let Some(pair) = entries.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            return Err(DuplicateKey(pair[0].0.clone()));
        }
        Ok(Map { entries })
    }

    /// Entries the caller guarantees are sorted and unique (the decoder's).
    pub(crate) fn from_sorted(entries: Vec<(Str, Value)>) -> Map {
        debug_assert!(entries.windows(2).all(|pair| pair[0].0 < pair[1].0));
        Map { entries }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.position(key).ok().map(|index| &self.entries[index].1)
    }

    /// The value under `key`, mutably.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.position(key)
            .ok()
            .map(|index| &mut self.entries[index].1)
    }

    /// Whether `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_ok()
    }

    /// Sets `key` to `value`, returning the value it replaces.
    pub fn insert(&mut self, key: impl Into<Str>, value: impl Into<Value>) -> Option<Value> {
        let key = key.into();
        match self.position(&key) {
            Ok(index) => Some(core::mem::replace(&mut self.entries[index].1, value.into())),
            Err(index) => {
                self.entries.insert(index, (key, value.into()));
                None
            }
        }
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.position(key)
            .ok()
            .map(|index| self.entries.remove(index).1)
    }

    /// The entries in key order.
    pub fn entries(&self) -> &[(Str, Value)] {
        &self.entries
    }

    /// Iterates over `(key, value)` in key order (as `&map` does).
    pub fn iter(&self) -> MapEntries<'_> {
        MapEntries(self.entries.iter())
    }

    /// The keys in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    /// The values in key order.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &Value> + DoubleEndedIterator {
        self.entries.iter().map(|(_, v)| v)
    }
}

impl IntoIterator for Map {
    type Item = (Str, Value);
    type IntoIter = alloc::vec::IntoIter<(Str, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a str, &'a Value);
    type IntoIter = MapEntries<'a>;

    fn into_iter(self) -> MapEntries<'a> {
        self.iter()
    }
}

/// Iterator over the `(key, value)` entries of a [`Map`], in key order.
#[derive(Clone, Debug)]
pub struct MapEntries<'a>(core::slice::Iter<'a, (Str, Value)>);

impl<'a> Iterator for MapEntries<'a> {
    type Item = (&'a str, &'a Value);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k.as_str(), v))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for MapEntries<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k.as_str(), v))
    }
}

impl ExactSizeIterator for MapEntries<'_> {}
impl core::iter::FusedIterator for MapEntries<'_> {}

impl fmt::Debug for Map {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_keeps_order_and_replaces() {
        let mut map = Map::new();
        assert_eq!(map.insert("b", 1), None);
        assert_eq!(map.insert("", 0), None);
        assert_eq!(map.insert("é", 3), None);
        assert_eq!(map.insert("b", 2), Some(Value::from(1)));
        assert_eq!(map.keys().collect::<Vec<_>>(), ["", "b", "é"]);
        assert_eq!(map.remove("b"), Some(Value::from(2)));
        assert!(!map.contains_key("b"));
        assert_eq!(map.len(), 2);
    }

    #[test]
    fn from_entries_names_the_duplicate() {
        let error = Map::from_entries([("x", 1), ("y", 2), ("x", 3)]).unwrap_err();
        assert_eq!(error.0, "x");
    }
}
