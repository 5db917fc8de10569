// Every vector of spec/vectors/calldata.json and framing.json through the
// package's API.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  CalldataError, decode, decodeResult, encode, encodeResult, fromText, toText, validate,
} from "../pkg/index.js";
import { fromHex, toHex, vectors } from "./support.mjs";

function assertRefused(run, kind, offset) {
  assert.throws(run, (error) => {
    assert.ok(error instanceof CalldataError, `${error} is a CalldataError`);
    assert.equal(error.kind, kind);
    if (offset !== undefined) assert.equal(error.offset, offset);
    return true;
  });
}

test("valid calldata vectors decode, re-encode, print and parse back", () => {
  let checked = 0;
  for (const vector of vectors("calldata").filter((v) => !("error" in v))) {
    const bytes = fromHex(vector.hex);
    validate(bytes);
    const value = decode(bytes);
    assert.equal(toHex(encode(value)), vector.hex, vector.name);
    assert.equal(toText(bytes), vector.text, vector.name);
    assert.equal(toHex(fromText(vector.text)), vector.hex, vector.name);
    checked++;
  }
  assert.ok(checked > 50, `${checked} valid vectors`);
});

test("invalid calldata vectors are refused with their kind and offset", () => {
  let checked = 0;
  for (const vector of vectors("calldata").filter((v) => "error" in v)) {
    const bytes = fromHex(vector.hex);
    for (const run of [() => validate(bytes), () => decode(bytes), () => toText(bytes)]) {
      assertRefused(run, vector.error, vector.offset);
    }
    checked++;
  }
  assert.ok(checked > 30, `${checked} invalid vectors`);
});

test("framing vectors through decodeResult and encodeResult", () => {
  for (const vector of vectors("framing")) {
    const bytes = fromHex(vector.hex);
    if ("error" in vector) {
      const kind = vector.error === "calldata" ? vector.calldata_error : vector.error;
      assertRefused(() => decodeResult(bytes), kind, vector.offset);
      if (vector.error === "unknown_code") {
        assert.throws(() => decodeResult(bytes), (error) => error.code === vector.code);
      }
      continue;
    }
    const result = decodeResult(bytes);
    if ("text" in vector) {
      const code = vector.kind === "user_error_data" ? "user_error" : vector.kind;
      assert.equal(result.code, code, vector.name);
      assert.equal(toText(encode(result.value)), vector.text, vector.name);
      assert.equal(toHex(encodeResult({ code, value: fromTextValue(vector.text) })), vector.hex);
    } else {
      assert.deepEqual(result, { code: vector.kind, message: vector.message }, vector.name);
    }
    assert.equal(toHex(encodeResult(result)), vector.hex, vector.name);
  }
});

function fromTextValue(text) {
  return decode(fromText(text));
}

test("a user error message that would read as data is refused", () => {
  assertRefused(
    () => encodeResult({ code: "user_error", message: "\0\0\0\0oops" }),
    "message_looks_like_data",
  );
  assert.throws(() => encodeResult({ code: "return", message: "x" }), CalldataError);
  assert.throws(() => encodeResult({ code: "nope", value: 1 }), TypeError);
  assert.throws(() => encodeResult({ code: "return" }), TypeError);
});

test("text errors carry the offset in the string, line and column", () => {
  assert.throws(() => fromText("[\"é\",\n  x]"), (error) => {
    assert.ok(error instanceof CalldataError);
    assert.equal(error.kind, "text_syntax");
    assert.equal(error.offset, 8); // the x, counted in UTF-16 units
    assert.equal(error.line, 2);
    assert.equal(error.column, 3);
    return true;
  });
});
