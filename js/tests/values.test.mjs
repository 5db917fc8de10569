// The value conventions (genlayer-js's), the Address class, and bad values:
// each refused with an error naming the path to it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CalldataAddress } from "genlayer-js/types";
import { Address, CalldataError, MAX_DEPTH, decode, encode, fromText, toText, validate } from "../pkg/index.js";
import { toHex } from "./support.mjs";

const text = (value) => toText(encode(value));

test("decode gives null, booleans, bigints, bytes, strings, arrays, Maps and Addresses", () => {
  const value = decode(fromText('{"b":[null,true,false,0,-1,b#00ff,"é"],"a":addr#00112233445566778899aabbccddeeff00112233}'));
  assert.ok(value instanceof Map);
  assert.deepEqual([...value.keys()], ["a", "b"]);
  assert.deepEqual(value.get("b"), [null, true, false, 0n, -1n, Uint8Array.of(0, 0xff), "é"]);
  const address = value.get("a");
  assert.ok(address instanceof Address);
  assert.equal(address.toString(), "0x00112233445566778899aabbccddeeff00112233");
  assert.equal(address.toHex(), String(address));
});

test("bytes and addresses decoded from a Node Buffer are copies", () => {
  const input = Buffer.from(encode([Uint8Array.of(1, 2), new Address(new Uint8Array(20).fill(7))]));
  const [bytes, address] = decode(input);
  input.fill(0);
  assert.deepEqual(bytes, Uint8Array.of(1, 2));
  assert.deepEqual(address.bytes, new Uint8Array(20).fill(7));
});

test("integers: every size both ways, numbers when safe", () => {
  for (const n of [0n, 1n, -1n, 127n, 128n, -129n, 2n ** 63n, -(2n ** 63n) - 1n, 2n ** 128n - 1n, -(2n ** 128n), 2n ** 128n, 7n ** 500n, -(7n ** 500n)]) {
    assert.equal(decode(encode(n)), n);
    assert.equal(text(n), n.toString());
  }
  for (const n of [0, -0, 1, -1, 2 ** 50, -(2 ** 50) - 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
    assert.equal(decode(encode(n)), BigInt(n));
  }
});

test("plain objects are maps with sorted keys; undefined is null", () => {
  assert.equal(text({ b: 1, a: undefined, "é": [], "\ue000": 0, "😀": 1 }), '{"a":null,"b":1,"\\u00e9":[],"\\ue000":0,"\\ud83d\\ude00":1}');
  assert.equal(text(Object.assign(Object.create(null), { z: true })), '{"z":true}');
  assert.equal(text(new Map([["b", 2], ["a", 1]])), '{"a":1,"b":2}');
});

test("addresses: Address, genlayer-js's CalldataAddress, anything with 20 bytes", () => {
  const bytes = new Uint8Array(20).fill(0xab);
  const expected = toHex(encode(new Address(bytes)));
  assert.equal(expected, `18${"ab".repeat(20)}`);
  assert.equal(toHex(encode(new CalldataAddress(bytes))), expected);
  class Wallet {
    constructor() {
      this.bytes = bytes;
    }
  }
  assert.equal(toHex(encode(new Wallet())), expected);
  // A plain object is a map, whatever its fields.
  assert.equal(text({ bytes }), `{"bytes":b#${"ab".repeat(20)}}`);
});

test("Address: fromHex, toHex, equals and bad input", () => {
  const hex = "0x00112233445566778899aabbccddeeff00112233";
  const address = Address.fromHex(hex.toUpperCase().replace("0X", "0x"));
  assert.equal(address.toHex(), hex);
  assert.ok(address.equals(Address.fromHex(hex.slice(2))));
  assert.ok(address.equals(new CalldataAddress(address.bytes.slice())));
  assert.ok(!address.equals(Address.fromHex(`0x${"00".repeat(20)}`)));
  assert.ok(!address.equals(null));
  for (const bad of ["0x123", `0x${"gg".repeat(20)}`, `${"00".repeat(21)}`, 42]) {
    assert.throws(() => Address.fromHex(bad), TypeError);
  }
  assert.throws(() => new Address(new Uint8Array(19)), TypeError);
  assert.throws(() => new Address([...new Uint8Array(20)]), TypeError);
});

function refused(value, path, kind = TypeError) {
  assert.throws(() => encode(value), (error) => {
    assert.ok(error instanceof kind, `${error} is a ${kind.name}`);
    assert.ok(error.message.startsWith(`${path}: `), `"${error.message}" names ${path}`);
    return true;
  });
}

test("bad values are refused with the path to them", () => {
  const records = Array.from({ length: 5 }, (_, id) => ({ id, name: "x" }));
  records[3].id = 1.5;
  refused({ value: { records } }, "value.value.records[3].id");
  refused([NaN], "value[0]");
  refused([Infinity], "value[0]");
  refused(2 ** 53, "value");
  refused({ a: Symbol("s") }, "value.a");
  refused({ "a b": () => 1 }, 'value["a b"]');
  refused(new Map([[1, "x"]]), "value");
  refused({ [Symbol("k")]: 1 }, "value");
  refused([new Date(0)], "value[0]");
  refused([new Int32Array(2)], "value[0]");
  refused({ s: "lone \ud800 surrogate" }, "value.s");
  refused({ "\udc00": 1 }, 'value["\\udc00"]');
});

test("cycles and nesting past the limit are refused", () => {
  const cycle = { a: [] };
  cycle.a.push(cycle);
  refused(cycle, "value.a[0]");
  const map = new Map([["x", [1]]]);
  map.get("x").push({ back: map });
  refused([map], "value[0].x[1].back");
  let deep = [];
  for (let i = 0; i < MAX_DEPTH; i++) deep = [deep];
  assert.throws(() => encode(deep), (error) => error instanceof CalldataError && error.kind === "too_deep");
  // Depth 128 itself is fine.
  assert.equal(decode(encode(deep[0])).length, 1);
  assert.throws(() => validate(encode(deep[0]), { maxDepth: 2 }), (error) => error.kind === "too_deep");
  assert.throws(() => decode(Uint8Array.of(0), { maxDepth: 129 }), RangeError);
});

test("non-bytes input is a TypeError", () => {
  for (const bad of ["00", [0], null, undefined, new ArrayBuffer(1)]) {
    assert.throws(() => decode(bad), TypeError);
    assert.throws(() => validate(bad), TypeError);
    assert.throws(() => toText(bad), TypeError);
  }
  assert.throws(() => fromText(1), TypeError);
  assert.throws(() => fromText('"\ud800"'), TypeError);
  assert.equal(toText(fromText('"\\ud800\\udc00"')), '"\\ud800\\udc00"');
});

test("an encode re-entered from a getter gets its own buffer", () => {
  const value = {
    get inner() {
      return encode({ x: "inner" });
    },
    outer: "o",
  };
  assert.equal(text(value), `{"inner":b#${toHex(encode({ x: "inner" }))},"outer":"o"}`);
});
