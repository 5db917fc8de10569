// The v0.3 result rules (js/src/results.rs is the other side): VM error
// codes, GVM32, proposed-result validity, the non-deterministic verdicts
// and the result hashes. Each is the codec's own function in the module;
// this file only moves bytes and strings across and builds the answers.
import { Gvm32Error, VerdictError, VmErrorCodeError } from "./error.js";
import { buildValue } from "./decode.js";
import { isWellFormed, writeValue } from "./encode.js";
import { generationOf } from "./options.js";
import * as wasm from "./wasm.js";

const textEncoder = new TextEncoder();

function checkBytes(bytes, what) {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`${what} must be a Uint8Array, not ${bytes === null ? "null" : typeof bytes}`);
  }
}

function utf8Of(text, what) {
  if (typeof text !== "string") throw new TypeError(`${what} must be a string, not ${text === null ? "null" : typeof text}`);
  if (!isWellFormed(text)) throw new TypeError(`${what}: string has a lone surrogate (not valid Unicode)`);
  return textEncoder.encode(text);
}

/** Throws the last error of an operation that failed; `make(kind, message, offset)` builds it. */
function failed(make) {
  const error = wasm.lastError();
  return make ? make(error.kind, error.message, error.offset) : error;
}

/**
 * Checks a leader's proposed non-deterministic result frame: null when it
 * is accepted (to be used byte for byte), else the derived VM error code
 * that replaces it.
 */
export function checkProposedResult(frame) {
  checkBytes(frame, "a proposed result");
  wasm.exports.check_proposed_result(wasm.putBytes(frame));
  if (wasm.resultSlots()[wasm.FLAG] === 0) return null;
  return wasm.outputStrings()[0];
}

// VmErrorCode's constructor is the module's: parse makes them.
const PARSED = Symbol("parsed");

/** A parsed v0.3 VM error code: `public-code [" # " detail]`. */
export class VmErrorCode {
  constructor(token, text, publicCode, detail, path, params) {
    if (token !== PARSED) throw new TypeError("VmErrorCode objects are made by VmErrorCode.parse");
    /** The whole message. */
    this.text = text;
    /** The public code: the path and its parameter. */
    this.publicCode = publicCode;
    /** The detail after " # ", or null. */
    this.detail = detail;
    /** The tree's path (without the parameter). */
    this.path = path;
    /** The parameter, if the path takes one: [] or [string] or [number]. */
    this.params = params;
    Object.freeze(this.params);
    Object.freeze(this);
  }

  /**
   * Parses a v0.3 VM error message (the public code must be a path of the
   * tree with its parameter canonically spelled). @throws VmErrorCodeError
   */
  static parse(text) {
    const length = wasm.putBytes(utf8Of(text, "a VM error code"));
    if (wasm.exports.vm_error_parse(length) === wasm.FAILED) {
      throw failed((kind, message) => new VmErrorCodeError(kind, message));
    }
    const slots = wasm.resultSlots();
    const flag = slots[wasm.FLAG];
    const [publicCode, detail, path, param] = wasm.outputStrings(
      slots[wasm.LEN_A], slots[wasm.MESSAGE_LEN], slots[wasm.LEN_B], slots[wasm.LEN_C],
    );
    const params = flag === 0 ? [] : flag === 1 ? [param] : [slots[wasm.NUMBER] | 0];
    return new VmErrorCode(PARSED, text, publicCode, detail, path, params);
  }

  /** Whether this code matches the known code `prefix` (equal, or extended at a space). */
  matches(prefix) {
    return vmErrorMatches(this.publicCode, prefix);
  }

  toString() {
    return this.text;
  }
}

/**
 * Whether a VM error message matches the known code `prefix`: its public
 * code (before " # ") equals `prefix` or extends it with further
 * space-separated components. Works on any text.
 */
export function vmErrorMatches(message, prefix) {
  const text = utf8Of(message, "message");
  const length = wasm.putParts([text, utf8Of(prefix, "prefix")]);
  if (wasm.exports.vm_error_matches(text.length, length) === wasm.FAILED) throw failed();
  return wasm.resultSlots()[wasm.FLAG] === 1;
}

/** GVM32, GenVM's base32 for hash-like values, of `bytes`. */
export function gvm32Encode(bytes) {
  checkBytes(bytes, "bytes");
  wasm.exports.gvm32_encode(wasm.putBytes(bytes));
  return wasm.outputStrings()[0];
}

/** The bytes of GVM32 text (either case; i, l, o read as 1, 1, 0; hyphens skipped). @throws Gvm32Error */
export function gvm32Decode(text) {
  const length = wasm.putBytes(utf8Of(text, "GVM32 text"));
  if (wasm.exports.gvm32_decode(length) === wasm.FAILED) {
    throw failed((kind, message, offset) => {
      // The codec counts characters; a JavaScript string counts UTF-16 units.
      const index = kind === "invalid_character" ? [...text].slice(0, offset).join("").length : 0;
      return new Gvm32Error(kind, message, index);
    });
  }
  return wasm.outputView().slice();
}

function comparison(fn, what) {
  if (fn === undefined || fn === null) return null;
  if (typeof fn !== "function") throw new TypeError(`${what} must be a function`);
  return fn;
}

/**
 * Whether a validator agrees with the leader: `leader` is the leader's
 * proposed frame (read as a non-deterministic block's result), `answer`
 * the frame of the validator function's sandbox, both of `options.abi`.
 * The codec decides; with `compareUserErrors(leaderValue, answerValue)` or
 * `compareVmErrors(leaderMessage, answerMessage)` it asks the callback
 * when it comes to that comparison. @throws VerdictError
 */
