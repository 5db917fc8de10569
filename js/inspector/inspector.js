// The calldata inspector. Every decoding, validation, printing and schema
// checking step is the genvm-calldata package's; this file only reads the
// input's transport encoding (hex, base64, a file), draws the tree from
// decoded values, the hex view, and a call's arguments beside its method's
// parameters (the schema module is loaded when a schema is first given).

const $ = (id) => document.getElementById(id);

// Inputs the example buttons fill in.
const examples = {
  call: {
    mode: 'value',
    input:
      '{"args":[addr#6a4d2f0b1c7e9d8a5b3c2e1f0a9b8c7d6e5f4a3b,1000000000000000000],' +
      '"kwargs":{"memo":"rent for May","tags":[b#c0ffee,true,null]},"method":"transfer"}',
  },
  // USER_ERROR carrying the data {"code":7,"reason":"limit"}.
  frame: { mode: 'frame', input: '0x01000000001604636f64653906726561736f6e2c6c696d6974' },
  // {"method":"ping","args":[]} with its keys in the wrong order.
  invalid: { mode: 'value', input: '16 06 6d6574686f64 24 70696e67 04 61726773 05' },
};

// The schema the "token schema" button fills in: the contract call example's
// method, whose tags do not take null.
const exampleSchema = JSON.stringify({
  ctor: { params: [['name', 'string']], kwparams: {} },
  methods: {
    balance_of: { params: [['owner', 'address']], kwparams: {}, readonly: true, ret: 'int' },
    transfer: {
      params: [['to', 'address'], ['amount', 'int']],
      kwparams: { memo: 'string', tags: [{ $rep: { $or: ['bytes', 'bool'] } }] },
      readonly: false,
      payable: false,
      ret: 'bool',
    },
  },
}, null, 1);

const ROW = 16; // bytes per hex view row
const MAX_ROWS = 256; // hex view rows drawn; a larger input shows a window
const MAX_CHILDREN = 500; // tree children drawn per container
const MAX_BYTES_SHOWN = 48; // bytes printed in a bytes leaf
const MAX_CHARS_SHOWN = 400; // characters printed in a string leaf

// An input the page cannot read as bytes or text (not a calldata error).
class InputError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

let calldata; // the package, once loaded
let schema = null; // the Schema read from the schema input, if any

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

// Which transport the input is in, for "auto". Hex wins whenever the input is
// all hex digits (pick "text form" or "base64" for a decimal integer or base64
// made of hex letters only).
function detect(raw) {
  const compact = raw.replace(/\s+/g, '');
  if (/^0x[0-9a-f]*$/i.test(compact)) return 'hex';
  if (/^[0-9a-f]*$/i.test(compact) && compact.length % 2 === 0) return 'hex';
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact) && compact.length % 4 === 0 && !/^(null|true)$/.test(compact)) {
    return 'base64';
  }
  return 'text';
}

function parseHex(raw) {
  const digits = raw.replace(/\s+/g, '').replace(/^0x/i, '');
  const bad = digits.search(/[^0-9a-f]/i);
  if (bad >= 0) throw new InputError('not_hex', `"${digits[bad]}" is not a hex digit`);
  if (digits.length % 2) throw new InputError('not_hex', `an odd number of hex digits (${digits.length})`);
  return Uint8Array.from(digits.match(/../g) ?? [], (h) => parseInt(h, 16));
}

