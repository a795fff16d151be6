#!/usr/bin/env bash
# scripts/run.sh - installs what is needed, builds, and runs the calculator.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-native.sh >/dev/null
if [ -f scripts/build-wasm.sh ] && [ -f scripts/serve.mjs ]; then
  bash scripts/build-wasm.sh
  exec node scripts/serve.mjs "${PORT:-8080}"
fi
build/wardshare data/examples/basildon-2024.txt
