#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for SECONDS each on nightly, with
# the stored corpus, the reference project's corpus and the dictionary.
# The tracked corpus is only read: new inputs go to fuzz/new/<target>/
# (ignored), which `bash scripts/fuzz-merge.sh` folds into the tracked corpus.
# Fails on the first crash; libFuzzer leaves the input in fuzz/artifacts/.
#   bash scripts/fuzz.sh 30            # every target, 30 s each
#   bash scripts/fuzz.sh 900 decode    # one target, 15 min
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-30}"
shift || true

rustup toolchain install nightly --profile minimal >/dev/null 2>&1 || true
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

cargo +nightly fuzz build -O
mkdir -p logs
for target in "${targets[@]}"; do
  # libFuzzer writes what it finds into the first corpus folder it is given.
  mkdir -p "new/$target" "corpus/$target"
  echo "== fuzz $target for ${seconds}s"
  log="logs/$target.log"
  if ! cargo +nightly fuzz run -O "$target" "new/$target" "corpus/$target" ../../shared/corpus/genvm-fuzz -- \
    -dict=calldata.dict -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz target $target failed (log: fuzz/$log)"
    exit 1
  fi
  grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)|cov: .* corp: " "$log" | tail -n 4
done
