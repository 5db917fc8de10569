// The errors the package's refusals throw (bad values may throw TypeError
// instead, see encode.js): CalldataError for calldata, text or a frame that
// breaks a rule, MethodCallError for calldata that is not a method call.

/**
 * Calldata, text or a frame that breaks a rule, or a value that cannot be
 * encoded. `kind` is the rule's name (the codec's `ErrorKind::name()` for
 * calldata, e.g. "unsorted_keys"); `offset` is the byte offset of the
 * problem (for text: the index in the string, with `line` and `column`).
 */
export class CalldataError extends Error {
  constructor(kind, message, offset, details = undefined) {
    super(message);
    this.name = "CalldataError";
    this.kind = kind;
    this.offset = offset;
    if (details !== undefined) Object.assign(this, details);
  }
}

/**
 * Calldata that is not a method call of the ABI generation asked for.
 * `kind` is the codec's name (`MethodCallError::name()`): "not_calldata"
 * (then `cause` is the CalldataError saying why), "not_a_map",
 * "unknown_key", "wrong_type", "named_deployment" or "both_method_keys";
 * `key` is the top-level key the error names ("value", "", "args"), or null.
 */
export class MethodCallError extends Error {
  constructor(kind, message, key = null, cause = undefined) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "MethodCallError";
    this.kind = kind;
    this.key = key;
  }
}

/**
 * A text that is not a v0.3 VM error code (VmErrorCode.parse). `kind` is
 * the codec's name: "unknown_code" (no path of the tree) or "bad_param" (a
 * known path whose parameter is missing or not canonically spelled).
 */
export class VmErrorCodeError extends Error {
  constructor(kind, message) {
    super(message);
    this.name = "VmErrorCodeError";
    this.kind = kind;
  }
}

/**
 * Text that is not GVM32 (gvm32Decode). `kind` is "invalid_character"
 * (`offset`: its index in the string) or "non_zero_padding".
 */
export class Gvm32Error extends Error {
  constructor(kind, message, offset) {
    super(message);
    this.name = "Gvm32Error";
    this.kind = kind;
    this.offset = offset;
  }
}

/**
 * A validator's decision that is an error instead of a verdict
 * (validatorVerdict); the validator's VM then fails. `kind` is the codec's
 * name: "frame" (a frame of neither side reads; `cause` is the
 * CalldataError saying why), "no_result" (v0.2's INTERNAL_ERROR),
 * "not_bool" (the validator function returned something else) or "fatal"
 * (its sandbox ended in a fatal VM error).
 */
export class VerdictError extends Error {
  constructor(kind, message, cause = undefined) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "VerdictError";
    this.kind = kind;
  }
}
