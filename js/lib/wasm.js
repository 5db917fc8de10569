// Loads the codec's WebAssembly module and talks to it (the other side is
// js/src/exports.rs): copy the input into the module's buffer, call one
// export, read the answer from the result slots and the buffers they point
// to. Works in Node (the .wasm is read from this package's folder) and in a
// browser (fetched from beside this file).
import { CalldataError, MethodCallError } from "./error.js";

const WASM_FILE = "genvm_calldata.wasm";

async function loadModuleBytes() {
  const url = new URL(WASM_FILE, import.meta.url);
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`genvm-calldata: cannot load ${url}: HTTP ${response.status}`);
  }
  return response.arrayBuffer();
}

const { instance } = await WebAssembly.instantiate(await loadModuleBytes(), {});
export const exports = instance.exports;
export const memory = exports.memory;

// Slot numbers, as in exports.rs's `slot` module.
export const OUT_PTR = 0;
export const OUT_LEN = 1;
export const TAPE_PTR = 2;
export const TAPE_LEN = 3;
export const INTS_PTR = 4;
export const TEXT_PTR = 5;
const KIND_LEN = 6;
const OFFSET = 7;
const LINE = 8;
const COLUMN = 9;
export const CODE = 10;
export const IS_DATA = 11;
export const MESSAGE_AT = 12;
export const MESSAGE_LEN = 13;
const KEY_LEN = 14;
const CAUSE_KIND_LEN = 15;
export const FLAG = 16;
export const LEN_A = 17;
export const LEN_B = 18;
export const LEN_C = 19;
export const NUMBER = 20;
const SLOT_COUNT = 21;
export const OK = 0;
export const FAILED = 1;
export const CALL_FAILED = 2;
/** results.rs's COMPARE: a verdict needs the caller's comparison. */
export const COMPARE = 3;
/** exports.rs's NONE: no key, no method. */
export const NONE = 0xffffffff;

const slotsAddress = exports.slots();
let buffer = null;
let bytes = null;
let slots = null;

/** The module's memory as bytes; views are remade after the memory grows. */
export function memoryBytes() {
  if (memory.buffer !== buffer) {
    buffer = memory.buffer;
    bytes = new Uint8Array(buffer);
    slots = new Uint32Array(buffer, slotsAddress, SLOT_COUNT);
  }
  return bytes;
}

/** The result slots of the last call. */
export function resultSlots() {
  memoryBytes();
  return slots;
}

/** Copies `input` into the module's input buffer; returns its length. */
export function putBytes(input) {
  const address = exports.input(input.length);
  memoryBytes().set(input, address);
  return input.length;
}

/** Copies the byte arrays `parts` one after another into the module's input buffer; returns the total length. */
export function putParts(parts) {
  let length = 0;
  for (const part of parts) length += part.length;
  let at = exports.input(length);
  const view = memoryBytes();
  for (const part of parts) {
    view.set(part, at);
    at += part.length;
  }
  return length;
}

const textEncoder = new TextEncoder();
export const utf8Decoder = new TextDecoder("utf-8", { fatal: true });

/** Copies `text` as UTF-8 into the module's input buffer; returns its length. */
export function putText(text) {
  // UTF-8 takes at most three bytes per UTF-16 unit.
  const address = exports.input(text.length * 3);
  return textEncoder.encodeInto(text, memoryBytes().subarray(address, address + text.length * 3))
    .written;
}

/** The output bytes of the last call (a view: copy before the next call). */
export function outputView() {
  const view = memoryBytes();
  const at = slots[OUT_PTR];
  return view.subarray(at, at + slots[OUT_LEN]);
}

/**
 * The error the last call reported: kind name and message from the output,
 * offset (and line and column for text) from the slots.
 */
export function lastError() {
  const out = outputView();
  const kindLength = slots[KIND_LEN];
  const kind = utf8Decoder.decode(out.subarray(0, kindLength));
  const message = utf8Decoder.decode(out.subarray(kindLength));
  return new CalldataError(kind, message, slots[OFFSET]);
}

/**
 * The MethodCallError the last method-call operation reported (status
 * CALL_FAILED): kind, key and message from the output, and for bytes that
 * are not calldata the CalldataError that says why, as its cause.
 */
export function lastCallError() {
  const out = outputView();
  let at = 0;
  const take = (length) => utf8Decoder.decode(out.subarray(at, (at += length)));
  const kind = take(slots[KIND_LEN]);
  const key = slots[KEY_LEN] === NONE ? null : take(slots[KEY_LEN]);
  const message = take(slots[MESSAGE_LEN]);
  let cause;
  if (slots[CAUSE_KIND_LEN] > 0) {
    const causeKind = take(slots[CAUSE_KIND_LEN]);
    cause = new CalldataError(causeKind, utf8Decoder.decode(out.subarray(at)), slots[OFFSET]);
  }
  return new MethodCallError(kind, message, key, cause);
}

/**
 * The parts of the last output laid end to end, `lengths` long each (the
 * last one: the rest), as strings; a length of NONE gives null.
 */
export function outputStrings(...lengths) {
  const out = outputView();
  if (lengths.length === 0) lengths = [undefined];
  let at = 0;
  return lengths.map((length) => {
    if (length === NONE) return null;
    const end = length === undefined ? out.length : at + length;
    const text = utf8Decoder.decode(out.subarray(at, end));
    at = end;
    return text;
  });
}

/**
 * The error the last verdict operation reported: kind, message and, for a
 * frame error, the frame error (kind, message, offset, code) as a
 * CalldataError; `make(kind, message, cause)` builds the error.
 */
export function lastVerdictError(make) {
  const out = outputView();
  let at = 0;
  const take = (length) => utf8Decoder.decode(out.subarray(at, (at += length)));
  const kind = take(slots[KIND_LEN]);
  const message = take(slots[MESSAGE_LEN]);
  let cause;
  if (slots[CAUSE_KIND_LEN] > 0) {
    const causeKind = take(slots[CAUSE_KIND_LEN]);
    cause = new CalldataError(causeKind, utf8Decoder.decode(out.subarray(at)), slots[OFFSET]);
    if (causeKind === "unknown_code" || causeKind === "not_allowed") cause.code = slots[CODE];
  }
  return make(kind, message, cause);
}

/** {line, column} of the last text error. */
export function lastTextPosition() {
  return { line: slots[LINE], column: slots[COLUMN] };
}
