#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (GUI suites run on Qt's offscreen platform);
# then the checked builds: the suite again under AddressSanitizer + UndefinedBehaviorSanitizer, and
# each libFuzzer target for CMTL_FUZZ_SECONDS (default 30). CMTL_QUICK=1 skips the checked builds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir build --output-on-failure --timeout 900 -j "$(nproc)"
if [ "${CMTL_QUICK:-0}" != 1 ]; then
  bash scripts/sanitize.sh
  bash scripts/fuzz.sh
fi
