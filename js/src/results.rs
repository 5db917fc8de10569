//! The v0.3 result rules for JavaScript (`js/lib/results.js` is the other
//! side): VM error codes, GVM32, proposed-result validity, the
//! non-deterministic verdicts and the result hashes, each the codec's own
//! function behind a status code, with the answer in the output and the
//! slots as [`crate::exports`] describes.

use std::cell::RefCell;
use std::io::Write;
use std::sync::atomic::Ordering::Relaxed;

use genvm_calldata::abi::VmError;
use genvm_calldata::{
    check_proposed_result as check_proposed, decode_ref_with, default_vm_error_comparison,
    encode_to, execution_hash as hash_execution, guest_equal, gvm32_decode as decode_gvm32,
    gvm32_encode as encode_gvm32, host_verdict as host, subvm_small_hash as small,
    validator_verdict_with, vm_error_matches as matches, Comparisons, DecodeOptions,
    ExecutionHashFields, Gvm32Error, HostVerdict, ResultKind, SubVmHashes, Value, VerdictError,
    VmErrorCode, VmErrorParam,
};

use crate::exports::{
    fail, fail_decode, fail_frame, generation, set, slot, with_input, FAILED, NONE, OK, SLOTS,
};

/// A validator's verdict needs the caller's comparison: the two values (or
/// messages) to compare are in the output.
pub const COMPARE: u32 = 3;

/// The ResultKinds the hashes know, in the order JavaScript numbers them.
const KINDS: [ResultKind; 3] = [
    ResultKind::Return,
    ResultKind::UserError,
    ResultKind::VmError,
];

#[inline(never)]
fn utf8<'a>(bytes: &'a [u8], out: &mut Vec<u8>) -> Result<&'a str, u32> {
    std::str::from_utf8(bytes).map_err(|error| {
        let kind = genvm_calldata::ErrorKind::InvalidUtf8.name();
        fail(out, kind, error, error.valid_up_to())
    })
}

/// `[one, two]`: the input split after `first` bytes.
fn split(input: &[u8], first: usize) -> (&[u8], &[u8]) {
    input.split_at(input.len().min(first))
}

/// The derived VM error code that replaces the proposed frame in the
/// input, in the output with [`slot::FLAG`] 1; [`slot::FLAG`] 0 when the
/// proposal is accepted.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn check_proposed_result(len: usize) -> u32 {
    with_input(len, |input, out, _| {
        match check_proposed(input) {
            Some(derived) => {
                out.extend_from_slice(derived.as_bytes());
                set(slot::FLAG, 1);
            }
            None => set(slot::FLAG, 0),
        }
        OK
    })
}

/// Parses the input (UTF-8) as a v0.3 VM error code. The output holds the
/// public code, the detail, the path and a `$str` parameter, their lengths
/// in [`slot::LEN_A`], [`slot::MESSAGE_LEN`] ([`NONE`]: no detail),
/// [`slot::LEN_B`] and [`slot::LEN_C`]; [`slot::FLAG`] says which parameter
/// there is (0 none, 1 a string, 2 an `$i32`, in [`slot::NUMBER`]).
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn vm_error_parse(len: usize) -> u32 {
    with_input(len, |input, out, _| {
        let text = match utf8(input, out) {
            Ok(text) => text,
            Err(status) => return status,
        };
        let code = match VmErrorCode::parse(text) {
            Ok(code) => code,
            Err(error) => return fail(out, error.name(), error, 0),
        };
        out.extend_from_slice(code.public_code().as_bytes());
        set(slot::LEN_A, code.public_code().len());
        match code.detail() {
            Some(detail) => {
                out.extend_from_slice(detail.as_bytes());
                set(slot::MESSAGE_LEN, detail.len());
            }
            None => set(slot::MESSAGE_LEN, NONE as usize),
        }
        out.extend_from_slice(code.path().as_bytes());
        set(slot::LEN_B, code.path().len());
        set(slot::LEN_C, 0);
        match code.param() {
            None => set(slot::FLAG, 0),
            Some(VmErrorParam::Str(param)) => {
                out.extend_from_slice(param.as_bytes());
                set(slot::LEN_C, param.len());
                set(slot::FLAG, 1);
            }
            Some(VmErrorParam::I32(number)) => {
                // The bits of the i32; JavaScript reads them back signed.
                set(slot::NUMBER, number as u32 as usize);
                set(slot::FLAG, 2);
            }
        }
        OK
    })
}

