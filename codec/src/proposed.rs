//! Validity of a proposed result: the leader's non-deterministic result as
//! a v0.3 validator accepts it, or the VM error derived in its place
//! (genvm-manager `03-schemas.rst`, "Validity Of A Proposed Result" and
//! "Derived-Outcome Namespace").

use alloc::format;
use alloc::string::String;

use sha3::{Digest, Sha3_256};

use crate::decode::validate;
use crate::gvm32::gvm32_encode;
use crate::vm_error::{VmErrorCode, DETAIL_SEPARATOR};

/// The derived code for an absent or empty proposal.
pub const NONDET_OUTPUT_ABSENT: &str = "leader_fault nondet_output absent";
/// The derived code for a proposal that breaks a rule.
pub const NONDET_OUTPUT_MALFORMED: &str = "leader_fault nondet_output malformed";
/// The namespace a proposal may not use: the codes validators derive.
pub const NONDET_OUTPUT_NAMESPACE: &str = "leader_fault nondet_output";
/// The derived code for a proposal in that namespace, before its parameter.
pub const NONDET_OUTPUT_USES_THIS_ERROR: &str = "leader_fault nondet_output uses_this_error";
/// The parameter of a proposal that is its own replacement.
pub const FIX_POINT: &str = "fix_point";

/// The first six GVM32 characters of the SHA3-256 of `bytes`: the
/// parameter of `uses_this_error` and of `extra`.
pub fn short_digest(bytes: &[u8]) -> String {
    let mut text = gvm32_encode(&Sha3_256::digest(bytes));
    text.truncate(6);
    text
}

/// Checks a leader's proposed non-deterministic result, `[code][data]`.
///
/// `None` means it is accepted and is to be used byte for byte (nothing is
/// re-encoded); otherwise the derived VM error code that replaces it, as
/// the spec spells it. In order: an empty proposal is `absent`; a code other
/// than 0, 1, 2 is `malformed`; RETURN and USER_ERROR data must be calldata
/// with nothing after it; VM_ERROR data must be UTF-8, and a code in the
/// `leader_fault nondet_output` namespace becomes `uses_this_error` with
/// the [`short_digest`] of the code (or `fix_point`, when that is the
/// proposal itself); then the code must have no `" # "` detail and be a
/// path of the tree with its parameter canonically spelled.
///
/// ```
/// use genvm_calldata::check_proposed_result;
/// assert_eq!(check_proposed_result(&[0, 0x09]), None);
/// assert_eq!(check_proposed_result(b"\x02exit_code 1"), None);
/// assert_eq!(check_proposed_result(&[]).as_deref(), Some("leader_fault nondet_output absent"));
/// assert_eq!(check_proposed_result(b"\x02OOM").as_deref(), Some("leader_fault nondet_output malformed"));
/// ```
pub fn check_proposed_result(frame: &[u8]) -> Option<String> {
    let Some((&code, data)) = frame.split_first() else {
        return Some(String::from(NONDET_OUTPUT_ABSENT));
    };
    let malformed = || Some(String::from(NONDET_OUTPUT_MALFORMED));
    match code {
        0 | 1 => validate(data).err().and_then(|_| malformed()),
        2 => {
            let Ok(message) = core::str::from_utf8(data) else {
                return malformed();
            };
            if let Some(rest) = message.strip_prefix(NONDET_OUTPUT_NAMESPACE) {
                if rest.is_empty() || rest.starts_with(' ') {
                    return Some(uses_this_error(message));
                }
            }
            if message.contains(DETAIL_SEPARATOR) || VmErrorCode::parse(message).is_err() {
                return malformed();
            }
            None
        }
        _ => malformed(),
    }
}

/// The replacement of a proposal that uses the derived namespace.
fn uses_this_error(proposal: &str) -> String {
    let derived = format!(
        "{NONDET_OUTPUT_USES_THIS_ERROR} {}",
        short_digest(proposal.as_bytes())
    );
    if derived == proposal {
        return format!("{NONDET_OUTPUT_USES_THIS_ERROR} {FIX_POINT}");
    }
    derived
}
