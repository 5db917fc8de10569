//! The method-call convention (`spec/host-calls.md`) as a typed value.

use genvm_calldata::abi::SpecialMethod;
use genvm_calldata::{decode, encode, from_text, MethodCall, MethodCallError, Value};

#[test]
fn calls_build_and_parse_both_ways() {
    let call = MethodCall::new("vote")
        .arg(Value::from(true))
        .arg(Value::Null)
        .kwarg("weight", Value::from(3));
    let bytes = encode(&call.to_value());
    assert_eq!(
        decode(&bytes).unwrap().to_string(),
        r#"{"args":[true,null],"kwargs":{"weight":3},"method":"vote"}"#
    );
    assert_eq!(MethodCall::from_value(&decode(&bytes).unwrap()), Ok(call));

    // Empty args and kwargs are left out, and may be absent.
    let bare = MethodCall::new("ping");
    assert_eq!(bare.to_value().to_string(), r#"{"method":"ping"}"#);
    assert_eq!(
        MethodCall::from_value(&from_text(r#"{"method":"ping"}"#).unwrap()),
        Ok(bare.clone())
    );
    let explicit = from_text(r#"{"method":"ping","args":[],"kwargs":{}}"#).unwrap();
    assert_eq!(MethodCall::from_value(&explicit), Ok(bare));

    // A deployment has no method.
    let deploy = MethodCall::from_value(&from_text(r#"{"args":[1]}"#).unwrap()).unwrap();
    assert_eq!((deploy.method.clone(), deploy.args.len()), (None, 1));
    assert_eq!(deploy.to_value().to_string(), r#"{"args":[1]}"#);
}

#[test]
fn special_methods_are_recognised() {
    assert_eq!(
        MethodCall::new("#get-schema").special(),
        Some(SpecialMethod::GetSchema)
    );
    assert_eq!(
        MethodCall::new(SpecialMethod::ErroredMessage.as_str()).special(),
        Some(SpecialMethod::ErroredMessage)
    );
    assert_eq!(MethodCall::new("get_schema").special(), None);
    assert_eq!(MethodCall::deployment().special(), None);
}

#[test]
fn malformed_calls_are_refused_clearly() {
    let parse = |text: &str| MethodCall::from_value(&from_text(text).unwrap());
    assert_eq!(parse("[1]"), Err(MethodCallError::NotAMap));
    assert_eq!(
        parse(r#"{"method": 1}"#),
        Err(MethodCallError::WrongType {
            key: "method",
            expected: "a string"
        })
    );
    assert_eq!(
        parse(r#"{"args": {}}"#),
        Err(MethodCallError::WrongType {
            key: "args",
            expected: "an array"
        })
    );
    assert_eq!(
        parse(r#"{"kwargs": []}"#),
        Err(MethodCallError::WrongType {
            key: "kwargs",
            expected: "a map"
        })
    );
    let unknown = parse(r#"{"method": "m", "extra": null}"#).unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "unknown key \"extra\" in a method call"
    );
}
