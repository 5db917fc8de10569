#!/usr/bin/env bash
# Installs the pinned client SDKs (genlayer-py into a venv under target/
# beside this repository's Python package, genlayer-js with `npm ci` into
# interop/node_modules) and runs interop/test_peers.py. Called by
# scripts/test.sh; reinstalls the SDKs only when a pin changes.
set -euo pipefail
cd "$(dirname "$0")/.."

# genlayer-py and our package (its wheel, built afresh) in one venv.
venv=target/interop/venv
bash python/wheel.sh "$venv" interop/requirements.txt
if ! cmp -s interop/package-lock.json interop/node_modules/installed-package-lock.json; then
    (cd interop && npm ci --no-audit --no-fund --silent)
    cp interop/package-lock.json interop/node_modules/installed-package-lock.json
fi

"$venv/bin/python" interop/test_peers.py
