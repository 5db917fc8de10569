//! Runs `spec/vectors/framing.json` and checks the frame API around it.

mod common;

use common::repo_root;
use genvm_calldata::abi::{AbiGeneration, VmError};
use genvm_calldata::{
    decode_frame, decode_frame_in, known_vm_error, Frame, FrameContext, FrameEncodeError,
    FrameError, FrameRef, UnpackError, UserError, Value,
};
use serde_json::Value as Json;

fn vectors() -> Vec<Json> {
    let text = std::fs::read_to_string(repo_root().join("spec/vectors/framing.json"))
        .expect("framing vectors");
    serde_json::from_str::<Json>(&text).unwrap()["vectors"]
        .as_array()
        .unwrap()
        .clone()
}

/// The frame's kind name and payload as the vectors spell them.
fn describe(frame: &FrameRef<'_>) -> (&'static str, String) {
    match frame {
        Frame::Return(value) => ("return", value.to_string()),
        Frame::UserError(UserError::Message(message)) => ("user_error", message.to_string()),
        Frame::UserError(UserError::Data(data)) => ("user_error_data", data.to_string()),
        Frame::VmError(message) => ("vm_error", message.to_string()),
        Frame::InternalError(message) => ("internal_error", message.to_string()),
        Frame::FatalVmError(message) => ("fatal_vm_error", message.to_string()),
    }
}

/// Every v0.3 vector, read in its context: the frame and its bytes back, or
/// the refusal with its details.
#[test]
fn every_v0_3_framing_vector_passes() {
    let text = std::fs::read_to_string(repo_root().join("spec/vectors/framing.json")).unwrap();
    let document: Json = serde_json::from_str(&text).unwrap();
    let vectors = document["vectors_v0_3"].as_array().unwrap();
    assert!(vectors.len() >= 40);
    for vector in vectors {
        let name = vector["name"].as_str().unwrap();
        let context = FrameContext::from_name(vector["context"].as_str().unwrap()).unwrap();
        let input = hex::decode(vector["hex"].as_str().unwrap()).unwrap();
        let decoded = decode_frame_in(&input, AbiGeneration::V03, context);
        match (decoded, vector.get("kind")) {
            (Ok(frame), Some(kind)) => {
                let payload = vector.get("text").or(vector.get("message")).unwrap();
                assert_eq!(
                    describe(&frame),
                    (kind.as_str().unwrap(), payload.as_str().unwrap().to_owned()),
                    "{name}"
                );
                let again = frame.encode_in(AbiGeneration::V03, context).unwrap();
                assert_eq!(again, input, "{name}: re-encoding");
                assert_eq!(frame.encoded_len_in(AbiGeneration::V03), input.len());
            }
            (Err(error), None) => {
                assert_eq!(
                    error.name(),
                    vector["error"].as_str().unwrap(),
                    "{name}: {error}"
                );
                match error {
                    FrameError::Calldata(inner) => {
                        assert_eq!(
                            Some(inner.kind().name()),
                            vector["calldata_error"].as_str(),
                            "{name}"
                        );
                        assert_eq!(
                            Some(inner.offset() as u64),
                            vector["offset"].as_u64(),
                            "{name}"
                        );
                    }
                    FrameError::InvalidUtf8 { offset } => {
                        assert_eq!(Some(offset as u64), vector["offset"].as_u64(), "{name}")
                    }
                    FrameError::NotAllowed { code, .. } | FrameError::UnknownCode(code) => {
                        assert_eq!(Some(u64::from(code)), vector["code"].as_u64(), "{name}")
                    }
                    FrameError::Empty => {}
                }
            }
            (got, _) => panic!("{name}: got {got:?}"),
        }
    }
}

#[test]
fn frames_without_a_form_in_a_generation_are_refused() {
    use FrameContext::{NondetBlock, SubVm, TopLevel};
    let fatal: Frame = Frame::FatalVmError("out_of memory".into());
    assert_eq!(
        fatal.encode_in(AbiGeneration::V03, SubVm).unwrap(),
        b"\x04out_of memory"
    );
    for (generation, context) in [
        (AbiGeneration::V03, NondetBlock),
        (AbiGeneration::V03, TopLevel),
        (AbiGeneration::V02, SubVm),
    ] {
        let error = fatal.encode_in(generation, context).unwrap_err();
        assert!(matches!(error, FrameEncodeError::NotAllowed(_)), "{error}");
    }
    let message: Frame = Frame::UserError(UserError::Message("no".into()));
    assert!(message.encode_in(AbiGeneration::V03, SubVm).is_err());
    let internal: Frame = Frame::InternalError("disk".into());
    assert!(internal.encode_in(AbiGeneration::V03, TopLevel).is_err());
    assert_eq!(fatal.code(), genvm_calldata::abi::ResultCode::VmError);
    // v0.2 reads the same in every context, exactly as decode_frame.
    for context in FrameContext::ALL {
        for bytes in [&b"\x03x"[..], b"\x01\x00\x00\x00\x00\x00", b"\x04"] {
            assert_eq!(
                decode_frame_in(bytes, AbiGeneration::V02, context),
                decode_frame(bytes)
            );
        }
    }
}

