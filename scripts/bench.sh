#!/usr/bin/env bash
# scripts/bench.sh - runs every benchmark and writes docs/benchmarks.md (benchmarks are not tests: no
# timing is asserted anywhere).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-native.sh >/dev/null
bash scripts/build-wasm.sh >/dev/null
report=tests/corpus/tusc-local-elections-2024.txt
native=$(build/bench/wardshare_bench "$report" 50)
wasm=$(node bench/wasm.mjs "$report" 50)
browser=$(node bench/browser.mjs)
sizes=$(cat dist/sizes.json)
node bench/write-doc.mjs "$native" "$wasm" "$browser" "$sizes" > docs/benchmarks.md
cat docs/benchmarks.md
