//! The text form parser: it reads back everything `Display` prints, and
//! reports bad text with line, column and an excerpt.

mod common;

use common::{arbitrary_value, repo_root};
use genvm_calldata::{encode, from_text, Value};
use proptest::prelude::*;

/// `text` with whitespace between every token (outside strings).
fn spaced(text: &str) -> String {
    let mut out = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '[' | '{' | ',' | ':' => {
                out.push(c);
                out.push_str("\n\t ");
            }
            ']' | '}' => {
                out.push_str(" \r\n");
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    format!("  {out}\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn printed_values_parse_back(data in prop::collection::vec(any::<u8>(), 0..4096)) {
        let Some(value) = arbitrary_value(&data) else { return Ok(()) };
        let printed = value.to_string();
        let parsed: Value = printed.parse().unwrap();
        prop_assert_eq!(&parsed, &value);
        prop_assert_eq!(parsed.to_string(), printed.clone());
        prop_assert_eq!(from_text(&spaced(&printed)).unwrap(), value);
    }
}

#[test]
fn every_valid_vector_parses_to_its_bytes() {
    let text = std::fs::read_to_string(repo_root().join("spec/vectors/calldata.json")).unwrap();
    let vectors: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut checked = 0;
    for vector in vectors["vectors"].as_array().unwrap() {
        if let Some(text) = vector["text"].as_str() {
            let value = from_text(text).unwrap_or_else(|e| panic!("{}: {e}", vector["name"]));
            assert_eq!(
                hex::encode(encode(&value)),
                vector["hex"].as_str().unwrap(),
                "{}",
                vector["name"]
            );
            checked += 1;
        }
    }
    assert!(checked > 80);
}

#[test]
fn accepts_json_extras_and_any_key_order() {
    let value = from_text(r#" { "z" : "\/\u00E9\ud83d\ude00" , "a" : [ ] , "m": -0 } "#).unwrap();
    assert_eq!(
        value.to_string(),
        r#"{"a":[],"m":0,"z":"/\u00e9\ud83d\ude00"}"#
    );
    assert_eq!(from_text("b#").unwrap(), Value::from(&b""[..]));
    assert_eq!(from_text("b#ABcd").unwrap(), Value::from(&b"\xab\xcd"[..]));
    assert_eq!(
        from_text("\"raw é and \u{7f}\"").unwrap(),
        Value::from("raw é and \u{7f}")
    );
}

fn error_at(text: &str) -> (String, usize, usize) {
    let error = from_text(text).unwrap_err();
    (error.message().to_owned(), error.line(), error.column())
}

#[test]
fn errors_name_line_and_column() {
    assert_eq!(error_at("\"abc"), ("unterminated string".into(), 1, 1));
    assert_eq!(error_at("[\"a\\x\"]"), ("invalid escape".into(), 1, 4));
    assert_eq!(error_at("\"\\ud800\""), ("lone surrogate".into(), 1, 2));
    assert_eq!(error_at("\"\\udc00\""), ("lone surrogate".into(), 1, 2));
    assert_eq!(
        error_at("b#abc"),
        ("bytes need an even number of hex digits".into(), 1, 1)
    );
    assert_eq!(
        error_at("addr#00ff"),
        ("an address is 40 hex digits".into(), 1, 1)
    );
    assert_eq!(
        error_at("{\"a\": 1,\n \"a\": 2}"),
        ("duplicate key \"a\"".into(), 2, 8)
    );
    assert_eq!(
        error_at("null x"),
        ("unexpected text after the value".into(), 1, 6)
    );
    assert_eq!(error_at("[1,]"), ("expected a value".into(), 1, 4));
    assert_eq!(
        error_at("{\"a\":1,}"),
        ("expected a string key".into(), 1, 8)
    );
    assert_eq!(error_at(""), ("expected a value".into(), 1, 1));
    assert_eq!(error_at("{1: 2}"), ("expected a string key".into(), 1, 2));
    assert_eq!(error_at("{\"a\" 2}"), ("expected ':'".into(), 1, 6));
    assert_eq!(error_at("[1 2]"), ("expected ',' or ']'".into(), 1, 4));
    assert_eq!(
        error_at("007"),
        ("integer with a leading zero".into(), 1, 1)
    );
    assert_eq!(
        error_at("\"a\nb\""),
        ("control character in a string".into(), 1, 3)
    );
    assert_eq!(error_at("\n\n  [é, ]"), ("expected a value".into(), 3, 4));
}

#[test]
fn display_shows_the_line_and_a_caret() {
    let error = from_text("{\n  \"a\": ,\n}").unwrap_err();
    assert_eq!(
        error.to_string(),
        "expected a value at line 2, column 8\n    \"a\": ,\n         ^"
    );
    assert_eq!(error.offset(), 9);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let (message, line, column) = error_at(&"[".repeat(1_000_000));
    assert_eq!(
        (message.as_str(), line, column),
        ("nested too deep", 1, 129)
    );
    let ok = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert!(from_text(&ok).is_ok());
}
