// A JSON-friendly description of a decoded value: the JS type of every node
// and its content, so a value decoded in the browser can be compared with the
// same bytes decoded in Node.
export function shape(value, Address) {
  if (value === null) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return { int: value.toString() };
  if (value instanceof Uint8Array) return { bytes: hex(value) };
  if (value instanceof Address) return { address: value.toString(), bytes: hex(value.bytes) };
  if (Array.isArray(value)) return value.map((v) => shape(v, Address));
  if (value instanceof Map) return { map: [...value].map(([k, v]) => [k, shape(v, Address)]) };
  return { unexpected: Object.prototype.toString.call(value) };
}

export const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
export const unhex = (s) => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
