//! The text form parser: it reads back everything `Display` prints, and
//! reports bad text with line, column and an excerpt.

mod common;

use common::{arbitrary_value, repo_root};
use genvm_calldata::{decode_ref, encode, from_text, Value};
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
            '[' | '{' => {
                out.push(c);
                out.push_str("\n\t ");
            }
            ',' | ':' => {
                out.push_str(" \t");
                out.push(c);
                out.push_str("\r\n ");
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
        prop_assert_eq!(from_text(&spaced(&printed)).unwrap(), value.clone());
        // The indented form, with raw UTF-8 in its strings, reads back too.
        let bytes = encode(&value);
        let pretty = decode_ref(&bytes).unwrap().pretty().to_string();
        prop_assert_eq!(from_text(&pretty).unwrap(), value);
    }

    #[test]
    fn any_text_gives_a_value_or_an_error_inside_it(text in "[\\[\\]{}\",:a-z0-9#\\\\ \n-]{0,40}") {
        match from_text(&text) {
            Ok(value) => prop_assert_eq!(from_text(&value.to_string()).unwrap(), value),
            Err(error) => {
                prop_assert!(error.offset() <= text.len());
                let before = &text[..error.offset()];
                prop_assert_eq!(error.line(), before.matches('\n').count() + 1);
                prop_assert_eq!(error.to_string().lines().count(), 3);
            }
        }
    }
}

#[test]
fn every_valid_vector_parses_to_its_bytes() {
    let path = repo_root().join("spec/vectors/calldata.json");
    if !path.exists() {
        eprintln!("skipped: {} is missing", path.display());
        return;
    }
    let text = std::fs::read_to_string(&path).unwrap();
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
        ("duplicate key \"a\"".into(), 2, 2)
    );
    // The first repeat in the text, whatever the key order.
    assert_eq!(
        error_at(r#"{"b":1,"a":2,"b":3,"a":4}"#),
        ("duplicate key \"b\"".into(), 1, 14)
    );
    assert_eq!(
        error_at(r#"[{"x":[{"k":1,"k":2}]}]"#),
        ("duplicate key \"k\"".into(), 1, 15)
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
        error_at(&format!("addr#{}", "0".repeat(41))),
        ("an address is 40 hex digits".into(), 1, 1)
    );
    assert_eq!(
        error_at("\"\\u12\""),
        ("\\u needs four hex digits".into(), 1, 2)
    );
    assert_eq!(
        error_at("\"\\ud83d\\u0041\""),
        ("lone surrogate".into(), 1, 2)
    );
    let float = "floats are not calldata: numbers are integers";
    assert_eq!(error_at("1.5"), (float.into(), 1, 2));
    assert_eq!(error_at("[2e3]"), (float.into(), 1, 3));
    assert_eq!(error_at("{\"a\":-1E-3}"), (float.into(), 1, 8));
    // Not floats: a dot or an `e` with no digit after it.
    assert_eq!(
        error_at("1."),
        ("unexpected text after the value".into(), 1, 2)
    );
    assert_eq!(error_at("[1e]"), ("expected ',' or ']'".into(), 1, 3));
    assert_eq!(error_at("-"), ("expected a value".into(), 1, 1));
    assert_eq!(error_at("[1"), ("expected ',' or ']'".into(), 1, 3));
    assert_eq!(error_at("{\"a\":1"), ("expected ',' or '}'".into(), 1, 7));
    assert_eq!(error_at("]"), ("expected a value".into(), 1, 1));
    assert_eq!(error_at("nul"), ("expected a value".into(), 1, 1));
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
        ("nested deeper than 128", 1, 129)
    );
    let ok = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert!(from_text(&ok).is_ok());
    let maps = format!("{}1{}", r#"{"k":"#.repeat(129), "}".repeat(129));
    assert_eq!(
        error_at(&maps),
        ("nested deeper than 128".into(), 1, 1 + 5 * 128)
    );
    // The report shows a bounded slice of the million-character line.
    let report = from_text(&"[".repeat(1_000_000)).unwrap_err().to_string();
    assert!(report.len() < 200, "{report}");
}

#[test]
fn integers_are_any_size_and_any_digits() {
    let big = format!("-{}", "9".repeat(300));
    assert_eq!(from_text(&big).unwrap().to_string(), big);
    assert_eq!(from_text("007").unwrap(), Value::from(7));
    assert_eq!(from_text("-0").unwrap(), Value::from(0));
    assert_eq!(
        from_text(
            "[-170141183460469231731687303715884105728, 340282366920938463463374607431768211455]"
        )
        .unwrap(),
        Value::from(vec![Value::from(i128::MIN), Value::from(u128::MAX)])
    );
}

#[test]
fn long_lines_are_cut_around_the_column_and_tabs_keep_the_caret_aligned() {
    let text = format!("[{}?, {}]", "1, ".repeat(30), "2, ".repeat(30));
    let error = from_text(&text).unwrap_err();
    assert_eq!((error.line(), error.column()), (1, 92));
    let report = error.to_string();
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0], "expected a value at line 1, column 92");
    let excerpt = lines[1].strip_prefix("  ...").unwrap();
    assert!(excerpt.ends_with("..."), "{excerpt}");
    // 40 characters either side of the column.
    assert_eq!(excerpt.chars().count(), 40 + 40 + 3);
    let caret = lines[2].find('^').unwrap();
    assert_eq!(&lines[1][caret..caret + 1], "?");

    let error = from_text("[\t1,\t\t?]").unwrap_err();
    assert_eq!(error.column(), 7);
    assert_eq!(
        error.to_string(),
        "expected a value at line 1, column 7\n  [\t1,\t\t?]\n   \t  \t\t^"
    );
}
