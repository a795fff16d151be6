#!/usr/bin/env bash
# scripts/build-native.sh - builds the core, the CLI and the tests into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DWARDSHARE_TESTS=ON >/dev/null
cmake --build build -j"$(nproc)"
