#!/usr/bin/env bash
# Checks that the library crates build on the minimum supported Rust version
# (the workspace's `rust-version`), with and without `std`, every feature on.
# The workspace's own lockfile also holds the benchmarks' and tools' newer
# dependencies, so a throwaway crate that depends on the libraries gets a
# lockfile of its own, resolved to versions that support that Rust.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
msrv="$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' "$root/Cargo.toml")"
rustup toolchain install "$msrv" --profile minimal >/dev/null 2>&1

consumer="$(mktemp -d)"
trap 'rm -rf "$consumer"' EXIT
mkdir "$consumer/src"
touch "$consumer/src/lib.rs"
features='"serde", "arbitrary", "num-bigint", "primitive-types"'
for std in true false; do
  # The schema crate needs std (serde_json); it is checked with the std build.
  schema=""
  [ "$std" = true ] && schema="genvm-calldata-schema = { path = \"$root/schema\" }"
  cat >"$consumer/Cargo.toml" <<TOML
[package]
name = "msrv-check"
version = "0.0.0"
edition = "2021"
rust-version = "$msrv"

[dependencies]
genvm-calldata = { path = "$root/codec", default-features = $std, features = [$features] }
genvm-abi = { path = "$root/abi" }
$schema

[workspace]
TOML
  (cd "$consumer" &&
    CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo generate-lockfile -q &&
    CARGO_TARGET_DIR="$root/target/msrv" cargo "+$msrv" check -q)
  echo "builds on Rust $msrv (std: $std)"
done
