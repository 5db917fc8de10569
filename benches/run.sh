#!/usr/bin/env bash
# Runs every benchmark and rewrites the results table of BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -p genvm-calldata-benches -p genvm-calldata-cli
python3 benches/report.py
