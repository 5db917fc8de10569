/** A 20-byte address (the calldata address atom). */
export declare class Address {
  /** Exactly 20 bytes. */
  readonly bytes: Uint8Array;
  static readonly LENGTH: 20;
  /** @throws TypeError unless `bytes` is a Uint8Array of 20 bytes. */
  constructor(bytes: Uint8Array);
  /** 40 hex digits, optional 0x, either case. @throws TypeError otherwise. */
  static fromHex(hex: string): Address;
  /** "0x" + 40 lowercase hex digits. */
  toHex(): string;
  /** The same as toHex(). */
  toString(): string;
  toJSON(): string;
  /** Whether `other` has the same 20 `bytes`. */
  equals(other: { bytes: Uint8Array } | null | undefined): boolean;
}

/** Anything with a 20-byte `bytes` field, like genlayer-js's CalldataAddress. */
export interface AddressLike {
  readonly bytes: Uint8Array;
}

/** What decode returns. */
export type CalldataValue =
  | null
  | boolean
  | bigint
  | Uint8Array
  | string
  | Address
  | CalldataValue[]
  | Map<string, CalldataValue>;

/**
 * What encode accepts: a CalldataValue, and also safe-integer numbers,
 * `undefined` (as null), plain objects (as maps) and address-like objects.
 */
export type EncodableValue =
  | CalldataValue
  | undefined
  | number
  | AddressLike
  | EncodableValue[]
  | ReadonlyMap<string, EncodableValue>
  | { readonly [key: string]: EncodableValue };

export interface DecodeOptions {
  /** A container nested inside this many others is refused; 0 to 128, default 128. */
  maxDepth?: number;
}

/**
 * A refusal: `kind` is the rule's name ("unsorted_keys", "too_deep", ...;
 * "text_syntax" for the text form; "empty", "unknown_code",
 * "message_looks_like_data" for frames), `offset` the byte offset (for
 * text: the index in the string).
 */
export declare class CalldataError extends Error {
  readonly name: "CalldataError";
  readonly kind: string;
  readonly offset: number;
  /** Text form errors: line and column (in characters), from 1. */
  readonly line?: number;
  readonly column?: number;
  /** Frames with an unknown code: the code byte. */
  readonly code?: number;
}

/** The deepest nesting accepted: a container inside 128 others is refused. */
export declare const MAX_DEPTH: 128;

/** Decodes calldata strictly. @throws CalldataError */
export declare function decode(bytes: Uint8Array, options?: DecodeOptions): CalldataValue;
/** Encodes a value canonically (map keys sorted by UTF-8). @throws TypeError or CalldataError naming the path */
export declare function encode(value: EncodableValue): Uint8Array;
/** Checks that `bytes` are one canonical value. @throws CalldataError */
export declare function validate(bytes: Uint8Array, options?: DecodeOptions): void;
/** The text form, exactly as the Rust codec prints it. @throws CalldataError */
export declare function toText(bytes: Uint8Array): string;
/** Calldata from the text form. @throws CalldataError (kind "text_syntax") */
export declare function fromText(text: string): Uint8Array;

/**
 * A result frame (code byte + payload). "fatal_vm_error" (code byte 4) is
 * v0.3's, between nested VMs only; "internal_error" and message user
 * errors are v0.2's.
 */
export type Result =
  | { code: "return"; value: CalldataValue }
  | { code: "user_error"; value: CalldataValue }
  | { code: "user_error"; message: string }
  | { code: "vm_error"; message: string }
  | { code: "internal_error"; message: string }
  | { code: "fatal_vm_error"; message: string };

/** What encodeResult accepts: a Result whose value may be any EncodableValue. */
export type EncodableResult =
  | { code: "return"; value: EncodableValue }
  | { code: "user_error"; value: EncodableValue }
  | { code: "user_error"; message: string }
  | { code: "vm_error"; message: string }
  | { code: "internal_error"; message: string }
  | { code: "fatal_vm_error"; message: string };

/** An ABI generation: "v0.2" (the default) carries the method name under "method", "v0.3" under "". */
export type AbiGeneration = "v0.2" | "v0.3";

