//! An example GenVM guest: reads a method call as calldata, answers with a
//! ResultCode frame. `no_std` + `alloc`, no imports: the host gives input
//! through `alloc` and linear memory, and reads the frame `run` points at.
#![no_std]

extern crate alloc;

mod bump;

use alloc::format;
use alloc::vec::Vec;

use genvm_abi::SpecialMethod;
use genvm_calldata::{decode, Frame, Map, MethodCall, UserError, Value};

#[global_allocator]
static ALLOCATOR: bump::Bump = bump::Bump::new();

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// Reserves `len` bytes for the host to write the input into.
#[no_mangle]
pub extern "C" fn alloc(len: u32) -> u32 {
    let mut buffer = Vec::<u8>::with_capacity(len as usize);
    let ptr = buffer.as_mut_ptr();
    // The host owns it now; the bump allocator never reuses memory anyway.
    core::mem::forget(buffer);
    ptr as u32
}

/// Answers the calldata at `ptr[..len]`; returns the frame's address in the
/// high 32 bits and its length in the low 32 bits.
#[no_mangle]
pub extern "C" fn run(ptr: u32, len: u32) -> u64 {
    // SAFETY: the host wrote `len` bytes at `ptr`, which `alloc` gave it,
    // and nothing else touches them during the call.
    let input = unsafe { core::slice::from_raw_parts(ptr as *const u8, len as usize) };
    let frame = answer(input).encode().unwrap_or_else(|error| {
        Frame::<Value>::InternalError(format!("{error}"))
            .encode()
            .unwrap_or_default()
    });
    let packed = ((frame.as_ptr() as u64) << 32) | frame.len() as u64;
    core::mem::forget(frame);
    packed
}

/// The contract: `greet(name)` returns a greeting; anything else is a user
/// error (a message for bad input, data for an unknown method).
fn answer(input: &[u8]) -> Frame {
    let call = match decode(input) {
        Ok(value) => value,
        Err(error) => return user_error(format!("invalid calldata: {error}")),
    };
    let call = match MethodCall::from_value(&call) {
        Ok(call) => call,
        Err(error) => return user_error(format!("not a method call: {error}")),
    };
    let method = call.method.as_deref().unwrap_or("");
    match method {
        "greet" => match call.args.as_slice() {
            [Value::Str(name)] => {
                let mut answer = Map::new();
                answer.insert("greeting", Value::from(format!("hello, {}", &**name)));
                answer.insert("length", Value::from(name.chars().count() as u64));
                Frame::Return(Value::Map(answer))
            }
            _ => user_error(format!(
                "greet takes one string, not {} arguments",
                call.args.len()
            )),
        },
        _ if call.special() == Some(SpecialMethod::GetSchema) => Frame::Return(Value::from(
            "greet(name: str) -> {greeting: str, length: int}",
        )),
        _ => {
            let mut data = Map::new();
            data.insert("unknown_method", Value::from(method));
            Frame::UserError(UserError::Data(Value::Map(data)))
        }
    }
}

fn user_error(message: alloc::string::String) -> Frame {
    Frame::UserError(UserError::Message(message))
}

/// `wasm32-wasip1` code calls libc's `memcmp`, which a `no_std` guest does
/// not link; this one keeps the module free of imports.
///
/// # Safety
/// `a` and `b` point to `n` readable bytes each.
#[no_mangle]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    for i in 0..n {
        // SAFETY: `i < n`, inside both blocks by the caller's promise. The
        // volatile read keeps the compiler from turning this loop back into
        // a call to `memcmp`.
        let (x, y) = unsafe { (core::ptr::read_volatile(a.add(i)), *b.add(i)) };
        if x != y {
            return i32::from(x) - i32::from(y);
        }
    }
    0
}
