// Method calls of both ABI generations, migration and call keys: every
// vector of spec/vectors/method-calls.json, then the JavaScript side
// (options, argument types, paths in errors, depth, random calls).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  Address, CalldataError, MethodCallError, callKey, decode, decodeCall, encode, encodeCall,
  fromText, migrateCall, toText, validate, wasmMemory,
} from "../pkg/index.js";
import { fromHex, random, randomValue, toHex, vectorFile } from "./support.mjs";

const { calls, migrations, call_keys: callKeys, errors } = vectorFile("method-calls");
// The key each generation carries the method name under
// (spec/abi-generations.md), written out here, not taken from the code tested.
const METHOD_KEY = { "v0.2": "method", "v0.3": "" };

/** The call's calldata by the spec's rule: empty args and kwargs left out. */
function expected(method, args, kwargs, abi) {
  const map = new Map();
  if (method !== null) map.set(METHOD_KEY[abi], method);
  if (args.length > 0) map.set("args", args);
  if (kwargs.size > 0) map.set("kwargs", kwargs);
  return toHex(encode(map));
}

function assertCallError(run, kind, key) {
  assert.throws(run, (error) => {
    assert.ok(error instanceof MethodCallError, `${error} is a MethodCallError`);
    assert.ok(error instanceof Error);
    assert.equal(error.name, "MethodCallError");
    assert.equal(error.kind, kind);
    if (key !== undefined) assert.equal(error.key, key);
    if (kind === "not_calldata") {
      assert.ok(error.cause instanceof CalldataError);
      assert.equal(error.message, `not calldata: ${error.cause.message}`);
    } else {
      assert.equal(error.cause, undefined);
    }
    return true;
  });
}

test("the vectors are all here", () => {
  assert.ok(calls.length >= 20 && migrations.length >= 10 && callKeys.length >= 10);
  const seen = new Set([...calls, ...migrations].filter((v) => "error" in v).map((v) => v.error));
  assert.deepEqual([...seen].sort(), [...errors].sort());
});

test("call vectors of both generations", () => {
  for (const vector of calls) {
    const bytes = fromHex(vector.hex);
    const options = { abi: vector.generation, deployment: vector.deployment ?? false };
    if ("error" in vector) {
      assertCallError(() => decodeCall(bytes, options), vector.error, vector.key ?? null);
      continue;
    }
    const call = decodeCall(bytes, options);
    assert.deepEqual(Object.keys(call), ["method", "args", "kwargs"], vector.name);
    assert.equal(call.method, vector.method, vector.name);
    assert.ok(Array.isArray(call.args) && call.kwargs instanceof Map, vector.name);
    assert.equal(toText(encode(call.args)), vector.args, vector.name);
    assert.equal(toText(encode(call.kwargs)), vector.kwargs, vector.name);
    const written = encodeCall(call.method, call.args, call.kwargs, { abi: vector.generation });
    assert.equal(toHex(written), expected(call.method, call.args, call.kwargs, vector.generation), vector.name);
    assert.deepEqual(decodeCall(written, options), call, vector.name);
    const value = decode(bytes);
    const emptyKept = value.get("args")?.length === 0 || value.get("kwargs")?.size === 0;
    if (!emptyKept) assert.equal(toHex(written), vector.hex, vector.name);
  }
});

test("a call's values are as decode gives them", () => {
  const bytes = fromHex(calls[0].hex);
  assert.equal(calls[0].name, "v0_2_full");
  const value = decode(bytes);
  const call = decodeCall(bytes);
  assert.deepEqual(call, { method: value.get("method"), args: value.get("args"), kwargs: value.get("kwargs") });
  assert.ok(call.args[0] instanceof Address);
  assert.equal(call.args[1], 10n);
});

test("migration vectors", () => {
  for (const vector of migrations) {
    const bytes = fromHex(vector.hex);
    if ("error" in vector) {
      assertCallError(() => migrateCall(bytes, { to: vector.to }), vector.error);
    } else {
      assert.equal(toHex(migrateCall(bytes, { to: vector.to })), vector.output, vector.name);
    }
  }
});

test("call key vectors", () => {
  for (const vector of callKeys) {
    const key = callKey(vector.method);
    assert.ok(key instanceof Uint8Array && key.length === 32, vector.name);
    assert.equal(toHex(key), vector.key, vector.name);
  }
  assert.deepEqual(callKey(undefined), new Uint8Array(32));
  assert.throws(() => callKey("\ud800"), TypeError);
  assert.throws(() => callKey(5), TypeError);
});

