#!/usr/bin/env bash
# Builds the package's abi3 wheel with `maturin build --release` and installs
# it into the venv VENV (created if missing), with the pinned tools of
# python/requirements.txt and any other REQUIREMENTS files. The venv is made
# afresh only when a requirements file changed; the wheel is rebuilt and
# reinstalled every time, so the tests run what a user would install.
# Usage: bash python/wheel.sh VENV [REQUIREMENTS...]   (paths from the repo root)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$1
shift
requirements=(python/requirements.txt "$@")
export PIP_CACHE_DIR="$PWD/target/python/pip-cache" PIP_DISABLE_PIP_VERSION_CHECK=1

if ! cat "${requirements[@]}" | cmp -s - "$venv/installed-requirements.txt"; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    for file in "${requirements[@]}"; do
        "$venv/bin/pip" install -q -r "$file"
    done
    cat "${requirements[@]}" > "$venv/installed-requirements.txt"
fi

wheels="$venv/wheel"
rm -rf "$wheels"
"$venv/bin/maturin" build --release -m python/Cargo.toml -o "$wheels"
"$venv/bin/pip" install -q --force-reinstall --no-deps "$wheels"/genvm_calldata-*.whl
