// Side by side with genlayer-js 1.2.0: random values agree byte for byte
// with its encoder; for every input we refuse, what genlayer-js makes of it
// is written to a report (target/js/genlayer-js-on-refused.json), not judged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { abi } from "genlayer-js";
import { CalldataAddress } from "genlayer-js/types";
import { Address, CalldataError, decode, encode, fromText, toText } from "../pkg/index.js";
import { fromHex, random, randomValue, root, toHex, vectors } from "./support.mjs";
import { bounded } from "../../interop/bounded.mjs";

const peer = abi.calldata;

/** A value in a form deepStrictEqual compares: maps as [key, value] lists in key order. */
function normal(value) {
  if (Array.isArray(value)) return value.map(normal);
  if (value instanceof Map) {
    return [...value]
      .sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
      .map(([key, item]) => [key, normal(item)]);
  }
  if (value instanceof Address || value instanceof CalldataAddress) return { address: toHex(value.bytes) };
  return value;
}

/** Our decoded value with genlayer-js's address class, for its encoder. */
function toPeer(value) {
  if (Array.isArray(value)) return value.map(toPeer);
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, toPeer(item)]));
  if (value instanceof Address) return new CalldataAddress(value.bytes);
  return value;
}

test("random values round-trip and encode as genlayer-js encodes them", () => {
  const rng = random(19);
  for (let i = 0; i < 2000; i++) {
    const ours = randomValue(rng, (bytes) => new Address(bytes));
    const theirs = randomValue(random(i), (bytes) => new CalldataAddress(bytes));
    const bytes = encode(ours);
    assert.deepEqual(normal(decode(bytes)), normal(ours));
    assert.equal(toHex(fromText(toText(bytes))), toHex(bytes));
    assert.equal(toHex(peer.encode(toPeer(decode(bytes)))), toHex(bytes), `value ${i}`);
    // genlayer-js's own values (its CalldataAddress) encode the same with us.
    assert.equal(toHex(encode(theirs)), toHex(peer.encode(theirs)), `peer value ${i}`);
  }
});

test("numbers and plain objects encode as genlayer-js encodes them", () => {
  const rng = random(7);
  for (let i = 0; i < 500; i++) {
    const object = {};
    for (let k = rng.int(6); k > 0; k--) {
      const n = rng.int(3) === 0 ? Number.MAX_SAFE_INTEGER - rng.int(1000) : rng.int(2 ** 20) - 2 ** 19;
      object[`k${rng.int(40)}é`.slice(0, 1 + rng.int(4))] = rng.int(2) ? n : [n, -n, { n }];
    }
    assert.equal(toHex(encode(object)), toHex(peer.encode(object)), JSON.stringify(object));
  }
});

function peerVerdict(bytes) {
  try {
    return { accepted: peer.toString(peer.decode(bounded(bytes))) };
  } catch (error) {
    return { error: String(error.message ?? error) };
  }
}

/** Valid encodings with one byte changed, added or removed. */
function mutations(rng, count) {
  const inputs = [];
  while (inputs.length < count) {
    const bytes = [...encode(randomValue(rng, (b) => new Address(b), 3))];
    const at = rng.int(bytes.length + 1);
    switch (rng.int(3)) {
      case 0:
        bytes[Math.min(at, bytes.length - 1)] = rng.int(256);
        break;
      case 1:
        bytes.splice(at, 0, rng.int(256));
        break;
      default:
        bytes.splice(Math.min(at, bytes.length - 1), 1);
    }
    inputs.push(Uint8Array.from(bytes));
  }
  return inputs;
}

test("what genlayer-js makes of every input we refuse is reported", () => {
  const inputs = [
    ...vectors("calldata").filter((v) => "error" in v).map((v) => fromHex(v.hex)),
    ...mutations(random(3), 3000),
  ];
  const report = [];
  for (const bytes of inputs) {
    let refusal;
    try {
      decode(bytes);
      continue;
    } catch (error) {
      assert.ok(error instanceof CalldataError, String(error));
      refusal = { kind: error.kind, offset: error.offset };
    }
    report.push({ hex: toHex(bytes), ours: refusal, genlayer_js: peerVerdict(bytes) });
  }
  const accepted = report.filter((entry) => "accepted" in entry.genlayer_js);
  const byKind = {};
  for (const entry of accepted) byKind[entry.ours.kind] = (byKind[entry.ours.kind] ?? 0) + 1;
  mkdirSync(`${root}/target/js`, { recursive: true });
  const file = `${root}/target/js/genlayer-js-on-refused.json`;
  writeFileSync(file, JSON.stringify({ refused: report.length, genlayer_js_accepted: accepted.length, by_kind: byKind, inputs: report }, null, 1));
  console.log(
    `refused ${report.length} inputs; genlayer-js accepted ${accepted.length} of them ` +
      `(by our error kind: ${JSON.stringify(byKind)}); details in ${file}`,
  );
  assert.ok(report.length > 1000, `${report.length} refused inputs reported`);
});
