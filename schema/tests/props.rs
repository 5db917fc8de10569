//! Properties: no input makes anything panic, and what is built checks.

use genvm_calldata::abi::AbiGeneration;
use genvm_calldata::{encode, MethodCall, Value};
use genvm_calldata_schema::{CheckOptions, Schema, MAX_CHECK_STEPS};
use proptest::prelude::*;
use serde_json::{json, Value as Json};

/// Arbitrary JSON, biased towards the schema format's words.
fn arbitrary_json() -> impl Strategy<Value = Json> {
    let word = prop_oneof![
        Just("ctor".to_owned()),
        Just("methods".to_owned()),
        Just("params".to_owned()),
        Just("kwparams".to_owned()),
        Just("readonly".to_owned()),
        Just("payable".to_owned()),
        Just("ret".to_owned()),
        Just("min_gas_leader".to_owned()),
        Just("$rep".to_owned()),
        Just("$or".to_owned()),
        Just("$dict".to_owned()),
        Just("$ref".to_owned()),
        Just("$$x".to_owned()),
        Just("int".to_owned()),
        Just("any".to_owned()),
        Just("string".to_owned()),
        Just("/methods/m/ret".to_owned()),
        Just("/ctor/params/0/1".to_owned()),
        "[a-z$#_/~0-9]{0,6}",
    ];
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e6f64..1e6).prop_map(|n| json!(n)),
        word.clone().prop_map(Json::String),
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Json::Array),
            prop::collection::vec((word.clone(), inner), 0..5)
                .prop_map(|entries| Json::Object(entries.into_iter().collect())),
        ]
    })
}

/// A schema text with one method `m` whose single parameter and return
/// have type `ty`, and a constructor taking `ty` too.
fn with_type(ty: &Json) -> String {
    json!({
        "ctor": {"params": [["c", ty]], "kwparams": {}},
        "methods": {"m": {"params": [["p", ty]], "kwparams": {"k": ty},
                          "readonly": false, "payable": false, "ret": ty}}
    })
    .to_string()
}

/// Arbitrary types of the type language (valid and not).
fn arbitrary_type() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(json!("null")),
        Just(json!("bool")),
        Just(json!("int")),
        Just(json!("string")),
        Just(json!("bytes")),
        Just(json!("address")),
        Just(json!("any")),
        Just(json!("array")),
        Just(json!("dict")),
        Just(json!({"$ref": "/methods/m/params/0/1"})),
        Just(json!({"$ref": "/ctor/params/0/1"})),
    ];
    leaf.prop_recursive(5, 48, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|t| json!([{"$rep": t}])),
            prop::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
            (prop::collection::vec(inner.clone(), 0..3), inner.clone()).prop_map(
                |(mut items, rest)| {
                    items.push(json!({"$rep": rest}));
                    Json::Array(items)
                }
            ),
            inner.clone().prop_map(|t| json!({"$dict": t})),
            prop::collection::vec(inner.clone(), 1..4).prop_map(|alts| json!({"$or": alts})),
            prop::collection::vec(("[a-c$]{1,3}", inner), 0..4)
                .prop_map(|fields| Json::Object(fields.into_iter().collect())),
        ]
    })
}

/// Arbitrary loose input: JSON values like the ones users hold.
fn arbitrary_input() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        Just(json!(1.5)),
        Just(json!("0x0102030405060708090a0b0c0d0e0f1011121314")),
        Just(json!("0xff")),
        Just(json!("AP8=")),
        Just(json!("123456789012345678901234567890")),
        "[a-z0-9]{0,4}".prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
            prop::collection::vec(("[a-c$]{1,3}", inner), 0..4)
                .prop_map(|entries| Json::Object(entries.into_iter().collect())),
        ]
    })
}