export function validatorVerdict(leader, answer, options) {
  checkBytes(leader, "leader");
  checkBytes(answer, "answer");
  const generation = generationOf(options?.abi, "abi");
  const userErrors = comparison(options?.compareUserErrors, "compareUserErrors");
  const vmErrors = comparison(options?.compareVmErrors, "compareVmErrors");
  const custom = (userErrors ? 1 : 0) | (vmErrors ? 2 : 0);
  const length = wasm.putParts([leader, answer]);
  const status = wasm.exports.validator_verdict(leader.length, length, generation, custom);
  const slots = wasm.resultSlots();
  if (status === wasm.OK) return slots[wasm.FLAG] === 1;
  if (status !== wasm.COMPARE) {
    throw wasm.lastVerdictError((kind, message, cause) => new VerdictError(kind, message, cause));
  }
  // Both sides are read out of the module before the callback runs (it
  // may call the package again).
  let verdict;
  if (slots[wasm.FLAG] === 0) {
    const [a, b] = buildValue(wasm.outputView());
    verdict = userErrors(a, b);
  } else {
    const [a, b] = wasm.outputStrings(slots[wasm.LEN_A], undefined);
    verdict = vmErrors(a, b);
  }
  if (typeof verdict !== "boolean") {
    throw new TypeError(`a comparison must return a boolean, not ${verdict === null ? "null" : typeof verdict}`);
  }
  return verdict;
}

/**
 * The host's verdict on the validator's result frame: `{agree, vmError}`,
 * `vmError` the VM error the host ends the block with when it disagrees
 * (v0.2: "validator_disagrees"), or null.
 */
export function hostVerdict(validator, options) {
  checkBytes(validator, "the validator's frame");
  const generation = generationOf(options?.abi, "abi");
  if (wasm.exports.host_verdict(wasm.putBytes(validator), generation) === wasm.FAILED) throw failed();
  const slots = wasm.resultSlots();
  return { agree: slots[wasm.FLAG] === 1, vmError: wasm.outputStrings(slots[wasm.LEN_A])[0] };
}

wasm.exports.result_kinds();
const KINDS = wasm.outputStrings()[0].split("\n");

function kindOf(kind) {
  const index = KINDS.indexOf(kind);
  if (index >= 0) return index;
  const message = `kind must be ${KINDS.map((k) => JSON.stringify(k)).join(" or ")}, not ${typeof kind === "string" ? JSON.stringify(kind) : String(kind)}`;
  throw typeof kind === "string" ? new RangeError(message) : new TypeError(message);
}

function hash32(bytes, what) {
  checkBytes(bytes, what);
  if (bytes.length !== 32) throw new RangeError(`${what} must be 32 bytes, not ${bytes.length}`);
  return bytes;
}

/** The calldata of `value` (as encode takes it), with paths from `root`. */
function calldataOf(value, root) {
  return writeValue(value, (bytes) => bytes.slice(), undefined, root);
}

/**
 * The small hash of one deterministic sub-VM: SHA3-256 of the calldata map
 * `{kind, result, subvm_hashes, wasm_store_hashes}`. `kind` is "Return",
 * "UserError" or "VMError"; `result` the value (for a VM error, its code
 * as a string); `subvmHashes` the sub-VM's own finalized SubVmHashes.
 */
export function subvmSmallHash(kind, result, subvmHashes, wasmStoreHashes) {
  const index = kindOf(kind);
  const resultBytes = calldataOf(result, "result");
  const parts = [resultBytes, hash32(subvmHashes, "subvmHashes"), calldataOf(wasmStoreHashes, "wasmStoreHashes")];
  const length = wasm.putParts(parts);
  if (wasm.exports.subvm_small_hash(index, resultBytes.length, length) === wasm.FAILED) throw failed();
  return wasm.outputView().slice();
}

const FIELDS = ["backtrace", "data", "dataFeesConsumed", "dataFeesRemaining", "emissions", "storageChanges", "wasmStoreHashes"];

/**
 * The execution hash: SHA3-256 of the calldata map of the fields
 * `backtrace`, `data`, `dataFeesConsumed`, `dataFeesRemaining`,
 * `emissions`, `kind` (a result kind name), `storageChanges`,
 * `subvmHashes` (32 bytes) and `wasmStoreHashes`.
 */
export function executionHash(fields) {
  if (typeof fields !== "object" || fields === null) throw new TypeError("fields must be an object");
  const index = kindOf(fields.kind);
  const values = FIELDS.map((name) => {
    if (!(name in fields)) throw new TypeError(`fields.${name} is missing`);
    return calldataOf(fields[name], `fields.${name}`);
  });
  const length = wasm.putParts([hash32(fields.subvmHashes, "fields.subvmHashes"), ...values]);
  const lengths = values.slice(0, 6).map((bytes) => bytes.length);
  if (wasm.exports.execution_hash(index, ...lengths, length) === wasm.FAILED) throw failed();
  return wasm.outputView().slice();
}

/**
 * The rolling accumulator of a run's deterministic sub-VM small hashes,
 * in call order: `fold` each, `finalize` for the `subvm_hashes` field (a
 * run with none: SHA3-256 of nothing). `finalize` leaves it as it was, so
 * more may be folded after.
 */
export class SubVmHashes {
  #hashes = [];

  /** Folds in the next sub-VM's 32-byte small hash; returns this. */
  fold(smallHash) {
    this.#hashes.push(hash32(smallHash, "smallHash").slice());
    return this;
  }

  /** The finalized accumulator (32 bytes). */
  finalize() {
    const length = wasm.putParts(this.#hashes);
    if (wasm.exports.subvm_hashes_finalize(length) === wasm.FAILED) throw failed();
    return wasm.outputView().slice();
  }
}
