//! `spec/vectors/results.json` and `spec/vectors/nondet.json` (written by an
//! independent script): GVM32, v0.3 VM error codes, proposed-result
//! validity, the result hashes and the non-deterministic verdicts.

mod common;

use common::repo_root;
use genvm_calldata::abi::{AbiGeneration, VmError};
use genvm_calldata::{
    check_proposed_result, execution_hash, from_text, gvm32_decode, gvm32_encode, host_verdict,
    subvm_small_hash, validator_verdict, ExecutionHashFields, HostVerdict, ResultKind, SubVmHashes,
    Value, VmErrorCode, VmErrorParam,
};
use serde_json::Value as Json;

fn document(name: &str) -> Json {
    let text = std::fs::read_to_string(repo_root().join("spec/vectors").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn list<'a>(document: &'a Json, key: &str) -> &'a Vec<Json> {
    let list = document[key].as_array().unwrap();
    assert!(!list.is_empty(), "{key} is empty");
    list
}

fn bytes(vector: &Json, key: &str) -> Vec<u8> {
    hex::decode(vector[key].as_str().unwrap()).unwrap()
}

fn value(vector: &Json, key: &str) -> Value {
    from_text(vector[key].as_str().unwrap()).unwrap()
}

fn hash32(vector: &Json, key: &str) -> [u8; 32] {
    bytes(vector, key).try_into().unwrap()
}

fn kind(name: &str) -> ResultKind {
    match name {
        "Return" => ResultKind::Return,
        "UserError" => ResultKind::UserError,
        "VMError" => ResultKind::VmError,
        other => panic!("kind {other}"),
    }
}

#[test]
fn gvm32_vectors() {
    let document = document("results.json");
    for vector in list(&document, "gvm32") {
        let text = vector["text"].as_str().unwrap();
        match vector.get("error") {
            None => {
                assert_eq!(gvm32_encode(&bytes(vector, "hex")), text);
                assert_eq!(gvm32_decode(text).unwrap(), bytes(vector, "hex"));
            }
            Some(error) => {
                let got = gvm32_decode(text).unwrap_err();
                let name = match got {
                    genvm_calldata::Gvm32Error::InvalidCharacter { .. } => "invalid_character",
                    genvm_calldata::Gvm32Error::NonZeroPadding => "non_zero_padding",
                };
                assert_eq!(name, error, "{text}");
            }
        }
    }
}

#[test]
fn vm_error_code_vectors() {
    let document = document("results.json");
    for vector in list(&document, "vm_error_codes") {
        let text = vector["text"].as_str().unwrap();
        match (VmErrorCode::parse(text), vector.get("error")) {
            (Ok(code), None) => {
                assert_eq!(code.public_code(), vector["public_code"], "{text}");
                assert_eq!(code.detail(), vector["detail"].as_str(), "{text}");
                assert_eq!(code.path(), vector["path"], "{text}");
                let param = match code.param() {
                    None => Json::Null,
                    Some(VmErrorParam::Str(s)) => Json::from(s),
                    Some(VmErrorParam::I32(n)) => Json::from(n),
                };
                assert_eq!(param, vector["param"], "{text}");
                assert_eq!(code.to_string(), text, "printed back as it was");
                assert!(code.matches(code.path()) && code.matches(code.public_code()));
            }
            (Err(error), Some(expected)) => assert_eq!(error.name(), expected, "{text}"),
            (got, expected) => panic!("{text:?}: got {got:?}, expected {expected:?}"),
        }
    }
}

#[test]
fn proposed_result_vectors() {
    let document = document("results.json");
    for vector in list(&document, "proposed") {
        let frame = bytes(vector, "hex");
        let derived = check_proposed_result(&frame);
        assert_eq!(
            derived.as_deref(),
            vector["derived"].as_str(),
            "{}",
            vector["name"]
        );
        if let Some(code) = derived {
            // A derived code is itself a code of the tree.
            assert!(VmErrorCode::parse(&code).is_ok(), "{code}");
        }
    }
}

#[test]
fn hash_vectors() {
    let document = document("results.json");
    for vector in list(&document, "small_hashes") {
        let got = subvm_small_hash(
            kind(vector["kind"].as_str().unwrap()),
            &value(vector, "result"),
            &hash32(vector, "subvm_hashes"),
            &value(vector, "wasm_store_hashes"),
        );
        assert_eq!(hex::encode(got), vector["hash"]);
    }
    for vector in list(&document, "accumulators") {
        let mut accumulator = SubVmHashes::new();
        for small in vector["small_hashes"].as_array().unwrap() {
            accumulator.fold(
                &hex::decode(small.as_str().unwrap())
                    .unwrap()
                    .try_into()
                    .unwrap(),
            );
        }
        assert_eq!(hex::encode(accumulator.finalize()), vector["finalized"]);
    }
    for vector in list(&document, "execution_hashes") {
        let fields = ExecutionHashFields {
            backtrace: value(vector, "backtrace"),
            data: value(vector, "data"),
            data_fees_consumed: value(vector, "data_fees_consumed"),
            data_fees_remaining: value(vector, "data_fees_remaining"),
            emissions: value(vector, "emissions"),
            kind: kind(vector["kind"].as_str().unwrap()),
            storage_changes: value(vector, "storage_changes"),
            subvm_hashes: hash32(vector, "subvm_hashes"),
            wasm_store_hashes: value(vector, "wasm_store_hashes"),
        };
        assert_eq!(hex::encode(execution_hash(&fields)), vector["hash"]);
    }
}

fn generation(vector: &Json) -> AbiGeneration {
    AbiGeneration::try_from(vector["generation"].as_str().unwrap()).unwrap()
}

#[test]
fn nondet_vectors() {
    let document = document("nondet.json");
    for vector in list(&document, "validator") {
        let name = vector["name"].as_str().unwrap();
        let got = validator_verdict(
            &bytes(vector, "leader"),
            &bytes(vector, "answer"),
            generation(vector),
        );
        match (got, vector.get("error")) {
            (Ok(verdict), None) => assert_eq!(Json::Bool(verdict), vector["verdict"], "{name}"),
            (Err(error), Some(expected)) => assert_eq!(error.name(), expected, "{name}: {error}"),
            (got, _) => panic!("{name}: got {got:?}"),
        }
    }
    for vector in list(&document, "host") {
        let name = vector["name"].as_str().unwrap();
        let got = host_verdict(&bytes(vector, "validator"), generation(vector));
        let expected = match (
            vector["verdict"].as_str().unwrap(),
            vector["vm_error"].as_str(),
        ) {
            ("agree", None) => HostVerdict::Agree,
            ("disagree", None) => HostVerdict::Disagree(None),
            ("disagree", Some(code)) => {
                HostVerdict::Disagree(Some(VmError::try_from(code).unwrap()))
            }
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn custom_comparisons_are_used() {
    use genvm_calldata::{validator_verdict_with, Comparisons};
    let anything = |_: &Value, _: &Value| true;
    let never = |_: &str, _: &str| false;
    let comparisons = Comparisons {
        user_errors: &anything,
        vm_errors: &never,
    };
    let v03 = AbiGeneration::V03;
    assert_eq!(
        validator_verdict_with(b"\x01\x09", b"\x01\x11", v03, comparisons),
        Ok(true)
    );
    assert_eq!(
        validator_verdict_with(b"\x02timeout", b"\x02timeout", v03, comparisons),
        Ok(false)
    );
}