// Standard or URL-safe base64, padded or not.
function parseBase64(raw) {
  const compact = raw.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  let binary;
  try {
    binary = atob(compact.padEnd(Math.ceil(compact.length / 4) * 4, '='));
  } catch {
    throw new InputError('not_base64', 'the input is not valid base64');
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

// The bytes the input stands for, read as `as` (hex, base64 or text).
function toBytes(raw, as, mode) {
  if (as === 'hex') return parseHex(raw);
  if (as === 'base64') return parseBase64(raw);
  if (mode === 'frame') {
    throw new InputError('not_bytes', 'a result frame is bytes: paste it as hex or base64, or open a file');
  }
  return calldata.fromText(raw);
}

// What a decoded value is, for the tree.
function describe(value) {
  if (value === null) return { type: 'null', summary: 'null' };
  if (typeof value === 'boolean') return { type: 'bool', summary: String(value) };
  if (typeof value === 'bigint') return { type: 'int', summary: value.toString() };
  if (typeof value === 'string') {
    const shown = value.length > MAX_CHARS_SHOWN ? `${JSON.stringify(value.slice(0, MAX_CHARS_SHOWN))}…` : JSON.stringify(value);
    return { type: 'str', summary: shown, note: value.length > MAX_CHARS_SHOWN ? plural(value.length, 'char', 'chars') : '' };
  }
  if (value instanceof calldata.Address) return { type: 'address', summary: value.toString() };
  if (value instanceof Uint8Array) {
    const shown = toHex(value.subarray(0, MAX_BYTES_SHOWN)) + (value.length > MAX_BYTES_SHOWN ? '…' : '');
    return { type: 'bytes', summary: shown ? `0x${shown}` : '(empty)', note: plural(value.length, 'byte', 'bytes') };
  }
  if (Array.isArray(value)) {
    return { type: 'array', note: plural(value.length, 'item', 'items'), children: value.map((v, i) => [i, v]) };
  }
  if (value instanceof Map) {
    return { type: 'map', note: plural(value.size, 'entry', 'entries'), children: [...value] };
  }
  return { type: 'unknown', summary: String(value) };
}

function keyLabel(key) {
  if (key === undefined) return [];
  if (typeof key === 'number') return [el('span', { class: 'key index' }, `${key}`)];
  return [el('span', { class: 'key' }, JSON.stringify(key)), el('span', { class: 'colon' }, ':')];
}

// One tree node; containers are <details> whose children are drawn when first
// opened, so a large value costs only what is shown.
function treeNode(key, value, depth) {
  const d = describe(value);
  const head = [
    ...keyLabel(key),
    el('span', { class: `type t-${d.type}` }, d.type),
    ...(d.summary !== undefined ? [el('span', { class: `val v-${d.type}` }, d.summary)] : []),
    ...(d.note ? [el('span', { class: 'note' }, d.note)] : []),
  ];
  if (!d.children || d.children.length === 0) {
    return el('li', { class: 'node leaf', 'data-type': d.type }, ...head);
  }
  const details = el('details', {}, el('summary', {}, ...head));
  let filled = false;
  const fill = () => {
    if (filled) return;
    filled = true;
    const list = el('ul');
    for (const [k, v] of d.children.slice(0, MAX_CHILDREN)) list.append(treeNode(k, v, depth + 1));
    if (d.children.length > MAX_CHILDREN) {
      list.append(el('li', { class: 'more' }, `… ${plural(d.children.length - MAX_CHILDREN, 'more', 'more')} not shown`));
    }
    details.append(list);
  };
  details.addEventListener('toggle', () => details.open && fill());
  if (depth < 3) {
    details.open = true;
    fill();
  }
  return el('li', { class: 'node', 'data-type': d.type }, details);
}

// The hex view: offset, bytes and ASCII columns. `bad` is an error offset
// (which may be the end of the input), `code` marks a frame's code byte.
function hexView(bytes, { bad = -1, code = false } = {}) {
  const view = el('div', { class: 'hex-rows' });
  const cells = bytes.length + (bad === bytes.length ? 1 : 0);
  const rows = Math.ceil(cells / ROW);
  let first = 0;
  if (rows > MAX_ROWS && bad >= 0) {
    first = Math.max(0, Math.min(Math.floor(bad / ROW) - MAX_ROWS / 2, rows - MAX_ROWS));
  }
  const last = Math.min(rows, first + MAX_ROWS);
  if (first > 0) view.append(el('div', { class: 'more' }, `… ${plural(first * ROW, 'byte', 'bytes')} before`));
  for (let r = first; r < last; r++) {
    const hexCells = el('span', { class: 'cells' });
    const ascii = el('span', { class: 'ascii' });
    for (let i = r * ROW; i < Math.min(cells, (r + 1) * ROW); i++) {
      const classes = ['byte'];
      if (i === bad) classes.push('bad');
      if (code && i === 0 && bytes.length > 0) classes.push('code');
      const attrs = { 'data-offset': i, title: `offset ${i} (0x${i.toString(16)})` };
      if (i === bytes.length) {
        classes.push('end');
        attrs.title = `end of input, offset ${i}`;
        hexCells.append(el('span', { ...attrs, class: classes.join(' ') }, '··'));
        ascii.append(el('span', { class: classes.join(' ') }, ' '));
      } else {
        const b = bytes[i];
        hexCells.append(el('span', { ...attrs, class: classes.join(' ') }, b.toString(16).padStart(2, '0')));
        ascii.append(el('span', { class: classes.join(' ') }, b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'));
      }
    }
    view.append(el('div', { class: 'hex-row' }, el('span', { class: 'offset' }, (r * ROW).toString(16).padStart(8, '0')), hexCells, ascii));
  }
  if (last < rows) {
    view.append(el('div', { class: 'more' }, `… ${plural(bytes.length - last * ROW, 'more byte', 'more bytes')}`));
  }
  return view;
}

// The input text with the character at `line` and `column` (counted in code
// points, as the package counts them) marked, for text form errors.
function textView(text, error) {
  const lineStart = text.split('\n').slice(0, error.line - 1).reduce((at, l) => at + l.length + 1, 0);
  let at = lineStart;
  for (let c = 1; c < error.column && at < text.length; c++) at += text.codePointAt(at) > 0xffff ? 2 : 1;
  const char = String.fromCodePoint(text.codePointAt(at) ?? 0x2404);
  // A line break or the end of the text is marked with a visible sign.
  const shown = char === '\n' ? '↵\n' : char;
  const mark = el('mark', { class: 'bad', 'data-offset': error.offset }, shown);
  return el('pre', { class: 'text-input' }, text.slice(0, at), mark, text.slice(at + char.length));
}

function clear() {
  for (const id of ['value-pane', 'text-pane', 'hex-pane', 'error', 'call-pane', 'call-error']) $(id).hidden = true;
  for (const id of ['tree', 'text', 'hex', 'status', 'error-kind', 'error-where', 'error-message', 'signature', 'args', 'call-error-kind', 'call-error-message']) {
    $(id).replaceChildren();
  }
}

// The status line: valid or not, how the input was read, its size and facts.
function status(ok, input, ...facts) {
  const size = input.bytes ? [plural(input.bytes.length, 'byte', 'bytes')] : [];
  $('status').replaceChildren(
    el('span', { class: `pill ${ok ? 'ok' : 'fail'}`, id: 'verdict' }, ok ? 'valid' : 'invalid'),
    ...[`read as ${input.as === 'text' ? 'text form' : input.as}`, ...size, ...facts].map((f) => el('span', { class: 'fact' }, f)),
  );
}

function showTree(title, key, value) {
  $('value-title').textContent = title;
  $('tree').replaceChildren(el('ul', { class: 'root' }, treeNode(key, value, 0)));
  $('value-pane').hidden = false;
}

function showText(text) {
  $('text').textContent = text;
  $('text-pane').hidden = false;
}

function showHex(title, bytes, options) {
  $('hex-title').textContent = title;
  $('hex').replaceChildren(hexView(bytes, options));
  $('hex-pane').hidden = false;
}

// An error as the page shows it: kind, position, message and, for calldata
// errors, the offending byte (or character of the text form) marked.
function showError(error, input, mode) {
  const isCalldata = error instanceof calldata.CalldataError;
  $('error-kind').textContent = error instanceof InputError || isCalldata ? error.kind : 'internal';
  $('error-message').textContent = error.message;
  $('error').hidden = false;
  if (isCalldata && input.bytes) {
    $('error-where').textContent = `at byte ${error.offset} (0x${error.offset.toString(16)})`;
    showHex(mode === 'frame' ? 'Frame bytes' : 'Bytes', input.bytes, { bad: error.offset, code: mode === 'frame' });
  } else if (isCalldata) {
    $('error-where').textContent = `at line ${error.line}, column ${error.column} of the text`;
    $('hex-title').textContent = 'Input text';
    $('hex').replaceChildren(textView(input.raw, error));
    $('hex-pane').hidden = false;
  }
  status(false, input);
}

function showValue(input) {
  const value = calldata.decode(input.bytes);
  status(true, input, `type ${describe(value).type}`);
  showTree('Value', undefined, value);
  showText(calldata.toText(input.bytes));
  showHex('Bytes', input.bytes);
  if (schema) showCall(input.bytes);
}

// The call the bytes are, in the ABI generation picked ("auto": the first
// the package reads them as).
function readCall(bytes) {
  const picked = $('abi').value;
  let failure;
  for (const abi of picked === 'auto' ? ['v0.2', 'v0.3'] : [picked]) {
    try {
      return { abi, call: calldata.decodeCall(bytes, { abi }) };
    } catch (error) {
      if (!(error instanceof calldata.MethodCallError)) throw error;
      failure = error;
    }
  }
  return { failure };
}

// Which argument a schema error's path starts at: ["args", index] or
// ["kwargs", name] (paths as spec/schema.md writes them), or null.
function argumentOf(path) {
  const positional = /^args\[(\d+)\]/.exec(path);
  if (positional) return ['args', Number(positional[1])];
  const named = /^kwargs(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[("(?:[^"\\]|\\.)*")\])/.exec(path);
  if (named) return ['kwargs', named[1] ?? JSON.parse(named[2])];
  return null;
}

function callError(kind, message) {
  $('call-error-kind').textContent = kind;
  $('call-error-message').textContent = message;
  $('call-error').hidden = false;
}

// The call pane: the method's signature, then each argument with the
// parameter it sets; the one the schema refuses is marked with the error.
function showCall(bytes) {
  $('call-pane').hidden = false;
  const { abi, call, failure } = readCall(bytes);
  if (!call) {
    $('call-title').textContent = 'Not a method call';
    callError(failure.kind, failure.message);
    return;
  }
  const deployment = call.method === null;
  const method = deployment ? schema.constructor : schema.methods.get(call.method);
  $('call-title').textContent = `${deployment ? 'Deployment · constructor' : `Call · ${call.method}`} · ${abi}`;
  $('signature').textContent = method?.signature ?? `no method ${JSON.stringify(call.method)} in the schema`;
  let refused = null;
  try {
    if (deployment) schema.checkDeployment(bytes, { abi });
    else schema.checkCall(bytes, { abi });
  } catch (error) {
    if (!(error instanceof calldata.SchemaError)) throw error;
    refused = error;
  }
  const at = refused ? argumentOf(refused.path) : null;
  const param = (name) => method?.kwparams.find((p) => p.name === name) ?? method?.params.find((p) => p.name === name);
  const rows = [
    ...call.args.map((value, i) => ({ where: ['args', i], param: method?.params[i], label: `${i}`, value })),
    ...[...call.kwargs].map(([name, value]) => ({ where: ['kwargs', name], param: param(name), label: name, value })),
  ];
  const table = $('args');
  table.append(el('tr', {}, el('th', {}, 'argument'), el('th', {}, 'parameter'), el('th', {}, 'type'), el('th', {}, 'value')));
  let marked = false;
  for (const row of rows) {
    const bad = at !== null && at[0] === row.where[0] && at[1] === row.where[1];
    marked ||= bad;
    const valueCell = el('td', { class: 'arg-value' }, calldata.toText(calldata.encode(row.value)));
    if (bad) valueCell.append(el('span', { class: 'arg-error' }, `${refused.kind}: ${refused.message}`));
    const where = row.where[0] === 'args' ? `args[${row.where[1]}]` : `kwargs ${JSON.stringify(row.where[1])}`;
    table.append(el(
      'tr',
      { class: bad ? 'bad' : row.param ? 'ok' : 'unknown', 'data-where': where },
      el('td', { class: 'arg-where' }, where),
      el('td', { class: 'arg-name' }, row.param?.name ?? '(none)'),
      el('td', { class: 'arg-type' }, row.param?.type ?? ''),
      valueCell,
    ));
  }
  // An error at no argument's row (an unknown method, a missing argument...).
  if (refused && !marked) callError(refused.kind, refused.message);
}

function showFrame(input) {
  // "auto" reads the default generation's frames (v0.2); v0.3's as a sub-VM result.
  const abi = $('abi').value === 'v0.3' ? 'v0.3' : 'v0.2';
  const result = calldata.decodeResult(input.bytes, { abi });
  status(true, input, `code ${result.code}`);
  if ('value' in result) {
    showTree(`Frame · ${result.code} value`, undefined, result.value);
    showText(calldata.toText(calldata.encode(result.value)));
  } else {
    // A message is a plain string: shown as one leaf, and printed as a string.
    showTree(`Frame · ${result.code} message`, undefined, result.message);
  }
  showHex('Frame bytes (code byte first)', input.bytes, { code: true });
}

function render() {
  clear();
  const raw = $('input').value;
  const mode = $('mode').value;
  if (raw.trim() === '') {
    $('status').replaceChildren(el('span', { class: 'fact' }, 'Paste an input above, open a file or pick an example.'));
    return;
  }
  const format = $('format').value;
  const input = { raw, as: format === 'auto' ? detect(raw) : format };
  try {
    input.bytes = toBytes(raw, input.as, mode);
    if (mode === 'frame') showFrame(input);
    else showValue(input);
  } catch (error) {
    clear();
    showError(error, input, mode);
  }
}

async function openFile(file) {
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    $('source').textContent = `${file.name} could not be read: ${error.message}`;
    return;
  }
  $('input').value = `0x${toHex(bytes)}`;
  $('format').value = 'auto';
  $('source').textContent = `${file.name}: ${plural(bytes.length, 'byte', 'bytes')}, shown as hex`;
  render();
}

// Reads the schema input (loading the schema module the first time) and
// redraws; a newer edit supersedes one still loading.
async function readSchema() {
  const text = $('schema').value;
  const shown = $('schema-status');
  document.body.dataset.schema = 'loading';
  schema?.free();
  schema = null;
  shown.className = 'source';
  shown.textContent = '';
  if (text.trim() !== '') {
    try {
      await calldata.Schema.load();
    } catch (error) {
      shown.className = 'source bad';
      shown.textContent = `The schema module did not load (${error.message}).`;
    }
    if ($('schema').value !== text) return;
    try {
      schema = calldata.Schema.fromJson(text);
      shown.textContent = `Schema: ${plural(schema.methods.size, 'method', 'methods')} (${[...schema.methods.keys()].join(', ')})`;
    } catch (error) {
      if (!(error instanceof calldata.SchemaError)) throw error;
      shown.className = 'source bad';
      shown.replaceChildren(el('span', { class: 'error-kind', id: 'schema-error-kind' }, error.kind), error.message);
    }
  }
  render();
  document.body.dataset.schema = schema ? 'ok' : text.trim() === '' ? 'none' : 'bad';
}

async function openSchemaFile(file) {
  try {
    $('schema').value = await file.text();
  } catch (error) {
    $('schema-status').textContent = `${file.name} could not be read: ${error.message}`;
    return;
  }
  await readSchema();
}

function wire() {
  $('schema').addEventListener('input', readSchema);
  $('abi').addEventListener('change', render);
  $('schema-file').addEventListener('change', () => $('schema-file').files[0] && openSchemaFile($('schema-file').files[0]));
  for (const button of document.querySelectorAll('[data-schema-example]')) {
    button.addEventListener('click', () => {
      $('schema').value = exampleSchema;
      readSchema();
    });
  }
  $('input').addEventListener('input', () => {
    $('source').textContent = '';
    render();
  });
  $('format').addEventListener('change', render);
  $('mode').addEventListener('change', render);
  $('file').addEventListener('change', () => $('file').files[0] && openFile($('file').files[0]));
  for (const button of document.querySelectorAll('[data-example]')) {
    button.addEventListener('click', () => {
      const example = examples[button.dataset.example];
      $('input').value = example.input;
      $('mode').value = example.mode;
      $('format').value = 'auto';
      $('source').textContent = '';
      render();
    });
  }
  const zone = $('dropzone');
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (file) openFile(file);
  });
}

async function main() {
  try {
    calldata = await import('../pkg/index.js');
  } catch (error) {
    $('status').replaceChildren(
      el('span', { class: 'pill fail' }, 'not loaded'),
      el('span', { class: 'fact' }, `The wasm package did not load (${error.message}). Build it with "bash js/build.sh" and serve js/ over HTTP.`),
    );
    return;
  }
  wire();
  render();
  document.body.dataset.schema = 'none';
  document.body.dataset.ready = 'true';
}

main();
