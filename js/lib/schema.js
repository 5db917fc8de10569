// Contract schemas (genvm-calldata-schema) in the package's second module,
// genvm_calldata_schema.wasm (js/src/schema.rs is the other side). Only this
// API loads it: `await Schema.load()` anywhere, or, in Node, the first
// Schema.fromJson loads it synchronously from beside this file. A schema
// lives in that module's memory under a handle until `free()` (or until the
// Schema object is collected).
import { buildValue } from "./decode.js";
import { CalldataError } from "./error.js";
import { isWellFormed, MAX_DEPTH, writeValue } from "./encode.js";
import { generationOf } from "./options.js";
import * as codec from "./wasm.js";

const WASM_FILE = "genvm_calldata_schema.wasm";

// The slots and statuses of js/src/exports.rs and schema.rs.
const OUT_PTR = 0;
const OUT_LEN = 1;
const KIND_LEN = 6;
const OFFSET = 7;
const MESSAGE_LEN = 13;
const LEN_A = 17;
const LEN_B = 18;
const LEN_C = 19;
const NUMBER = 20;
const SLOT_COUNT = 21;
const OK = 0;
const SCHEMA_FAILED = 4;
const NONE = 0xffffffff;

/**
 * A schema that cannot be read, or a call, return value or input that does
 * not fit one. `kind` is the schema crate's name ("type_mismatch",
 * "unknown_method", "bad_schema", ...), `path` where (`args[1].owner`,
 * `kwargs.memo`, `ret[0]`, `methods.transfer.params[1][1]`; "" for the
 * whole input), `callError` the codec's method-call error name for
 * "not_calldata" and "not_a_call" (else null), and for "not_calldata"
 * `cause` is the CalldataError. The message is `path: what`.
 */
export class SchemaError extends Error {
  constructor(kind, path, message, callError = null, cause = undefined) {
    super(path === "" ? message : `${path}: ${message}`, cause === undefined ? undefined : { cause });
    this.name = "SchemaError";
    this.kind = kind;
    this.path = path;
    this.callError = callError;
  }
}

let instance = null;
let slotsAt = 0;
let loading = null;

function start(module) {
  const exports = new WebAssembly.Instance(module, {}).exports;
  slotsAt = exports.slots();
  instance = exports;
}

/** Fetches (or reads) and instantiates the schema module, once. */
async function load() {
  if (instance) return;
  loading ??= (async () => {
    const url = new URL(WASM_FILE, import.meta.url);
    let bytes;
    if (url.protocol === "file:") {
      const { readFile } = await import("node:fs/promises");
      bytes = await readFile(url);
    } else {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`genvm-calldata: cannot load ${url}: HTTP ${response.status}`);
      bytes = await response.arrayBuffer();
    }
    if (!instance) start(await WebAssembly.compile(bytes));
  })();
  try {
    await loading;
  } catch (error) {
    loading = null;
    throw error;
  }
}

// Node can read and compile the module on the spot; a browser must await load().
const nodeFs = typeof process === "object" && process.versions?.node && new URL(WASM_FILE, import.meta.url).protocol === "file:"
  ? await import("node:fs").catch(() => null)
  : null;

function module() {
  if (instance) return instance;
  if (nodeFs) {
    start(new WebAssembly.Module(nodeFs.readFileSync(new URL(WASM_FILE, import.meta.url))));
    return instance;
  }
  throw new Error("genvm-calldata: the schema module is not loaded: `await Schema.load()` first");
}

function memory() {
  return new Uint8Array(instance.memory.buffer);
}

function slots() {
  return new Uint32Array(instance.memory.buffer, slotsAt, SLOT_COUNT);
}

const textEncoder = new TextEncoder();
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Copies byte arrays one after another into the module's input; returns the total length. */
function put(...parts) {
  const wasm = module();
  let length = 0;
  for (const part of parts) length += part.length;
  let at = wasm.input(length);
  const view = memory();
  for (const part of parts) {
    view.set(part, at);
    at += part.length;
  }
  return length;
}

function output() {
  const s = slots();
  return memory().subarray(s[OUT_PTR], s[OUT_PTR] + s[OUT_LEN]);
}

/** The error the last operation reported. */
function lastError(status) {
  const s = slots();
  const out = output();
  let at = 0;
  const take = (length) => utf8.decode(out.subarray(at, (at += length)));
  const kind = take(s[KIND_LEN]);
  if (status !== SCHEMA_FAILED) return new CalldataError(kind, utf8.decode(out.subarray(at)), s[OFFSET]);
  const path = take(s[LEN_A]);
  const message = take(s[MESSAGE_LEN]);
  const callError = s[LEN_B] === NONE ? null : take(s[LEN_B]);
  const cause = s[LEN_C] > 0 ? new CalldataError(take(s[LEN_C]), message, s[OFFSET]) : undefined;
  return new SchemaError(kind, path, message, callError, cause);
}

