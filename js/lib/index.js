// genvm-calldata: GenVM calldata for JavaScript, with the strict Rust codec
// compiled to WebAssembly. Values follow genlayer-js's conventions (see
// index.d.ts and README.md).
import { Address } from "./address.js";
import { CalldataError, Gvm32Error, MethodCallError, VerdictError, VmErrorCodeError } from "./error.js";
import { buildValue } from "./decode.js";
import { MAX_DEPTH, isWellFormed, writeValue } from "./encode.js";
import { contextOf, generationOf } from "./options.js";
import * as wasm from "./wasm.js";

export { Address, CalldataError, Gvm32Error, MAX_DEPTH, MethodCallError, VerdictError, VmErrorCodeError };
export {
  checkProposedResult, executionHash, gvm32Decode, gvm32Encode, hostVerdict, SubVmHashes, subvmSmallHash,
  validatorVerdict, VmErrorCode, vmErrorMatches,
} from "./results.js";
export { Schema, SchemaError, schemaCount, schemaMemory } from "./schema.js";

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

// Result kinds by code byte (4: v0.3's fatal VM error, which is no result code).
const CODES = ["return", "user_error", "vm_error", "internal_error", "fatal_vm_error"];

/**
 * Reads a result frame of `options.abi` (default v0.2) travelling in
 * `options.context` (default "subvm"): `{code, value}` for calldata,
 * `{code, message}` for a message.
 */
export function decodeResult(frame, options) {
  checkBytes(frame, "a result frame");
  const generation = generationOf(options?.abi, "abi");
  const context = contextOf(options?.context);
  const length = wasm.putBytes(frame);
  if (wasm.exports.decode_result(length, generation, context) === wasm.FAILED) {
    const error = wasm.lastError();
    if (error.kind === "unknown_code" || error.kind === "not_allowed") error.code = wasm.resultSlots()[wasm.CODE];
    throw error;
  }
  const slots = wasm.resultSlots();
  const code = CODES[slots[wasm.CODE]];
  if (slots[wasm.IS_DATA] === 1) return { code, value: buildValue(frame) };
  const start = slots[wasm.MESSAGE_AT];
  return { code, message: wasm.utf8Decoder.decode(frame.subarray(start, start + slots[wasm.MESSAGE_LEN])) };
}

/** Writes a result frame of `options.abi` for `options.context` (the inverse of decodeResult). */
export function encodeResult(result, options) {
  const code = CODES.indexOf(result?.code);
  if (code < 0) throw new TypeError(`result.code must be one of ${CODES.join(", ")}`);
  const generation = generationOf(options?.abi, "abi");
  const context = contextOf(options?.context);
  const hasValue = "value" in result;
  const hasMessage = "message" in result;
  if (hasValue === hasMessage) {
    throw new TypeError("a result has either a value or a message");
  }
  if (hasValue) {
    return writeValue(result.value, (bytes) => encodeFrame(code, 1, bytes, generation, context));
  }
  const { message } = result;
  if (typeof message !== "string" || !isWellFormed(message)) {
    throw new TypeError("result.message must be a string of valid Unicode");
  }
  return encodeFrame(code, 0, new TextEncoder().encode(message), generation, context);
}

function encodeFrame(code, isData, payload, generation, context) {
  const length = wasm.putBytes(payload);
  if (wasm.exports.encode_result(code, isData, length, generation, context) === wasm.FAILED) {
    throw wasm.lastError();
  }
  return wasm.outputView().slice();
}

const textEncoder = new TextEncoder();

/** The UTF-8 of a method name, or null for none (`null` or `undefined`). */
function methodName(method, what) {
  if (method === null || method === undefined) return null;
  if (typeof method !== "string") {
    throw new TypeError(`${what} must be a string or null, not ${typeof method}`);
  }
  if (!isWellFormed(method)) throw new TypeError(`${what}: string has a lone surrogate (not valid Unicode)`);
  return textEncoder.encode(method);
}

/** The 32-byte call key of a method name (null: a deployment), as the v0.3 line derives it. */
export function callKey(name) {
  const utf8 = methodName(name, "name");
  const length = utf8 === null ? 0 : wasm.putBytes(utf8);
  if (wasm.exports.call_key(length, utf8 === null ? 1 : 0) === wasm.FAILED) throw wasm.lastError();
  return wasm.outputView().slice();
}

const EMPTY_MAP = new Map();

function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The calldata of a call of `method` (null: a deployment) with `args` (an
 * Array) and `kwargs` (a Map or plain object), in the generation
 * `options.abi`; values as `encode` takes them. The codec builds the call.
 */
export function encodeCall(method, args = [], kwargs = undefined, options = undefined) {
  const generation = generationOf(options?.abi, "abi");
  const name = methodName(method, "method");
  if (!Array.isArray(args)) {
    throw new TypeError(`args must be an Array, not ${args === null ? "null" : typeof args}`);
  }
  if (kwargs === undefined || kwargs === null) kwargs = EMPTY_MAP;
  else if (!(kwargs instanceof Map) && !isPlainObject(kwargs)) {
    throw new TypeError("kwargs must be a Map or a plain object");
  }
  const argsBytes = writeValue(args, (bytes) => bytes.slice(), "args");
  return writeValue(kwargs, (kwargsBytes) => {
    const parts = name === null ? [argsBytes, kwargsBytes] : [name, argsBytes, kwargsBytes];
    const length = wasm.putParts(parts);
    const methodLength = name === null ? wasm.NONE : name.length;
    if (wasm.exports.encode_call(generation, methodLength, argsBytes.length, length) === wasm.FAILED) {
      throw wasm.lastError();
    }
    return wasm.outputView().slice();
  }, "kwargs");
}

function callFailed(status) {
  return status === wasm.CALL_FAILED ? wasm.lastCallError() : wasm.lastError();
}

/**
 * Reads the call `bytes` carry in the generation `options.abi` (with
 * `options.deployment`, a constructor call: no method name): `{method,
 * args, kwargs}`, values as `decode` gives them. @throws MethodCallError
 */
export function decodeCall(bytes, options) {
  checkBytes(bytes, "calldata");
  const generation = generationOf(options?.abi, "abi");
  const deployment = options?.deployment ?? false;
  if (typeof deployment !== "boolean") throw new TypeError("deployment must be a boolean");
  const status = wasm.exports.decode_call(wasm.putBytes(bytes), generation, deployment ? 1 : 0);
  if (status !== 0) throw callFailed(status);
  // The tape points into the module's output: [method, args, kwargs].
  const [method, args, kwargs] = buildValue(wasm.outputView());
  return { method, args, kwargs };
}

/**
 * The call `bytes` (of either generation) with its method key rewritten
 * for `options.to`; every other entry keeps its bytes. @throws MethodCallError
 */
export function migrateCall(bytes, options) {
  checkBytes(bytes, "calldata");
  const to = generationOf(options?.to, "to", true);
  const status = wasm.exports.migrate_call(wasm.putBytes(bytes), to);
  if (status !== 0) throw callFailed(status);
  return wasm.outputView().slice();
}

/**
 * The module's WebAssembly.Memory, for tests and diagnostics: its
 * `buffer.byteLength` grows only to fit the largest input seen.
 */
export function wasmMemory() {
  return wasm.memory;
}
