#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (GUI suites run on Qt's offscreen platform).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir build --output-on-failure --timeout 900 -j "$(nproc)"
