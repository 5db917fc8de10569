// Encoding: one walk over the JavaScript value writing calldata into a
// growable buffer. Calling into the module per item would cost more than
// the writing itself; the finished bytes are then checked by the codec
// (index.js), so a mistake here is an error, never wrong calldata.
import { Address } from "./address.js";
import { CalldataError } from "./error.js";

/** The deepest nesting the codec accepts: a container inside 128 others is refused. */
export const MAX_DEPTH = 128;

const TAG_POS_INT = 1;
const TAG_NEG_INT = 2;
const TAG_BYTES = 3;
const TAG_STR = 4;
const TAG_ARRAY = 5;
const TAG_MAP = 6;
const NULL = 0x00;
const FALSE = 0x08;
const TRUE = 0x10;
const ADDRESS = 0x18;

// Arguments below 2^50 make headers below 2^53, which plain numbers hold.
const NUMBER_ARG_LIMIT = 2 ** 50;
const BIG_NUMBER_ARG_LIMIT = 2n ** 50n;
// A big header is written 49 bits (seven ULEB128 groups) at a time.
const CHUNK_BITS = 49n;
const CHUNK_LIMIT = 2n ** 49n;

const textEncoder = new TextEncoder();
export const isWellFormed = String.prototype.isWellFormed
  ? (text) => text.isWellFormed()
  : (text) => !/\p{Surrogate}/u.test(text);

// Each map key's length prefix and UTF-8, cached: records repeat their keys.
const KEY_CACHE_LIMIT = 4096;
const keyCache = new Map();

/**
 * The UTF-16 order of two strings differs from their UTF-8 (code point)
 * order only where a surrogate meets a unit of U+E000..U+FFFF; this maps
 * both ranges so that surrogates sort last.
 */
function codePointRank(unit) {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/** Compares two keys by their UTF-8 bytes. */
export function compareKeys(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      return x >= 0xd800 && y >= 0xd800 ? codePointRank(x) - codePointRank(y) : x - y;
    }
  }
  return a.length - b.length;
}

function isSorted(keys) {
  for (let i = 1; i < keys.length; i++) {
    if (compareKeys(keys[i - 1], keys[i]) >= 0) return false;
  }
  return true;
}