/**
 * Where a frame travels: "subvm" (the default: a sub-VM's result to its
 * parent, nested transport included), "nondet" (a non-deterministic
 * block's result as proposed), "top_level" (a run's final result). v0.2
 * reads every context alike.
 */
export type FrameContext = "subvm" | "nondet" | "top_level";

export interface FrameOptions {
  /** Default "v0.2". @throws RangeError for another string, TypeError for another type */
  abi?: AbiGeneration;
  /** Default "subvm". @throws RangeError for another string, TypeError for another type */
  context?: FrameContext;
}

/**
 * Reads a result frame. @throws CalldataError: the payload's calldata
 * kind, or "empty", "unknown_code" / "not_allowed" (with `code`),
 * "invalid_utf8"
 */
export declare function decodeResult(frame: Uint8Array, options?: FrameOptions): Result;
/** Writes a result frame. @throws TypeError or CalldataError ("not_allowed", "message_looks_like_data") */
export declare function encodeResult(result: EncodableResult, options?: FrameOptions): Uint8Array;

/**
 * Checks a leader's proposed non-deterministic result frame: null when
 * accepted (to be used byte for byte), else the derived VM error code that
 * replaces it ("leader_fault nondet_output malformed", ...).
 */
export declare function checkProposedResult(frame: Uint8Array): string | null;

/** A v0.3 VM error code's typed parameter. */
export type VmErrorParam = string | number;

/** A parsed v0.3 VM error code, `public-code [" # " detail]`. Made by VmErrorCode.parse. */
export declare class VmErrorCode {
  private constructor();
  /** @throws VmErrorCodeError, TypeError for a non-string */
  static parse(text: string): VmErrorCode;
  /** The whole message. */
  readonly text: string;
  /** The path and its parameter: "exit_code -3". */
  readonly publicCode: string;
  /** The free text after " # ", or null. */
  readonly detail: string | null;
  /** The tree's path: "exit_code". */
  readonly path: string;
  /** The parameter, if the path takes one ($str: a string, $i32: a number). */
  readonly params: readonly [] | readonly [VmErrorParam];
  /** Whether the public code equals `prefix` or extends it at a space. */
  matches(prefix: string): boolean;
  /** The whole message. */
  toString(): string;
}

/** A text that is not a v0.3 VM error code. */
export declare class VmErrorCodeError extends Error {
  readonly name: "VmErrorCodeError";
  readonly kind: "unknown_code" | "bad_param";
}

/** Whether a VM error message's public code equals `prefix` or extends it at a space (any text). */
export declare function vmErrorMatches(message: string, prefix: string): boolean;

/** GVM32 text of bytes. */
export declare function gvm32Encode(bytes: Uint8Array): string;
/** The bytes of GVM32 text. @throws Gvm32Error */
export declare function gvm32Decode(text: string): Uint8Array;

/** Text that is not GVM32. */
export declare class Gvm32Error extends Error {
  readonly name: "Gvm32Error";
  readonly kind: "invalid_character" | "non_zero_padding";
  /** The invalid character's index in the string (0 for non_zero_padding). */
  readonly offset: number;
}

export interface VerdictOptions {
  /** Default "v0.2". */
  abi?: AbiGeneration;
  /** Compares the leader's user error value with the validator's (default: the guest's ==, true == 1). */
  compareUserErrors?: (leader: CalldataValue, answer: CalldataValue) => boolean;
  /** Compares the leader's VM error message with the validator's (default: v0.2 the whole message, v0.3 the public code). */
  compareVmErrors?: (leader: string, answer: string) => boolean;
}

/**
 * Whether the validator agrees: `leader` is the leader's proposed frame
 * (read as a "nondet" frame), `answer` the validator function's sandbox
 * frame ("subvm"). @throws VerdictError, TypeError
 */
export declare function validatorVerdict(leader: Uint8Array, answer: Uint8Array, options?: VerdictOptions): boolean;

/** A validator's decision that is an error instead of a verdict. */
export declare class VerdictError extends Error {
  readonly name: "VerdictError";
  readonly kind: "frame" | "no_result" | "not_bool" | "fatal";
  /** For "frame": why the frame does not read. */
  readonly cause?: CalldataError;
}

