//! The host-call messages of `genvm_abi` encode to exactly the shapes the
//! host accepts (`spec/vectors/host-calls.json`), and bad ones are refused.

mod common;

use common::repo_root;
use genvm_calldata::abi::{HostCall, Trace};
use genvm_calldata::{decode, from_slice, to_vec};

#[test]
fn every_host_call_vector_passes() {
    let text = std::fs::read_to_string(repo_root().join("spec/vectors/host-calls.json")).unwrap();
    let vectors: serde_json::Value = serde_json::from_str(&text).unwrap();
    let vectors = vectors["vectors"].as_array().unwrap();
    assert!(vectors.len() >= 10);
    for vector in vectors {
        let name = vector["name"].as_str().unwrap();
        let bytes = hex::decode(vector["hex"].as_str().unwrap()).unwrap();
        match vector.get("text") {
            Some(text) => {
                let call: HostCall = from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(to_vec(&call).unwrap(), bytes, "{name}: re-encoding");
                assert_eq!(
                    decode(&bytes).unwrap().to_string(),
                    text.as_str().unwrap(),
                    "{name}"
                );
            }
            None => {
                let error = from_slice::<HostCall>(&bytes).unwrap_err();
                let expected = vector["error"].as_str().unwrap();
                assert!(error.to_string().contains(expected), "{name}: {error}");
            }
        }
    }
}

#[test]
fn guest_side_values_encode_to_the_listed_shapes() {
    let cases = [
        (
            HostCall::Sandbox {
                data: vec![1],
                allow_write_ops: true,
            },
            r#"{"Sandbox":{"allow_write_ops":true,"data":b#01}}"#,
        ),
        (
            HostCall::RunNondet {
                data_leader: vec![],
                data_validator: vec![2],
            },
            r#"{"RunNondet":{"data_leader":b#,"data_validator":b#02}}"#,
        ),
        (
            HostCall::Trace(Trace::Message("m".into())),
            r#"{"Trace":{"Message":"m"}}"#,
        ),
        (
            HostCall::Trace(Trace::RuntimeMicroSec(())),
            r#"{"Trace":{"RuntimeMicroSec":null}}"#,
        ),
    ];
    for (call, text) in cases {
        let bytes = to_vec(&call).unwrap();
        assert_eq!(decode(&bytes).unwrap().to_string(), text);
        assert_eq!(from_slice::<HostCall>(&bytes).unwrap(), call);
    }
}
