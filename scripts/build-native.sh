#!/usr/bin/env bash
# scripts/build-native.sh - builds the core, the CLI, the benchmark and the tests into build/.
# The core is compiled twice, profile-guided (GCC): once instrumented, which the CLI and the benchmark then run
# over the corpus and the example pastes, and again using that profile (7-10% faster reading and computing:
# docs/benchmarks.md). Other compilers build it once, unguided (CMakeLists.txt); so does WARDSHARE_PGO=0, for a
# quicker edit-build-test loop.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="$PWD/build/pgo"  # where the instrumented build writes the profile and the guided build reads it
configure() { cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DWARDSHARE_TESTS=ON -DWARDSHARE_PGO_DIR="$profile" "$@" >/dev/null; }
if [ "${WARDSHARE_PGO:-1}" = 0 ]; then
  configure -DWARDSHARE_PGO=
  cmake --build build -j"$(nproc)"
  exit
fi
rm -rf "$profile"  # a profile from other sources would not match: always train afresh
configure -DWARDSHARE_PGO=generate
cmake --build build -j"$(nproc)" --target wardshare wardshare_bench
# training: the whole report through every phase the benchmark times (parse, line cache, compute, reuse,
# JSON, summary), then each example paste through the CLI's outputs
build/bench/wardshare_bench tests/corpus/tusc-local-elections-2024.txt 5 >/dev/null
for f in tests/corpus/*.txt data/examples/* tests/data/*; do
  case "$f" in *.md) continue ;; esac
  for out in "" --json "--summary --json" --csv; do
    # shellcheck disable=SC2086 # $out is zero, one or two options
    build/wardshare $out "$f" >/dev/null 2>&1 || true  # a paste with errors exits non-zero by design
  done
done
configure -DWARDSHARE_PGO=use
cmake --build build -j"$(nproc)"
