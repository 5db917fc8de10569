//! Properties every value satisfies: all decoding paths agree, encodings
//! round-trip, lengths are exact, and the two `Display`s print the same.

mod common;

use bytes::Bytes;
use common::arbitrary_value;
use genvm_calldata::{
    decode, decode_bytes, decode_ref, encode, encode_to, encoded_len, Int, Value, ValueRef,
};
use num_bigint::BigInt;
use primitive_types::U256;
use proptest::prelude::*;

/// Every element and entry a view reaches by index or key (skipping the
/// ones before it unread) is the value's, and so is its encoding.
fn views_reach_every_part(view: ValueRef<'_>, value: &Value) -> Result<(), TestCaseError> {
    prop_assert_eq!(encode(&view), encode(value));
    match (view, value) {
        (ValueRef::Array(items), Value::Array(values)) => {
            for (index, value) in values.iter().enumerate() {
                let item = items.get(index);
                prop_assert!(item.is_some(), "element {} missing", index);
                views_reach_every_part(item.unwrap(), value)?;
            }
            prop_assert!(items.get(values.len()).is_none());
        }
        (ValueRef::Map(entries), Value::Map(map)) => {
            for (key, value) in map.iter() {
                let item = entries.get(key);
                prop_assert!(item.is_some(), "entry {:?} missing", key);
                views_reach_every_part(item.unwrap(), value)?;
            }
            prop_assert_eq!(entries.len(), map.len());
        }
        (view, value) => prop_assert_eq!(&view.to_value(), value),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn every_path_agrees(data in prop::collection::vec(any::<u8>(), 0..4096)) {
        let Some(value) = arbitrary_value(&data) else { return Ok(()) };
        let bytes = encode(&value);
        prop_assert_eq!(encoded_len(&value), bytes.len());

        let mut appended = bytes::BytesMut::from(&b"prefix"[..]);
        encode_to(&value, &mut appended);
        prop_assert_eq!(&appended[6..], &bytes[..]);

        prop_assert_eq!(&decode(&bytes).unwrap(), &value);
        prop_assert_eq!(&decode_bytes(Bytes::from(bytes.clone())).unwrap(), &value);

        let view = decode_ref(&bytes).unwrap();
        prop_assert_eq!(&view.to_value(), &value);
        prop_assert_eq!(encode(&view), bytes.clone());
        prop_assert_eq!(encoded_len(&view), bytes.len());
        prop_assert_eq!(view.to_string(), value.to_string());
        prop_assert_eq!(view, decode_ref(&bytes).unwrap());
        views_reach_every_part(view, &value)?;
    }

    #[test]
    fn integers_convert_to_bigint_and_back(magnitude in prop::collection::vec(any::<u32>(), 0..20), negative: bool) {
        let big = BigInt::from_slice(if negative { num_bigint::Sign::Minus } else { num_bigint::Sign::Plus }, &magnitude);
        let int = Int::from(&big);
        prop_assert_eq!(BigInt::from(&int), big.clone());
        prop_assert_eq!(int.to_string(), big.to_string());
        prop_assert_eq!(big.to_string().parse::<Int>().unwrap(), int.clone());
        let decoded = decode(&encode(&Value::from(int.clone()))).unwrap();
        prop_assert_eq!(decoded.as_int(), Some(&int));
    }

    #[test]
    fn u256_round_trips_and_is_range_checked(limbs: [u64; 4]) {
        let wide = U256(limbs);
        let int = Int::from(wide);
        prop_assert_eq!(U256::try_from(&int), Ok(wide));
        prop_assert_eq!(int.to_string(), wide.to_string());
    }
}

#[test]
fn u256_refuses_negative_and_too_large() {
    assert!(U256::try_from(&Int::from(-1)).is_err());
    let too_big: Int =
        "115792089237316195423570985008687907853269984665640564039457584007913129639936"
            .parse()
            .unwrap();
    assert!(U256::try_from(&too_big).is_err());
    let max: Int = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
        .parse()
        .unwrap();
    assert_eq!(U256::try_from(&max), Ok(U256::MAX));
}

#[test]
fn decode_bytes_shares_strings_with_the_input() {
    // ["hello", b#0102, <a string of 40 bytes>]: strings longer than
    // `Str::INLINE_LEN` share the input; shorter ones are held inline.
    let long = "forty bytes of text, shared by the value";
    let mut bytes = vec![0x1d, 0x2c, b'h', b'e', b'l', b'l', b'o', 0x13, 1, 2];
    bytes.extend_from_slice(&[0xc4, 0x02]); // a string of 40 bytes
    bytes.extend_from_slice(long.as_bytes());
    let input = Bytes::from(bytes);
    let value = decode_bytes(input.clone()).unwrap();
    let items = value.as_array().unwrap();
    assert_eq!(items[0].as_str(), Some("hello"));
    let Value::Str(text) = &items[2] else {
        panic!("not a string: {value}")
    };
    assert_eq!(text.as_str(), long);
    assert_eq!(text.as_ptr(), input[12..].as_ptr());
    assert_eq!(items[1].as_bytes().unwrap().as_ptr(), input[8..].as_ptr());
}

/// Integers far past the sizes the property test draws, where the decimal
/// conversions switch to divide and conquer, print and parse as num-bigint
/// (an independent implementation) does, through the wire and the text form.
#[test]
fn huge_integers_print_and_parse_as_num_bigint_does() {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as u32
    };
    let ten_pow_5000 = BigInt::from(10).pow(5000);
    let minus_two_pow_100000 = -(BigInt::from(1) << 100_000usize);
    let mut cases = vec![ten_pow_5000.clone(), ten_pow_5000 - 1, minus_two_pow_100000];
    for words in [5, 64, 1_000, 12_000] {
        let magnitude: Vec<u32> = (0..words).map(|_| next()).collect();
        let sign = if words % 2 == 0 {
            num_bigint::Sign::Minus
        } else {
            num_bigint::Sign::Plus
        };
        cases.push(BigInt::from_slice(sign, &magnitude));
    }
    for big in cases {
        let int = Int::from(&big);
        let text = big.to_string();
        assert_eq!(int.to_string(), text);
        assert_eq!(text.parse::<Int>().unwrap(), int);
        let bytes = encode(&Value::from(int.clone()));
        assert_eq!(decode_ref(&bytes).unwrap().to_string(), text);
        assert_eq!(genvm_calldata::from_text(&text).unwrap(), Value::from(int));
    }
}
