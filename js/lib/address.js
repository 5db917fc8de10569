// The address value: 20 bytes, printed as 0x + 40 lowercase hex digits.

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** A 20-byte address (the calldata address atom). */
export class Address {
  /** @param {Uint8Array} bytes exactly 20 bytes (kept, not copied) */
  constructor(bytes) {
    if (!(bytes instanceof Uint8Array) || bytes.length !== Address.LENGTH) {
      throw new TypeError(`an Address is ${Address.LENGTH} bytes in a Uint8Array`);
    }
    this.bytes = bytes;
  }

  /** Parses 40 hex digits, with or without a leading 0x, in either case. */
  static fromHex(hex) {
    const digits = typeof hex === "string" && /^(0x)?[0-9a-fA-F]{40}$/.test(hex)
      ? hex.slice(hex.length - 40)
      : null;
    if (digits === null) {
      throw new TypeError(`not an address (40 hex digits, optional 0x): ${String(hex)}`);
    }
    const bytes = new Uint8Array(Address.LENGTH);
    for (let i = 0; i < Address.LENGTH; i++) {
      bytes[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
    }
    return new Address(bytes);
  }

  /** 0x + 40 lowercase hex digits. */
  toHex() {
    let hex = "0x";
    for (let i = 0; i < Address.LENGTH; i++) hex += HEX[this.bytes[i]];
    return hex;
  }

  toString() {
    return this.toHex();
  }

  toJSON() {
    return this.toHex();
  }

  /** Whether `other` is an address (anything with 20 `bytes`) with the same bytes. */
  equals(other) {
    const bytes = other?.bytes;
    if (!(bytes instanceof Uint8Array) || bytes.length !== Address.LENGTH) return false;
    for (let i = 0; i < Address.LENGTH; i++) {
      if (bytes[i] !== this.bytes[i]) return false;
    }
    return true;
  }
}

Address.LENGTH = 20;
