#!/usr/bin/env bash
# Instruction counts of validate, decode, decode_bytes, decode_document,
# decode_document_bytes and encode on issue 26's payloads, under callgrind,
# against benches/icount.json: fails when a count grows more than 10% over
# its recorded figure.
#
#   bash benches/icount.sh            # check (CI runs this)
#   bash benches/icount.sh --record   # rewrite benches/icount.json (a new
#                                     # toolchain, or a change meant to cost more)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind > /dev/null; then
    apt-get install -y -q valgrind > /dev/null || sudo apt-get install -y -q valgrind > /dev/null
fi
cargo build --release -q -p genvm-calldata-benches --bin icount
if [ "${1:-}" = "--record" ]; then
    target/release/icount record
else
    target/release/icount check
fi