/// Whether the message (the first `message_len` input bytes) matches the
/// known code that follows it: [`slot::FLAG`].
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn vm_error_matches(message_len: usize, len: usize) -> u32 {
    with_input(len, |input, out, _| {
        let (message, prefix) = split(input, message_len);
        let (message, prefix) = match (utf8(message, out), utf8(prefix, out)) {
            (Ok(message), Ok(prefix)) => (message, prefix),
            (Err(status), _) | (_, Err(status)) => return status,
        };
        set(slot::FLAG, matches(message, prefix) as usize);
        OK
    })
}

/// The GVM32 text of the input bytes, in the output.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn gvm32_encode(len: usize) -> u32 {
    with_input(len, |input, out, _| {
        out.extend_from_slice(encode_gvm32(input).as_bytes());
        OK
    })
}

/// The bytes of the input GVM32 text, in the output. An invalid character
/// is refused with its index (in characters) as the offset.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn gvm32_decode(len: usize) -> u32 {
    with_input(len, |input, out, _| {
        let text = match utf8(input, out) {
            Ok(text) => text,
            Err(status) => return status,
        };
        match decode_gvm32(text) {
            Ok(bytes) => {
                out.extend_from_slice(&bytes);
                OK
            }
            Err(error @ Gvm32Error::InvalidCharacter { index, .. }) => {
                fail(out, "invalid_character", error, index)
            }
            Err(error @ Gvm32Error::NonZeroPadding) => fail(out, "non_zero_padding", error, 0),
        }
    })
}

/// Records a verdict error: its name and message, and for a frame error
/// the frame error's kind name and message after it, with the lengths in
/// [`slot::KIND_LEN`], [`slot::MESSAGE_LEN`] and [`slot::CAUSE_KIND_LEN`]
/// (0: no cause), the frame error's offset in [`slot::OFFSET`] and its code
/// in [`slot::CODE`].
#[inline(never)]
fn fail_verdict(out: &mut Vec<u8>, error: VerdictError) -> u32 {
    out.clear();
    out.extend_from_slice(error.name().as_bytes());
    set(slot::KIND_LEN, error.name().len());
    let start = out.len();
    // Writing into a vector cannot fail.
    let _ = write!(out, "{error}");
    set(slot::MESSAGE_LEN, out.len() - start);
    set(slot::CAUSE_KIND_LEN, 0);
    if let VerdictError::Frame(cause) = error {
        // fail_frame writes the cause's kind and message and its slots; put
        // the verdict's part back in front.
        let mut own = std::mem::take(out);
        fail_frame(out, cause);
        set(
            slot::CAUSE_KIND_LEN,
            SLOTS[slot::KIND_LEN].load(Relaxed) as usize,
        );
        own.extend_from_slice(out);
        *out = own;
        set(slot::KIND_LEN, error.name().len());
    }
    FAILED
}

/// Which comparison the caller asked to make itself.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Asked {
    Nothing,
    UserErrors,
    VmErrors,
}

