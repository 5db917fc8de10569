//! The example guest, built for `wasm32-wasip1` with the codec and the ABI in
//! `no_std` + `alloc`, runs in wasmi; the host decodes the frames it returns.

use genvm_calldata::{decode_frame, encode, from_text, FrameRef, UserError};
use genvm_guest_host::{build_guest, imports, Guest};

fn guest() -> Guest {
    let wasm = std::fs::read(build_guest()).expect("the guest was built");
    Guest::new(&wasm).expect("the guest instantiates")
}

fn call(guest: &mut Guest, text: &str) -> Vec<u8> {
    guest.call(&encode(&from_text(text).unwrap())).unwrap()
}

#[test]
#[ignore = "needs the wasm32-wasip1 target; scripts/test.sh runs it"]
fn greet_returns_a_map() {
    let mut guest = guest();
    let frame = call(&mut guest, r#"{"method": "greet", "args": ["Ann ☕"]}"#);
    let FrameRef::Return(value) = decode_frame(&frame).unwrap() else {
        panic!("not RETURN: {frame:?}")
    };
    assert_eq!(
        value.to_string(),
        r#"{"greeting":"hello, Ann \u2615","length":5}"#
    );
    // The instance serves more calls.
    let frame = call(&mut guest, r#"{"method": "greet", "args": [""]}"#);
    let FrameRef::Return(value) = decode_frame(&frame).unwrap() else {
        panic!("not RETURN: {frame:?}")
    };
    assert_eq!(value.to_string(), r#"{"greeting":"hello, ","length":0}"#);
}

#[test]
#[ignore = "needs the wasm32-wasip1 target; scripts/test.sh runs it"]
fn invalid_calldata_is_a_user_error_message() {
    let mut guest = guest();
    let frame = guest.call(&[0x0f]).unwrap();
    let FrameRef::UserError(UserError::Message(message)) = decode_frame(&frame).unwrap() else {
        panic!("not a user error message: {frame:?}")
    };
    assert_eq!(message, "invalid calldata: reserved type tag 7 at byte 0");
    let frame = call(&mut guest, r#"{"method": "greet", "args": [1, 2]}"#);
    let FrameRef::UserError(UserError::Message(message)) = decode_frame(&frame).unwrap() else {
        panic!("not a user error message: {frame:?}")
    };
    assert_eq!(message, "greet takes one string, not 2 arguments");
}

#[test]
#[ignore = "needs the wasm32-wasip1 target; scripts/test.sh runs it"]
fn an_unknown_method_is_user_error_data() {
    let mut guest = guest();
    let frame = call(&mut guest, r#"{"method": "fly"}"#);
    let FrameRef::UserError(UserError::Data(data)) = decode_frame(&frame).unwrap() else {
        panic!("not user error data: {frame:?}")
    };
    assert_eq!(data.to_string(), r#"{"unknown_method":"fly"}"#);
}

#[test]
#[ignore = "needs the wasm32-wasip1 target; scripts/test.sh runs it"]
fn the_guest_imports_nothing_and_stays_small() {
    let wasm = std::fs::read(build_guest()).unwrap();
    assert_eq!(imports(&wasm).unwrap(), Vec::<String>::new());
    eprintln!("guest .wasm: {} bytes", wasm.len());
    assert!(wasm.len() < 100_000, "{} bytes", wasm.len());
}
