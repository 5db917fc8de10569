// Contract schemas through the package: every vector of
// spec/vectors/schema.json (schemas read with their signatures or refused
// with kind and path; calls, deployments and return values checked; calls
// built from loose values), the JS value conventions of building, handles
// and their freeing, and random input (no trap, only SchemaError,
// CalldataError or TypeError, the memory stops growing).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  Address, CalldataError, decode, encode, encodeCall, Schema, schemaCount, SchemaError, schemaMemory, toText,
} from "../pkg/index.js";
import { fromHex, random, randomValue, root, toHex } from "./support.mjs";

// The vectors, with integers JSON.parse would round (u64_max) as bigints.
const text = readFileSync(`${root}/spec/vectors/schema.json`, "utf8")
  .replace(/([[,:]\s*)(-?\d{16,})(?=\s*[,\]}])/g, (_, before, digits) => `${before}{"$bigint":"${digits}"}`);
const all = JSON.parse(text, (_, value) =>
  value !== null && typeof value === "object" && Object.keys(value).length === 1 && "$bigint" in value ? BigInt(value.$bigint) : value);

const contracts = new Map(Object.entries(all.contracts).map(([name, json]) => [name, Schema.fromJson(json)]));

function refused(run, vector) {
  assert.throws(run, (error) => {
    assert.ok(error instanceof SchemaError && error instanceof Error, `${vector.name}: ${error?.stack}`);
    assert.equal(error.kind, vector.error, `${vector.name}: ${error.message}`);
    assert.equal(error.path, vector.path, `${vector.name}: ${error.message}`);
    assert.equal(error.message, vector.path === "" ? error.message : `${vector.path}: ${error.message.slice(vector.path.length + 2)}`);
    if ("call_error" in vector) assert.equal(error.callError, vector.call_error, vector.name);
    if (error.kind === "not_calldata") assert.ok(error.cause instanceof CalldataError, vector.name);
    return true;
  });
}

test("schemas: read with their signatures, or refused with kind and path", () => {
  for (const vector of all.schemas) {
    if ("error" in vector) {
      refused(() => Schema.fromJson(vector.schema), vector);
      continue;
    }
    const schema = Schema.fromJson(vector.schema);
    const signatures = [schema.constructor.signature, ...[...schema.methods.values()].map((m) => m.signature)];
    assert.deepEqual(signatures, vector.signatures, vector.name);
    schema.free();
  }
  assert.ok(all.schemas.length >= 55);
});

test("a schema's methods and constructor", () => {
  const token = contracts.get("token");
  assert.equal(token.constructor.name, null);
  assert.deepEqual(token.constructor.params, [{ name: "name", type: "string" }, { name: "supply", type: "int" }]);
  assert.deepEqual(token.constructor.kwparams, [{ name: "decimals", type: "int" }]);
  const transfer = token.methods.get("transfer");
  assert.deepEqual(transfer, {
    name: "transfer",
    signature: "write transfer(to: address, amount: int, *, memo: string | null) -> bool",
    params: [{ name: "to", type: "address" }, { name: "amount", type: "int" }],
    kwparams: [{ name: "memo", type: "string | null" }],
    readonly: false,
    payable: false,
    ret: "bool",
    minGasLeader: null,
    minGasValidator: null,
  });
  assert.ok(Object.isFrozen(transfer));
  assert.deepEqual([...token.methods.keys()], [...token.methods.keys()].sort());
  const gas = Schema.fromJson('{"ctor":{"params":[],"kwparams":{}},"methods":{"m":{"params":[],"kwparams":{},"readonly":false,"payable":true,"ret":"null","min_gas_leader":18446744073709551615,"min_gas_validator":7}}}');
  assert.equal(gas.methods.get("m").minGasLeader, 18446744073709551615n);
  assert.equal(gas.methods.get("m").minGasValidator, 7n);
  assert.equal(gas.methods.get("m").payable, true);
  gas.free();
  assert.ok(token instanceof Schema);
});

test("calls and deployments: every vector", () => {
  for (const vector of all.calls) {
    const schema = contracts.get(vector.contract);
    const bytes = fromHex(vector.hex);
    const options = { abi: vector.generation, strict: vector.strict ?? false };
    const run = vector.deployment ? () => schema.checkDeployment(bytes, options) : () => schema.checkCall(bytes, options);
    if ("error" in vector) refused(run, vector);
    else assert.equal(run(), undefined, vector.name);
  }
  assert.ok(all.calls.length >= 62);
});