#[test]
fn every_framing_vector_passes() {
    let vectors = vectors();
    assert!(vectors.len() >= 25);
    for vector in vectors {
        let name = vector["name"].as_str().unwrap();
        let input = hex::decode(vector["hex"].as_str().unwrap()).unwrap();
        match vector.get("kind") {
            Some(kind) => {
                let frame = decode_frame(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
                let payload = vector
                    .get("text")
                    .or(vector.get("message"))
                    .unwrap()
                    .as_str()
                    .unwrap();
                assert_eq!(
                    describe(&frame),
                    (kind.as_str().unwrap(), payload.to_owned()),
                    "{name}"
                );
                assert_eq!(frame.encode().unwrap(), input, "{name}: re-encoding");
                assert_eq!(frame.encoded_len(), input.len(), "{name}");
                assert_eq!(
                    <Frame>::from(frame.clone()).encode().unwrap(),
                    input,
                    "{name}: owned re-encoding"
                );
            }
            None => {
                let error = decode_frame(&input).unwrap_err();
                let offset = vector
                    .get("offset")
                    .and_then(Json::as_u64)
                    .map(|o| o as usize);
                assert_eq!(error.name(), vector["error"].as_str().unwrap(), "{name}");
                match (vector["error"].as_str().unwrap(), error) {
                    ("empty", FrameError::Empty) => {}
                    ("unknown_code", FrameError::UnknownCode(code)) => {
                        assert_eq!(Some(code as u64), vector["code"].as_u64(), "{name}");
                        assert_eq!(error.to_string(), format!("unknown result code {code}"));
                    }
                    ("calldata", FrameError::Calldata(inner)) => {
                        assert_eq!(
                            inner.kind().name(),
                            vector["calldata_error"].as_str().unwrap(),
                            "{name}"
                        );
                        assert_eq!(Some(inner.offset()), offset, "{name}");
                    }
                    ("invalid_utf8", FrameError::InvalidUtf8 { offset: at }) => {
                        assert_eq!(Some(at), offset, "{name}")
                    }
                    (expected, actual) => panic!("{name}: expected {expected}, got {actual:?}"),
                }
            }
        }
    }
}

#[test]
fn a_message_that_reads_as_data_is_refused() {
    let frame: Frame = Frame::UserError(UserError::Message("\0\0\0\0oops".into()));
    assert_eq!(frame.encode(), Err(FrameEncodeError::MessageLooksLikeData));
    let mut out = Vec::new();
    assert!(frame.encode_to(&mut out).is_err());
    assert!(out.is_empty(), "nothing is written for a refused frame");
    // Three NULs are still a message, and come back as one.
    let short: Frame = Frame::UserError(UserError::Message("\0\0\0".into()));
    let bytes = short.encode().unwrap();
    assert_eq!(<Frame>::from(decode_frame(&bytes).unwrap()), short);
}

#[test]
fn unpack_mirrors_the_guest_sdk() {
    let ok: Frame = Frame::Return(Value::from(5));
    assert_eq!(ok.unpack(), Ok(Value::from(5)));
    let user: Frame = Frame::UserError(UserError::Data(Value::from("bad")));
    assert_eq!(
        user.unpack(),
        Err(UnpackError::User(UserError::Data(Value::from("bad"))))
    );
    let vm: Frame = Frame::VmError("timeout".into());
    assert_eq!(
        vm.unpack(),
        Err(UnpackError::User(UserError::Message(
            "vm error: timeout".into()
        )))
    );
    let internal: Frame = Frame::InternalError("disk".into());
    assert_eq!(internal.unpack(), Err(UnpackError::Internal("disk".into())));

    // Borrowed frames unpack to borrowed values.
    let bytes = [0x00, 0x09];
    let value = decode_frame(&bytes).unwrap().unpack().unwrap();
    assert_eq!(value.as_int().map(i64::try_from), Some(Ok(1)));
}

#[test]
fn vm_error_names_are_recognised() {
    for error in VmError::ALL {
        assert_eq!(known_vm_error(error.as_str()), Some(error));
        assert_eq!(
            known_vm_error(&format!("{}: details", error.as_str())),
            Some(error)
        );
    }
    assert_eq!(known_vm_error("exit_code 1"), None);
    assert_eq!(known_vm_error("oom"), None, "names are case-sensitive");
    assert_eq!(known_vm_error("timeouts"), None);
}
