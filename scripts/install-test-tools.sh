#!/usr/bin/env bash
# Install the external clients the interop tests drive: pandoc (Debian package)
# and citeproc-js (npm, pinned in tests/interop/package-lock.json).
# Without root or a package manager the tests that need them skip with a reason.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v pandoc >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "tools: installing pandoc (apt-get)"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc) >/dev/null 2>&1 \
            || echo "tools: could not install pandoc; pandoc interop tests will skip"
    else
        echo "tools: pandoc missing and not root; pandoc interop tests will skip"
    fi
fi

if [ -f tests/interop/package-lock.json ]; then
    if command -v npm >/dev/null 2>&1; then
        (cd tests/interop && npm ci --silent --no-audit --no-fund >/dev/null 2>&1) \
            || echo "tools: npm ci failed; citeproc-js interop tests will skip"
    else
        echo "tools: npm missing; citeproc-js interop tests will skip"
    fi
fi
exit 0
