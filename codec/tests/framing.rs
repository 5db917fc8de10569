//! Runs `spec/vectors/framing.json` and checks the frame API around it.

mod common;

use common::repo_root;
use genvm_calldata::abi::VmError;
use genvm_calldata::{
    decode_frame, known_vm_error, Frame, FrameEncodeError, FrameError, FrameRef, UnpackError,
    UserError, Value,
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
