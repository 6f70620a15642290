#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer + UndefinedBehaviorSanitizer) in
# ./build-fuzz and fuzzes each reader for CMTL_FUZZ_SECONDS (default 30) from the seed corpora in
# tests/fuzz/corpus. Fails on any finding; the input that caused it is left in build-fuzz/findings.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
seconds="${CMTL_FUZZ_SECONDS:-30}"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCREDITMTL_FUZZ=ON -DCREDITMTL_BUILD_UI=OFF -DCREDITMTL_BUILD_BENCH=OFF >/dev/null
targets=(fuzz_csv fuzz_model fuzz_config fuzz_project)
cmake --build build-fuzz --parallel "$(nproc)" --target "${targets[@]}"
mkdir -p build-fuzz/findings
for target in "${targets[@]}"; do
  corpus="build-fuzz/corpus/${target#fuzz_}"
  mkdir -p "$corpus"
  echo "== $target: ${seconds} s"
  # The working corpus grows in build-fuzz; the seeds in the repository are only read.
  (cd build-fuzz && "./tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
     -malloc_limit_mb=1024 -print_final_stats=1 -artifact_prefix=findings/"$target"- \
     "corpus/${target#fuzz_}" "../tests/fuzz/corpus/${target#fuzz_}" 2>&1 | tail -n 12)
done
