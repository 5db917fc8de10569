// Runs genlayer-js's calldata codec on requests from interop/test_peers.py.
//
// Reads one JSON request a line on stdin and writes one JSON answer a line:
//   {"op": "encode", "value": V}  ->  {"hex": "..."} or {"error": "..."}
//   {"op": "decode", "hex": "..."} -> {"value": V} or {"error": "..."}
//   {"op": "text", "hex": "..."}   -> {"text": "..."} or {"error": "..."}
// V is test_peers.py's tagged JSON form of a value: null, true, false,
// {"int": "<decimal>"}, {"bytes": "<hex>"}, {"str": "..."}, {"addr": "<hex>"},
// [V, ...] and {"map": [["key", V], ...]}.
import { createInterface } from "node:readline";
import { abi } from "genlayer-js";
import { CalldataAddress } from "genlayer-js/types";
import { bounded } from "./bounded.mjs";

const calldata = abi.calldata;

function fromHex(hex) {
  return Uint8Array.from(Buffer.from(hex, "hex"));
}

function toHex(bytes) {
  return Buffer.from(bytes).toString("hex");
}

// Tagged JSON to the values genlayer-js encodes.
function toPeer(value) {
  if (value === null || value === true || value === false) return value;
  if (Array.isArray(value)) return value.map(toPeer);
  if ("int" in value) return BigInt(value.int);
  if ("bytes" in value) return fromHex(value.bytes);
  if ("str" in value) return value.str;
  if ("addr" in value) return new CalldataAddress(fromHex(value.addr));
  if ("map" in value) return new Map(value.map.map(([key, item]) => [key, toPeer(item)]));
  throw new Error(`not a tagged value: ${JSON.stringify(value)}`);
}

// What genlayer-js decodes, back to tagged JSON.
function fromPeer(value) {
  if (value === null || value === true || value === false) return value;
  if (typeof value === "bigint") return { int: value.toString() };
  if (typeof value === "string") return { str: value };
  if (value instanceof Uint8Array) return { bytes: toHex(value) };
  if (value instanceof CalldataAddress) return { addr: toHex(value.bytes) };
  if (Array.isArray(value)) return value.map(fromPeer);
  if (value instanceof Map) return { map: [...value].map(([key, item]) => [key, fromPeer(item)]) };
  throw new Error(`genlayer-js decoded an unknown value: ${String(value)}`);
}

function decode(hex) {
  return calldata.decode(bounded(fromHex(hex)));
}

function answer(request) {
  switch (request.op) {
    case "encode":
      return { hex: toHex(calldata.encode(toPeer(request.value))) };
    case "decode":
      return { value: fromPeer(decode(request.hex)) };
    case "text":
      return { text: calldata.toString(decode(request.hex)) };
    default:
      throw new Error(`unknown op ${request.op}`);
  }
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  let reply;
  try {
    reply = answer(JSON.parse(line));
  } catch (error) {
    reply = { error: String(error && error.message ? error.message : error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
}