test("abi defaults to v0.2; an unknown one names the allowed values", () => {
  assert.deepEqual(encodeCall("get"), encode({ method: "get" }));
  assert.deepEqual(encodeCall("get", [], {}, {}), encode({ method: "get" }));
  assert.deepEqual(decodeCall(encode({ method: "get" })), { method: "get", args: [], kwargs: new Map() });
  const allowed = /"v0\.2" or "v0\.3"/;
  for (const [run, type] of [
    [() => encodeCall("m", [], {}, { abi: "v0.4" }), RangeError],
    [() => decodeCall(Uint8Array.of(6), { abi: "0.2" }), RangeError],
    [() => migrateCall(Uint8Array.of(6), { to: "v03" }), RangeError],
    [() => decodeCall(Uint8Array.of(6), { abi: 2 }), TypeError],
    [() => migrateCall(Uint8Array.of(6), {}), TypeError],
    [() => migrateCall(Uint8Array.of(6)), TypeError],
  ]) {
    assert.throws(run, (error) => error instanceof type && allowed.test(error.message));
  }
  assert.throws(() => decodeCall(Uint8Array.of(6), { deployment: 1 }), TypeError);
});

test("encodeCall in both generations, and migration between them", () => {
  const address = new Address(Uint8Array.from({ length: 20 }, (_, i) => i));
  const old = encodeCall("transfer", [address, 10], { memo: "rent" });
  const current = encodeCall("transfer", [address, 10n], new Map([["memo", "rent"]]), { abi: "v0.3" });
  assert.equal(toHex(old), calls[0].hex);
  assert.equal(toText(current), `{"":"transfer","args":[addr#${toHex(address.bytes)},10],"kwargs":{"memo":"rent"}}`);
  assert.deepEqual(migrateCall(old, { to: "v0.3" }), current);
  assert.deepEqual(migrateCall(current, { to: "v0.2" }), old);
  const call = decodeCall(current, { abi: "v0.3" });
  assert.deepEqual(call, { method: "transfer", args: [address, 10n], kwargs: new Map([["memo", "rent"]]) });
  assertCallError(() => decodeCall(current), "unknown_key", "");
});

test("deployments have no method", () => {
  const bytes = encodeCall(null, [1], undefined, { abi: "v0.3" });
  assert.equal(toText(bytes), '{"args":[1]}');
  assert.deepEqual(encodeCall(undefined), Uint8Array.of(6));
  assert.deepEqual(decodeCall(bytes, { abi: "v0.3", deployment: true }), { method: null, args: [1n], kwargs: new Map() });
  assertCallError(() => decodeCall(encodeCall("init"), { deployment: true }), "named_deployment", null);
});

test("bad arguments are refused with their names", () => {
  for (const [run, message] of [
    [() => encodeCall(1), /^method must be a string or null, not number$/],
    [() => encodeCall("\udfff"), /^method: string has a lone surrogate/],
    [() => encodeCall("m", "ab"), /^args must be an Array, not string$/],
    [() => encodeCall("m", null), /^args must be an Array, not null$/],
    [() => encodeCall("m", [], [["a", 1]]), /^kwargs must be a Map or a plain object$/],
    [() => encodeCall("m", [], new Address(new Uint8Array(20))), /^kwargs must be a Map or a plain object$/],
    [() => encodeCall("m", [1, 1.5]), /^call\.args\[1\]: 1\.5 is not a safe integer/],
    [() => encodeCall("m", [], { a: [Symbol("s")] }), /^call\.kwargs\.a\[0\]: a symbol is not a calldata value$/],
    [() => encodeCall("m", [], new Map([[1, 2]])), /^call\.kwargs: map key 1 is not a string$/],
    [() => encodeCall("m", ["\ud800"]), /^call\.args\[0\]: string has a lone surrogate/],
  ]) {
    assert.throws(run, (error) => error instanceof TypeError && message.test(error.message));
  }
  const loop = [];
  loop.push(loop);
  assert.throws(() => encodeCall("m", [loop]), /^TypeError: call\.args\[0\]\[0\]: a cycle: this is call\.args\[0\] again$/);
  // Encoding a plain value is unchanged after a call's parts.
  assert.throws(() => encode([1.5]), /^TypeError: value\[0\]: 1\.5 is not a safe integer/);
  for (const bytes of ["06", 6, null, [6]]) {
    assert.throws(() => decodeCall(bytes), TypeError);
    assert.throws(() => migrateCall(bytes, { to: "v0.3" }), TypeError);
  }
});