/** The host's verdict on the validator's frame; `vmError` ends the block on disagreement (v0.2), else null. */
export declare function hostVerdict(validator: Uint8Array, options?: { abi?: AbiGeneration }): {
  agree: boolean;
  vmError: string | null;
};

/** A result's kind as the hashes name it. */
export type ResultKind = "Return" | "UserError" | "VMError";

/** SHA3-256 of the calldata map {kind, result, subvm_hashes, wasm_store_hashes}. @throws TypeError, RangeError */
export declare function subvmSmallHash(
  kind: ResultKind,
  result: EncodableValue,
  subvmHashes: Uint8Array,
  wasmStoreHashes: EncodableValue,
): Uint8Array;

export interface ExecutionHashFields {
  backtrace: EncodableValue;
  data: EncodableValue;
  dataFeesConsumed: EncodableValue;
  dataFeesRemaining: EncodableValue;
  emissions: EncodableValue;
  kind: ResultKind;
  storageChanges: EncodableValue;
  /** 32 bytes: the run's finalized SubVmHashes. */
  subvmHashes: Uint8Array;
  wasmStoreHashes: EncodableValue;
}

/** SHA3-256 of the calldata map of the fields. @throws TypeError, RangeError */
export declare function executionHash(fields: ExecutionHashFields): Uint8Array;

/** The rolling accumulator of a run's sub-VM small hashes, in call order. */
export declare class SubVmHashes {
  /** Folds in the next 32-byte small hash. @throws RangeError */
  fold(smallHash: Uint8Array): this;
  /** SHA3-256 of the hashes folded so far (of nothing when none); may be called again. */
  finalize(): Uint8Array;
}

export interface CallOptions {
  /** Default "v0.2". @throws RangeError for another string, TypeError for another type */
  abi?: AbiGeneration;
}

export interface DecodeCallOptions extends CallOptions {
  /** Read a deployment (constructor call): its method name must be absent. Default false. */
  deployment?: boolean;
}

export interface MigrateOptions {
  /** The generation to rewrite the call for. */
  to: AbiGeneration;
}

/** A method call as decodeCall gives it. */
export interface MethodCall {
  /** null for a deployment (or an unnamed call). */
  method: string | null;
  args: CalldataValue[];
  kwargs: Map<string, CalldataValue>;
}

/** What a MethodCallError's kind can be (the codec's `MethodCallError::name()`). */
export type MethodCallErrorKind =
  | "not_calldata"
  | "not_a_map"
  | "unknown_key"
  | "wrong_type"
  | "named_deployment"
  | "both_method_keys";

/**
 * Calldata that is not a method call of the generation asked for. `key` is
 * the top-level key the error names, or null; for "not_calldata", `cause`
 * is the CalldataError saying why.
 */
export declare class MethodCallError extends Error {
  readonly name: "MethodCallError";
  readonly kind: MethodCallErrorKind;
  readonly key: string | null;
  readonly cause?: CalldataError;
}

/** The 32-byte call key of a method name (null: a deployment), as v0.3 derives it. @throws TypeError */
export declare function callKey(name: string | null): Uint8Array;
/**
 * A method call's canonical calldata (empty args and kwargs left out; method null: a deployment).
 * @throws TypeError or CalldataError naming the path (`call.args[1]`), RangeError for an unknown `abi`
 */
export declare function encodeCall(
  method: string | null,
  args?: readonly EncodableValue[],
  kwargs?: ReadonlyMap<string, EncodableValue> | { readonly [key: string]: EncodableValue } | null,
  options?: CallOptions,
): Uint8Array;
/** Reads a method call. @throws MethodCallError, RangeError for an unknown `abi` */
export declare function decodeCall(bytes: Uint8Array, options?: DecodeCallOptions): MethodCall;
/** Rewrites a call's method key for `options.to`, bytes to bytes. @throws MethodCallError, RangeError */
export declare function migrateCall(bytes: Uint8Array, options: MigrateOptions): Uint8Array;

/** The module's memory (its buffer grows only to fit the largest input seen). */
export declare function wasmMemory(): WebAssembly.Memory;

/** A parameter of a schema's method: its name and its type in the signature notation ("list[address]", "int | null"). */
export interface SchemaParam {
  readonly name: string;
  readonly type: string;
}

