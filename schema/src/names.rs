//! Looking names up fast: method names in a small hash table, and short
//! keys compared inline (a `memcmp` call per comparison dominated checking
//! small calls).

use std::cmp::Ordering;

/// Whether two names are equal: the lengths first, short names byte by byte.
#[inline]
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    if a.len() <= 16 {
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    a == b
}

/// Byte order of two names (the order of calldata map keys), short names
/// compared inline.
#[inline]
pub(crate) fn order(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() <= 16 && b.len() <= 16 {
        for (x, y) in a.iter().zip(b) {
            if x != y {
                return x.cmp(y);
            }
        }
        return a.len().cmp(&b.len());
    }
    a.cmp(b)
}

/// FNV-1a, 64 bits: a few cycles a byte, plenty for method names.
#[inline]
fn hash(name: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in name.as_bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// An open-addressing table from names to their index in a list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct NameTable {
    /// Indices, `u32::MAX` for an empty slot; the length is a power of two
    /// at least twice the number of names.
    slots: Box<[u32]>,
}

impl NameTable {
    /// A table of `names` (distinct), each found at its position.
    pub(crate) fn new<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> NameTable {
        let size = (names.len() * 2).next_power_of_two().max(4);
        let mut slots = vec![u32::MAX; size].into_boxed_slice();
        let mask = size - 1;
        for (index, name) in names.enumerate() {
            let mut slot = hash(name) as usize & mask;
            while slots[slot] != u32::MAX {
                slot = (slot + 1) & mask;
            }
            slots[slot] = index as u32;
        }
        NameTable { slots }
    }

    /// The index of `name`, where `name_of` gives each index's name.
    #[inline]
    pub(crate) fn find<'n>(&self, name: &str, name_of: impl Fn(usize) -> &'n str) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut slot = hash(name) as usize & mask;
        loop {
            let index = self.slots[slot];
            if index == u32::MAX {
                return None;
            }
            if same(name_of(index as usize), name) {
                return Some(index as usize);
            }
            slot = (slot + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_name_and_no_other() {
        let names: Vec<String> = (0..300).map(|i| format!("method_{i}")).collect();
        let table = NameTable::new(names.iter().map(String::as_str));
        for (index, name) in names.iter().enumerate() {
            assert_eq!(table.find(name, |i| &names[i]), Some(index));
        }
        assert_eq!(table.find("method_300", |i| &names[i]), None);
        assert_eq!(NameTable::default().find("x", |i| &names[i]), None);
    }

    #[test]
    fn orders_as_bytes() {
        for (a, b) in [
            ("a", "b"),
            ("ab", "a"),
            ("", "a"),
            ("é", "z"),
            ("x".repeat(20).as_str(), "x"),
        ] {
            assert_eq!(order(a, b), a.cmp(b), "{a:?} {b:?}");
            assert_eq!(order(b, a), b.cmp(a));
            assert_eq!(same(a, b), a == b);
        }
        let long = "y".repeat(40);
        assert_eq!(order(&long, &long), Ordering::Equal);
        assert!(same(&long, &long.clone()));
    }
}
