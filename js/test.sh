#!/usr/bin/env bash
# Builds the npm package (js/build.sh installs what it needs) and runs its
# Node tests. The browser and inspector tests run from tests/browser.sh.
set -euo pipefail
cd "$(dirname "$0")"

bash build.sh
tests=()
for file in tests/*.test.mjs; do
    case "$(basename "$file")" in
        browser* | inspector*) ;;
        *) tests+=("$file") ;;
    esac
done
node --test "${tests[@]}"
