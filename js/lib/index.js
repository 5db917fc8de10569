// genvm-calldata: GenVM calldata for JavaScript, with the strict Rust codec
// compiled to WebAssembly. Values follow genlayer-js's conventions (see
// index.d.ts and README.md).
import { Address } from "./address.js";
import { CalldataError } from "./error.js";
import { buildValue } from "./decode.js";
import { MAX_DEPTH, isWellFormed, writeValue } from "./encode.js";
import * as wasm from "./wasm.js";

export { Address, CalldataError, MAX_DEPTH };

function checkBytes(bytes, what) {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`${what} must be a Uint8Array, not ${bytes === null ? "null" : typeof bytes}`);
  }
}

function maxDepthOf(options) {
  if (options === undefined) return MAX_DEPTH;
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > MAX_DEPTH) {
    throw new RangeError(`maxDepth must be an integer from 0 to ${MAX_DEPTH}`);
  }
  return maxDepth;
}

/** Checks that `bytes` are exactly one canonical calldata value. */
export function validate(bytes, options) {
  checkBytes(bytes, "calldata");
  if (wasm.exports.validate(wasm.putBytes(bytes), maxDepthOf(options)) === wasm.FAILED) {
    throw wasm.lastError();
  }
}

/** Decodes calldata (strictly: anything validate refuses throws CalldataError). */
export function decode(bytes, options) {
  checkBytes(bytes, "calldata");
  if (wasm.exports.decode(wasm.putBytes(bytes), maxDepthOf(options)) === wasm.FAILED) {
    throw wasm.lastError();
  }
  return buildValue(bytes);
}

/** Encodes a value; the result is checked by the codec before it is returned. */
export function encode(value) {
  return writeValue(value, (bytes) => {
    if (wasm.exports.validate(wasm.putBytes(bytes), MAX_DEPTH) === wasm.FAILED) {
      throw wasm.lastError();
    }
    return bytes.slice();
  });
}

/** The text form of calldata, exactly as the Rust codec's `Display` prints it. */
export function toText(bytes) {
  checkBytes(bytes, "calldata");
  if (wasm.exports.to_text(wasm.putBytes(bytes)) === wasm.FAILED) throw wasm.lastError();
  return wasm.utf8Decoder.decode(wasm.outputView());
}

/** Parses the text form into calldata; errors carry offset (in the string), line and column. */
export function fromText(text) {
  if (typeof text !== "string") throw new TypeError("the text form must be a string");
  // UTF-8 cannot carry a lone surrogate (TextEncoder would write U+FFFD).
  if (!isWellFormed(text)) throw new TypeError("the text form has a lone surrogate (not valid Unicode)");
  const length = wasm.putText(text);
  if (wasm.exports.from_text_form(length) === wasm.FAILED) {
    const error = wasm.lastError();
    const { line, column } = wasm.lastTextPosition();
    // The codec counts UTF-8 bytes; a JavaScript string counts UTF-16 units.
    const utf8 = new TextEncoder().encode(text).subarray(0, error.offset);
    const offset = new TextDecoder().decode(utf8).length;
    throw new CalldataError(error.kind, error.message, offset, { line, column });
  }
  return wasm.outputView().slice();
}

const CODES = ["return", "user_error", "vm_error", "internal_error"];

/** Reads a result frame: `{code, value}` for calldata, `{code, message}` for a message. */
export function decodeResult(frame) {
  checkBytes(frame, "a result frame");
  const length = wasm.putBytes(frame);
  if (wasm.exports.decode_result(length) === wasm.FAILED) {
    const error = wasm.lastError();
    if (error.kind === "unknown_code") error.code = wasm.resultSlots()[wasm.CODE];
    throw error;
  }
  const slots = wasm.resultSlots();
  const code = CODES[slots[wasm.CODE]];
  if (slots[wasm.IS_DATA] === 1) return { code, value: buildValue(frame) };
  const start = slots[wasm.MESSAGE_AT];
  return { code, message: wasm.utf8Decoder.decode(frame.subarray(start, start + slots[wasm.MESSAGE_LEN])) };
}

/** Writes a result frame (the inverse of decodeResult). */
export function encodeResult(result) {
  const code = CODES.indexOf(result?.code);
  if (code < 0) throw new TypeError(`result.code must be one of ${CODES.join(", ")}`);
  const hasValue = "value" in result;
  const hasMessage = "message" in result;
  if (hasValue === hasMessage) {
    throw new TypeError("a result has either a value or a message");
  }
  if (hasValue) {
    return writeValue(result.value, (bytes) => encodeFrame(code, 1, bytes));
  }
  const { message } = result;
  if (typeof message !== "string" || !isWellFormed(message)) {
    throw new TypeError("result.message must be a string of valid Unicode");
  }
  return encodeFrame(code, 0, new TextEncoder().encode(message));
}

function encodeFrame(code, isData, payload) {
  const length = wasm.putBytes(payload);
  if (wasm.exports.encode_result(code, isData, length) === wasm.FAILED) throw wasm.lastError();
  return wasm.outputView().slice();
}

/**
 * The module's WebAssembly.Memory, for tests and diagnostics: its
 * `buffer.byteLength` grows only to fit the largest input seen.
 */
export function wasmMemory() {
  return wasm.memory;
}