test("return values: every vector", () => {
  for (const vector of all.returns) {
    const schema = contracts.get(vector.contract);
    const run = () => schema.checkReturn(vector.method, fromHex(vector.hex));
    if ("error" in vector) refused(run, vector);
    else assert.equal(run(), undefined, vector.name);
  }
});

// JavaScript has no 2.0 apart from 2: the one vector a JS number cannot say.
const NOT_IN_JS = new Set(["whole_float"]);

test("calls built from loose values: every vector", () => {
  let built = 0;
  for (const vector of all.builds) {
    const schema = contracts.get(vector.contract);
    const options = { abi: vector.generation, strict: vector.strict ?? false };
    const run = vector.method === null
      ? () => schema.buildDeployment(vector.args, vector.kwargs, options)
      : () => schema.buildCall(vector.method, vector.args, vector.kwargs, options);
    if (NOT_IN_JS.has(vector.name)) {
      assert.equal(vector.error, "bad_value");
      assert.doesNotThrow(run, vector.name);
      continue;
    }
    if ("error" in vector) {
      refused(run, vector);
      continue;
    }
    const bytes = run();
    assert.equal(toHex(bytes), vector.hex, `${vector.name}: ${toText(bytes)}`);
    // What is built checks.
    if (vector.method === null) schema.checkDeployment(bytes, options);
    else schema.checkCall(bytes, options);
    built++;
  }
  assert.ok(built >= 20, `${built} built`);
});

test("building takes bigints, Uint8Arrays, Addresses and Maps: JSON where JSON says it exactly, else calldata", () => {
  const token = contracts.get("token");
  const to = "0x0102030405060708090a0b0c0d0e0f1011121314";
  const expected = encodeCall("transfer", [Address.fromHex(to), 10n ** 30n], { memo: "rent" }, { abi: "v0.3" });
  const cases = [
    [to, 10n ** 30n],                               // a bigint beyond 64 bits: calldata
    [to, "1000000000000000000000000000000"],       // a decimal string: JSON
    [Address.fromHex(to), 10n ** 30n],              // both as calldata
  ];
  for (const args of cases) {
    assert.equal(toHex(token.buildCall("transfer", args, new Map([["memo", "rent"]]), { abi: "v0.3" })), toHex(expected));
  }
  // A bigint within 64 bits is a JSON integer, read by the type (here: int | string takes it as int).
  assert.equal(toText(token.buildCall("transfer", [to, 5n])), toText(token.buildCall("transfer", [to, 5])));
  // An argument JSON cannot carry is calldata, taken as it is: a hex string beside it stays a string.
  assert.throws(() => token.buildCall("transfer", [to, 10n ** 30n], { memo: new Uint8Array(1) }), (error) => {
    assert.ok(error instanceof SchemaError);
    assert.deepEqual([error.kind, error.path], ["type_mismatch", "kwargs.memo"]);
    return true;
  });
  assert.throws(() => token.buildCall("transfer", [to, 2 ** 60]), /args\[1\]: \d+ is not a safe integer/);
  assert.throws(() => token.buildCall("transfer", [to, NaN]), TypeError);
  assert.throws(() => token.buildCall("transfer", [to, { x: Symbol("s") }]), /args\[1\]\.x: a symbol is not a calldata value/);
  const cyclic = [];
  cyclic.push(cyclic);
  assert.throws(() => token.buildCall("transfer", [to, cyclic]), /a cycle/);
  assert.throws(() => token.buildCall("transfer", "nope"), TypeError);
  assert.throws(() => token.buildCall(5, []), TypeError);
  assert.throws(() => token.buildCall("transfer", [], [], {}), TypeError);
  assert.throws(() => token.buildCall("transfer", [], {}, { abi: "v9" }), RangeError);
  assert.throws(() => token.checkCall(new Uint8Array(0), { strict: "yes" }), TypeError);
  // Nested past what JSON is read to: too_deep, with the argument's path.
  let deep = 1;
  for (let i = 0; i < 200; i++) deep = [deep];
  assert.throws(() => token.buildCall("loose", [deep]), (error) => error instanceof SchemaError && error.kind === "too_deep");
});

