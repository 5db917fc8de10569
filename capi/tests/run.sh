#!/usr/bin/env bash
# Builds the C library, runs the C test over spec/vectors/ under valgrind
# (leaks and bad accesses fail), links the static library too, and checks
# the headers against the library's exports. Called by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -q -p genvm-calldata-capi
out=target/capi-test
mkdir -p "$out"
cc=${CC:-cc}
flags=(-std=c11 -Wall -Wextra -Werror -pedantic -Icapi/include)
"$cc" "${flags[@]}" -g capi/tests/vectors.c -Ltarget/debug -lgenvm_calldata \
    -Wl,-rpath,"$PWD/target/debug" -o "$out/vectors"
"$cc" "${flags[@]}" capi/tests/vectors.c target/debug/libgenvm_calldata.a \
    -lpthread -ldl -lm -o "$out/vectors-static"
python3 capi/tests/vector_lines.py > "$out/vectors.txt"
"$out/vectors-static" < "$out/vectors.txt"
if ! command -v valgrind > /dev/null; then
    apt-get install -y -q valgrind > /dev/null || sudo apt-get install -y -q valgrind > /dev/null
fi
valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    "$out/vectors" < "$out/vectors.txt"
python3 capi/tests/header.py target/debug/libgenvm_calldata.so
