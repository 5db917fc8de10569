// Decoding's JavaScript half: one loop over the tape the module wrote
// (js/src/tape.rs documents the words) building the values. Strings and
// bytes come from the caller's input, integers straight from the module's
// memory as BigInts, and each distinct map key is made a string once.
import { Address } from "./address.js";
import { memory, resultSlots, TAPE_PTR, INTS_PTR, TEXT_PTR } from "./wasm.js";

// The tags of tape.rs.
const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const ADDRESS = 3;
const INT64 = 4;
const UINT128 = 5;
const NEG_UINT128 = 6;
const INT_TEXT = 7;
const BYTES = 8;
const STR = 9;
const ASCII_STR = 10;
const ARRAY = 11;
const MAP = 12;
const KEY = 13;
const ASCII_KEY = 14;
const SEEN_KEY = 15;

const utf8 = new TextDecoder();
// ASCII strings up to this long are made by String.fromCharCode, which
// costs less than a TextDecoder call (and than a loop) at these lengths.
const SHORT_ASCII = 64;

let viewsOf = null;
let words = null;
let signed = null;
let unsigned = null;
let memoryBytes = null;

// The state of one build: the caller's input, where the walk stands on the
// tape, the integer pool's and text's start, and the keys made so far.
let source = null;
let at = 0;
let intsAt = 0;
let textAt = 0;
let keys = [];

function ascii(bytes, start, length) {
  const span = bytes.subarray(start, start + length);
  return length > SHORT_ASCII ? utf8.decode(span) : String.fromCharCode.apply(null, span);
}

function key() {
  const tag = words[at++];
  if (tag === SEEN_KEY) return keys[words[at++]];
  const start = words[at++];
  const length = words[at++];
  const text = tag === ASCII_KEY
    ? ascii(source, start, length)
    : utf8.decode(source.subarray(start, start + length));
  keys.push(text);
  return text;
}

function wide(index) {
  return (unsigned[intsAt + index + 1] << 64n) | unsigned[intsAt + index];
}

function item() {
  switch (words[at++]) {
    case NULL:
      return null;
    case FALSE:
      return false;
    case TRUE:
      return true;
    case ADDRESS: {
      const start = words[at++];
      return new Address(source.slice(start, start + Address.LENGTH));
    }
    case INT64:
      return signed[intsAt + words[at++]];
    case UINT128:
      return wide(words[at++]);
    case NEG_UINT128:
      return -1n - wide(words[at++]);
    case INT_TEXT: {
      const start = textAt + words[at++];
      return BigInt(ascii(memoryBytes, start, words[at++]));
    }
    case BYTES: {
      const start = words[at++];
      return source.slice(start, start + words[at++]);
    }
    case STR: {
      const start = words[at++];
      return utf8.decode(source.subarray(start, start + words[at++]));
    }
    case ASCII_STR: {
      const start = words[at++];
      return ascii(source, start, words[at++]);
    }
    case ARRAY: {
      const length = words[at++];
      const array = new Array(length);
      for (let i = 0; i < length; i++) array[i] = item();
      return array;
    }
    case MAP: {
      const length = words[at++];
      const map = new Map();
      for (let i = 0; i < length; i++) {
        const name = key();
        map.set(name, item());
      }
      return map;
    }
    default:
      throw new Error("genvm-calldata: corrupt tape (a bug in this package)");
  }
}

/**
 * Builds the value the last decode wrote on the tape; `input` is the
 * Uint8Array it was decoded from (strings and bytes are read from it).
 */
export function buildValue(input) {
  const slots = resultSlots();
  if (viewsOf !== memory.buffer) {
    viewsOf = memory.buffer;
    words = new Uint32Array(viewsOf);
    signed = new BigInt64Array(viewsOf);
    unsigned = new BigUint64Array(viewsOf);
    memoryBytes = new Uint8Array(viewsOf);
  }
  // A Node Buffer's `slice` is a view; a plain Uint8Array's is the copy wanted.
  source = Object.getPrototypeOf(input) === Uint8Array.prototype
    ? input
    : new Uint8Array(input.buffer, input.byteOffset, input.length);
  at = slots[TAPE_PTR] >>> 2;
  intsAt = slots[INTS_PTR] >>> 3;
  textAt = slots[TEXT_PTR];
  keys = [];
  try {
    return item();
  } finally {
    source = null;
    keys = [];
  }
}