function check(status) {
  if (status !== OK) throw lastError(status);
}

function checkBytes(bytes, what) {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`${what} must be a Uint8Array, not ${bytes === null ? "null" : typeof bytes}`);
  }
}

function text(value, what) {
  if (typeof value !== "string") throw new TypeError(`${what} must be a string, not ${value === null ? "null" : typeof value}`);
  if (!isWellFormed(value)) throw new TypeError(`${what}: string has a lone surrogate (not valid Unicode)`);
  return textEncoder.encode(value);
}

function strictOf(options) {
  const strict = options?.strict ?? false;
  if (typeof strict !== "boolean") throw new TypeError("strict must be a boolean");
  return strict ? 1 : 0;
}

// Frees a collected Schema's handle.
const collected = typeof FinalizationRegistry === "function"
  ? new FinalizationRegistry((handle) => instance?.schema_free(handle))
  : null;

/** A method (or the constructor) as describe gives it. */
function method(described) {
  const params = (pairs) => Object.freeze(pairs.map(([name, type]) => Object.freeze({ name, type })));
  return Object.freeze({
    name: described.get("name"),
    signature: described.get("signature"),
    params: params(described.get("params")),
    kwparams: params(described.get("kwparams")),
    readonly: described.get("readonly"),
    payable: described.get("payable"),
    ret: described.get("ret"),
    minGasLeader: described.get("min_gas_leader"),
    minGasValidator: described.get("min_gas_validator"),
  });
}

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;
const JSON_DEPTH = 1000;

function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * An argument as JSON text, the loose input the builder reads by its
 * parameter's type, or null when JSON cannot carry it exactly (a bigint
 * beyond 64 bits, bytes, an address, anything else): then it is given as
 * calldata. `open` holds the containers being walked (a cycle is calldata's
 * to refuse, with its path).
 */
