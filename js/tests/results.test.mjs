// The v0.3 results through the package: every vector of framing.json's
// vectors_v0_3 (decodeResult/encodeResult by context), results.json (GVM32,
// VM error codes, proposed results, small hashes, accumulators, execution
// hashes) and nondet.json (validator and host verdicts); the custom
// comparisons; and random input through every new function (no trap, the
// memory stops growing).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  Address, CalldataError, checkProposedResult, decode, decodeResult, encode, encodeResult, executionHash,
  fromText, gvm32Decode, gvm32Encode, Gvm32Error, hostVerdict, SubVmHashes, subvmSmallHash, toText,
  validatorVerdict, VerdictError, VmErrorCode, VmErrorCodeError, vmErrorMatches, wasmMemory,
} from "../pkg/index.js";
import { fromHex, random, randomValue, toHex, vectorFile } from "./support.mjs";

const framing = vectorFile("framing");
const results = vectorFile("results");
const nondet = vectorFile("nondet");
const valueOf = (text) => decode(fromText(text));

test("framing vectors_v0_3: every context through decodeResult and encodeResult", () => {
  assert.deepEqual(framing.contexts, ["subvm", "nondet", "top_level"]);
  let checked = 0;
  for (const vector of framing.vectors_v0_3) {
    const options = { abi: "v0.3", context: vector.context };
    const bytes = fromHex(vector.hex);
    if ("error" in vector) {
      const kind = vector.error === "calldata" ? vector.calldata_error : vector.error;
      assert.throws(() => decodeResult(bytes, options), (error) => {
        assert.ok(error instanceof CalldataError, `${vector.name}: ${error}`);
        assert.equal(error.kind, kind, vector.name);
        if ("offset" in vector) assert.equal(error.offset, vector.offset, vector.name);
        if ("code" in vector) assert.equal(error.code, vector.code, vector.name);
        return true;
      });
    } else {
      const result = decodeResult(bytes, options);
      if ("text" in vector) {
        const code = vector.kind === "user_error_data" ? "user_error" : vector.kind;
        assert.equal(result.code, code, vector.name);
        assert.equal(toText(encode(result.value)), vector.text, vector.name);
        assert.equal(toHex(encodeResult({ code, value: valueOf(vector.text) }, options)), vector.hex, vector.name);
      } else {
        assert.deepEqual(result, { code: vector.kind, message: vector.message }, vector.name);
      }
      assert.equal(toHex(encodeResult(result, options)), vector.hex, vector.name);
    }
    checked++;
  }
  assert.equal(checked, framing.vectors_v0_3.length);
  assert.ok(checked >= 49);
});

test("v0.3 frames that have no form are refused when encoding (not_allowed)", () => {
  const refused = (result, options) => assert.throws(() => encodeResult(result, options), (error) => {
    assert.ok(error instanceof CalldataError);
    assert.equal(error.kind, "not_allowed");
    return true;
  });
  refused({ code: "fatal_vm_error", message: "out_of memory" }, { abi: "v0.3", context: "nondet" });
  refused({ code: "fatal_vm_error", message: "out_of memory" }, { abi: "v0.3", context: "top_level" });
  refused({ code: "fatal_vm_error", message: "out_of memory" });
  refused({ code: "internal_error", message: "host" }, { abi: "v0.3" });
  refused({ code: "user_error", message: "a message" }, { abi: "v0.3" });
  // v0.2 (the default) reads code 4 as no code; contexts make no difference there.
  assert.throws(() => decodeResult(Uint8Array.of(4, 0x41)), (error) => error.kind === "unknown_code" && error.code === 4);
  assert.deepEqual(decodeResult(Uint8Array.of(2, 0x41), { context: "top_level" }), { code: "vm_error", message: "A" });
  assert.throws(() => decodeResult(Uint8Array.of(0, 0), { context: "nowhere" }), RangeError);
  assert.throws(() => decodeResult(Uint8Array.of(0, 0), { context: 1 }), TypeError);
  assert.throws(() => encodeResult({ code: "return", value: 1 }, { abi: "v0.4" }), RangeError);
});

test("results.json gvm32: encoded, decoded, refused", () => {
  for (const vector of results.gvm32) {
    if ("error" in vector) {
      assert.throws(() => gvm32Decode(vector.text), (error) => {
        assert.ok(error instanceof Gvm32Error && error instanceof Error);
        assert.equal(error.kind, vector.error, vector.text);
        return true;
      });
      continue;
    }
    assert.equal(gvm32Encode(fromHex(vector.hex)), vector.text);
    assert.equal(toHex(gvm32Decode(vector.text)), vector.hex);
    assert.equal(toHex(gvm32Decode(vector.text.toUpperCase())), vector.hex);
  }
  assert.throws(() => gvm32Decode("0😀u"), (error) => error.kind === "invalid_character" && error.offset === 1);
  assert.throws(() => gvm32Decode("0\ud800"), TypeError);
  assert.throws(() => gvm32Encode("00"), TypeError);
});

