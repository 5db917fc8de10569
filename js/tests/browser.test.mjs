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

const load = (name) =>
  JSON.parse(readFileSync(new URL(`../../spec/vectors/${name}.json`, import.meta.url), 'utf8')).vectors;
const values = load('calldata');
const frames = load('framing');

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
});

// A thrown error as the page saw it (kind, offset and, for an unknown result
// code, the code), with the message checked apart.
function thrown(attempt, what) {
  assert.ok(attempt.error, `${what} should throw`);
  const { message, ...error } = attempt.error;
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

frames.forEach((v, i) => {
  test(`framing vector ${v.name}`, () => {
    const got = observed.framing[i];
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
