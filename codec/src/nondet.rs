//! The non-deterministic verdict: how a validator's guest decides whether
//! it agrees with the leader's result (the guest SDKs' `run_nondet`, v0.2,
//! and `run_nondet_default`, v0.3), and what the host makes of the
//! validator's answer.

use core::fmt;

use genvm_abi::{AbiGeneration, VmError};

use crate::frame::{decode_frame_in, Frame, FrameContext, FrameError, UserError};
use crate::value::Value;
use crate::vm_error::public_code;

/// Why a validator's decision is an error instead of a verdict; the
/// validator's VM then fails, which the host counts as disagreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerdictError {
    /// A frame is not a frame of the generation.
    Frame(FrameError),
    /// A frame carries a code the guest SDK has no result for (v0.2's
    /// INTERNAL_ERROR: `ValueError("unknown result code 3")`).
    NoResult(u8),
    /// The validator function returned a value that is not a bool (the
    /// guest raises `TypeError`).
    NotBool(Value),
    /// The validator function's sandbox ended in a fatal VM error, which
    /// ends the validator too.
    Fatal,
}

impl VerdictError {
    /// The error's name in `spec/vectors/nondet.json`: `frame`,
    /// `no_result`, `not_bool` or `fatal`.
    pub const fn name(&self) -> &'static str {
        match self {
            VerdictError::Frame(_) => "frame",
            VerdictError::NoResult(_) => "no_result",
            VerdictError::NotBool(_) => "not_bool",
            VerdictError::Fatal => "fatal",
        }
    }
}

impl fmt::Display for VerdictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerdictError::Frame(error) => write!(f, "not a result frame: {error}"),
            VerdictError::NoResult(code) => write!(f, "unknown result code {code}"),
            VerdictError::NotBool(value) => {
                write!(f, "validator function returned non-bool `{value}`")
            }
            VerdictError::Fatal => f.write_str("the validator function ended in a fatal VM error"),
        }
    }
}

impl core::error::Error for VerdictError {}

/// Python's `==` on two decoded calldata values, as the guest SDK's
/// default user-error comparison sees them: calldata equality, except that
/// a bool equals the integer it stands for (`True == 1`).
pub fn guest_equal(a: &Value, b: &Value) -> bool {
    let as_number = |value: &Value| match value {
        Value::Bool(flag) => Some(i64::from(*flag)),
        Value::Int(int) => i64::try_from(int).ok(),
        _ => None,
    };
    match (a, b) {
        (Value::Bool(_), Value::Int(_)) | (Value::Int(_), Value::Bool(_)) => {
            as_number(a).is_some() && as_number(a) == as_number(b)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| guest_equal(a, b))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((ka, va), (kb, vb))| ka == kb && guest_equal(va, vb))
        }
        _ => a == b,
    }
}

/// The default VM error comparison of `generation`: the whole message in
/// v0.2, the public code (before `" # "`) in v0.3.
pub fn default_vm_error_comparison(generation: AbiGeneration) -> fn(&str, &str) -> bool {
    match generation {
        AbiGeneration::V02 => |a, b| a == b,
        AbiGeneration::V03 => |a, b| public_code(a) == public_code(b),
    }
}

/// The comparisons a validator's guest uses when the leader and the
/// validator function both failed the same way.
#[derive(Clone, Copy)]
pub struct Comparisons<'c> {
    /// Compares the leader's user error data with the validator's.
    pub user_errors: &'c dyn Fn(&Value, &Value) -> bool,
    /// Compares the leader's VM error message with the validator's.
    pub vm_errors: &'c dyn Fn(&str, &str) -> bool,
}

impl fmt::Debug for Comparisons<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Comparisons { .. }")
    }
}

/// A result as the guest SDK holds it: its kind and its payload.
enum Outcome {
    Return(Value),
    UserError(Value),
    VmError(alloc::string::String),
}