test("results.json vm_error_codes through VmErrorCode.parse", () => {
  for (const vector of results.vm_error_codes) {
    if ("error" in vector) {
      assert.throws(() => VmErrorCode.parse(vector.text), (error) => {
        assert.ok(error instanceof VmErrorCodeError && error instanceof Error);
        assert.equal(error.kind, vector.error, vector.text);
        assert.ok(error.message.length > 0);
        return true;
      });
      continue;
    }
    const code = VmErrorCode.parse(vector.text);
    assert.equal(code.publicCode, vector.public_code, vector.text);
    assert.equal(code.detail, vector.detail, vector.text);
    assert.equal(code.path, vector.path, vector.text);
    assert.deepEqual(code.params, vector.param === null ? [] : [vector.param], vector.text);
    assert.equal(code.toString(), vector.text);
    assert.equal(`${code}`, vector.text);
    assert.ok(code.matches(vector.path), vector.text);
    assert.ok(code.matches(vector.public_code), vector.text);
    assert.ok(!code.matches(`${vector.path}x`), vector.text);
  }
  assert.throws(() => new VmErrorCode("timeout"), TypeError);
});

test("vmErrorMatches matches at a space, before the detail", () => {
  assert.equal(vmErrorMatches("out_of memory wasm_table # x", "out_of memory"), true);
  assert.equal(vmErrorMatches("out_of memory", "out_of memory"), true);
  assert.equal(vmErrorMatches("out_of memoryx", "out_of memory"), false);
  assert.equal(vmErrorMatches("x # out_of memory", "out_of memory"), false);
  assert.equal(vmErrorMatches("anything é", "anything"), true);
  assert.throws(() => vmErrorMatches(1, "x"), TypeError);
});

test("results.json proposed through checkProposedResult", () => {
  for (const vector of results.proposed) {
    assert.equal(checkProposedResult(fromHex(vector.hex)), vector.derived, vector.name);
  }
  assert.ok(results.proposed.length >= 39);
});

test("results.json small_hashes, accumulators, execution_hashes", () => {
  for (const vector of results.small_hashes) {
    const hash = subvmSmallHash(vector.kind, valueOf(vector.result), fromHex(vector.subvm_hashes), valueOf(vector.wasm_store_hashes));
    assert.equal(toHex(hash), vector.hash);
  }
  for (const vector of results.accumulators) {
    const hashes = new SubVmHashes();
    for (const small of vector.small_hashes) hashes.fold(fromHex(small));
    assert.equal(toHex(hashes.finalize()), vector.finalized);
    assert.equal(toHex(hashes.finalize()), vector.finalized, "finalize leaves it as it was");
  }
  for (const vector of results.execution_hashes) {
    const fields = {
      backtrace: valueOf(vector.backtrace),
      data: valueOf(vector.data),
      dataFeesConsumed: valueOf(vector.data_fees_consumed),
      dataFeesRemaining: valueOf(vector.data_fees_remaining),
      emissions: valueOf(vector.emissions),
      kind: vector.kind,
      storageChanges: valueOf(vector.storage_changes),
      subvmHashes: fromHex(vector.subvm_hashes),
      wasmStoreHashes: valueOf(vector.wasm_store_hashes),
    };
    assert.equal(toHex(executionHash(fields)), vector.hash);
    // Values as encode takes them hash alike.
    assert.equal(toHex(executionHash({ ...fields, dataFeesConsumed: 100, dataFeesRemaining: 900 })), vector.hash);
  }
  const zeros = new Uint8Array(32);
  assert.throws(() => subvmSmallHash("Returned", 1, zeros, null), RangeError);
  assert.throws(() => subvmSmallHash("Return", 1, new Uint8Array(31), null), RangeError);
  assert.throws(() => subvmSmallHash("Return", { x: 1.5 }, zeros, null), /result\.x: 1\.5 is not a safe integer/);
  assert.throws(() => executionHash({ kind: "Return" }), /fields\.backtrace is missing/);
  assert.throws(() => new SubVmHashes().fold(new Uint8Array(3)), RangeError);
});

test("nondet.json validator: every verdict and error with the default comparisons", () => {
  for (const vector of nondet.validator) {
    const run = () => validatorVerdict(fromHex(vector.leader), fromHex(vector.answer), { abi: vector.generation });
    if ("error" in vector) {
      assert.throws(run, (error) => {
        assert.ok(error instanceof VerdictError && error instanceof Error, `${vector.name}: ${error}`);
        assert.equal(error.kind, vector.error, vector.name);
        if (vector.error === "frame") assert.ok(error.cause instanceof CalldataError, vector.name);
        return true;
      });
    } else {
      assert.equal(run(), vector.verdict, vector.name);
    }
  }
  assert.ok(nondet.validator.length >= 28);
});