function nested(depth) {
  let value = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

test("nesting counts from the call's map: what encodeCall writes, decodeCall reads", () => {
  for (const abi of ["v0.2", "v0.3"]) {
    for (const part of ["args", "kwargs"]) {
      let accepted = 0;
      for (let depth = 120; depth < 132; depth++) {
        const args = part === "args" ? [nested(depth)] : [];
        const kwargs = part === "kwargs" ? { x: nested(depth) } : {};
        let bytes;
        try {
          bytes = encodeCall("m", args, kwargs, { abi });
        } catch (error) {
          assert.ok(error instanceof CalldataError, String(error));
          assert.equal(error.kind, "too_deep");
          assert.match(error.message, new RegExp(`^call\\.${part}`));
          break;
        }
        validate(bytes);
        decodeCall(bytes, { abi });
        accepted = depth;
      }
      // The call's map, args (or kwargs), then the arrays: 128 containers.
      assert.equal(accepted, 126, `${abi} ${part}`);
    }
  }
});

test("random calls round-trip and migrate both ways", () => {
  const rng = random(7);
  const makeAddress = (bytes) => new Address(bytes);
  for (let i = 0; i < 500; i++) {
    const method = rng.int(4) === 0 ? null : String(randomValue(rng, makeAddress, 0) ?? "");
    const args = Array.from({ length: rng.int(4) }, () => randomValue(rng, makeAddress, 3));
    const kwargs = new Map();
    for (let n = rng.int(4); n > 0; n--) kwargs.set(`k${rng.int(10)}é`, randomValue(rng, makeAddress, 3));
    const old = encodeCall(method, args, kwargs);
    const current = encodeCall(method, args, kwargs, { abi: "v0.3" });
    assert.equal(toHex(old), expected(method, args, kwargs, "v0.2"));
    assert.equal(toHex(current), expected(method, args, kwargs, "v0.3"));
    assert.deepEqual(decodeCall(old), { method, args, kwargs: decode(encode(kwargs)) });
    assert.deepEqual(decodeCall(current, { abi: "v0.3" }), decodeCall(old));
    assert.deepEqual(migrateCall(old, { to: "v0.3" }), current);
    assert.deepEqual(migrateCall(current, { to: "v0.2" }), old);
  }
});

test("the module's answers stay right after errors and between operations", () => {
  const bytes = encodeCall("go", [fromText("[1,b#00]")]);
  assertCallError(() => decodeCall(Uint8Array.of(0x0e, 0x01)), "not_calldata");
  assert.throws(() => decode(Uint8Array.of(0x0e, 0x01)), CalldataError);
  assert.equal(decodeCall(bytes).method, "go");
  assert.deepEqual(decodeCall(bytes).args, [Uint8Array.of(0x15, 0x09, 0x0b, 0x00)]);
});

test("20,000 random and mutated calls: none traps, each is a call or a MethodCallError", () => {
  const rng = random(11);
  const makeAddress = (bytes) => new Address(bytes);
  const input = () => {
    if (rng.int(4) === 0) return rng.bytes(rng.int(64));
    const abi = rng.pick(["v0.2", "v0.3"]);
    const args = Array.from({ length: rng.int(3) }, () => randomValue(rng, makeAddress, 2));
    const bytes = encodeCall(rng.int(5) === 0 ? null : "m", args, { k: randomValue(rng, makeAddress, 1) }, { abi });
    for (let i = rng.int(3); i > 0; i--) bytes[rng.int(bytes.length)] = rng.int(256);
    return bytes;
  };
  const run = (bytes) => {
    for (const operation of [
      () => decodeCall(bytes),
      () => decodeCall(bytes, { abi: "v0.3", deployment: true }),
      () => migrateCall(bytes, { to: "v0.3" }),
      () => migrateCall(bytes, { to: "v0.2" }),
    ]) {
      try {
        operation();
      } catch (error) {
        assert.ok(error instanceof MethodCallError, String(error));
      }
    }
  };
  for (let i = 0; i < 2000; i++) run(input());
  const settled = wasmMemory().buffer.byteLength;
  for (let i = 0; i < 20_000; i++) run(input());
  assert.equal(wasmMemory().buffer.byteLength, settled);
});
