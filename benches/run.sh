#!/usr/bin/env bash
# Runs every benchmark and rewrites the results table of BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet matplotlib
cargo bench -p genvm-calldata-benches -p genvm-calldata-cli
python3 benches/report.py
