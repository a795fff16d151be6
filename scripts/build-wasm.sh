#!/usr/bin/env bash
# scripts/build-wasm.sh - builds the wasm module with Debian's Emscripten and assembles the site in dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten runs its JS tools with /usr/bin/node
emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=MinSizeRel >/dev/null
cmake --build build-wasm -j"$(nproc)" 2>&1 | grep -v "^\[" || true
test -f build-wasm/wasm/wardshare.wasm
node scripts/build-site.mjs