/// The validator's verdict on the leader's frame (the first `leader_len`
/// input bytes) given the answer frame (the rest), in generation number
/// `generation`, as [`slot::FLAG`] with [`OK`]. With `custom` bit 0 (user
/// errors) or bit 1 (VM errors) set, the codec does not make that
/// comparison: if it is needed, the status is [`COMPARE`] with
/// [`slot::FLAG`] 0 for user errors (the output is the calldata array of
/// the two values, on the tape) or 1 for VM errors (the two messages, the
/// first [`slot::LEN_A`] bytes long).
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn validator_verdict(
    leader_len: usize,
    len: usize,
    generation: u32,
    custom: u32,
) -> u32 {
    with_input(len, |input, out, tape| {
        let generation = match self::generation(generation, out) {
            Ok(generation) => generation,
            Err(status) => return status,
        };
        let (leader, answer) = split(input, leader_len);
        let asked = RefCell::new((Asked::Nothing, None::<(Value, Value)>, None));
        let default_vm = default_vm_error_comparison(generation);
        let user_errors = |a: &Value, b: &Value| {
            if custom & 1 == 0 {
                return guest_equal(a, b);
            }
            *asked.borrow_mut() = (Asked::UserErrors, Some((a.clone(), b.clone())), None);
            false
        };
        let vm_errors = |a: &str, b: &str| {
            if custom & 2 == 0 {
                return default_vm(a, b);
            }
            *asked.borrow_mut() = (Asked::VmErrors, None, Some((a.to_owned(), b.to_owned())));
            false
        };
        let comparisons = Comparisons {
            user_errors: &user_errors,
            vm_errors: &vm_errors,
        };
        let verdict = match validator_verdict_with(leader, answer, generation, comparisons) {
            Ok(verdict) => verdict,
            Err(error) => return fail_verdict(out, error),
        };
        match asked.into_inner() {
            (Asked::UserErrors, Some((a, b)), _) => {
                encode_to(&Value::Array(vec![a, b]), out);
                set(slot::FLAG, 0);
                // The codec's own encoding, so this cannot fail; if it did,
                // the error would still be reported, never a trap.
                match tape.write(out, 0, &DecodeOptions::new()) {
                    Ok(()) => COMPARE,
                    Err(error) => fail_decode(out, error),
                }
            }
            (Asked::VmErrors, _, Some((a, b))) => {
                out.extend_from_slice(a.as_bytes());
                out.extend_from_slice(b.as_bytes());
                set(slot::LEN_A, a.len());
                set(slot::FLAG, 1);
                COMPARE
            }
            _ => {
                set(slot::FLAG, verdict as usize);
                OK
            }
        }
    })
}

/// The host's verdict on the validator's frame (the input) in generation
/// number `generation`: [`slot::FLAG`] 1 to agree; else the VM error the
/// host ends the block with, if any, in the output ([`slot::LEN_A`] is
/// [`NONE`] when there is none).
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn host_verdict(len: usize, generation: u32) -> u32 {
    with_input(len, |input, out, _| {
        let generation = match self::generation(generation, out) {
            Ok(generation) => generation,
            Err(status) => return status,
        };
        let (agree, error): (bool, Option<VmError>) = match host(input, generation) {
            HostVerdict::Agree => (true, None),
            HostVerdict::Disagree(error) => (false, error),
        };
        set(slot::FLAG, agree as usize);
        match error {
            Some(error) => {
                out.extend_from_slice(error.value().as_bytes());
                set(slot::LEN_A, error.value().len());
            }
            None => set(slot::LEN_A, NONE as usize),
        }
        OK
    })
}

/// Writes the result kinds' names (as the small hash spells them) into the
/// output, one per line, in the order the hash operations number them.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn result_kinds() -> u32 {
    with_input(0, |_, out, _| {
        for (index, kind) in KINDS.iter().enumerate() {
            if index > 0 {
                out.push(b'\n');
            }
            out.extend_from_slice(kind.as_str().as_bytes());
        }
        OK
    })
}

#[inline(never)]
fn kind(index: u32, out: &mut Vec<u8>) -> Result<ResultKind, u32> {
    KINDS.get(index as usize).copied().ok_or_else(|| {
        fail(
            out,
            "unknown_kind",
            format_args!("no result kind number {index}"),
            0,
        )
    })
}

