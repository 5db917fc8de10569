#!/usr/bin/env bash
# Runs every test of the workspace. Installs what the tests need first, so it
# works on a fresh machine with only rustup, Python 3 (with venv), Node.js
# (with npm) and a C compiler, and with PyPI and npm reachable.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target add wasm32-unknown-unknown wasm32-wasip1 >/dev/null

# Generated files are what their generators write.
python3 spec/vectors/gen_calldata.py --check
python3 spec/vectors/gen_framing.py --check
python3 spec/vectors/gen_host_calls.py --check
python3 spec/vectors/gen_method_calls.py --check
python3 spec/vectors/gen_schema.py --check
python3 spec/vectors/gen_results.py --check
python3 spec/vectors/gen_typed.py --check
python3 abi/generate.py --check

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# Every stored fuzz input, replayed through its target's checks on stable.
cargo test --manifest-path fuzz/Cargo.toml -p genvm-calldata-fuzz-checks --test replay 2>&1 | tee "$log"

# Every unit, integration and doc test, with the ones a plain `cargo test`
# skips (#[ignore = "needs ..."]) because they need ../shared (the reference
# project's fuzz corpus), python3, node, a C compiler or the wasm32-wasip1
# target, all of which this script has.
cargo test --workspace -- --include-ignored 2>&1 | tee -a "$log"

# The C ABI from C (under valgrind, shared and static).
bash capi/tests/run.sh 2>&1 | tee -a "$log"

# The Python package: its wheel (maturin build --release) installed into a
# venv under target/ with its pinned tools, and its pytest suite run there.
bash python/run.sh 2>&1 | tee -a "$log"

# The client SDKs genlayer-py and genlayer-js side by side with us (installs
# them at their pinned versions).
bash interop/run.sh 2>&1 | tee -a "$log"

# The npm package genvm-calldata: builds js/pkg (installing the wasm target
# and its pinned npm tools when missing), then its Node tests (vectors,
# genlayer-js side by side, bad values, memory, npm pack).
bash js/test.sh 2>&1 | tee -a "$log"

# The npm package in headless Chromium (every vector) and the inspector page
# (installs Debian's chromium and playwright-core when missing).
bash js/tests/browser.sh 2>&1 | tee -a "$log"

# One closing line for the whole run (cargo's last line is often a crate
# with no doc tests); each C program run and each Python test counts as one.
awk '/^test result:/ { passed += $4; failed += $6 }
     /^C ABI: .* checks, 0 failed$/ { passed += 1 }
     /^C ABI: .* checks, [1-9][0-9]* failed$/ { failed += 1 }
     /^Ran [0-9]+ tests? in/ { passed += $2 }
     /^[0-9]+ (passed|failed|errors?)(,| in )/ { for (i = 1; i < NF; i++) {
         if ($(i + 1) ~ /^passed/) passed += $i; if ($(i + 1) ~ /^(failed|errors?)/) failed += $i } }
     /^# pass [0-9]+$/ { passed += $3 } /^# fail [0-9]+$/ { failed += $3 } END { print passed " passed, " failed " failed" }' "$log"
