// The benchmark payloads, built as benches/src/lib.rs builds them: `records`
// (5,000 of them here, with and without their address field) and the
// ~100-byte contract call. Values are in this package's form (Map, bigint,
// Address); `encode` turns them into bytes.
import { Address } from "../pkg/index.js";

const U128_MAX = (1n << 128n) - 1n;

function record(i, withOwner) {
  return new Map([
    ["id", BigInt(i)],
    ["name", `user-${String(i % 100000).padStart(5, "0")}`],
    ...(withOwner ? [["owner", new Address(new Uint8Array(20).fill(i % 251))]] : []),
    ["active", i % 3 === 0],
    ["balance", U128_MAX / BigInt(i + 1)],
    ["tags", ["tag", -BigInt(i) - 1n, null]],
    ["blob", new Uint8Array(32).fill(i % 256)],
  ]);
}

/**
 * 5,000 records of the benches' seven fields (680 KB), or without the
 * address field `owner` (546 KB, the size genlayer-js's speed was first
 * measured on).
 */
export function records({ withOwner = true } = {}) {
  return Array.from({ length: 5000 }, (_, i) => record(i, withOwner));
}

export function contractCall() {
  return new Map([
    ["method", "transfer_with_memo"],
    ["args", [new Address(new Uint8Array(20).fill(0xab)), 1_000_000_000_000n, "invoice 2026-11-24 #1234", true]],
  ]);
}

/**
 * The records as a user would write them: plain objects, fields in
 * declaration order (not sorted), numbers for the ids; `makeAddress` turns
 * 20 bytes into the address class of the encoder measured.
 */
export function plainRecords(makeAddress) {
  return Array.from({ length: 5000 }, (_, i) => ({
    id: i,
    name: `user-${String(i % 100000).padStart(5, "0")}`,
    owner: makeAddress(new Uint8Array(20).fill(i % 251)),
    active: i % 3 === 0,
    balance: U128_MAX / BigInt(i + 1),
    tags: ["tag", -i - 1, null],
    blob: new Uint8Array(32).fill(i % 256),
  }));
}
