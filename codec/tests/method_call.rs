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

/// Every vector of `spec/vectors/method-calls.json`: calls of both
/// generations, migrations and call keys.
mod vectors {
    use genvm_calldata::abi::AbiGeneration;
    use genvm_calldata::{call_key, decode, migrate_call, MethodCall, MethodCallError, Value};
    use serde_json::Value as Json;

    fn document() -> Json {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../spec/vectors/method-calls.json"
        );
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn generation(vector: &Json, field: &str) -> AbiGeneration {
        AbiGeneration::try_from(vector[field].as_str().unwrap()).unwrap()
    }

    fn bytes(vector: &Json, field: &str) -> Vec<u8> {
        hex::decode(vector[field].as_str().unwrap()).unwrap()
    }

    fn calldata_error(error: &MethodCallError) -> Option<&'static str> {
        match error {
            MethodCallError::Decode(error) => Some(error.kind().name()),
            _ => None,
        }
    }

    fn read(vector: &Json) -> Result<MethodCall, MethodCallError> {
        let generation = generation(vector, "generation");
        let input = bytes(vector, "hex");
        if vector["deployment"] == Json::Bool(true) {
            let value = decode(&input)?;
            MethodCall::deployment_from_value_in(&value, generation)
        } else {
            MethodCall::from_bytes_in(&input, generation)
        }
    }

    #[test]
    fn calls_of_both_generations() {
        let document = document();
        let calls = document["calls"].as_array().unwrap();
        assert!(calls.len() >= 20);
        for vector in calls {
            let name = vector["name"].as_str().unwrap();
            match (read(vector), vector.get("error")) {
                (Ok(call), None) => {
                    assert_eq!(call.method.as_deref(), vector["method"].as_str(), "{name}");
                    assert_eq!(
                        Value::Array(call.args.clone()).to_string(),
                        vector["args"],
                        "{name}"
                    );
                    assert_eq!(
                        Value::Map(call.kwargs.clone()).to_string(),
                        vector["kwargs"],
                        "{name}"
                    );
                    // The borrowed reading agrees, and writes the same bytes in both generations.
                    let input = bytes(vector, "hex");
                    let view = genvm_calldata::MethodCallRef::parse(
                        &input,
                        generation(vector, "generation"),
                    )
                    .unwrap();
                    assert_eq!(view.to_call(), call, "{name}");
                    for g in AbiGeneration::ALL {
                        let mut out = Vec::new();
                        view.encode_to_in(&mut out, g);
                        assert_eq!(out, call.encode_in(g), "{name} in {g}");
                    }
                    // Written in its generation and read again, the call is the same.
                    let written = call.encode_in(generation(vector, "generation"));
                    assert_eq!(
                        MethodCall::from_bytes_in(&written, generation(vector, "generation")),
                        Ok(call),
                        "{name}"
                    );
                }
                (Err(error), Some(expected)) => {
                    assert_eq!(error.name(), expected, "{name}: {error}");
                    assert_eq!(error.key(), vector["key"].as_str(), "{name}");
                    assert_eq!(
                        calldata_error(&error),
                        vector["calldata_error"].as_str(),
                        "{name}"
                    );
                }
                (got, expected) => panic!("{name}: got {got:?}, expected {expected:?}"),
            }
        }
    }

    #[test]
    fn migrations() {
        let document = document();
        for vector in document["migrations"].as_array().unwrap() {
            let name = vector["name"].as_str().unwrap();
            let got = migrate_call(&bytes(vector, "hex"), generation(vector, "to"));
            match (got, vector.get("error")) {
                (Ok(output), None) => assert_eq!(output, bytes(vector, "output"), "{name}"),
                (Err(error), Some(expected)) => {
                    assert_eq!(error.name(), expected, "{name}: {error}")
                }
                (got, expected) => panic!("{name}: got {got:?}, expected {expected:?}"),
            }
        }
    }

    #[test]
    fn call_keys() {
        let document = document();
        for vector in document["call_keys"].as_array().unwrap() {
            let method = vector["method"].as_str();
            assert_eq!(
                hex::encode(call_key(method)),
                vector["key"],
                "{}",
                vector["name"]
            );
            let call = MethodCall {
                method: method.map(Into::into),
                ..MethodCall::default()
            };
            assert_eq!(call.call_key(), call_key(method));
        }
    }
}

#[test]
fn migration_round_trips_and_keeps_other_bytes() {
    use genvm_calldata::abi::AbiGeneration::{V02, V03};
    use genvm_calldata::migrate_call;
    let old = encode(&from_text(r#"{"args":[[],{}],"kwargs":{"a":b#00},"method":"go"}"#).unwrap());
    let new = migrate_call(&old, V03).unwrap();
    assert_eq!(
        decode(&new).unwrap().to_string(),
        r#"{"":"go","args":[[],{}],"kwargs":{"a":b#00}}"#
    );
    assert_eq!(migrate_call(&new, V02).unwrap(), old);
    assert_eq!(migrate_call(&new, V03).unwrap(), new);
    let error = migrate_call(&[0x0e, 0x01], V03).unwrap_err();
    assert!(error.to_string().starts_with("not calldata: "), "{error}");
}
