//! The host-call messages of `genvm_abi` encode to exactly the shapes the
//! host accepts (`spec/vectors/host-calls.json`), and bad ones are refused.

mod common;

use common::repo_root;
use genvm_calldata::abi::host_call::v0_3;
use genvm_calldata::abi::{
    AbiGeneration, ExecuteOn, FeeParams, HttpMethod, PromptTemplate, RenderMode, ResponseFormat,
    StorageType, Topic, Trace, Wait,
};
use genvm_calldata::{
    decode, from_slice, to_vec, Address, HostCall, HostCallV03, MethodCall, Uint256, Value,
};
use serde_bytes::ByteBuf;

/// The vectors of `generation`, at least `min` of them.
fn vectors(generation: &str, min: usize) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(repo_root().join("spec/vectors/host-calls.json")).unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let all = file["vectors"].as_array().unwrap();
    for vector in all {
        let marker = vector["generation"].as_str();
        assert!(
            matches!(marker, Some("v0.2" | "v0.3")),
            "{vector}: generation"
        );
    }
    let ours: Vec<_> = all
        .iter()
        .filter(|vector| vector["generation"] == generation)
        .cloned()
        .collect();
    assert!(ours.len() >= min, "{generation}: {} vectors", ours.len());
    ours
}

/// Runs one vector through the typed message `T`: a valid one decodes and
/// encodes to its bytes (or to `canonical_hex`), a refused one is refused
/// with its phrase.
fn run<T>(vector: &serde_json::Value)
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let name = vector["name"].as_str().unwrap();
    let bytes = hex::decode(vector["hex"].as_str().unwrap()).unwrap();
    match vector.get("text") {
        Some(text) => {
            assert_eq!(
                decode(&bytes).unwrap().to_string(),
                text.as_str().unwrap(),
                "{name}"
            );
            let call: T = from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            let expected = match vector.get("canonical_hex") {
                Some(canonical) => hex::decode(canonical.as_str().unwrap()).unwrap(),
                None => bytes.clone(),
            };
            let written = to_vec(&call).unwrap();
            assert_eq!(
                hex::encode(&written),
                hex::encode(&expected),
                "{name}: re-encoding"
            );
            if let Some(text) = vector.get("canonical_text") {
                assert_eq!(
                    decode(&written).unwrap().to_string(),
                    text.as_str().unwrap(),
                    "{name}"
                );
            }
            assert_eq!(
                from_slice::<T>(&written).unwrap(),
                call,
                "{name}: decoding back"
            );
        }
        None => {
            // The refusal is the message's: the bytes are calldata.
            decode(&bytes).unwrap_or_else(|e| panic!("{name}: not calldata: {e}"));
            let error = from_slice::<T>(&bytes).unwrap_err();
            let expected = vector["error"].as_str().unwrap();
            assert!(error.to_string().contains(expected), "{name}: {error}");
        }
    }
}

#[test]
fn every_v0_2_vector_passes() {
    for vector in vectors("v0.2", 40) {
        run::<HostCall>(&vector);
    }
}

#[test]
fn every_v0_3_vector_passes() {
    for vector in vectors("v0.3", 80) {
        run::<HostCallV03>(&vector);
    }
}

