// Runs every vector of spec/vectors/calldata.json, framing.json (both
// generations), results.json and nondet.json through the package as the
// browser loads it and records what each call gave; the expectations stay
// on the Node side (browser.test.mjs).
import * as calldata from '../../pkg/index.js';
import { hex, shape, unhex } from './shape.mjs';

// A call's result, or what it threw.
function attempt(f) {
  try {
    return { ok: f() };
  } catch (e) {
    return {
      error: {
        calldataError: e instanceof calldata.CalldataError,
        kind: e?.kind,
        offset: e?.offset,
        code: e?.code,
        name: e?.name,
        causeKind: e?.cause?.kind,
        message: String(e?.message ?? e),
      },
    };
  }
}

function runCalldata(v) {
  const bytes = unhex(v.hex);
  return {
    name: v.name,
    validate: attempt(() => (calldata.validate(bytes), null)),
    decode: attempt(() => shape(calldata.decode(bytes), calldata.Address)),
    reencoded: attempt(() => hex(calldata.encode(calldata.decode(bytes)))),
    toText: attempt(() => calldata.toText(bytes)),
    fromText: 'text' in v ? attempt(() => hex(calldata.fromText(v.text))) : null,
  };
}

// What decodeResult gave, with the value described and printed.
function describeResult(result) {
  const { code, ...rest } = result;
  if (!('value' in rest)) return { code, ...rest };
  return { code, value: shape(rest.value, calldata.Address), text: calldata.toText(calldata.encode(rest.value)) };
}

function runFrame(v, options = undefined) {
  const decoded = attempt(() => calldata.decodeResult(unhex(v.hex), options));
  return {
    name: v.name,
    decodeResult: decoded.ok ? { ok: describeResult(decoded.ok) } : decoded,
    encodeResult: decoded.ok ? attempt(() => hex(calldata.encodeResult(decoded.ok, options))) : null,
  };
}

const value = (text) => calldata.decode(calldata.fromText(text));

// results.json: what each function gave for each vector, in the file's order.
function runResults(r) {
  return {
    gvm32: r.gvm32.map((v) => ('error' in v
      ? attempt(() => hex(calldata.gvm32Decode(v.text)))
      : { ok: [calldata.gvm32Encode(unhex(v.hex)), hex(calldata.gvm32Decode(v.text))] })),
    vmErrorCodes: r.vm_error_codes.map((v) => attempt(() => {
      const code = calldata.VmErrorCode.parse(v.text);
      return { publicCode: code.publicCode, detail: code.detail, path: code.path, params: code.params, text: String(code) };
    })),
    proposed: r.proposed.map((v) => calldata.checkProposedResult(unhex(v.hex))),
    smallHashes: r.small_hashes.map((v) => hex(calldata.subvmSmallHash(
      v.kind, value(v.result), unhex(v.subvm_hashes), value(v.wasm_store_hashes),
    ))),
    accumulators: r.accumulators.map((v) => {
      const hashes = new calldata.SubVmHashes();
      for (const small of v.small_hashes) hashes.fold(unhex(small));
      return hex(hashes.finalize());
    }),
    executionHashes: r.execution_hashes.map((v) => hex(calldata.executionHash({
      backtrace: value(v.backtrace),
      data: value(v.data),
      dataFeesConsumed: value(v.data_fees_consumed),
      dataFeesRemaining: value(v.data_fees_remaining),
      emissions: value(v.emissions),
      kind: v.kind,
      storageChanges: value(v.storage_changes),
      subvmHashes: unhex(v.subvm_hashes),
      wasmStoreHashes: value(v.wasm_store_hashes),
    }))),
  };
}

function runNondet(n) {
  return {
    validator: n.validator.map((v) => attempt(() => calldata.validatorVerdict(unhex(v.leader), unhex(v.answer), { abi: v.generation }))),
    host: n.host.map((v) => calldata.hostVerdict(unhex(v.validator), { abi: v.generation })),
  };
}

export async function run() {
  const load = async (name) => (await fetch(`/vectors/${name}.json`)).json();
  const [values, frames, results, nondet] = await Promise.all([load('calldata'), load('framing'), load('results'), load('nondet')]);
  return {
    userAgent: navigator.userAgent,
    calldata: values.vectors.map(runCalldata),
    framing: frames.vectors.map((v) => runFrame(v)),
    framingV03: frames.vectors_v0_3.map((v) => runFrame(v, { abi: 'v0.3', context: v.context })),
    results: runResults(results),
    nondet: runNondet(nondet),
  };
}
