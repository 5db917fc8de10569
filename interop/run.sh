#!/usr/bin/env bash
# Installs the pinned client SDKs (genlayer-py into a venv under target/,
# genlayer-js with `npm ci` into interop/node_modules), builds the C library
# and runs interop/test_peers.py. Called by scripts/test.sh; reinstalls only
# when a pin changes.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/interop/venv
if ! cmp -s interop/requirements.txt "$venv/installed-requirements.txt"; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r interop/requirements.txt
    cp interop/requirements.txt "$venv/installed-requirements.txt"
fi
if ! cmp -s interop/package-lock.json interop/node_modules/installed-package-lock.json; then
    (cd interop && npm ci --no-audit --no-fund --silent)
    cp interop/package-lock.json interop/node_modules/installed-package-lock.json
fi

cargo build -q -p genvm-calldata-capi
GENVM_CALLDATA_LIB="$PWD/target/debug/libgenvm_calldata.so" "$venv/bin/python" interop/test_peers.py