test("nondet.json host: every verdict", () => {
  for (const vector of nondet.host) {
    const verdict = hostVerdict(fromHex(vector.validator), { abi: vector.generation });
    assert.deepEqual(verdict, { agree: vector.verdict === "agree", vmError: vector.vm_error }, vector.name);
  }
});

test("custom comparisons get the decoded values and messages, only when the codec comes to them", () => {
  const seen = [];
  const options = {
    abi: "v0.3",
    compareUserErrors: (a, b) => (seen.push(["user", a, b]), true),
    compareVmErrors: (a, b) => (seen.push(["vm", a, b]), a.length === b.length),
  };
  // Mismatched kinds and RETURNs never ask.
  assert.equal(validatorVerdict(fromHex("0009"), fromHex("01146e6f"), options), false);
  assert.equal(validatorVerdict(fromHex("00150911"), fromHex("0010"), options), true);
  assert.deepEqual(seen, []);
  assert.equal(validatorVerdict(fromHex("010e04636f646539"), fromHex("010d09"), options), true);
  assert.equal(validatorVerdict(fromHex("02657869745f636f64652031"), fromHex("0274696d656f7574"), options), false);
  assert.deepEqual(seen, [
    ["user", new Map([["code", 7n]]), [1n]],
    ["vm", "exit_code 1", "timeout"],
  ]);
  // A v0.2 message user error is compared as the string the guest holds.
  const v02 = validatorVerdict(fromHex("0173616d65"), fromHex("01000000002473616d65"), {
    compareUserErrors: (a, b) => a === "same" && b === "same",
  });
  assert.equal(v02, true);
  // Only one given: the other is the codec's default.
  assert.equal(validatorVerdict(fromHex("010d10"), fromHex("010d09"), { abi: "v0.3", compareVmErrors: () => false }), true);
  // A callback may use the package again.
  const nested = validatorVerdict(fromHex("010d10"), fromHex("010d09"), {
    abi: "v0.3",
    compareUserErrors: (a, b) => toText(encode(a)) === toText(encode(b)),
  });
  assert.equal(nested, false);
  assert.throws(() => validatorVerdict(fromHex("010d10"), fromHex("010d09"), { abi: "v0.3", compareUserErrors: () => 1 }), TypeError);
  assert.throws(() => validatorVerdict(fromHex("0100"), fromHex("0100"), { compareUserErrors: 5 }), TypeError);
});

test("random input through every new function: no trap, only their errors, the memory stops growing", () => {
  const rng = random(25);
  const frames = [...framing.vectors_v0_3, ...framing.vectors].map((v) => fromHex(v.hex));
  const input = () => {
    const choice = rng.int(3);
    if (choice === 0) return rng.bytes(rng.int(64));
    const bytes = choice === 1 ? rng.pick(frames).slice() : Uint8Array.of(rng.int(6), ...encode(randomValue(rng, (b) => new Address(b), 2)));
    for (let i = rng.int(3); i > 0 && bytes.length > 0; i--) bytes[rng.int(bytes.length)] = rng.int(256);
    return bytes;
  };
  const text = () => new TextDecoder().decode(input()).replace(/\p{Surrogate}/gu, "");
  const words = ["exit_code", "timeout", " ", " # ", "-1", "0", "01", "out_of", "memory", "leader_fault", "nondet_output", "uses_this_error", "x"];
  const codeText = () => Array.from({ length: rng.int(5) }, () => rng.pick(words)).join(rng.pick(["", " "]));
  const expected = [CalldataError, VerdictError, VmErrorCodeError, Gvm32Error];
  const operations = [
    () => decodeResult(input(), { abi: rng.pick(["v0.2", "v0.3"]), context: rng.pick(["subvm", "nondet", "top_level"]) }),
    () => checkProposedResult(input()),
    () => VmErrorCode.parse(rng.int(2) ? codeText() : text()),
    () => vmErrorMatches(codeText(), codeText()),
    () => gvm32Decode(rng.int(2) ? gvm32Encode(input()) : text()),
    () => validatorVerdict(input(), input(), { abi: rng.pick(["v0.2", "v0.3"]) }),
    () => validatorVerdict(input(), input(), { abi: rng.pick(["v0.2", "v0.3"]), compareUserErrors: () => true, compareVmErrors: () => false }),
    () => hostVerdict(input(), { abi: rng.pick(["v0.2", "v0.3"]) }),
  ];
  let settled;
  for (let i = 0; i < 40_000; i++) {
    if (i === 2_000) settled = wasmMemory().buffer.byteLength;
    try {
      rng.pick(operations)();
    } catch (error) {
      assert.ok(expected.some((type) => error instanceof type), `input ${i}: ${error?.stack ?? error}`);
    }
  }
  assert.equal(wasmMemory().buffer.byteLength, settled);
});