/// The owned value of calldata, made from its view (the codec's owned
/// decoder would be another 17 KB of module for the same value).
#[inline(never)]
fn value(bytes: &[u8], out: &mut Vec<u8>) -> Result<Value, u32> {
    match decode_ref_with(bytes, &DecodeOptions::new()) {
        Ok(value) => Ok(value.to_value()),
        Err(error) => Err(fail_decode(out, error)),
    }
}

#[inline(never)]
fn hash32(bytes: &[u8], out: &mut Vec<u8>) -> Result<[u8; 32], u32> {
    <[u8; 32]>::try_from(bytes).map_err(|_| {
        fail(
            out,
            "wrong_length",
            format_args!("a hash is 32 bytes, not {}", bytes.len()),
            0,
        )
    })
}

/// The small hash of a sub-VM of kind number `kind`, in the output. The
/// input is the result's calldata (`result_len` bytes), the 32-byte
/// `subvm_hashes`, then the calldata of `wasm_store_hashes`.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn subvm_small_hash(kind: u32, result_len: usize, len: usize) -> u32 {
    with_input(len, |input, out, _| {
        let (result, rest) = split(input, result_len);
        let (subvm, store) = split(rest, 32);
        let parts = (
            self::kind(kind, out),
            value(result, out),
            hash32(subvm, out),
            value(store, out),
        );
        match parts {
            (Ok(kind), Ok(result), Ok(subvm), Ok(store)) => {
                out.extend_from_slice(&small(kind, &result, &subvm, &store));
                OK
            }
            (Err(status), ..) | (_, Err(status), ..) | (.., Err(status), _) | (.., Err(status)) => {
                status
            }
        }
    })
}

/// The execution hash of kind number `kind`, in the output. The input is
/// the 32-byte `subvm_hashes`, then the calldata of seven values laid end
/// to end: backtrace, data, data_fees_consumed, data_fees_remaining,
/// emissions and storage_changes, each as long as its argument says, then
/// wasm_store_hashes (the rest).
#[cfg_attr(not(feature = "schema"), no_mangle)]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn execution_hash(
    kind: u32,
    backtrace: usize,
    data: usize,
    consumed: usize,
    remaining: usize,
    emissions: usize,
    storage: usize,
    len: usize,
) -> u32 {
    with_input(len, |input, out, _| {
        let kind = match self::kind(kind, out) {
            Ok(kind) => kind,
            Err(status) => return status,
        };
        let (subvm, mut rest) = split(input, 32);
        let subvm_hashes = match hash32(subvm, out) {
            Ok(hash) => hash,
            Err(status) => return status,
        };
        let mut values = Vec::with_capacity(7);
        for length in [
            backtrace,
            data,
            consumed,
            remaining,
            emissions,
            storage,
            usize::MAX,
        ] {
            let (part, after) = split(rest, length);
            rest = after;
            match value(part, out) {
                Ok(value) => values.push(value),
                Err(status) => return status,
            }
        }
        let mut values = values.into_iter();
        let mut next = || values.next().unwrap_or_default();
        let fields = ExecutionHashFields {
            backtrace: next(),
            data: next(),
            data_fees_consumed: next(),
            data_fees_remaining: next(),
            emissions: next(),
            kind,
            storage_changes: next(),
            subvm_hashes,
            wasm_store_hashes: next(),
        };
        out.extend_from_slice(&hash_execution(&fields));
        OK
    })
}

/// The finalized accumulator of the small hashes laid end to end in the
/// input (32 bytes each), in the output.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn subvm_hashes_finalize(len: usize) -> u32 {
    with_input(len, |input, out, _| {
        if input.len() % 32 != 0 {
            return fail(out, "wrong_length", "small hashes are 32 bytes each", 0);
        }
        let mut hashes = SubVmHashes::new();
        for chunk in input.chunks_exact(32) {
            match hash32(chunk, out) {
                Ok(hash) => hashes.fold(&hash),
                Err(status) => return status,
            }
        }
        out.extend_from_slice(&hashes.finalize());
        OK
    })
}
