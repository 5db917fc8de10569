// The package in a real browser: headless Chromium loads js/pkg from a
// localhost server, runs every calldata and framing vector there
// (browser/run-vectors.mjs) and hands back what each call gave. The
// expectations are checked here, against the vector files, and each decoded
// value against the same bytes decoded by the package in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as calldata from '../pkg/index.js';
import { launch, open } from './browser/chromium.mjs';
import { serve } from './browser/server.mjs';
import { shape, unhex } from './browser/shape.mjs';

const file = (name) => JSON.parse(readFileSync(new URL(`../../spec/vectors/${name}.json`, import.meta.url), 'utf8'));
const load = (name) => file(name).vectors;
const values = load('calldata');
const frames = load('framing');
const framesV03 = file('framing').vectors_v0_3;
const results = file('results');
const nondet = file('nondet');

const server = await serve();
let browser;
let observed;
let problems;
try {
  browser = await launch();
  const opened = await open(browser, `${server.url}/tests/browser/`);
  problems = opened.problems;
  // As JSON: Playwright's own serializer stops at the 129 nested arrays of too_deep.
  observed = JSON.parse(
    await opened.page.evaluate(async () => JSON.stringify(await (await import('/tests/browser/run-vectors.mjs')).run())),
  );
} finally {
  // Closed whatever happened: an open server would keep this file running.
  await browser?.close();
  await server.close();
}

test('Chromium ran every vector without a page error', () => {
  assert.match(observed.userAgent, /HeadlessChrome/);
  assert.deepEqual(problems, []);
  assert.deepEqual(observed.calldata.map((o) => o.name), values.map((v) => v.name));
  assert.deepEqual(observed.framing.map((o) => o.name), frames.map((v) => v.name));
  assert.deepEqual(observed.framingV03.map((o) => o.name), framesV03.map((v) => v.name));
});

// A thrown error as the page saw it (kind, offset and, for an unknown result
// code, the code), with the message checked apart.
function thrown(attempt, what) {
  assert.ok(attempt.error, `${what} should throw`);
  const { message, name, causeKind, ...error } = attempt.error;
  assert.ok(message.length > 0, `${what} gives a message`);
  return error;
}

values.forEach((v, i) => {
  test(`calldata vector ${v.name}`, () => {
    const got = observed.calldata[i];
    if ('text' in v) {
      assert.deepEqual(got.validate, { ok: null });
      assert.deepEqual(got.toText, { ok: v.text });
      assert.deepEqual(got.reencoded, { ok: v.hex });
      assert.deepEqual(got.fromText, { ok: v.hex });
      const inNode = shape(calldata.decode(unhex(v.hex)), calldata.Address);
      assert.doesNotMatch(JSON.stringify(inNode), /"unexpected"/);
      assert.deepEqual(got.decode, { ok: inNode });
    } else {
      const expected = { calldataError: true, kind: v.error, offset: v.offset };
      for (const call of ['validate', 'decode', 'toText']) {
        assert.deepEqual(thrown(got[call], call), expected, call);
      }
    }
  });
});

// The frame decodeResult should give for a valid vector.
function expectedResult(v) {
  if (v.kind === 'return' || v.kind === 'user_error_data') {
    const value = shape(calldata.decode(calldata.fromText(v.text)), calldata.Address);
    return { code: v.kind === 'return' ? 'return' : 'user_error', value, text: v.text };
  }
  return { code: v.kind, message: v.message };
}

const frameTests = (list, seen, label) => list.forEach((v, i) => {
  test(`${label} ${v.name}`, () => {
    const got = seen()[i];
    if ('kind' in v) {
      assert.deepEqual(got.decodeResult, { ok: expectedResult(v) });
      assert.deepEqual(got.encodeResult, { ok: v.hex });
    } else {
      const error = thrown(got.decodeResult, 'decodeResult');
      assert.equal(error.calldataError, true);
      assert.equal(error.kind, v.error === 'calldata' ? v.calldata_error : v.error);
      if ('offset' in v) assert.equal(error.offset, v.offset);
      assert.equal(error.code, v.code);
    }
  });
});
frameTests(frames, () => observed.framing, 'framing vector');
frameTests(framesV03, () => observed.framingV03, 'v0.3 framing vector');

test('results.json in Chromium: GVM32, VM error codes, proposed results, hashes', () => {
  const got = observed.results;
  results.gvm32.forEach((v, i) => {
    if ('error' in v) {
      const error = thrown(got.gvm32[i], v.text);
      assert.deepEqual([got.gvm32[i].error.name, error.kind], ['Gvm32Error', v.error]);
    } else {
      assert.deepEqual(got.gvm32[i], { ok: [v.text, v.hex] });
    }
  });
  results.vm_error_codes.forEach((v, i) => {
    if ('error' in v) {
      const error = thrown(got.vmErrorCodes[i], v.text);
      assert.deepEqual([got.vmErrorCodes[i].error.name, error.kind], ['VmErrorCodeError', v.error]);
    } else {
      const params = v.param === null ? [] : [v.param];
      assert.deepEqual(got.vmErrorCodes[i], { ok: { publicCode: v.public_code, detail: v.detail, path: v.path, params, text: v.text } });
    }
  });
  assert.deepEqual(got.proposed, results.proposed.map((v) => v.derived));
  assert.deepEqual(got.smallHashes, results.small_hashes.map((v) => v.hash));
  assert.deepEqual(got.accumulators, results.accumulators.map((v) => v.finalized));
  assert.deepEqual(got.executionHashes, results.execution_hashes.map((v) => v.hash));
});

test('nondet.json in Chromium: validator and host verdicts', () => {
  nondet.validator.forEach((v, i) => {
    const got = observed.nondet.validator[i];
    if ('error' in v) {
      const error = thrown(got, v.name);
      assert.deepEqual([got.error.name, error.kind], ['VerdictError', v.error], v.name);
      if (v.error === 'frame') assert.ok(got.error.causeKind, v.name);
    } else {
      assert.deepEqual(got, { ok: v.verdict }, v.name);
    }
  });
  assert.deepEqual(observed.nondet.host, nondet.host.map((v) => ({ agree: v.verdict === 'agree', vmError: v.vm_error })));
});
