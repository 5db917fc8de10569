//! Every vector of `spec/vectors/schema.json`: schemas read or refused,
//! calls, deployments and return values checked, calls built.

use std::collections::HashMap;

use genvm_calldata::abi::AbiGeneration;
use genvm_calldata::{decode, MethodCall};
use genvm_calldata_schema::{CheckOptions, ErrorKind, Schema, SchemaError};
use serde_json::Value as Json;

fn vectors() -> Json {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/vectors/schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("the vectors read")).expect("JSON")
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
        .collect()
}

fn generation(vector: &Json) -> AbiGeneration {
    match vector["generation"].as_str() {
        Some("v0.3") => AbiGeneration::V03,
        Some("v0.2") => AbiGeneration::V02,
        other => panic!("generation {other:?}"),
    }
}

fn options(vector: &Json) -> CheckOptions {
    CheckOptions::new().strict(vector["strict"].as_bool().unwrap_or(false))
}

fn name(vector: &Json) -> &str {
    vector["name"].as_str().expect("a name")
}

/// The outcome against the vector's `ok`/`hex` or `error` and `path`.
fn expect<T>(vector: &Json, result: Result<T, SchemaError>) -> Option<T> {
    let name = name(vector);
    match (result, vector["error"].as_str()) {
        (Ok(value), None) => Some(value),
        (Ok(_), Some(error)) => panic!("{name}: accepted, expected {error}"),
        (Err(error), None) => panic!("{name}: refused: {error} ({})", error.kind()),
        (Err(error), Some(kind)) => {
            assert_eq!(error.kind().name(), kind, "{name}: {error}");
            assert_eq!(
                error.path(),
                vector["path"].as_str().unwrap(),
                "{name}: {error}"
            );
            if let Some(call_error) = vector["call_error"].as_str() {
                assert_eq!(
                    error.call_error().map(|e| e.name()),
                    Some(call_error),
                    "{name}: {error}"
                );
            }
            None
        }
    }
}

fn contracts(all: &Json) -> HashMap<String, Schema> {
    all["contracts"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, text)| {
            let schema = Schema::from_json(text.as_str().unwrap())
                .unwrap_or_else(|error| panic!("contract {name}: {error}"));
            (name.clone(), schema)
        })
        .collect()
}

#[test]
fn error_names_are_the_crates() {
    let all = vectors();
    let names: Vec<&str> = all["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    let ours: Vec<&str> = ErrorKind::ALL.iter().map(|kind| kind.name()).collect();
    assert_eq!(names, ours);
}

#[test]
fn schemas() {
    let all = vectors();
    for vector in all["schemas"].as_array().unwrap() {
        let result = Schema::from_json(vector["schema"].as_str().unwrap());
        if let Some(schema) = expect(vector, result) {
            let shown: Vec<String> = std::iter::once(schema.constructor().to_string())
                .chain(schema.methods().map(|m| m.to_string()))
                .collect();
            let expected: Vec<&str> = vector["signatures"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect();
            assert_eq!(shown, expected, "{}", name(vector));
        }
    }
}

#[test]
fn calls() {
    let all = vectors();
    let contracts = contracts(&all);
    for vector in all["calls"].as_array().unwrap() {
        let schema = &contracts[vector["contract"].as_str().unwrap()];
        let bytes = unhex(vector["hex"].as_str().unwrap());
        let generation = generation(vector);
        let options = options(vector);
        let deployment = vector["deployment"].as_bool().unwrap_or(false);
        let result = if deployment {
            schema.check_deployment(&bytes, generation, &options)
        } else {
            schema.check_call_with(&bytes, generation, &options)
        };
        let verdict = expect(vector, result.clone());
        // The same verdict through a MethodCall, when the bytes are one.
        let parsed = MethodCall::from_bytes_in(&bytes, generation);
        if let Ok(call) = parsed {
            let owned = if deployment {
                schema.check_deployment_call(&call, &options)
            } else {
                schema.check_method_call(&call, &options)
            };
            if verdict.is_some() || result.as_ref().unwrap_err().kind() != ErrorKind::NotACall {
                assert_eq!(owned, result, "{} as a MethodCall", name(vector));
            }
        }
    }
}

#[test]
fn returns() {
    let all = vectors();
    let contracts = contracts(&all);
    for vector in all["returns"].as_array().unwrap() {
        let schema = &contracts[vector["contract"].as_str().unwrap()];
        let bytes = unhex(vector["hex"].as_str().unwrap());
        let method = vector["method"].as_str().unwrap();
        let result = schema.check_return(method, &bytes);
        expect(vector, result.clone());
        let value = decode(&bytes).unwrap();
        assert_eq!(
            schema.check_return_value(method, &value),
            result,
            "{}",
            name(vector)
        );
        let view = genvm_calldata::decode_ref(&bytes).unwrap();
        assert_eq!(
            schema.check_return_ref(method, view),
            result,
            "{}",
            name(vector)
        );
    }
}

#[test]
fn builds() {
    let all = vectors();
    let contracts = contracts(&all);
    for vector in all["builds"].as_array().unwrap() {
        let schema = &contracts[vector["contract"].as_str().unwrap()];
        let args = vector["args"].as_array().unwrap();
        let kwargs = vector["kwargs"].as_object().unwrap();
        let generation = generation(vector);
        let options = options(vector);
        let result = match vector["method"].as_str() {
            Some(method) => schema.build_call_with(method, args, kwargs, generation, &options),
            None => schema.build_deployment(args, kwargs, generation, &options),
        };
        if let Some(bytes) = expect(vector, result) {
            let expected = unhex(vector["hex"].as_str().unwrap());
            assert_eq!(
                decode(&bytes).unwrap().to_string(),
                decode(&expected).unwrap().to_string(),
                "{}",
                name(vector)
            );
            assert_eq!(bytes, expected, "{}", name(vector));
            // What is built checks.
            let checked = match vector["method"].as_str() {
                Some(_) => schema.check_call_with(&bytes, generation, &options),
                None => schema.check_deployment(&bytes, generation, &options),
            };
            assert_eq!(checked, Ok(()), "{} checks", name(vector));
        }
    }
}
