#!/usr/bin/env bash
# Builds the npm package genvm-calldata into js/pkg/: the codec compiled to
# wasm32-unknown-unknown and optimized by wasm-opt (npm's binaryen), the
# hand-written JavaScript glue and API (js/lib/), its TypeScript
# declarations, package.json and README. Installs what it needs, pinned,
# each only when missing or changed: nightly's rust-src and the npm tools of
# js/package-lock.json (binaryen; genlayer-js for the tests and benchmark).
set -euo pipefail
cd "$(dirname "$0")"

if ! cmp -s package-lock.json node_modules/installed-package-lock.json; then
    npm ci --no-audit --no-fund --silent
    cp package-lock.json node_modules/installed-package-lock.json
fi

target_dir="$(cargo metadata --format-version 1 --no-deps | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"

# Whole-program optimization for size, except, in the codec's module, its
# hot paths (validation, the single pass the tape is written from), which
# stay at opt-level 3. The standard library is rebuilt (nightly's build-std) with
# panics that abort at once: its panic formatting then stays out of the
# module (31 KB of 164 KB), and no panic is reachable anyway, since every
# export answers with a status code. Nightly and its rust-src are the ones
# .ci/run's Miri uses.
if ! rustup +nightly component list --installed | grep -q '^rust-src'; then
    rustup +nightly component add rust-src
fi
# Two modules: the codec (genvm_calldata.wasm) and, with the crate's feature
# `schema`, contract schemas (genvm_calldata_schema.wasm, loaded only by the
# Schema API; js/README.md, "Size"). Each has a target folder of its own, so
# both stay incremental. Schema checking is not a hot path: that module is
# built at opt-level "z" throughout.
build() {
    local target="$1"
    shift
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
    cargo +nightly build --quiet --release --target wasm32-unknown-unknown -p genvm-calldata-wasm \
        --target-dir "$target" -Z build-std=std,panic_abort \
        --config 'profile.release.lto = true' \
        --config 'profile.release.codegen-units = 1' \
        --config 'profile.release.opt-level = "z"' \
        "$@"
}
build "$target_dir/js-wasm" \
    --config 'profile.release.package.genvm-calldata.opt-level = 3' \
    --config 'profile.release.package.genvm-calldata-wasm.opt-level = 3'
build "$target_dir/js-wasm-schema" --features schema

rm -rf pkg
mkdir -p pkg
node_modules/.bin/wasm-opt -O3 --strip-debug --strip-producers \
    "$target_dir/js-wasm/wasm32-unknown-unknown/release/genvm_calldata_wasm.wasm" -o pkg/genvm_calldata.wasm
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
    "$target_dir/js-wasm-schema/wasm32-unknown-unknown/release/genvm_calldata_wasm.wasm" -o pkg/genvm_calldata_schema.wasm
cp lib/*.js lib/index.d.ts lib/package.json pkg/
cp README.md pkg/README.md
echo "js/pkg: genvm_calldata.wasm is $(wc -c < pkg/genvm_calldata.wasm) bytes," \
    "genvm_calldata_schema.wasm $(wc -c < pkg/genvm_calldata_schema.wasm) bytes"
