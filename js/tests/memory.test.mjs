// No input traps the module or leaks its memory: 100,000 random and mutated
// inputs through decode (and some through validate, toText and
// decodeResult) after the largest of their kind has been seen once; the
// module's memory must not grow during the loop.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  Address, CalldataError, decode, decodeResult, encode, toText, validate, wasmMemory,
} from "../pkg/index.js";
import { random, randomValue } from "./support.mjs";

const INPUTS = 100_000;
const LONGEST = 512;

/** Random bytes, or a random value's encoding with a few bytes changed. */
function input(rng) {
  if (rng.int(3) === 0) return rng.bytes(rng.int(LONGEST));
  const bytes = encode(randomValue(rng, (b) => new Address(b), 3)).slice(0, LONGEST);
  for (let i = rng.int(3); i > 0; i--) bytes[rng.int(bytes.length)] = rng.int(256);
  return bytes;
}

test("100,000 inputs: none traps, and the memory stops growing", () => {
  // The inputs of this size that take the most room: 509-element arrays
  // (header ed 1f) of nulls (the longest text), of zeros (two tape words
  // and a pool word each) and of empty strings (three tape words each); as
  // frames, after a code byte, 508 of them (header e5 1f).
  for (const element of [0x00, 0x01, 0x04]) {
    const array = new Uint8Array(LONGEST - 1).fill(element);
    array.set([0xed, 0x1f]);
    decode(array);
    validate(array);
    toText(array);
    const frame = new Uint8Array(LONGEST - 1).fill(element);
    frame.set([0x00, 0xe5, 0x1f]);
    decodeResult(frame);
  }
  const rng = random(100);
  for (let i = 0; i < 1000; i++) {
    const bytes = input(rng);
    for (const operation of [decode, validate, toText, decodeResult]) {
      try {
        operation(bytes);
      } catch {}
    }
  }
  const settled = wasmMemory().buffer.byteLength;
  let refused = 0;
  for (let i = 0; i < INPUTS; i++) {
    const bytes = input(rng);
    const operation = i % 10 === 0 ? [validate, toText, decodeResult][i % 3] : decode;
    try {
      operation(bytes);
    } catch (error) {
      assert.ok(error instanceof CalldataError, `input ${i}: ${error}`);
      refused++;
    }
    if (i % 1000 === 0) assert.equal(wasmMemory().buffer.byteLength, settled, `memory grew by input ${i}`);
  }
  assert.equal(wasmMemory().buffer.byteLength, settled);
  assert.ok(refused > INPUTS / 4 && refused < INPUTS, `${refused} of ${INPUTS} refused`);
});