/** A method of a Schema, or its constructor (`name` null, `ret` null). */
export interface SchemaMethod {
  readonly name: string | null;
  /** "view balance_of(owner: address) -> int", "write payable ...", "constructor(...)". */
  readonly signature: string;
  readonly params: readonly SchemaParam[];
  readonly kwparams: readonly SchemaParam[];
  readonly readonly: boolean;
  readonly payable: boolean;
  readonly ret: string | null;
  readonly minGasLeader: bigint | null;
  readonly minGasValidator: bigint | null;
}

export interface SchemaCheckOptions {
  /** Default "v0.2". */
  abi?: AbiGeneration;
  /** Every parameter given and every record field present. Default false. */
  strict?: boolean;
}

/**
 * A loose argument for buildCall: read by its parameter's type as Rust's
 * build_call reads JSON (numbers, decimal strings and bigints within 64
 * bits for int, "0x" hex for address and bytes, base64 for bytes, arrays,
 * objects and Maps). An argument holding a value JSON cannot carry exactly
 * (a bigint beyond 64 bits, a Uint8Array, an Address) is given as calldata
 * instead and must fit its type as it is.
 */
export type LooseValue = EncodableValue;

/**
 * A contract schema (what `#get-schema` returns), read strictly. It lives
 * in the schema module's memory until `free()` (or until collected). In a
 * browser, `await Schema.load()` once first; Node loads the module on the
 * first fromJson.
 */
export declare class Schema {
  private constructor();
  /** Loads the schema module (genvm_calldata_schema.wasm, beside the package). */
  static load(): Promise<void>;
  /** @throws SchemaError, or Error when the schema module is not loaded (browser) */
  static fromJson(json: string): Schema;
  /** The public methods by name (sorted by name). */
  readonly methods: ReadonlyMap<string, SchemaMethod>;
  /** The constructor's description (this own property shadows Object's `constructor`). */
  readonly constructor: SchemaMethod;
  /** Frees the schema's memory; the object throws on every use after. */
  free(): void;
  /** @throws SchemaError */
  checkCall(bytes: Uint8Array, options?: SchemaCheckOptions): void;
  /** @throws SchemaError */
  checkDeployment(bytes: Uint8Array, options?: SchemaCheckOptions): void;
  /** Checks a return value against `method`'s return type (paths start with "ret"). @throws SchemaError */
  checkReturn(method: string, bytes: Uint8Array, options?: { strict?: boolean }): void;
  /** A call's calldata from loose values. @throws SchemaError, TypeError, CalldataError */
  buildCall(
    method: string,
    args?: readonly LooseValue[],
    kwargs?: ReadonlyMap<string, LooseValue> | { readonly [name: string]: LooseValue } | null,
    options?: SchemaCheckOptions,
  ): Uint8Array;
  /** A deployment's calldata from loose values. @throws SchemaError, TypeError, CalldataError */
  buildDeployment(
    args?: readonly LooseValue[],
    kwargs?: ReadonlyMap<string, LooseValue> | { readonly [name: string]: LooseValue } | null,
    options?: SchemaCheckOptions,
  ): Uint8Array;
}

/**
 * A schema that cannot be read, or calldata or input that does not fit
 * one. The message is `path: what` (`what` alone for an empty path).
 */
export declare class SchemaError extends Error {
  readonly name: "SchemaError";
  /** The schema crate's name: "invalid_json", "bad_schema", "unknown_method", "type_mismatch", ... */
  readonly kind: string;
  /** Where: "args[1].owner", "kwargs.memo", "ret[0]", "methods.m.params[0][1]"; "" for the whole input. */
  readonly path: string;
  /** For "not_calldata" and "not_a_call": the codec's method-call error name. */
  readonly callError: MethodCallErrorKind | null;
  /** For "not_calldata": why the bytes are not calldata. */
  readonly cause?: CalldataError;
}

/** How many schemas the schema module holds (0 before it is loaded), for leak checks. */
export declare function schemaCount(): number;
/** The schema module's memory, or null before it is loaded. */
export declare function schemaMemory(): WebAssembly.Memory | null;