/// Arbitrary calldata values.
fn arbitrary_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "[a-z]{0,3}".prop_map(Value::from),
        prop::collection::vec(any::<u8>(), 0..4).prop_map(|b| Value::from(&b[..])),
        any::<[u8; 20]>().prop_map(|a| Value::from(genvm_calldata::Address::from(a))),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-c$]{1,3}", inner, 0..4).prop_map(|entries| {
                Value::Map(genvm_calldata::Map::from_entries(entries).expect("unique keys"))
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_json_reads_or_is_refused(json in arbitrary_json()) {
        let text = json.to_string();
        if let Ok(schema) = Schema::from_json(&text) {
            for method in schema.methods() {
                let _ = method.to_string();
            }
        }
        // And wrapped as the schema's parts.
        let _ = Schema::from_json(&json!({"ctor": {"params": [], "kwparams": {}}, "methods": {"m": json}}).to_string());
        let _ = Schema::from_json(&with_type(&json));
    }

    #[test]
    fn any_text_reads_or_is_refused(text in "\\PC{0,64}") {
        let _ = Schema::from_json(&text);
    }

    #[test]
    fn checking_and_building_never_panic(
        ty in arbitrary_type(),
        value in arbitrary_value(),
        input in arbitrary_input(),
        strict in any::<bool>(),
        bytes in prop::collection::vec(any::<u8>(), 0..24),
    ) {
        let Ok(schema) = Schema::from_json(&with_type(&ty)) else { return Ok(()) };
        let options = CheckOptions::new().strict(strict);
        let _ = schema.method("m").unwrap().to_string();
        for generation in [AbiGeneration::V02, AbiGeneration::V03] {
            let call = MethodCall::new("m").arg(value.clone()).kwarg("k", value.clone());
            let bytes_of_call = call.encode_in(generation);
            let by_bytes = schema.check_call_with(&bytes_of_call, generation, &options);
            prop_assert_eq!(&by_bytes, &schema.check_method_call(&call, &options));
            let _ = schema.check_call_with(&bytes, generation, &options);
            let _ = schema.check_deployment(&bytes, generation, &options);
            let _ = schema.check_return("m", &encode(&value));
            let _ = schema.check_return("m", &bytes);

            // Whatever builds, checks.
            let kwargs: serde_json::Map<String, Json> =
                [("k".to_owned(), input.clone())].into_iter().collect();
            if let Ok(built) = schema.build_call_with("m", std::slice::from_ref(&input), &kwargs, generation, &options) {
                prop_assert_eq!(schema.check_call_with(&built, generation, &options), Ok(()));
            }
            if let Ok(built) = schema.build_deployment(std::slice::from_ref(&input), &Default::default(), generation, &options) {
                prop_assert_eq!(schema.check_deployment(&built, generation, &options), Ok(()));
            }
        }
    }
}

/// `{"$rep": ...}` nested `depth` times around `int`, as a value.
fn nested_value(depth: usize) -> Value {
    let mut value = Value::from(1);
    for _ in 0..depth {
        value = Value::Array(vec![value]);
    }
    value
}

#[test]
fn a_recursive_type_follows_deep_values_within_the_stack() {
    // list of (int | itself): every level a $ref, a $or and an array.
    let schema = Schema::from_json(&with_type(
        &json!([{"$rep": {"$or": ["int", {"$ref": "/methods/m/ret"}]}}]),
    ))
    .unwrap();
    // The deepest calldata the codec reads (128), checked on a test
    // thread's stack, as bytes and as a value.
    let call = MethodCall::new("m").arg(nested_value(125));
    let bytes = call.encode_in(AbiGeneration::V02);
    assert_eq!(schema.check_call(&bytes, AbiGeneration::V02), Ok(()));
    assert_eq!(
        schema.check_method_call(&call, &CheckOptions::new()),
        Ok(())
    );
    let wrong = MethodCall::new("m").arg(Value::Array(vec![nested_value(100), Value::from("x")]));
    let error = schema
        .check_method_call(&wrong, &CheckOptions::new())
        .unwrap_err();
    assert_eq!(error.kind().name(), "type_mismatch");
    assert_eq!(error.path(), "args[0][1]");
    // An owned value deeper than checking follows stops with an error.
    let deep = MethodCall::new("m").arg(nested_value(MAX_CHECK_STEPS as usize));
    let error = schema
        .check_method_call(&deep, &CheckOptions::new())
        .unwrap_err();
    assert_eq!(error.kind().name(), "too_deep");
}

#[test]
fn building_refuses_json_deeper_than_calldata() {
    let schema = Schema::from_json(&with_type(&json!("any"))).unwrap();
    for depth in [200, MAX_CHECK_STEPS as usize] {
        let mut input = json!(1);
        for _ in 0..depth {
            input = Json::Array(vec![input]);
        }
        let error = schema
            .build_call("m", &[input], &Default::default(), AbiGeneration::V02)
            .unwrap_err();
        assert_eq!(error.kind().name(), "too_deep");
    }
}

#[test]
fn building_stops_at_the_step_limit_on_deep_json() {
    let schema = Schema::from_json(&with_type(&json!([{"$rep": {"$or": [
        "int",
        {"$ref": "/methods/m/ret"}
    ]}}])))
    .unwrap();
    let mut input = json!(1);
    for _ in 0..MAX_CHECK_STEPS {
        input = Json::Array(vec![input]);
    }
    let error = schema
        .build_call("m", &[input], &Default::default(), AbiGeneration::V02)
        .unwrap_err();
    assert_eq!(error.kind().name(), "too_deep");
}
