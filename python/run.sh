#!/usr/bin/env bash
# Builds the wheel, installs it into target/python/venv and runs the
# package's tests there with pytest (python/tests). Called by
# scripts/test.sh; extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash python/wheel.sh target/python/venv
# From outside the source tree, so `import genvm_calldata` finds the
# installed wheel and a file missing from it fails the tests.
cd target/python
venv/bin/python -m pytest -q -p no:cacheprovider ../../python/tests "$@"
