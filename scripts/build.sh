#!/usr/bin/env bash
# Configures and builds CreditMTL in ./build (Release, x86-64-v3 unless CREDITMTL_ISA is set).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCREDITMTL_ISA="${CREDITMTL_ISA:-x86-64-v3}" >/dev/null
cmake --build build --parallel "$(nproc)"
