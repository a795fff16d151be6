#!/usr/bin/env bash
# scripts/test.sh - installs what is needed, then runs every test: native Catch2 and CLI tests (CTest),
# the wasm module under Node, and the page in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-native.sh
(cd build && ctest --output-on-failure -j2)
if [ -f scripts/build-wasm.sh ]; then
  bash scripts/build-wasm.sh
  node --test tests/node/
fi
