//! The C ABI's entry points agree with the Rust API they wrap, on any input,
//! and never write through an output on failure.

use core::mem::MaybeUninit;
use core::ptr::null_mut;

use genvm_calldata::{decode, decode_frame, from_text, validate, DecodeError};
use genvm_calldata_ffi::*;

/// Runs one entry point that fills a `gvc_buf`; gives the code, the bytes
/// (freed) and the error record.
fn with_buf(call: impl FnOnce(*mut gvc_buf, *mut gvc_error) -> i32) -> (i32, Vec<u8>, gvc_error) {
    let mut buf = gvc_buf {
        ptr: null_mut(),
        len: 0,
        cap: 0,
    };
    let mut err = MaybeUninit::<gvc_error>::uninit();
    let code = call(&mut buf, err.as_mut_ptr());
    // SAFETY: the library fills `err` on every call; `buf` is either the
    // untouched empty buffer or one the library filled, freed once here.
    unsafe {
        let bytes = match buf.ptr.is_null() {
            true => Vec::new(),
            false => core::slice::from_raw_parts(buf.ptr, buf.len).to_vec(),
        };
        gvc_buf_free(&mut buf);
        (code, bytes, err.assume_init())
    }
}

fn code_of(error: &DecodeError) -> i32 {
    i32::from(error.kind().value())
}

/// Any input through `gvc_validate`, `gvc_to_text`, `gvc_from_text`,
/// `gvc_frame_decode`/`encode` and the reader: the same verdicts, offsets
/// and outputs as the Rust API.
pub fn capi_agrees(data: &[u8]) {
    let expected = validate(data);
    let (code, text, err) = with_buf(|out, err| {
        // SAFETY: `data` is a live slice; `out` and `err` are writable.
        unsafe { gvc_to_text(data.as_ptr(), data.len(), out, err) }
    });
    match &expected {
        Ok(()) => {
            assert_eq!(code, 0, "gvc_to_text refuses valid calldata");
            assert_eq!(text, decode(data).unwrap().to_string().into_bytes());
        }
        Err(error) => {
            assert_eq!((code, err.offset), (code_of(error), error.offset() as u64));
            assert!(text.is_empty(), "nothing written on failure");
        }
    }
    // SAFETY: as above, with a NULL error record.
    let code = unsafe { gvc_validate(data.as_ptr(), data.len(), null_mut()) };
    assert_eq!(code, expected.as_ref().map_or_else(code_of, |()| 0));

    assert_eq!(walk(data), expected.is_ok(), "the reader's verdict");

    let (code, bytes, _) = with_buf(|out, err| {
        // SAFETY: as above.
        unsafe { gvc_from_text(data.as_ptr(), data.len(), out, err) }
    });
    match core::str::from_utf8(data).ok().map(from_text) {
        Some(Ok(value)) => assert_eq!((code, bytes), (0, genvm_calldata::encode(&value))),
        _ => assert_ne!(code, 0, "gvc_from_text accepts what from_text refuses"),
    }

    let mut frame = MaybeUninit::<gvc_frame>::uninit();
    // SAFETY: as above.
    let code =
        unsafe { gvc_frame_decode(data.as_ptr(), data.len(), frame.as_mut_ptr(), null_mut()) };
    assert_eq!(
        code == 0,
        decode_frame(data).is_ok(),
        "frame verdicts differ"
    );
    if code == 0 {
        // SAFETY: filled on success; the payload points into `data`.
        let frame = unsafe { frame.assume_init() };
        let (code, bytes, _) = with_buf(|out, err| {
            // SAFETY: the payload is inside `data`.
            unsafe { gvc_frame_encode(frame.kind, frame.payload, frame.len, out, err) }
        });
        assert_eq!(
            (code, bytes.as_slice()),
            (0, data),
            "the frame re-encodes differently"
        );
    }
}

/// Walks `data` with the reader to its end; whether it was accepted.
fn walk(data: &[u8]) -> bool {
    // SAFETY: `data` outlives the reader, freed before returning.
    unsafe {
        let reader = gvc_reader_new(data.as_ptr(), data.len(), null_mut());
        if reader.is_null() {
            return false;
        }
        let mut item = MaybeUninit::<gvc_item>::uninit();
        // Every item is at least one byte of input, so this bounds the walk.
        for _ in 0..=data.len() + 1 {
            assert_eq!(gvc_reader_next(reader, item.as_mut_ptr(), null_mut()), 0);
            if item.assume_init_ref().kind == GVC_END {
                gvc_reader_free(reader);
                return true;
            }
        }
        panic!("the reader does not end");
    }
}