test("schemas are freed: by free(), and the module's memory does not grow", () => {
  const json = all.contracts.token;
  const before = schemaCount();
  for (let i = 0; i < 200; i++) Schema.fromJson(json).free();
  const settled = schemaMemory().buffer.byteLength;
  for (let i = 0; i < 2000; i++) {
    const schema = Schema.fromJson(json);
    schema.checkCall(encodeCall("balance_of", ["0x" + "00".repeat(20)].map((h) => Address.fromHex(h))));
    schema.free();
    schema.free(); // twice is nothing
  }
  assert.equal(schemaCount(), before);
  assert.equal(schemaMemory().buffer.byteLength, settled);
  const freed = Schema.fromJson(json);
  freed.free();
  assert.throws(() => freed.checkCall(new Uint8Array(1)), /freed/);
  assert.throws(() => freed.buildCall("transfer", []), /freed/);
  assert.throws(() => new Schema(), TypeError);
});

test("random input through every schema operation: no trap, only its errors, the memory stops growing", () => {
  const rng = random(27);
  const token = contracts.get("token");
  const tree = contracts.get("tree");
  const jsons = [...all.schemas.map((v) => v.schema), ...Object.values(all.contracts)];
  const mutate = (textIn) => {
    const chars = [...textIn];
    for (let i = rng.int(4); i > 0 && chars.length > 0; i--) {
      chars.splice(rng.int(chars.length), rng.int(3), ...rng.pick([[], ["{"], ["]"], ["\""], ["$"], ["1"], [","], ["é"]]));
    }
    return chars.join("");
  };
  const calls = all.calls.map((v) => fromHex(v.hex));
  const bytes = () => {
    const b = rng.int(3) === 0 ? rng.bytes(rng.int(64)) : rng.pick(calls).slice();
    for (let i = rng.int(3); i > 0 && b.length > 0; i--) b[rng.int(b.length)] = rng.int(256);
    return b;
  };
  const loose = (depth = 3) => {
    switch (rng.int(depth > 0 ? 9 : 7)) {
      case 0: return rng.int(1000) - 500;
      case 1: return rng.pick(["0x0102030405060708090a0b0c0d0e0f1011121314", "5", "-0", "AP8=", "0x00", "x"]);
      case 2: return rng.pick([null, true, false, undefined, 1.5]);
      case 3: return BigInt(rng.int(1000)) ** BigInt(rng.int(12));
      case 4: return rng.bytes(rng.int(4));
      case 5: return new Address(rng.bytes(20));
      case 6: return randomValue(rng, (b) => new Address(b), 2);
      case 7: return Array.from({ length: rng.int(4) }, () => loose(depth - 1));
      default: return Object.fromEntries(Array.from({ length: rng.int(3) }, () => [rng.pick(["value", "children", "to", "amount", "a"]), loose(depth - 1)]));
    }
  };
  const methods = ["transfer", "balance_of", "batch", "choose", "deposit", "loose", "maybe", "meta", "pair", "insert", "nope", ""];
  const operations = [
    () => Schema.fromJson(mutate(rng.pick(jsons))).free(),
    () => rng.pick([token, tree]).checkCall(bytes(), { abi: rng.pick(["v0.2", "v0.3"]), strict: rng.int(2) === 1 }),
    () => token.checkDeployment(bytes(), { abi: rng.pick(["v0.2", "v0.3"]) }),
    () => rng.pick([token, tree]).checkReturn(rng.pick(methods), bytes()),
    () => rng.pick([token, tree]).buildCall(rng.pick(methods), Array.from({ length: rng.int(4) }, () => loose()), rng.int(2) ? { memo: loose() } : {}, { abi: rng.pick(["v0.2", "v0.3"]) }),
    () => token.buildDeployment(Array.from({ length: rng.int(3) }, () => loose()), { decimals: loose() }),
  ];
  let settled;
  const counts = schemaCount();
  for (let i = 0; i < 20_000; i++) {
    if (i === 2_000) settled = schemaMemory().buffer.byteLength;
    try {
      rng.pick(operations)();
    } catch (error) {
      assert.ok(error instanceof SchemaError || error instanceof CalldataError || error instanceof TypeError, `input ${i}: ${error?.stack ?? error}`);
    }
  }
  assert.equal(schemaCount(), counts);
  assert.equal(schemaMemory().buffer.byteLength, settled);
  // The package still works.
  assert.equal(toText(encode(decode(fromHex("09")))), "1");
});
