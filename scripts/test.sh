#!/usr/bin/env bash
# scripts/test.sh - installs what is needed, then runs every test: native Catch2 and CLI tests (CTest), the
# wasm module under Node against the native CLI, and the page in headless Chromium (Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "== native: build and CTest"
bash scripts/build-native.sh
(cd build && ctest --output-on-failure -j2)
echo "== native under AddressSanitizer and UndefinedBehaviorSanitizer"
bash scripts/sanitize.sh
echo "== fuzzing the read-and-compute path (bounded)"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
echo "== wasm: build, site and size budgets"
bash scripts/build-wasm.sh
echo "== node: the wasm module"
node --test tests/node/
echo "== browser: the page, PWA and embedding in headless Chromium"
node --test tests/browser/
