#!/usr/bin/env bash
# Builds the package's wheel, installs it beside genlayer-py (pinned in
# interop/requirements.txt) into target/python/bench-venv and runs
# benches/python/bench.py; arguments go to it (`--write` updates
# BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash python/wheel.sh target/python/bench-venv interop/requirements.txt
target/python/bench-venv/bin/python benches/python/bench.py "$@"
