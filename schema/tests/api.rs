//! The API around the vectors: schemas from calldata, shapes, types on
//! their own.

use genvm_calldata::{decode_ref, encode, Value};
use genvm_calldata_schema::{CheckOptions, Schema, Shape};
use serde_json::json;

const TEXT: &str = r#"{"ctor": {"params": [], "kwparams": {}},
  "methods": {"m": {"params": [["p", [{"$rep": {"a": "int", "$$b": {"$or": ["bytes", "null"]}}}]]],
                    "kwparams": {"$$k": "address"}, "readonly": true, "ret": {"$ref": "/methods/m/params/0/1"}}}}"#;

#[test]
fn a_schema_from_the_get_schema_result() {
    let schema = Schema::from_json(TEXT).unwrap();
    let result = encode(&Value::from(TEXT));
    assert_eq!(Schema::from_calldata(&result).unwrap(), schema);
    let error = Schema::from_calldata(&encode(&Value::from(5))).unwrap_err();
    assert_eq!(error.kind().name(), "invalid_json");
    assert_eq!(
        error.to_string(),
        "#get-schema returns a calldata string, found int"
    );
    let error = Schema::from_calldata(&[0x80, 0x00]).unwrap_err();
    assert_eq!(error.kind().name(), "not_calldata");
    assert!(error.decode_error().is_some());
}

#[test]
fn methods_params_and_shapes() {
    let schema = Schema::from_json(TEXT).unwrap();
    let method = schema.method("m").unwrap();
    assert!(method.readonly() && !method.payable() && !method.is_constructor());
    assert_eq!(method.name(), Some("m"));
    assert_eq!(method.min_gas_leader(), None);
    let kwparams: Vec<&str> = method.kwparams().map(|p| p.name()).collect();
    assert_eq!(kwparams, ["$k"]);
    assert_eq!(
        method.param_named("$k").unwrap().ty().to_string(),
        "address"
    );
    assert_eq!(method.param_named("p").unwrap().name(), "p");
    assert!(method.param_named("$$k").is_none());
    let ty = method.param_at(0).unwrap().ty();
    let Shape::List(record) = ty.shape() else {
        panic!("a list")
    };
    let Shape::Record(fields) = record.shape() else {
        panic!("a record")
    };
    let names: Vec<&str> = fields.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, ["a", "$b"]);
    assert!(matches!(fields[1].1.shape(), Shape::Or(ref alternatives) if alternatives.len() == 2));
    let ret = method.ret().unwrap();
    assert!(matches!(
        ret.shape(),
        Shape::Ref {
            pointer: "/methods/m/params/0/1",
            ..
        }
    ));
    assert_eq!(ret.resolved().to_string(), ty.to_string());
    assert_eq!(
        method.to_string(),
        r#"view m(p: list[{a: int, "$b": bytes | null}], *, "$k": address) -> ref(/methods/m/params/0/1)"#
    );
    let get_schema = schema.method("#get-schema").unwrap();
    assert_eq!(
        get_schema.to_string(),
        r##"view "#get-schema"() -> string"##
    );
    assert_eq!(schema.methods().len(), 1);
    assert!(schema.constructor().is_constructor());
    assert_eq!(schema.constructor().name(), None);
}

#[test]
fn types_check_and_build_on_their_own() {
    let schema = Schema::from_json(TEXT).unwrap();
    let ty = schema.method("m").unwrap().param_at(0).unwrap().ty();
    let value = ty
        .value_from_json(
            &json!([{"a": "12", "$b": "0xff"}, {"a": 1}]),
            &CheckOptions::new(),
        )
        .unwrap();
    assert_eq!(value.to_string(), r#"[{"$b":b#ff,"a":12},{"a":1}]"#);
    let bytes = encode(&value);
    assert_eq!(ty.check(decode_ref(&bytes).unwrap()), Ok(()));
    assert_eq!(ty.check_value(&value, &CheckOptions::new()), Ok(()));
    let error = ty
        .check_value(&value, &CheckOptions::new().strict(true))
        .unwrap_err();
    assert_eq!(
        (error.kind().name(), error.path()),
        ("missing_field", r#"[1]["$b"]"#)
    );
    let error = ty
        .value_from_json(&json!([{"a": 1, "b": null}]), &CheckOptions::new())
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "[0].b: not a field of {a: int, \"$b\": bytes | null}"
    );
}