/** Text of a path to the value at fault, e.g. `value.records[3].id` (`root` for `value`). */
function pathText(segments, root) {
  let text = root;
  for (const segment of segments) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

function describe(value) {
  if (typeof value === "symbol" || typeof value === "function") return typeof value;
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return String(value);
}

/** Writes one value; a fresh writer serves an encode re-entered from a getter. */
class Writer {
  constructor() {
    this.buf = new Uint8Array(1024);
    this.pos = 0;
    this.busy = false;
    /** Open containers, for cycle reports, and each one's current index or key. */
    this.open = [];
    this.path = [];
    /** What paths start from: "value", or "call" for a part of a method call. */
    this.root = "value";
  }

  grow(extra) {
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  /** ULEB128 of a non-negative number below 2^53. */
  uleb(n) {
    if (this.pos + 8 > this.buf.length) this.grow(8);
    const buf = this.buf;
    let pos = this.pos;
    while (n >= 0x80000000) {
      buf[pos++] = (n % 128) | 0x80;
      n = Math.floor(n / 128);
    }
    while (n >= 0x80) {
      buf[pos++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    buf[pos++] = n;
    this.pos = pos;
  }

  /** ULEB128 of a non-negative bigint of any size. */
  bigUleb(n) {
    while (n >= CHUNK_LIMIT) {
      let chunk = Number(BigInt.asUintN(49, n));
      n >>= CHUNK_BITS;
      if (this.pos + 7 > this.buf.length) this.grow(7);
      for (let group = 0; group < 7; group++) {
        this.buf[this.pos++] = (chunk % 128) | 0x80;
        chunk = Math.floor(chunk / 128);
      }
    }
    this.uleb(Number(n));
  }

  header(tag, arg) {
    this.uleb(arg * 8 + tag);
  }

  /** A safe integer. */
  number(value) {
    const negative = value < 0;
    const arg = negative ? -value - 1 : value;
    if (arg < NUMBER_ARG_LIMIT) this.header(negative ? TAG_NEG_INT : TAG_POS_INT, arg);
    else this.bigint(BigInt(value));
  }

  bigint(value) {
    const negative = value < 0n;
    const arg = negative ? -value - 1n : value;
    const tag = negative ? TAG_NEG_INT : TAG_POS_INT;
    if (arg < BIG_NUMBER_ARG_LIMIT) this.header(tag, Number(arg));
    else this.bigUleb((arg << 3n) | BigInt(tag));
  }

  /**
   * A string's header and UTF-8 (`tag` TAG_STR), or a key's length and
   * UTF-8 (`tag` 0). False, with nothing written, for a lone surrogate.
   */
  text(value, tag) {
    const units = value.length;
    if (this.pos + 10 + units * 3 > this.buf.length) this.grow(10 + units * 3);
    const buf = this.buf;
    // Short ASCII, the usual case, by hand: one header byte, a byte a unit.
    if (units < 16) {
      let pos = this.pos + 1;
      let i = 0;
      for (; i < units; i++) {
        const unit = value.charCodeAt(i);
        if (unit >= 0x80) break;
        buf[pos++] = unit;
      }
      if (i === units) {
        buf[this.pos] = tag === 0 ? units : units * 8 + tag;
        this.pos = pos;
        return true;
      }
    }
    // Room for the longest header, then the text, then the header moved up
    // against the text if it is shorter.
    const start = this.pos;
    const room = ulebLength(tag === 0 ? units * 3 : units * 24 + tag);
    const { written } = textEncoder.encodeInto(value, buf.subarray(start + room));
    if (written !== units && !isWellFormed(value)) return false;
    this.uleb(tag === 0 ? written : written * 8 + tag);
    const size = this.pos - start;
    if (size !== room) buf.copyWithin(this.pos, start + room, start + room + written);
    this.pos += written;
    return true;
  }

  /** A map key (false for a lone surrogate, as `text`). */
  key(key) {
    let encoded = keyCache.get(key);
    if (encoded === undefined) {
      const at = this.pos;
      if (!this.text(key, 0)) return false;
      encoded = this.buf.slice(at, this.pos);
      if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
      keyCache.set(key, encoded);
      return true;
    }
    const length = encoded.length;
    if (this.pos + length > this.buf.length) this.grow(length);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < length; i++) buf[pos++] = encoded[i];
    this.pos = pos;
    return true;
  }

  bytes(value) {
    this.header(TAG_BYTES, value.length);
    if (this.pos + value.length > this.buf.length) this.grow(value.length);
    this.buf.set(value, this.pos);
    this.pos += value.length;
  }

  address(bytes) {
    if (this.pos + 21 > this.buf.length) this.grow(21);
    this.buf[this.pos] = ADDRESS;
    this.buf.set(bytes, this.pos + 1);
    this.pos += 21;
  }

  /** Enters a container inside `depth` others; refuses a cycle or nesting past the limit. */
  enter(container, depth) {
    if (depth >= MAX_DEPTH) {
      this.open[depth] = container;
      // Name the first container met again, where the cycle closes.
      for (let repeat = 1; repeat <= depth; repeat++) {
        const first = this.open.indexOf(this.open[repeat]);
        if (first < repeat) {
          this.fail(`a cycle: this is ${pathText(this.path.slice(0, first), this.root)} again`, repeat);
        }
      }
      throw new CalldataError(
        "too_deep",
        `${pathText(this.path.slice(0, depth), this.root)}: containers nested deeper than ${MAX_DEPTH}`,
        this.pos,
      );
    }
    this.open[depth] = container;
  }

  array(value, depth) {
    this.enter(value, depth);
    const length = value.length;
    this.header(TAG_ARRAY, length);
    const path = this.path;
    for (let i = 0; i < length; i++) {
      path[depth] = i;
      this.value(value[i], depth + 1);
    }
  }

  /**
   * A map from its keys and, for a `Map`, its values in the same order (a
   * plain object's values are read by key). Keys are written sorted by
   * their UTF-8; already sorted keys (a decoded `Map`'s) skip the sort.
   */
  entries(container, keys, values, depth) {
    this.enter(container, depth);
    const count = keys.length;
    let order = null;
    if (!isSorted(keys)) {
      order = Array.from(keys.keys()).sort((i, j) => compareKeys(keys[i], keys[j]));
    }
    this.header(TAG_MAP, count);
    const path = this.path;
    for (let i = 0; i < count; i++) {
      const index = order === null ? i : order[i];
      const key = keys[index];
      path[depth] = key;
      if (!this.key(key)) this.fail("key has a lone surrogate (not valid Unicode)", depth + 1);
      this.value(values === null ? container[key] : values[index], depth + 1);
    }
  }

  map(value, depth) {
    const keys = [];
    const values = [];
    value.forEach((item, key) => {
      keys.push(key);
      values.push(item);
    });
    for (const key of keys) {
      if (typeof key !== "string") this.fail(`map key ${describe(key)} is not a string`, depth);
    }
    this.entries(value, keys, values, depth);
  }

  object(value, depth) {
    if (Object.getOwnPropertySymbols(value).length > 0) {
      this.fail("an object with symbol keys (calldata keys are strings)", depth);
    }
    this.entries(value, Object.keys(value), null, depth);
  }

  value(value, depth) {
    switch (typeof value) {
      case "string":
        if (!this.text(value, TAG_STR)) this.fail("string has a lone surrogate (not valid Unicode)", depth);
        return;
      case "bigint":
        return this.bigint(value);
      case "number":
        if (!Number.isSafeInteger(value)) {
          this.fail(`${value} is not a safe integer (use a bigint past 2^53)`, depth);
        }
        return this.number(value);
      case "boolean":
        return this.byte(value ? TRUE : FALSE);
      case "undefined":
        return this.byte(NULL);
      case "object":
        if (value === null) return this.byte(NULL);
        if (Array.isArray(value)) return this.array(value, depth);
        if (value instanceof Uint8Array) return this.bytes(value);
        if (value instanceof Map) return this.map(value, depth);
        if (value instanceof Address) return this.address(value.bytes);
        return this.otherObject(value, depth);
      default:
        return this.fail(`a ${typeof value} is not a calldata value`, depth);
    }
  }

  otherObject(value, depth) {
    const prototype = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null) return this.object(value, depth);
    const bytes = value.bytes;
    if (bytes instanceof Uint8Array && bytes.length === Address.LENGTH) return this.address(bytes);
    return this.fail(`a ${describe(value)} is not a calldata value`, depth);
  }

  byte(byte) {
    if (this.pos + 1 > this.buf.length) this.grow(1);
    this.buf[this.pos++] = byte;
  }

  /** Throws a TypeError naming the path (its first `depth` steps) to the value at fault. */
  fail(message, depth) {
    throw new TypeError(`${pathText(this.path.slice(0, depth), this.root)}: ${message}`);
  }

  /**
   * The encoding of `value`, as a view of this writer's buffer. With a
   * `field` ("args", "kwargs"), `value` is that part of a method call: it
   * sits inside the call's map (the depth limit counts from there) and
   * paths read `call.args[0]`. Otherwise paths start with `root`.
   */
  run(value, field, root = "value") {
    this.pos = 0;
    this.path.length = 0;
    let depth = 0;
    this.root = root;
    if (field !== undefined) {
      this.root = "call";
      this.path[0] = field;
      depth = 1;
    }
    try {
      this.value(value, depth);
    } finally {
      this.open.length = 0;
    }
    return this.buf.subarray(0, this.pos);
  }
}

function ulebLength(n) {
  let length = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    length++;
  }
  return length;
}

function getFromMap(map, key) {
  return map.get(key);
}

function getFromObject(object, key) {
  return object[key];
}

const shared = new Writer();

/**
 * Encodes `value` and hands the bytes (a view valid until `use` returns)
 * to `use`; `field` names a part of a method call, or else `root` is the
 * name paths start with (see Writer.run).
 */
export function writeValue(value, use, field = undefined, root = undefined) {
  const writer = shared.busy ? new Writer() : shared;
  writer.busy = true;
  try {
    return use(writer.run(value, field, root));
  } finally {
    writer.busy = false;
  }
}
