//! A short tour: build a value, encode it, decode it three ways, print the
//! text form, and see what a broken input reports.
//!
//! Run with `cargo run --release --example tour -p genvm-calldata`.

use genvm_calldata::{decode, decode_ref, encode, validate, Address, Int, Map, Value};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn main() {
    let owner: Address = "0x6a1f3c5e8d0b2a4c6e8f0a1b3c5d7e9f0a2b4c6d"
        .parse()
        .expect("40 hex digits");
    let balance: Int = "340282366920938463463374607431768211456"
        .parse()
        .expect("decimal"); // 2^128
    let call = Value::from(
        Map::from_entries([
            ("method", Value::from("transfer")),
            (
                "args",
                Value::from(vec![
                    Value::from(owner),
                    Value::from(balance),
                    Value::from(-1),
                    Value::Null,
                ]),
            ),
            (
                "kwargs",
                Value::from(Map::from_entries([("memo", Value::from("thé ☕"))]).expect("one key")),
            ),
        ])
        .expect("distinct keys"),
    );

    let bytes = encode(&call);
    println!("value:   {call}");
    println!("encoded: {} ({} bytes)", hex(&bytes), bytes.len());

    validate(&bytes).expect("our own encoding is valid");
    assert_eq!(decode(&bytes).expect("valid"), call);

    let view = decode_ref(&bytes).expect("valid");
    let method = view
        .get("method")
        .and_then(|m| m.as_str())
        .unwrap_or_default();
    let args = view
        .get("args")
        .and_then(|a| a.as_array())
        .map_or(0, |a| a.len());
    println!("view:    method {method:?} with {args} positional arguments");

    for broken in [
        &[0x80, 0x00][..],
        &[0x16, 0x01, b'b', 0x00, 0x01, b'a', 0x00],
        &[0x24, b'a'],
    ] {
        let error = validate(broken).expect_err("broken on purpose");
        println!("{:<15} -> {error} [{}]", hex(broken), error.kind().name());
    }
}