#[test]
fn each_generation_refuses_the_others_messages() {
    let v0_2 = to_vec(&HostCall::Rollback("no".into())).unwrap();
    let error = from_slice::<HostCallV03>(&v0_2).unwrap_err().to_string();
    assert!(error.contains("unknown variant `Rollback`"), "{error}");
    let v0_3 = to_vec(&HostCallV03::UserError(Value::from("no"))).unwrap();
    let error = from_slice::<HostCall>(&v0_3).unwrap_err().to_string();
    assert!(error.contains("unknown variant `UserError`"), "{error}");
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
        (
            HostCall::CallContract {
                address: Address::from([0xab; 20]),
                calldata: MethodCall::new("get").to_value(),
                state: StorageType::LatestNonFinal,
            },
            r#"{"CallContract":{"address":addr#abababababababababababababababababababab,"calldata":{"method":"get"},"state":2}}"#,
        ),
        (
            HostCall::PostMessage {
                address: Address::from([0; 20]),
                calldata: MethodCall::new("pay").arg(Value::from(1)).to_value(),
                value: Uint256::MAX,
                on: ExecuteOn::Accepted,
            },
            r#"{"PostMessage":{"address":addr#0000000000000000000000000000000000000000,"calldata":{"args":[1],"method":"pay"},"on":"accepted","value":115792089237316195423570985008687907853269984665640564039457584007913129639935}}"#,
        ),
        (
            HostCall::DeployContract {
                calldata: MethodCall::deployment().to_value(),
                code: b"c".to_vec(),
                value: Uint256::ZERO,
                on: ExecuteOn::Finalized,
                salt_nonce: Uint256::from(9u8),
            },
            r#"{"DeployContract":{"calldata":{},"code":b#63,"on":"finalized","salt_nonce":9,"value":0}}"#,
        ),
        (
            HostCall::EthSend {
                address: Address::from([1; 20]),
                calldata: vec![0xa9],
                value: Uint256::from(3u8),
            },
            r#"{"EthSend":{"address":addr#0101010101010101010101010101010101010101,"calldata":b#a9,"value":3}}"#,
        ),
        (
            HostCall::EthCall {
                address: Address::from([1; 20]),
                calldata: vec![],
            },
            r#"{"EthCall":{"address":addr#0101010101010101010101010101010101010101,"calldata":b#}}"#,
        ),
        (
            HostCall::EmitEvent {
                topics: vec![ByteBuf::from(vec![0xee; 32])],
                blob: [("b".into(), Value::Null), ("a".into(), Value::from(true))].into(),
            },
            r#"{"EmitEvent":{"blob":{"a":true,"b":null},"topics":[b#eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee]}}"#,
        ),
        (HostCall::Rollback("no".into()), r#"{"Rollback":"no"}"#),
        (HostCall::Return(Value::from(-5)), r#"{"Return":-5}"#),
        (
            HostCall::WebRender {
                mode: RenderMode::Html,
                url: "u".into(),
                wait_after_loaded: Wait::Seconds(1),
            },
            r#"{"WebRender":{"mode":"html","url":"u","wait_after_loaded":"1s"}}"#,
        ),
        (
            HostCall::WebRequest {
                method: HttpMethod::Delete,
                url: "u".into(),
                headers: [("X".into(), ByteBuf::from(b"1".to_vec()))].into(),
                body: None,
                sign: true,
            },
            r#"{"WebRequest":{"body":null,"headers":{"X":b#31},"method":"DELETE","sign":true,"url":"u"}}"#,
        ),
        (
            HostCall::ExecPrompt {
                response_format: ResponseFormat::Text,
                prompt: "p".into(),
                images: vec![],
            },
            r#"{"ExecPrompt":{"images":[],"prompt":"p","response_format":"text"}}"#,
        ),
    ];
    for (call, text) in cases {
        let bytes = to_vec(&call).unwrap();
        assert_eq!(decode(&bytes).unwrap().to_string(), text);
        assert_eq!(from_slice::<HostCall>(&bytes).unwrap(), call);
    }
}

#[test]
fn a_host_may_borrow_the_calldata_it_forwards() {
    use genvm_calldata::ValueRef;
    let call = HostCall::Return(Value::from("big payload"));
    let bytes = to_vec(&call).unwrap();
    let borrowed: genvm_calldata::abi::HostCall<Address, ValueRef<'_>, Uint256> =
        from_slice(&bytes).unwrap();
    let genvm_calldata::abi::HostCall::Return(value) = borrowed else {
        panic!("{borrowed:?}")
    };
    assert_eq!(value.as_str(), Some("big payload"));
}

#[test]
fn a_message_over_the_hosts_limits_does_not_encode() {
    let topics = |n: usize, len: usize| HostCall::EmitEvent {
        topics: vec![ByteBuf::from(vec![1; len]); n],
        blob: Default::default(),
    };
    assert!(to_vec(&topics(4, 32)).is_ok());
    let error = to_vec(&topics(5, 32)).unwrap_err().to_string();
    assert!(error.contains("too many topics: 5, at most 4"), "{error}");
    let error = to_vec(&topics(1, 33)).unwrap_err().to_string();
    assert!(error.contains("a topic is 32 bytes, not 33"), "{error}");
    let images = HostCall::ExecPrompt {
        response_format: ResponseFormat::Text,
        prompt: "p".into(),
        images: vec![ByteBuf::new(); 3],
    };
    let error = to_vec(&images).unwrap_err().to_string();
    assert!(error.contains("too many images: 3, at most 2"), "{error}");
}

#[test]
fn v0_3_guest_side_values_encode_to_the_listed_shapes() {
    let fees = FeeParams {
        leader_timeunits_allocation: 1,
        validator_timeunits_allocation: 2,
        execution_budget_per_round: 3,
        rotations: vec![4],
        max_price_gen_per_time_unit: 5,
        storage_fee_max_gas_price: 6,
        receipt_fee_max_gas_price: 7,
    };
    let cases = [
        (
            HostCallV03::Sandbox {
                data: vec![1],
                runner: "contract".into(),
                allow_write_storage: true,
                allow_send_messages: false,
                allow_register_runners: false,
                custom_runners: None,
            },
            r#"{"Sandbox":{"allow_register_runners":false,"allow_send_messages":false,"allow_write_storage":true,"data":b#01,"runner":"contract"}}"#,
        ),
        (
            HostCallV03::RunNondet {
                data_leader: vec![],
                data_validator: vec![2],
                runner: Some("contract".into()),
                custom_runners: Some(vec![]),
            },
            r#"{"RunNondet":{"custom_runners":[],"data_leader":b#,"data_validator":b#02,"runner":"contract"}}"#,
        ),
        (
            HostCallV03::PostMessage {
                address: Address::from([0; 20]),
                calldata: MethodCall::new("pay").to_value_in(AbiGeneration::V03),
                value: Uint256::from(1u8),
                on: ExecuteOn::Accepted,
                use_balance: true,
                fee_params: Some(fees.clone()),
            },
            r#"{"PostMessage":{"address":addr#0000000000000000000000000000000000000000,"calldata":{"":"pay"},"fee_params":{"execution_budget_per_round":3,"leader_timeunits_allocation":1,"max_price_gen_per_time_unit":5,"receipt_fee_max_gas_price":7,"rotations":[4],"storage_fee_max_gas_price":6,"validator_timeunits_allocation":2},"on":"accepted","use_balance":true,"value":1}}"#,
        ),
        (
            HostCallV03::DeployContract {
                calldata: MethodCall::deployment().to_value_in(AbiGeneration::V03),
                code: b"c".to_vec(),
                value: Uint256::ZERO,
                on: ExecuteOn::Finalized,
                salt_nonce: Uint256::MAX,
                use_balance: false,
                fee_params: None,
            },
            r#"{"DeployContract":{"calldata":{},"code":b#63,"on":"finalized","salt_nonce":115792089237316195423570985008687907853269984665640564039457584007913129639935,"value":0}}"#,
        ),
        (
            HostCallV03::EmitEvent {
                topics: vec![Topic([0xee; 32])],
                blob: [("a".into(), Value::from(true))].into(),
            },
            r#"{"EmitEvent":{"blob":{"a":true},"topics":[b#eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee]}}"#,
        ),
        (
            HostCallV03::RegisterRunner { code: vec![0x23] },
            r#"{"RegisterRunner":{"code":b#23}}"#,
        ),
        (
            HostCallV03::MapFile {
                runner: "contract".into(),
                path_in_runner: "a".into(),
                path_in_vfs: "/a".into(),
            },
            r#"{"MapFile":{"path_in_runner":"a","path_in_vfs":"/a","runner":"contract"}}"#,
        ),
        (
            HostCallV03::WebRender {
                mode: RenderMode::Screenshot,
                url: "u".into(),
                wait_after_loaded: Wait::Milliseconds(0),
            },
            r#"{"WebRender":{"mode":"screenshot","url":"u","wait_after_loaded":"0ms"}}"#,
        ),
        (
            HostCallV03::WebRequest {
                method: v0_3::HttpMethod::Put,
                url: "u".into(),
                headers: Default::default(),
                body: Some(b"x".to_vec()),
                sign: false,
            },
            r#"{"WebRequest":{"body":b#78,"headers":{},"method":"PUT","sign":false,"url":"u"}}"#,
        ),
        (
            HostCallV03::ExecPrompt {
                response_format: ResponseFormat::Json,
                prompt: "p".into(),
                images: vec![ByteBuf::from(vec![1]), ByteBuf::from(vec![2])],
            },
            r#"{"ExecPrompt":{"images":[b#01,b#02],"prompt":"p","response_format":"json"}}"#,
        ),
        (
            HostCallV03::ExecPromptTemplate(PromptTemplate::EqComparative {
                leader_answer: "a".into(),
                validator_answer: "b".into(),
                principle: "p".into(),
            }),
            r#"{"ExecPromptTemplate":{"leader_answer":"a","principle":"p","template":"EqComparative","validator_answer":"b"}}"#,
        ),
        (
            HostCallV03::UserError(Value::from(-5)),
            r#"{"UserError":-5}"#,
        ),
        (HostCallV03::Return(Value::Null), r#"{"Return":null}"#),
        (
            HostCallV03::Trace(v0_3::Trace::Message("m".into())),
            r#"{"Trace":{"Message":"m"}}"#,
        ),
        (
            HostCallV03::Trace(v0_3::Trace::RuntimeMicroSec),
            r#"{"Trace":"RuntimeMicroSec"}"#,
        ),
        (HostCallV03::Yield, r#""Yield""#),
        (HostCallV03::GetTimestamp, r#""GetTimestamp""#),
    ];
    for (call, text) in cases {
        let bytes = to_vec(&call).unwrap();
        assert_eq!(decode(&bytes).unwrap().to_string(), text);
        assert_eq!(from_slice::<HostCallV03>(&bytes).unwrap(), call);
    }
}

#[test]
fn v0_3_fee_params_out_of_bounds_do_not_encode() {
    let mut fees = FeeParams {
        rotations: vec![1],
        max_price_gen_per_time_unit: 1,
        storage_fee_max_gas_price: 1,
        receipt_fee_max_gas_price: 1,
        ..FeeParams::default()
    };
    let message = |fees: &FeeParams| HostCallV03::PostMessage {
        address: Address::from([0; 20]),
        calldata: Value::from(genvm_calldata::Map::new()),
        value: Uint256::ZERO,
        on: ExecuteOn::Finalized,
        use_balance: true,
        fee_params: Some(fees.clone()),
    };
    assert!(to_vec(&message(&fees)).is_ok());
    fees.execution_budget_per_round = 1 << 96;
    let error = to_vec(&message(&fees)).unwrap_err().to_string();
    assert!(
        error.contains("execution_budget_per_round is out of range (below 2^96)"),
        "{error}"
    );
    fees.execution_budget_per_round = 0;
    fees.receipt_fee_max_gas_price = 0;
    let error = to_vec(&message(&fees)).unwrap_err().to_string();
    assert!(
        error.contains("receipt_fee_max_gas_price is zero"),
        "{error}"
    );
}

#[test]
fn v0_3_a_host_may_borrow_the_calldata_it_forwards() {
    use genvm_calldata::ValueRef;
    let bytes = to_vec(&HostCallV03::UserError(Value::from("big payload"))).unwrap();
    let borrowed: v0_3::HostCall<Address, ValueRef<'_>, Uint256> = from_slice(&bytes).unwrap();
    let v0_3::HostCall::UserError(value) = borrowed else {
        panic!("{borrowed:?}")
    };
    assert_eq!(value.as_str(), Some("big payload"));
}
