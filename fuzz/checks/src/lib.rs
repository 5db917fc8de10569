//! What each fuzz target asserts, as plain functions: the cargo-fuzz
//! binaries in `../fuzz_targets` call them on nightly, and `tests/replay.rs`
//! calls them on every stored input on stable, so a crash once found stays
//! fixed. Each function panics when a property fails.

mod capi;
mod zoo;

pub use capi::capi_agrees;
pub use zoo::serde_zoo_round_trips;

use arbitrary::{Arbitrary, Unstructured};
use genvm_calldata::{decode, decode_bytes, decode_ref, encode, encoded_len, validate, Value};

/// Any input: no panic; `validate`, `decode_ref`, `decode`, `decode_bytes`,
/// `decode_document` and `decode_document_bytes` agree on the verdict (and
/// the error); accepted input re-encodes to itself from the owned tree and
/// from the view, the document's encoding is the input, and the three print
/// the same text.
pub fn decode_agrees(data: &[u8]) {
    let verdict = validate(data);
    let owned = decode(data);
    let view = decode_ref(data);
    assert_eq!(
        owned.as_ref().err(),
        verdict.as_ref().err(),
        "decode and validate disagree"
    );
    assert_eq!(
        view.as_ref().err(),
        verdict.as_ref().err(),
        "decode_ref and validate disagree"
    );
    let shared = decode_bytes(data.to_vec().into());
    assert_eq!(shared, owned, "decode_bytes and decode disagree");
    let document = genvm_calldata::decode_document(data);
    assert_eq!(
        document.as_ref().err(),
        verdict.as_ref().err(),
        "decode_document and validate disagree"
    );
    let shared_document = genvm_calldata::decode_document_bytes(data.to_vec().into());
    assert_eq!(
        shared_document, document,
        "decode_document_bytes and decode_document disagree"
    );
    if let (Ok(document), Ok(value)) = (&document, &owned) {
        assert_eq!(
            document.as_bytes(),
            data,
            "the document's encoding is not the input"
        );
        assert!(document == value, "the document and the tree differ");
        assert_eq!(
            &document.to_value(),
            value,
            "the document's to_value differs"
        );
        assert_eq!(
            document.to_string(),
            value.to_string(),
            "the document's text differs"
        );
    }
    if let (Ok(value), Ok(view)) = (owned, view) {
        assert_eq!(
            encode(&value),
            data,
            "decode does not re-encode to the input"
        );
        assert_eq!(
            encode(&view),
            data,
            "decode_ref does not re-encode to the input"
        );
        assert_eq!(view.to_value(), value, "the view and the tree differ");
        assert_eq!(view.to_string(), value.to_string(), "the two texts differ");
    }
}

/// Any input: the same verdict as `genlayer_calldata` 0.0.2, and the same
/// re-encoding when both accept.
pub fn matches_reference(data: &[u8]) {
    let ours = decode(data);
    let reference = genlayer_calldata::decode(data);
    assert_eq!(
        ours.is_ok(),
        reference.is_ok(),
        "verdicts differ: ours {ours:?}, reference {reference:?}"
    );
    if let (Ok(ours), Ok(reference)) = (ours, reference) {
        assert_eq!(
            encode(&ours),
            genlayer_calldata::encode(&reference),
            "re-encodings differ"
        );
    }
}

/// Structured: an arbitrary valid value encodes to an exact length, decodes
/// back to itself, and encodes the same as in the reference crate.
pub fn value_round_trips(data: &[u8]) {
    let Ok(value) = Value::arbitrary(&mut Unstructured::new(data)) else {
        return;
    };
    let bytes = encode(&value);
    assert_eq!(encoded_len(&value), bytes.len(), "encoded_len is off");
    assert_eq!(
        decode(&bytes).as_ref(),
        Ok(&value),
        "the value does not come back"
    );
    assert_eq!(
        decode_ref(&bytes).map(|view| view.to_value()).as_ref(),
        Ok(&value)
    );
    let reference = genlayer_calldata::decode(&bytes).expect("the reference refuses our encoding");
    assert_eq!(
        genlayer_calldata::encode(&reference),
        bytes,
        "the reference re-encodes differently"
    );
}

