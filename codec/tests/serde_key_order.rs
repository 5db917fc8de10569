//! serde writes map and struct entries in key order, and reuses a struct
//! type's remembered order only when its fields arrive exactly as before.

mod serde_common;

use genvm_calldata::from_slice;
use serde::{Deserialize, Serialize};
use serde_common::{round_trip, same_as_reference};

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Sparse {
    zeta: u8,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    alpha: Option<u8>,
    mid: String,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    beta: Vec<u8>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Other {
    zeta: bool,
    mid: u8,
}

#[test]
fn struct_key_orders_are_reused_only_for_the_same_fields() {
    // Many values of types whose fields are not in key order, with fields
    // that come and go, interleaved: each must be sorted by its own keys.
    let values: Vec<(Sparse, Other)> = (0..40u8)
        .map(|i| {
            (
                Sparse {
                    zeta: i,
                    alpha: (i % 3 == 0).then_some(i),
                    mid: format!("m{i}"),
                    beta: vec![i; usize::from(i % 2)],
                },
                Other {
                    zeta: i % 2 == 0,
                    mid: i,
                },
            )
        })
        .collect();
    let bytes = same_as_reference(&values);
    assert_eq!(from_slice::<Vec<(Sparse, Other)>>(&bytes).unwrap(), values);
}

/// Two struct types both called `Node`, with field names in common (the
/// compiler may store equal names once), nested in each other.
mod first {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    pub struct Node {
        pub zeta: u8,
        pub inner: Option<super::second::Node>,
        pub alpha: u8,
    }
}

mod second {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    pub struct Node {
        pub alpha: u8,
        pub zeta: Option<Box<super::first::Node>>,
        pub extra: String,
    }
}

#[test]
fn struct_types_with_the_same_name_keep_their_own_key_orders() {
    let leaf = |n: u8| first::Node {
        zeta: n,
        inner: None,
        alpha: n + 1,
    };
    let values: Vec<first::Node> = (0..5)
        .map(|n| first::Node {
            zeta: n,
            inner: Some(second::Node {
                alpha: n,
                zeta: Some(Box::new(leaf(n))),
                extra: format!("x{n}"),
            }),
            alpha: 9,
        })
        .collect();
    let bytes = same_as_reference(&values);
    assert_eq!(from_slice::<Vec<first::Node>>(&bytes).unwrap(), values);
}

/// More struct types, all with fields out of key order, than the serializer
/// remembers orders of.
macro_rules! many_types {
    ($($name:ident)*) => {
        $(
            #[derive(Serialize, Deserialize, PartialEq, Debug)]
            struct $name {
                zz: u8,
                mm: String,
                aa: bool,
            }
        )*

        #[derive(Serialize, Deserialize, PartialEq, Debug)]
        #[allow(non_snake_case)]
        struct Many {
            $($name: $name,)*
        }

        fn many(seed: u8) -> Many {
            Many {
                $($name: $name {
                    zz: seed,
                    mm: format!("{}{seed}", stringify!($name)),
                    aa: seed % 2 == 0,
                },)*
            }
        }
    };
}

many_types!(T00 T01 T02 T03 T04 T05 T06 T07 T08 T09 T10 T11 T12 T13 T14 T15 T16 T17 T18 T19);

#[test]
fn more_struct_types_than_remembered_are_still_sorted() {
    let values: Vec<Many> = (0..3).map(many).collect();
    let bytes = same_as_reference(&values);
    assert_eq!(from_slice::<Vec<Many>>(&bytes).unwrap(), values);
}

/// Field names whose encoded keys (a length byte and the text) take 63, 64
/// and 65 bytes: the serializer remembers keys in 64-byte blocks, and
/// sorts a struct type with a longer one every time instead.
#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct LongNames {
    #[serde(rename = "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    sixty_four: u8,
    #[serde(rename = "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm")]
    sixty_three: u8,
    #[serde(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    sixty_two: u8,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct BlockNames {
    #[serde(rename = "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    sixty_three: u8,
    #[serde(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    sixty_two: u8,
}

#[test]
fn field_names_past_the_remembered_block_size_are_still_sorted() {
    let long: Vec<LongNames> = (0..4)
        .map(|i| LongNames {
            sixty_four: i,
            sixty_three: i + 1,
            sixty_two: i + 2,
        })
        .collect();
    round_trip(&long);
    let fitting: Vec<BlockNames> = (0..4)
        .map(|i| BlockNames {
            sixty_three: i,
            sixty_two: i + 1,
        })
        .collect();
    round_trip(&fitting);
}
