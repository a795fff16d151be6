#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [SHAPES_SECONDS] - builds the two libFuzzer harnesses (clang, ASan + UBSan) and runs
# each for a bounded time: fuzz_read_compute over texts, seeded with the test inputs, then fuzz_shapes over
# recipes that write large structured texts (thousands of entries, labels, quotes; counts near 10^15), which
# finds quadratic paths as timeouts. Fails on any crash, leak, timeout, trap or sanitizer report. A fixed
# libFuzzer seed (FUZZ_SEED, default 1) keeps CI reproducible; set another to explore.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shapes_seconds=${2:-60}
mkdir -p build-fuzz/corpus build-fuzz/seeds build-fuzz/shapes-corpus build-fuzz/shapes-seeds
cmake -S . -B build-fuzz/cmake -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWARDSHARE_TESTS=OFF -DWARDSHARE_CLI=OFF -DWARDSHARE_BENCH=OFF \
  -DWARDSHARE_WERROR=OFF -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" >/dev/null
cmake --build build-fuzz/cmake -j"$(nproc)" --target wardshare_core >/dev/null
clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Icore/include \
  tests/fuzz/fuzz_read_compute.cpp build-fuzz/cmake/libwardshare_core.a -o build-fuzz/fuzz_read_compute
clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Icore/include \
  tests/fuzz/fuzz_shapes.cpp build-fuzz/cmake/libwardshare_core.a -o build-fuzz/fuzz_shapes
# seeds: each test input, and each line of the 2024 report on its own
cp tests/corpus/*.txt tests/data/* tests/fuzz/regressions/* build-fuzz/seeds/
split -l 20 -a 4 tests/corpus/tusc-local-elections-2024.txt build-fuzz/seeds/report-
echo "fuzz: ${seconds}s"
build-fuzz/fuzz_read_compute build-fuzz/corpus build-fuzz/seeds -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
  -max_len=65536 -print_final_stats=1 2>&1 | tail -n 12
# recipes to start from: a step of each shape (step, repeat count, its choices), and two that write thousands
printf '\x01\x41\x03\x01\x47\x13\x26' > build-fuzz/shapes-seeds/rows
printf '\x01\x01\x00\x00\x8f\x03\x02\x07\x06' > build-fuzz/shapes-seeds/one-row-thousands-of-entries
printf '\x00\x01\x01\x01\x47\x01\x00\x85\x02\x85\x01\x01' > build-fuzz/shapes-seeds/rows-and-quotes
printf '\x02\x50\x01\x02\x11' > build-fuzz/shapes-seeds/quotes
printf '\x03\x0c\x05\x21\x42' > build-fuzz/shapes-seeds/council
printf '\x04\x07\x09\x33' > build-fuzz/shapes-seeds/wikipedia
printf '\x05\x10\x0b\x16' > build-fuzz/shapes-seeds/name-lines
printf '\x01\x01\x02\x03\x06\x06\x05\x02' > build-fuzz/shapes-seeds/previous
printf '\x07\xbf\x01\x07\xbf\x02' > build-fuzz/shapes-seeds/long-tokens
printf '\x08\x20Fryerns\tX\tLab 1,160; Con 5\n' > build-fuzz/shapes-seeds/raw
printf '\x09\x0b\x1f\x05\x2a\x09\x47\x3c' > build-fuzz/shapes-seeds/declaration
printf '\x09\x05\x01\x47\x13\x26\x5a\x7b\x0c' > build-fuzz/shapes-seeds/cards
printf '\x09\x1a\x05\x21\x42\x13' > build-fuzz/shapes-seeds/titled-csv
printf '\x05\x0b\x0b\x16\x01\x41\x03\x01' > build-fuzz/shapes-seeds/name-lines-box-rows
# and the recipes that found the quadratic paths and overflows fixed before this harness (run on 742b0db)
cp tests/fuzz/shapes-regressions/* build-fuzz/shapes-seeds/
echo "fuzz shapes: ${shapes_seconds}s"
build-fuzz/fuzz_shapes build-fuzz/shapes-corpus build-fuzz/shapes-seeds -seed="${FUZZ_SEED:-1}" -max_total_time="$shapes_seconds" \
  -timeout=10 -rss_limit_mb=4096 -max_len=4096 -print_final_stats=1 2>&1 | tail -n 8
