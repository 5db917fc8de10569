#!/usr/bin/env bash
# Folds what fuzz campaigns found (fuzz/new/<target>/, ignored) into the
# tracked corpus fuzz/corpus/<target>/, minimized with `cargo fuzz cmin`, and
# empties fuzz/new/<target>/. Every target, or the ones named:
#   bash scripts/fuzz-merge.sh
#   bash scripts/fuzz-merge.sh decode text
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi
for target in "${targets[@]}"; do
  [ -d "new/$target" ] && [ -n "$(ls -A "new/$target")" ] || continue
  before=$(ls "corpus/$target" | wc -l)
  cp -n "new/$target"/* "corpus/$target"/
  cargo +nightly fuzz cmin -O "$target" "corpus/$target" -- -dict=calldata.dict >/dev/null 2>&1
  rm -rf "new/$target"
  echo "$target: $before -> $(ls "corpus/$target" | wc -l) inputs"
done