fn outcome(
    frame: &[u8],
    generation: AbiGeneration,
    context: FrameContext,
) -> Result<Outcome, VerdictError> {
    let frame: Frame = decode_frame_in(frame, generation, context)
        .map_err(VerdictError::Frame)?
        .into();
    Ok(match frame {
        Frame::Return(value) => Outcome::Return(value),
        Frame::UserError(UserError::Data(value)) => Outcome::UserError(value),
        Frame::UserError(UserError::Message(text)) => {
            Outcome::UserError(Value::from(text.as_str()))
        }
        Frame::VmError(text) => Outcome::VmError(text),
        Frame::FatalVmError(_) => return Err(VerdictError::Fatal),
        Frame::InternalError(_) => return Err(VerdictError::NoResult(3)),
    })
}

/// Whether the validator agrees, with the generation's default comparisons
/// (user errors by [`guest_equal`], VM errors by
/// [`default_vm_error_comparison`]).
///
/// `leader` is the leader's proposed frame (read as a non-deterministic
/// block's result), `answer` the frame of the validator function's sandbox
/// (a sub-VM result). The kinds must match, else the validator disagrees; a
/// RETURN must hold a bool, which is the verdict; user errors and VM errors
/// are compared.
///
/// ```
/// use genvm_calldata::{abi::AbiGeneration, validator_verdict};
/// let leader = b"\x02exit_code 1 # in main";
/// let answer = b"\x02exit_code 1 # elsewhere";
/// assert_eq!(validator_verdict(leader, answer, AbiGeneration::V03), Ok(true));
/// assert_eq!(validator_verdict(leader, answer, AbiGeneration::V02), Ok(false));
/// assert_eq!(validator_verdict(&[0, 0x09], &[0, 0x10], AbiGeneration::V02), Ok(true));
/// ```
pub fn validator_verdict(
    leader: &[u8],
    answer: &[u8],
    generation: AbiGeneration,
) -> Result<bool, VerdictError> {
    let vm_errors = default_vm_error_comparison(generation);
    let comparisons = Comparisons {
        user_errors: &guest_equal,
        vm_errors: &vm_errors,
    };
    validator_verdict_with(leader, answer, generation, comparisons)
}

/// [`validator_verdict`] with the caller's comparisons.
pub fn validator_verdict_with(
    leader: &[u8],
    answer: &[u8],
    generation: AbiGeneration,
    comparisons: Comparisons<'_>,
) -> Result<bool, VerdictError> {
    let leader = outcome(leader, generation, FrameContext::NondetBlock)?;
    let answer = outcome(answer, generation, FrameContext::SubVm)?;
    match (leader, answer) {
        (Outcome::Return(_), Outcome::Return(Value::Bool(verdict))) => Ok(verdict),
        (Outcome::Return(_), Outcome::Return(other)) => Err(VerdictError::NotBool(other)),
        (Outcome::UserError(a), Outcome::UserError(b)) => Ok((comparisons.user_errors)(&a, &b)),
        (Outcome::VmError(a), Outcome::VmError(b)) => Ok((comparisons.vm_errors)(&a, &b)),
        _ => Ok(false),
    }
}

/// What the host makes of a validator's answer to a non-deterministic
/// block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HostVerdict {
    /// The validator returned `true`: the leader's result is the block's.
    Agree,
    /// Anything else. v0.2's host ends the block with this VM error
    /// (`validator_disagrees`); v0.3's names none: the validator's own
    /// result goes to the host, which votes (`spec/nondet.md`).
    Disagree(Option<VmError>),
}

/// The host's verdict on the validator's result frame `validator` (a
/// sub-VM result of `generation`): a RETURN of `true` agrees, anything
/// else, an unreadable frame included, disagrees.
///
/// ```
/// use genvm_calldata::{abi::{AbiGeneration, VmError}, host_verdict, HostVerdict};
/// assert_eq!(host_verdict(&[0, 0x10], AbiGeneration::V03), HostVerdict::Agree);
/// assert_eq!(host_verdict(&[0, 0x08], AbiGeneration::V02), HostVerdict::Disagree(Some(VmError::ValidatorDisagrees)));
/// ```
pub fn host_verdict(validator: &[u8], generation: AbiGeneration) -> HostVerdict {
    match decode_frame_in(validator, generation, FrameContext::SubVm) {
        Ok(Frame::Return(value)) if value.as_bool() == Some(true) => HostVerdict::Agree,
        _ => HostVerdict::Disagree(match generation {
            AbiGeneration::V02 => Some(VmError::ValidatorDisagrees),
            AbiGeneration::V03 => None,
        }),
    }
}