/// Text: any UTF-8 input parses or errors without panicking, and what parses
/// prints to text that parses to the same value; an arbitrary value's text
/// parses back to it.
pub fn text_round_trips(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(value) = genvm_calldata::from_text(text) {
            let printed = value.to_string();
            assert_eq!(
                genvm_calldata::from_text(&printed).as_ref(),
                Ok(&value),
                "printed text parses differently"
            );
        }
    }
    if let Ok(value) = Value::arbitrary(&mut Unstructured::new(data)) {
        assert_eq!(
            genvm_calldata::from_text(&value.to_string()).as_ref(),
            Ok(&value),
            "text does not round-trip"
        );
    }
}

/// Frames: any input decodes or errors without panicking, and an accepted
/// frame encodes back to the same bytes, borrowed or owned.
pub fn frame_round_trips(data: &[u8]) {
    if let Ok(frame) = genvm_calldata::decode_frame(data) {
        assert_eq!(
            frame.encode().as_deref(),
            Ok(data),
            "the frame re-encodes differently"
        );
        assert_eq!(
            <genvm_calldata::Frame>::from(frame.clone())
                .encode()
                .as_deref(),
            Ok(data),
            "the owned frame re-encodes differently"
        );
    }
}

/// v0.3 results: frames read in every generation and context re-encode to
/// themselves; a proposed result is either kept (and then reads as a
/// non-deterministic block's frame, byte for byte) or replaced by a code of
/// the tree; a VM error code that parses prints back as it was; the
/// verdicts never panic.
pub fn results_hold(data: &[u8]) {
    use genvm_calldata::abi::AbiGeneration;
    use genvm_calldata::{
        check_proposed_result, decode_frame_in, host_verdict, validator_verdict, FrameContext,
        VmErrorCode,
    };
    for generation in AbiGeneration::ALL {
        for context in FrameContext::ALL {
            if let Ok(frame) = decode_frame_in(data, generation, context) {
                let again = frame.encode_in(generation, context);
                assert_eq!(
                    again.as_deref(),
                    Ok(data),
                    "{generation} {context:?} frame re-encodes differently"
                );
            }
        }
        let (leader, answer) = data.split_at(data.len() / 2);
        let _ = validator_verdict(leader, answer, generation);
        let _ = host_verdict(data, generation);
    }
    match check_proposed_result(data) {
        None => {
            let frame = decode_frame_in(data, AbiGeneration::V03, FrameContext::NondetBlock)
                .expect("an accepted proposal is a frame");
            assert_eq!(
                frame
                    .encode_in(AbiGeneration::V03, FrameContext::NondetBlock)
                    .as_deref(),
                Ok(data),
                "an accepted proposal is not kept byte for byte"
            );
        }
        Some(derived) => assert!(
            VmErrorCode::parse(&derived).is_ok(),
            "derived {derived:?} is no code"
        ),
    }
    if let Ok(text) = core::str::from_utf8(data) {
        if let Ok(code) = VmErrorCode::parse(text) {
            assert_eq!(code.to_string(), text);
            assert!(code.matches(code.path()));
        }
    }
}

/// serde: deserializing any input as a `Value` agrees with `validate` and
/// `decode`; an arbitrary value serializes to its encoding and back.
pub fn serde_agrees(data: &[u8]) {
    let through_serde = genvm_calldata::from_slice::<Value>(data);
    match decode(data) {
        Ok(value) => assert_eq!(
            through_serde.as_ref(),
            Ok(&value),
            "serde reads a different value"
        ),
        Err(error) => assert_eq!(
            through_serde.ok(),
            None,
            "serde accepts what decode refuses: {error}"
        ),
    }
    if let Ok(value) = Value::arbitrary(&mut Unstructured::new(data)) {
        let bytes = genvm_calldata::to_vec(&value).expect("a value serializes");
        assert_eq!(bytes, encode(&value), "serde writes a different encoding");
        assert_eq!(
            genvm_calldata::from_slice::<Value>(&bytes).as_ref(),
            Ok(&value)
        );
    }
}
