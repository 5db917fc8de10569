// Speed of genvm-calldata against genlayer-js 1.2.0 in one Node run, on the
// records payload (5,000 records: 680 KB, or 546 KB without their address
// field) and the ~100-byte contract call.
// Node's own v8.serialize/deserialize of the same values are shown for scale.
// Usage: node js/bench/run.mjs   (after bash js/build.sh)
import os from "node:os";
import v8 from "node:v8";
import { abi } from "genlayer-js";
import { CalldataAddress } from "genlayer-js/types";
import { Address, decode, encode, validate } from "../pkg/index.js";
import { contractCall, plainRecords, records } from "./payloads.mjs";

const peer = abi.calldata;

/** Best and median milliseconds per call over `rounds` timed rounds of `calls` calls. */
function time(run, { rounds, calls }) {
  for (let i = 0; i < Math.max(3, rounds / 4); i++) for (let j = 0; j < calls; j++) run();
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    for (let j = 0; j < calls; j++) run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6 / calls);
  }
  samples.sort((a, b) => a - b);
  return { best: samples[0], median: samples[samples.length >> 1] };
}

function report(title, size, rows, plan) {
  console.log(`\n${title} (${size.toLocaleString("en")} bytes)`);
  const results = Object.fromEntries(rows.map(([name, run]) => [name, time(run, plan)]));
  const unit = plan.calls > 1 ? "us" : "ms";
  const scale = plan.calls > 1 ? 1000 : 1;
  for (const [name, { best, median }] of Object.entries(results)) {
    const mbps = (size / 1e6) / (best / 1e3);
    console.log(
      `  ${name.padEnd(34)} best ${(best * scale).toFixed(3).padStart(9)} ${unit}` +
        `  median ${(median * scale).toFixed(3).padStart(9)} ${unit}  ${mbps.toFixed(0).padStart(6)} MB/s`,
    );
  }
  return results;
}

function ratio(results, peerName, ourName) {
  return results[peerName].best / results[ourName].best;
}

console.log(`genvm-calldata vs genlayer-js 1.2.0 - ${new Date().toISOString().slice(0, 10)}`);
console.log(`Node ${process.version}, ${os.cpus()[0].model}, ${os.cpus().length} cores, ${os.platform()} ${os.arch()}`);

const summary = [];
for (const [name, value, plan] of [
  ["records", records(), { rounds: 20, calls: 1 }],
  ["records_no_owner", records({ withOwner: false }), { rounds: 20, calls: 1 }],
  ["contract_call", contractCall(), { rounds: 20, calls: 20000 }],
]) {
  const bytes = encode(value);
  const peerValue = peer.decode(bytes);
  const ours = decode(bytes);
  const native = v8.serialize(ours);
  const decoding = report(`${name}: decode`, bytes.length, [
    ["genlayer-js decode", () => peer.decode(bytes)],
    ["genvm-calldata decode", () => decode(bytes)],
    ["genvm-calldata validate", () => validate(bytes)],
    ["v8.deserialize (native, for scale)", () => v8.deserialize(native)],
  ], plan);
  const encoding = report(`${name}: encode`, bytes.length, [
    ["genlayer-js encode", () => peer.encode(peerValue)],
    ["genvm-calldata encode", () => encode(ours)],
    ["genvm-calldata encode (peer's value)", () => encode(peerValue)],
    ["v8.serialize (native, for scale)", () => v8.serialize(ours)],
  ], plan);
  summary.push(
    `${name}: decode ${ratio(decoding, "genlayer-js decode", "genvm-calldata decode").toFixed(1)}x genlayer-js, ` +
      `encode ${ratio(encoding, "genlayer-js encode", "genvm-calldata encode").toFixed(1)}x, ` +
      `validate ${((bytes.length / 1e6) / (decoding["genvm-calldata validate"].best / 1e3)).toFixed(0)} MB/s`,
  );
}
{
  const ours = plainRecords((bytes) => new Address(bytes));
  const theirs = plainRecords((bytes) => new CalldataAddress(bytes));
  const encoding = report("records as plain objects (unsorted keys, number ids): encode", encode(ours).length, [
    ["genlayer-js encode", () => peer.encode(theirs)],
    ["genvm-calldata encode", () => encode(ours)],
  ], { rounds: 20, calls: 1 });
  summary.push(`records as plain objects: encode ${ratio(encoding, "genlayer-js encode", "genvm-calldata encode").toFixed(1)}x genlayer-js`);
}
console.log(`\n${summary.join("\n")}`);
