#!/usr/bin/env bash
# Runs the package in a real browser: the vectors (browser.test.mjs) and the
# inspector page (inspector.test.mjs) in headless Chromium. Installs Debian's
# chromium when it is missing and playwright-core (pinned in package-lock.json)
# when the lock changed, and builds js/pkg (so the tests never see a stale
# package; an unchanged build takes seconds).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! cmp -s tests/package-lock.json tests/node_modules/installed-package-lock.json; then
    (cd tests && npm ci --no-audit --no-fund --silent)
    cp tests/package-lock.json tests/node_modules/installed-package-lock.json
fi
bash build.sh

node --test tests/browser.test.mjs tests/inspector.test.mjs
