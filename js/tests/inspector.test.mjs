// The calldata inspector page (js/inspector/) in headless Chromium: inputs are
// typed into it and what it shows is read back from the page and checked
// against the vector files and the package run in Node. Ends with a
// screenshot of the page, js/inspector/screenshot.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as calldata from '../pkg/index.js';
import { launch, open } from './browser/chromium.mjs';
import { serve } from './browser/server.mjs';
import { hex, unhex } from './browser/shape.mjs';

const file = (name) => JSON.parse(readFileSync(new URL(`../../spec/vectors/${name}.json`, import.meta.url), 'utf8'));
const load = (name) => file(name).vectors;
const schemas = file('schema');
const values = load('calldata');
const frames = load('framing');
const vector = (name) => values.find((v) => v.name === name);

let server;
let browser;
let page;
let problems;

before(async () => {
  server = await serve();
  browser = await launch();
  ({ page, problems } = await open(browser, `${server.url}/inspector/`));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForSelector('body[data-ready]');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Puts an input into the page as a user would (mode and format first).
async function enter(input, { mode = 'value', format = 'auto' } = {}) {
  await page.selectOption('#mode', mode);
  await page.selectOption('#format', format);
  await page.fill('#input', input);
}

// What the page shows, read from its DOM.
function shown() {
  return page.evaluate(() => {
    const text = (sel) => document.querySelector(sel)?.textContent ?? null;
    const visible = (id) => !document.getElementById(id).hidden;
    const marked = [...document.querySelectorAll('#hex .bad')].filter((e) => e.dataset.offset !== undefined);
    return {
      verdict: text('#verdict'),
      facts: [...document.querySelectorAll('#status .fact')].map((e) => e.textContent),
      error: visible('error') ? { kind: text('#error-kind'), where: text('#error-where'), message: text('#error-message') } : null,
      text: visible('text-pane') ? text('#text') : null,
      hexShown: visible('hex-pane'),
      marked: marked.map((e) => ({ offset: Number(e.dataset.offset), content: e.textContent })),
      code: [...document.querySelectorAll('#hex .cells .code')].map((e) => Number(e.dataset.offset)),
      tree: [...document.querySelectorAll('#tree .node')].map((node) => {
        const head = node.querySelector(':scope > details > summary') ?? node;
        const part = (sel) => head.querySelector(`:scope > ${sel}`)?.textContent ?? null;
        return { key: part('.key'), type: part('.type'), val: part('.val'), note: part('.note') };
      }),
    };
  });
}

test('a valid value: its tree with types, its text form and size', async () => {
  const input =
    '{"a":[1,-2],"b":b#00ff,"c":"hi","d":addr#00112233445566778899aabbccddeeff00112233,"e":null,"f":true,"g":{}}';
  await enter(input);
  const got = await shown();
  assert.equal(got.verdict, 'valid');
  assert.equal(got.error, null);
  assert.deepEqual(got.facts.slice(0, 2), ['read as text form', `${calldata.fromText(input).length} bytes`]);
  assert.equal(got.text, input);
  assert.deepEqual(
    got.tree.map(({ key, type, val }) => [key, type, val]),
    [
      [null, 'map', null],
      ['"a"', 'array', null],
      ['0', 'int', '1'],
      ['1', 'int', '-2'],
      ['"b"', 'bytes', '0x00ff'],
      ['"c"', 'str', '"hi"'],
      ['"d"', 'address', '0x00112233445566778899aabbccddeeff00112233'],
      ['"e"', 'null', 'null'],
      ['"f"', 'bool', 'true'],
      ['"g"', 'map', null],
    ],
  );
  assert.deepEqual(got.tree.filter((n) => n.note).map((n) => n.note), ['7 entries', '2 items', '2 bytes', '0 entries']);
  assert.equal(got.marked.length, 0);
});

test('a container folds and unfolds', async () => {
  const summary = page.locator('#tree .node[data-type="array"] > details > summary');
  const firstItem = page.locator('#tree .node[data-type="array"] li').first();
  assert.equal(await firstItem.isVisible(), true);
  await summary.click();
  assert.equal(await firstItem.isVisible(), false);
  await summary.click();
  assert.equal(await firstItem.isVisible(), true);
});

test('hex with 0x and spaces, and base64, read as the same value', async () => {
  const v = vector('contract_call');
  const bytes = unhex(v.hex);
  const spaced = `0x${v.hex.match(/.{1,8}/g).join(' ')}\n`;
  for (const [input, as] of [
    [spaced, 'hex'],
    [Buffer.from(bytes).toString('base64'), 'base64'],
  ]) {
    await enter(input);
    const got = await shown();
    assert.equal(got.verdict, 'valid', as);
    assert.deepEqual(got.facts.slice(0, 2), [`read as ${as}`, `${bytes.length} bytes`]);
    assert.equal(got.text, v.text);
  }
});

test('typed key by key: the page follows the keyboard', async () => {
  await enter('');
  await page.locator('#input').pressSequentially('[1,"x"]');
  const got = await shown();
  assert.equal(got.verdict, 'valid');
  assert.equal(got.text, '[1,"x"]');
  assert.deepEqual(got.tree.map((n) => n.type), ['array', 'int', 'str']);
});

test('every invalid calldata vector: its error kind and the offending byte marked', async () => {
  for (const v of values.filter((v) => 'error' in v)) {
    // 0x: an empty textarea is no input, "0x" is zero bytes.
    await enter(`0x${v.hex}`, { format: 'hex' });
    const got = await shown();
    assert.equal(got.verdict, 'invalid', v.name);
    assert.equal(got.error.kind, v.error, v.name);
    assert.match(got.error.where, new RegExp(`^at byte ${v.offset} `), v.name);
    // The end of the input is marked as such when the error is there.
    const content = v.offset * 2 < v.hex.length ? v.hex.slice(v.offset * 2, v.offset * 2 + 2) : '··';
    assert.deepEqual(got.marked, [{ offset: v.offset, content }], v.name);
    assert.equal(got.tree.length, 0, v.name);
  }
});

test('a text form error: kind, line and column, and the character marked', async () => {
  const input = '{"method":"ping",\n "args":[1,,2]}';
  let expected;
  try {
    calldata.fromText(input);
  } catch (e) {
    expected = e;
  }
  assert.ok(expected instanceof calldata.CalldataError);
  await enter(input);
  const got = await shown();
  assert.equal(got.verdict, 'invalid');
  assert.equal(got.error.kind, expected.kind);
  assert.equal(got.error.where, `at line ${expected.line}, column ${expected.column} of the text`);
  // The input is ASCII: the error's byte offset is also the character's index.
  assert.deepEqual(got.marked.map((m) => [m.offset, m.content[0]]), [[expected.offset, input[expected.offset].replace('\n', '↵')]]);
});

test('an input that is not hex or base64 gets an input error, not a crash', async () => {
  for (const [input, format, kind] of [
    ['0x12 3g', 'hex', 'not_hex'],
    ['abc', 'hex', 'not_hex'],
    ['a*b=', 'base64', 'not_base64'],
    ['{"a":1}', 'text', null],
  ]) {
    await enter(input, { mode: kind ? 'value' : 'frame', format });
    const got = await shown();
    assert.equal(got.verdict, 'invalid', input);
    assert.equal(got.error.kind, kind ?? 'not_bytes', input);
    assert.ok(got.error.message.length > 0, input);
  }
});

// The result decodeResult should give for a valid frame vector, as shown.
function expectedFrame(v) {
  const code = v.kind === 'user_error_data' ? 'user_error' : v.kind;
  return 'text' in v ? { code, text: v.text } : { code, message: JSON.stringify(v.message) };
}

test('every framing vector in "result frame" mode', async () => {
  for (const v of frames) {
    await enter(`0x${v.hex}`, { mode: 'frame', format: 'hex' });
    const got = await shown();
    if ('kind' in v) {
      const expected = expectedFrame(v);
      assert.equal(got.verdict, 'valid', v.name);
      assert.ok(got.facts.includes(`code ${expected.code}`), v.name);
      assert.deepEqual(got.code, [0], v.name);
      if (expected.text !== undefined) {
        assert.equal(got.text, expected.text, v.name);
      } else {
        assert.deepEqual([got.tree.length, got.tree[0].type, got.tree[0].val], [1, 'str', expected.message], v.name);
      }
    } else {
      assert.equal(got.verdict, 'invalid', v.name);
      assert.equal(got.error.kind, v.error === 'calldata' ? v.calldata_error : v.error, v.name);
      if ('offset' in v) assert.equal(got.marked[0]?.offset, v.offset, v.name);
    }
  }
});

test('every v0.3 subvm framing vector with ABI v0.3', async () => {
  await page.selectOption('#abi', 'v0.3');
  for (const v of file('framing').vectors_v0_3.filter((v) => v.context === 'subvm')) {
    await enter(`0x${v.hex}`, { mode: 'frame', format: 'hex' });
    const got = await shown();
    if ('kind' in v) {
      const expected = expectedFrame(v);
      assert.equal(got.verdict, 'valid', v.name);
      assert.ok(got.facts.includes(`code ${expected.code}`), v.name);
      if (expected.text !== undefined) assert.equal(got.text, expected.text, v.name);
    } else {
      assert.equal(got.verdict, 'invalid', v.name);
      assert.equal(got.error.kind, v.error === 'calldata' ? v.calldata_error : v.error, v.name);
    }
  }
  await page.selectOption('#abi', 'auto');
});

test('a dropped file and an opened file are read as bytes', async () => {
  const v = vector('contract_call');
  await enter('');
  await page.evaluate(({ hex, name }) => {
    const transfer = new DataTransfer();
    const bytes = Uint8Array.from(hex.match(/../g), (h) => parseInt(h, 16));
    transfer.items.add(new File([bytes], name));
    document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { hex: v.hex, name: 'dropped.bin' });
  await page.waitForFunction(() => document.getElementById('source').textContent !== '');
  let got = await shown();
  assert.equal(got.verdict, 'valid');
  assert.equal(got.text, v.text);
  assert.match(await page.textContent('#source'), /^dropped\.bin: /);

  const other = vector('map_nested');
  await page.setInputFiles('#file', { name: 'opened.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(unhex(other.hex)) });
  await page.waitForFunction(() => document.getElementById('source').textContent.startsWith('opened.bin'));
  got = await shown();
  assert.equal(got.text, other.text);
  assert.equal(await page.inputValue('#input'), `0x${hex(unhex(other.hex))}`);
});

// The call pane as the page shows it.
function shownCall() {
  return page.evaluate(() => {
    const pane = document.getElementById('call-pane');
    if (pane.hidden) return null;
    const error = document.getElementById('call-error');
    return {
      title: document.getElementById('call-title').textContent,
      signature: document.getElementById('signature').textContent,
      error: error.hidden ? null : { kind: error.querySelector('.error-kind').textContent, message: error.querySelector('.call-error-message').textContent },
      rows: [...document.querySelectorAll('#args tr[data-where]')].map((row) => ({
        where: row.dataset.where,
        state: row.className,
        name: row.querySelector('.arg-name').textContent,
        type: row.querySelector('.arg-type').textContent,
        error: row.querySelector('.arg-error')?.textContent ?? null,
      })),
    };
  });
}

// Puts a schema into the page and waits until it is read ("ok", "bad" or "none").
async function enterSchema(text) {
  await page.fill('#schema', text);
  await page.waitForFunction(() => ['ok', 'bad', 'none'].includes(document.body.dataset.schema));
}

// Which argument row a schema error's path names, as the page labels rows.
function rowOf(path) {
  const positional = /^args\[(\d+)\]/.exec(path);
  if (positional) return `args[${positional[1]}]`;
  const named = /^kwargs(?:\.([A-Za-z_]\w*)|\[("(?:[^"\\]|\\.)*")\])/.exec(path);
  return named ? `kwargs ${JSON.stringify(named[1] ?? JSON.parse(named[2]))}` : null;
}

test('a schema: every call vector shows its signature and named arguments, the one that does not fit marked', async () => {
  await enterSchema(schemas.contracts.token);
  await page.waitForSelector('body[data-schema="ok"]');
  assert.match(await page.textContent('#schema-status'), /^Schema: 10 methods \(balance_of, batch, /);
  const token = calldata.Schema.fromJson(schemas.contracts.token);
  const tree = calldata.Schema.fromJson(schemas.contracts.tree);
  let current = 'token';
  let checked = 0;
  for (const v of schemas.calls) {
    if (v.strict) continue;
    const bytes = unhex(v.hex);
    let call = null;
    try {
      call = calldata.decodeCall(bytes, { abi: v.generation });
    } catch {}
    // The page reads an unnamed call as a deployment, a named one as a call.
    if (call && (call.method === null) !== Boolean(v.deployment)) continue;
    if (v.contract !== current) {
      await enterSchema(schemas.contracts[v.contract]);
      await page.waitForSelector('body[data-schema="ok"]');
      current = v.contract;
    }
    await page.selectOption('#abi', v.generation);
    await enter(`0x${v.hex}`, { format: 'hex' });
    const got = await shown();
    const pane = await shownCall();
    if (v.error === 'not_calldata') {
      assert.equal(got.verdict, 'invalid', v.name);
      assert.equal(pane, null, v.name);
      continue;
    }
    assert.equal(got.verdict, 'valid', v.name);
    if (v.error === 'not_a_call') {
      assert.deepEqual([pane.title, pane.error.kind], ['Not a method call', v.call_error], v.name);
      continue;
    }
    const schema = v.contract === 'token' ? token : tree;
    const method = call.method === null ? schema.constructor : schema.methods.get(call.method);
    assert.equal(pane.signature, method?.signature ?? `no method ${JSON.stringify(call.method)} in the schema`, v.name);
    assert.equal(pane.rows.length, call.args.length + call.kwargs.size, v.name);
    call.args.forEach((_, i) => assert.equal(pane.rows[i].name, method?.params[i]?.name ?? '(none)', v.name));
    const bad = pane.rows.filter((r) => r.state === 'bad');
    if (!('error' in v)) {
      assert.deepEqual([bad, pane.error], [[], null], v.name);
    } else if (rowOf(v.path) && pane.rows.some((r) => r.where === rowOf(v.path))) {
      assert.deepEqual(bad.map((r) => r.where), [rowOf(v.path)], v.name);
      assert.ok(bad[0].error.startsWith(`${v.error}: ${v.path}: `), `${v.name}: ${bad[0].error}`);
      assert.equal(pane.error, null, v.name);
    } else {
      assert.equal(bad.length, 0, v.name);
      assert.equal(pane.error.kind, v.error, v.name);
    }
    checked++;
  }
  assert.ok(checked >= 30, `${checked} calls shown`);
  token.free();
  tree.free();
  await page.selectOption('#abi', 'auto');
});

test('a schema that does not read shows its error kind and path; an opened schema file is read', async () => {
  const bad = schemas.schemas.find((v) => v.error === 'unknown_type' && v.path !== '');
  await enterSchema(bad.schema);
  await page.waitForSelector('body[data-schema="bad"]');
  assert.equal(await page.textContent('#schema-error-kind'), bad.error);
  assert.match(await page.textContent('#schema-status'), new RegExp(`^${bad.error}${bad.path.replace(/[[\]$.]/g, '\\$&')}: `));
  await page.setInputFiles('#schema-file', { name: 'tree.json', mimeType: 'application/json', buffer: Buffer.from(schemas.contracts.tree) });
  await page.waitForSelector('body[data-schema="ok"]');
  assert.equal(await page.inputValue('#schema'), schemas.contracts.tree);
  assert.match(await page.textContent('#schema-status'), /^Schema: 1 method \(insert\)/);
  await enterSchema('');
  await page.waitForSelector('body[data-schema="none"]');
  await enter('{"args":[],"method":"insert"}');
  assert.equal(await shownCall(), null);
});

test('the page reported no error of its own', () => {
  assert.deepEqual(problems, []);
});

test('screenshot of the contract call example, with the example schema', async () => {
  await page.click('button[data-example="call"]');
  await page.click('button[data-schema-example="token"]');
  await page.waitForSelector('body[data-schema="ok"]');
  const got = await shown();
  assert.equal(got.verdict, 'valid');
  assert.ok(got.tree.length > 1);
  const pane = await shownCall();
  assert.equal(pane.signature, 'write transfer(to: address, amount: int, *, memo: string, tags: list[bytes | bool]) -> bool');
  assert.deepEqual(pane.rows.map((r) => [r.where, r.name, r.state]), [
    ['args[0]', 'to', 'ok'],
    ['args[1]', 'amount', 'ok'],
    ['kwargs "memo"', 'memo', 'ok'],
    ['kwargs "tags"', 'tags', 'bad'],
  ]);
  assert.equal(pane.rows[3].error, 'type_mismatch: kwargs.tags[2]: expected bytes | bool, found null');
  // No focus ring or hover on the button just clicked; the page's own height.
  await page.evaluate(() => document.activeElement.blur());
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 1280, height: 660 });
  await page.screenshot({ path: new URL('../inspector/screenshot.png', import.meta.url).pathname, fullPage: true });
});