function json(value, open, path) {
  switch (typeof value) {
    case "undefined":
      return "null";
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} is not a number JSON has`);
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        throw new TypeError(`${path}: ${value} is not a safe integer (digits are lost): give a bigint or a decimal string`);
      }
      return JSON.stringify(value);
    case "bigint":
      return value >= INT64_MIN && value <= UINT64_MAX ? value.toString() : null;
    case "string":
      if (!isWellFormed(value)) throw new TypeError(`${path}: string has a lone surrogate (not valid Unicode)`);
      return JSON.stringify(value);
    case "object":
      break;
    default:
      return null;
  }
  if (value === null) return "null";
  if (open.includes(value) || open.length >= JSON_DEPTH) return null;
  open.push(value);
  try {
    if (Array.isArray(value)) {
      const items = [];
      for (let i = 0; i < value.length; i++) {
        const item = json(value[i], open, `${path}[${i}]`);
        if (item === null) return null;
        items.push(item);
      }
      return `[${items.join(",")}]`;
    }
    let entries;
    if (value instanceof Map) entries = [...value];
    else if (isPlainObject(value) && Object.getOwnPropertySymbols(value).length === 0) entries = Object.entries(value);
    else return null;
    const parts = [];
    for (const [key, item] of entries) {
      if (typeof key !== "string" || !isWellFormed(key)) return null;
      const part = json(item, open, `${path}.${key}`);
      if (part === null) return null;
      parts.push(`${JSON.stringify(key)}:${part}`);
    }
    return `{${parts.join(",")}}`;
  } finally {
    open.pop();
  }
}

/** An argument as the module takes it: a string of JSON, or calldata bytes. */
function argument(value, path) {
  const loose = json(value, [], path);
  if (loose !== null) return loose;
  return writeValue(value, (bytes) => bytes.slice(), undefined, path);
}

function argumentsOf(args, kwargs) {
  if (!Array.isArray(args)) throw new TypeError(`args must be an Array, not ${args === null ? "null" : typeof args}`);
  const positional = args.map((arg, i) => argument(arg, `args[${i}]`));
  const named = new Map();
  if (kwargs !== undefined && kwargs !== null) {
    let entries;
    if (kwargs instanceof Map) entries = [...kwargs];
    else if (isPlainObject(kwargs)) entries = Object.entries(kwargs);
    else throw new TypeError("kwargs must be a Map or a plain object");
    for (const [name, value] of entries) {
      if (typeof name !== "string") throw new TypeError("kwargs: a name must be a string");
      named.set(name, argument(value, `kwargs.${name}`));
    }
  }
  return [positional, named];
}

/**
 * A contract schema (what `#get-schema` returns), read strictly by the
 * schema crate. `methods` maps each public method's name to its
 * description, `constructor` describes the constructor; `checkCall`,
 * `checkDeployment`, `checkReturn` check calldata against them and
 * `buildCall`/`buildDeployment` build calls from loose values.
 */
export class Schema {
  #handle;

  constructor(token, handle) {
    if (token !== Schema.#token) throw new TypeError("Schema objects are made by Schema.fromJson");
    this.#handle = handle;
    const status = module().schema_describe(handle);
    check(status);
    // The description is calldata: the codec's module reads it.
    const described = output().slice();
    if (codec.exports.decode(codec.putBytes(described), MAX_DEPTH) !== OK) throw codec.lastError();
    const [ctor, methods] = buildValue(described);
    /** The constructor: `{name: null, signature, params, kwparams, ...}`. */
    Object.defineProperty(this, "constructor", { value: method(ctor), enumerable: true });
    /** The public methods by name, sorted by name. */
    this.methods = new Map(methods.map((m) => [m.get("name"), method(m)]));
    collected?.register(this, handle, this);
  }

  static #token = Symbol("schema");

  /** Loads the schema module (fetched from beside the package in a browser); needed once before fromJson there. */
  static load() {
    return load();
  }

  /** Reads a schema from its JSON text. @throws SchemaError */
  static fromJson(jsonText) {
    const wasm = module();
    check(wasm.schema_from_json(put(text(jsonText, "the schema"))));
    return new Schema(Schema.#token, slots()[NUMBER]);
  }

  #live() {
    if (this.#handle === null) throw new Error("this Schema was freed");
    return this.#handle;
  }

  /** Frees the schema in the module's memory; the object is unusable after. */
  free() {
    if (this.#handle === null) return;
    instance.schema_free(this.#handle);
    collected?.unregister(this);
    this.#handle = null;
  }

  /** Checks a call's calldata (of `options.abi`) against its method. @throws SchemaError */
  checkCall(bytes, options) {
    this.#check(bytes, options, 0);
  }

  /** Checks a deployment's calldata (no method name) against the constructor. @throws SchemaError */
  checkDeployment(bytes, options) {
    this.#check(bytes, options, 1);
  }

  #check(bytes, options, deployment) {
    const handle = this.#live();
    checkBytes(bytes, "calldata");
    const generation = generationOf(options?.abi, "abi");
    const strict = strictOf(options);
    check(module().schema_check_call(handle, put(bytes), generation, strict, deployment));
  }

  /** Checks a return value's calldata against `method`'s return type (paths start with `ret`). @throws SchemaError */
  checkReturn(methodName, bytes, options) {
    const handle = this.#live();
    const name = text(methodName, "method");
    checkBytes(bytes, "calldata");
    check(module().schema_check_return(handle, name.length, put(name, bytes), strictOf(options)));
  }

  /**
   * The calldata of a call of `method` (in `options.abi`) from loose
   * values, each read by its parameter's type: numbers, decimal strings and
   * bigints for int, `0x` hex for address and bytes, ...; an argument JSON
   * cannot carry (a Uint8Array, an Address, a bigint beyond 64 bits) is
   * taken as calldata and must fit its type as it is. @throws SchemaError
   */
  buildCall(methodName, args = [], kwargs = undefined, options = undefined) {
    text(methodName, "method");
    return this.#build(methodName, args, kwargs, options, 0);
  }

  /** buildCall for the constructor: a deployment's calldata. @throws SchemaError */
  buildDeployment(args = [], kwargs = undefined, options = undefined) {
    return this.#build(null, args, kwargs, options, 1);
  }

  #build(name, args, kwargs, options, deployment) {
    const handle = this.#live();
    const generation = generationOf(options?.abi, "abi");
    const strict = strictOf(options);
    const [positional, named] = argumentsOf(args, kwargs);
    return writeValue([name, positional, named], (bytes) => {
      check(module().schema_build_call(handle, put(bytes), generation, strict, deployment));
      return output().slice();
    });
  }
}

/** How many schemas the module holds (for leak checks); 0 before it is loaded. */
export function schemaCount() {
  return instance ? instance.schema_count() : 0;
}

/** The schema module's WebAssembly.Memory, or null before it is loaded (for leak checks). */
export function schemaMemory() {
  return instance ? instance.memory : null;
}
