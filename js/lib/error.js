// The error every refusal of the package throws (bad values may throw
// TypeError instead, see encode.js).

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
