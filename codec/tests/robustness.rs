//! Hostile input: deep nesting, huge length claims, and proof that
//! validation and walking a view allocate nothing.

mod common;
mod counting;

use counting::allocated_by;

use genvm_calldata::{
    decode, decode_ref, decode_with, validate, validate_with, DecodeOptions, Encode, ErrorKind,
    Value, ValueRef,
};

fn nested_arrays(depth: usize) -> Vec<u8> {
    let mut input = vec![0x0d; depth - 1]; // [x]
    input.push(0x05); // []
    input
}

fn uleb(mut value: u128) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = value as u8 & 0x7f;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

#[test]
fn a_million_nested_arrays_are_refused_without_recursion() {
    let input = nested_arrays(1_000_000);
    for error in [
        validate(&input).unwrap_err(),
        decode(&input).unwrap_err(),
        decode_ref(&input).unwrap_err(),
    ] {
        assert_eq!((error.kind(), error.offset()), (ErrorKind::TooDeep, 128));
        assert_eq!(
            error.to_string(),
            "containers nested deeper than 128 at byte 128"
        );
    }
    // A caller who lifts the limit gets the hard maximum, not a stack overflow.
    let unlimited = DecodeOptions::new().max_depth(usize::MAX);
    let limit = DecodeOptions::MAX_DEPTH_LIMIT;
    for error in [
        validate_with(&input, &unlimited).unwrap_err(),
        decode_with(&input, &unlimited).unwrap_err(),
    ] {
        assert_eq!((error.kind(), error.offset()), (ErrorKind::TooDeep, limit));
        assert_eq!(error.depth_limit(), Some(limit));
    }
    let mut de = genvm_calldata::serde::Deserializer::from_slice_with(&input, &unlimited);
    let error = <serde::de::IgnoredAny as serde::Deserialize>::deserialize(&mut de).unwrap_err();
    assert_eq!(
        (error.kind(), error.offset()),
        (Some(ErrorKind::TooDeep), Some(limit))
    );
    assert_eq!(
        error.message(),
        format!("containers nested deeper than {limit}")
    );
}

/// At the hard maximum depth, everything that walks a decoded tree
/// recursively (printing, comparing, cloning, encoding, serde both ways,
/// dropping) fits in a new thread's default 2 MiB stack, even unoptimized.
#[test]
fn the_hard_depth_maximum_is_safe_on_a_small_stack() {
    let input = nested_arrays(DecodeOptions::MAX_DEPTH_LIMIT);
    let options = DecodeOptions::new().max_depth(DecodeOptions::MAX_DEPTH_LIMIT);
    let walk = move || {
        let value = decode_with(&input, &options).unwrap();
        let view = genvm_calldata::decode_ref_with(&input, &options).unwrap();
        let text = value.to_string();
        assert_eq!(view.to_string(), text);
        assert!(view.pretty().to_string().len() > text.len());
        assert_eq!(value.clone(), value);
        assert_eq!(genvm_calldata::encode(&value), input);
        assert_eq!(genvm_calldata::encode(&view), input);
        assert_eq!(genvm_calldata::to_vec(&value).unwrap(), input);
        let mut de = genvm_calldata::serde::Deserializer::from_slice_with(&input, &options);
        let read: Value = serde::Deserialize::deserialize(&mut de).unwrap();
        assert_eq!(read, value);
        drop(value);
    };
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(walk)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn depth_limit_is_exact() {
    assert!(validate(&nested_arrays(128)).is_ok());
    let error = validate(&nested_arrays(129)).unwrap_err();
    assert_eq!((error.kind(), error.offset()), (ErrorKind::TooDeep, 128));
    let limited = DecodeOptions::new().max_depth(3);
    assert!(validate_with(&nested_arrays(3), &limited).is_ok());
    assert!(validate_with(&nested_arrays(4), &limited).is_err());
}

#[test]
fn huge_claims_are_refused_without_big_allocations() {
    let claims = [
        (1u128 << 31, 5u8), // array of 2^31 elements
        (1 << 31, 6),       // map of 2^31 entries
        (1 << 32, 3),       // 4 GiB of bytes
        ((1 << 32) - 1, 4), // a string of 2^32 - 1 bytes
        (u32::MAX as u128, 5),
    ];
    for (len, tag) in claims {
        let mut input = uleb(len << 3 | tag as u128);
        input.extend_from_slice(&[0u8; 8]);
        let (result, bytes) = allocated_by(|| decode(&input));
        let kind = result.unwrap_err().kind();
        assert!(
            matches!(kind, ErrorKind::LengthPastEnd | ErrorKind::LengthTooLarge),
            "{kind:?}"
        );
        assert!(
            bytes <= 16 * input.len() + 1024,
            "{bytes} bytes allocated for a {}-byte input",
            input.len()
        );
    }
}

#[test]
fn garbage_never_panics() {
    // Every 3-byte input, and long runs of every byte value.
    for a in 0..=255u8 {
        for b in 0..=255u8 {
            for c in [0x00, 0x01, 0x7f, 0x80, 0xff] {
                let _ = decode(&[a, b, c]);
            }
        }
        let _ = decode(&vec![a; 10_000]);
    }
}

fn records(count: usize) -> Vec<u8> {
    use genvm_calldata::{encode, Address, Map, Value};
    let record = |i: i64| {
        Value::from(
            Map::from_entries([
                ("id", Value::from(i)),
                ("name", Value::from("abcdefghij")),
                ("owner", Value::from(Address([7; 20]))),
                (
                    "tags",
                    Value::from(vec![Value::from("x"), Value::from(-i), Value::Null]),
                ),
                ("big", Value::from(u128::MAX - i as u128)),
            ])
            .unwrap(),
        )
    };
    encode(&Value::from(
        (0..count as i64).map(record).collect::<Vec<_>>(),
    ))
}

/// Visits every node of a view, returning how many there were.
fn walk(value: ValueRef<'_>) -> usize {
    match value {
        ValueRef::Array(items) => 1 + items.iter().map(walk).sum::<usize>(),
        ValueRef::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| k.len() + walk(v))
                .sum::<usize>()
        }
        ValueRef::Str(s) => s.len(),
        other => other.encoded_len(),
    }
}

#[test]
fn validate_and_walking_a_view_allocate_nothing() {
    let input = records(1000);
    let (valid, bytes) = allocated_by(|| validate(&input));
    assert!(valid.is_ok());
    assert_eq!(bytes, 0, "validate allocated");

    let (nodes, bytes) = allocated_by(|| {
        let view = decode_ref(&input).unwrap();
        let found = view
            .as_array()
            .unwrap()
            .get(999)
            .unwrap()
            .get("owner")
            .unwrap();
        assert_eq!(found.as_address().unwrap().0, [7; 20]);
        walk(view)
    });
    assert!(nodes > 1000);
    assert_eq!(bytes, 0, "decode_ref and the walk allocated");
}
