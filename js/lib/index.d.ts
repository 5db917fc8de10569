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

/** A result frame (code byte + payload). */
export type Result =
  | { code: "return"; value: CalldataValue }
  | { code: "user_error"; value: CalldataValue }
  | { code: "user_error"; message: string }
  | { code: "vm_error"; message: string }
  | { code: "internal_error"; message: string };

/** What encodeResult accepts: a Result whose value may be any EncodableValue. */
export type EncodableResult =
  | { code: "return"; value: EncodableValue }
  | { code: "user_error"; value: EncodableValue }
  | { code: "user_error"; message: string }
  | { code: "vm_error"; message: string }
  | { code: "internal_error"; message: string };

/** Reads a result frame. @throws CalldataError */
export declare function decodeResult(frame: Uint8Array): Result;
/** Writes a result frame. @throws TypeError or CalldataError */
export declare function encodeResult(result: EncodableResult): Uint8Array;

/** An ABI generation: "v0.2" (the default) carries the method name under "method", "v0.3" under "". */
export type AbiGeneration = "v0.2" | "v0.3";

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
