// Runs every vector of spec/vectors/calldata.json and framing.json through the
// package as the browser loads it and records what each call gave; the
// expectations stay on the Node side (browser.test.mjs).
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

function runFrame(v) {
  const decoded = attempt(() => calldata.decodeResult(unhex(v.hex)));
  return {
    name: v.name,
    decodeResult: decoded.ok ? { ok: describeResult(decoded.ok) } : decoded,
    encodeResult: decoded.ok ? attempt(() => hex(calldata.encodeResult(decoded.ok))) : null,
  };
}

export async function run() {
  const load = async (name) => (await fetch(`/vectors/${name}.json`)).json();
  const [values, frames] = await Promise.all([load('calldata'), load('framing')]);
  return {
    userAgent: navigator.userAgent,
    calldata: values.vectors.map(runCalldata),
    framing: frames.vectors.map(runFrame),
  };
}
