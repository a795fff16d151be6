#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] - builds the libFuzzer harness (clang, ASan + UBSan) and runs it for a bounded
# time, seeded with the test inputs. Fails on any crash, leak, timeout or sanitizer report. A fixed libFuzzer
# seed (FUZZ_SEED, default 1) keeps CI reproducible; set another to explore.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
mkdir -p build-fuzz/corpus build-fuzz/seeds
cmake -S . -B build-fuzz/cmake -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWARDSHARE_TESTS=OFF -DWARDSHARE_CLI=OFF -DWARDSHARE_BENCH=OFF \
  -DWARDSHARE_WERROR=OFF -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" >/dev/null
cmake --build build-fuzz/cmake -j"$(nproc)" --target wardshare_core >/dev/null
clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Icore/include \
  tests/fuzz/fuzz_read_compute.cpp build-fuzz/cmake/libwardshare_core.a -o build-fuzz/fuzz_read_compute
# seeds: each test input, and each line of the 2024 report on its own
cp tests/corpus/*.txt tests/data/* tests/fuzz/regressions/* build-fuzz/seeds/
split -l 20 -a 4 tests/corpus/tusc-local-elections-2024.txt build-fuzz/seeds/report-
echo "fuzz: ${seconds}s"
build-fuzz/fuzz_read_compute build-fuzz/corpus build-fuzz/seeds -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
  -max_len=65536 -print_final_stats=1 2>&1 | tail -n 12
