// `npm pack` of js/pkg installs into an empty Node project (in a temporary
// folder) and works there: imported by name, it loads its .wasm from its
// own folder and ships its TypeScript declarations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./support.mjs";

test("the packed package installs into an empty project and works", () => {
  const folder = mkdtempSync(join(tmpdir(), "genvm-calldata-pack-"));
  try {
    const run = (command, args, cwd = folder) => execFileSync(command, args, { cwd, encoding: "utf8" });
    const tarball = run("npm", ["pack", "--silent", "--pack-destination", folder, `${root}/js/pkg`]).trim().split("\n").pop();
    const project = join(folder, "project");
    run("mkdir", ["-p", project]);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "empty", private: true, type: "module" }));
    run("npm", ["install", "--no-audit", "--no-fund", "--offline", join(folder, tarball)], project);
    const installed = join(project, "node_modules", "genvm-calldata");
    for (const file of ["index.js", "index.d.ts", "genvm_calldata.wasm", "genvm_calldata_schema.wasm", "package.json", "README.md"]) {
      assert.ok(existsSync(join(installed, file)), `${file} is installed`);
    }
    writeFileSync(join(project, "use.mjs"), `
      import { decode, encode, toText, Address } from "genvm-calldata";
      const bytes = encode({ method: "transfer", args: [new Address(new Uint8Array(20).fill(1)), 5] });
      const value = decode(bytes);
      console.log(JSON.stringify([toText(bytes), value.get("args")[1].toString(), value.get("args")[0].toHex()]));
    `);
    const output = JSON.parse(run("node", ["use.mjs"], project));
    assert.deepEqual(output, [
      `{"args":[addr#${"01".repeat(20)},5],"method":"transfer"}`,
      "5",
      `0x${"01".repeat(20)}`,
    ]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("the codec's .wasm stays under 215 KB, the schema module under 275 KB (the size budgets, js/README.md)", () => {
  const size = statSync(`${root}/js/pkg/genvm_calldata.wasm`).size;
  assert.ok(size < 215_000, `genvm_calldata.wasm is ${size} bytes`);
  const schema = statSync(`${root}/js/pkg/genvm_calldata_schema.wasm`).size;
  assert.ok(schema < 275_000, `genvm_calldata_schema.wasm is ${schema} bytes`);
});
