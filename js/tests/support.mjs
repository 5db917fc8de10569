// Shared by the package's Node tests: the vectors, hex helpers, a seeded
// random source and a random value generator.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");

export function vectorFile(name) {
  return JSON.parse(readFileSync(`${root}/spec/vectors/${name}.json`, "utf8"));
}

export function vectors(name) {
  return vectorFile(name).vectors;
}

export function fromHex(hex) {
  return Uint8Array.from(Buffer.from(hex, "hex"));
}

export function toHex(bytes) {
  return Buffer.from(bytes).toString("hex");
}

/** A small seeded generator (mulberry32): the same values every run. */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (items) => items[next.int(items.length)];
  next.bytes = (n) => Uint8Array.from({ length: n }, () => next.int(256));
  return next;
}

const CHARACTERS = ["a", "z", "0", " ", "\"", "\\", "\n", "\u0000", "\u007f", "é", "ж", "\u2028", "\ue000", "\uffff", "😀", "𝄞"];

function randomString(rng) {
  let text = "";
  const length = rng.int(8);
  for (let i = 0; i < length; i++) text += rng.pick(CHARACTERS);
  return text;
}

function randomInt(rng) {
  switch (rng.int(4)) {
    case 0:
      return BigInt(rng.int(256) - 128);
    case 1:
      return BigInt(rng.int(2 ** 31)) * BigInt(rng.int(2 ** 31)) * (rng.int(2) ? 1n : -1n);
    case 2:
      return (1n << BigInt(rng.int(200))) - BigInt(rng.int(3)) * (rng.int(2) ? 1n : -1n);
    default:
      return BigInt(`${rng.int(2) ? "-" : ""}${1 + rng.int(9)}${"7".repeat(rng.int(120))}`);
  }
}

/**
 * A random calldata value in this package's decoded form (bigint, Map in
 * key order, `makeAddress` for addresses), nested at most `depth` deep.
 */
export function randomValue(rng, makeAddress, depth = 4) {
  const kind = rng.int(depth > 0 ? 10 : 8);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return rng.int(2) === 1;
    case 2:
    case 3:
      return randomInt(rng);
    case 4:
      return rng.bytes(rng.int(40));
    case 5:
    case 6:
      return randomString(rng);
    case 7:
      return makeAddress(rng.bytes(20));
    case 8:
      return Array.from({ length: rng.int(5) }, () => randomValue(rng, makeAddress, depth - 1));
    default: {
      const entries = new Map();
      for (let i = rng.int(5); i > 0; i--) entries.set(randomString(rng), randomValue(rng, makeAddress, depth - 1));
      return entries;
    }
  }
}
