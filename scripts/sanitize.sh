#!/usr/bin/env bash
# Builds every test with AddressSanitizer + UndefinedBehaviorSanitizer in ./build-asan and runs
# them (a sanitizer report fails the test). The GUI suites run on Qt's offscreen platform.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DCREDITMTL_SANITIZE=address,undefined -DCREDITMTL_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan --parallel "$(nproc)"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# tst_onnx is left out here and runs in the Release suite only: it is a numeric parity test (ONNX
# Runtime against predict within 1e-5), and at -O1 the trainer's different code generation gives
# an attention model whose int_rate (in percent, float32) differs by 1.5e-5 (2026-11-30): a
# shortfall of the parity bound recorded in the README, not a sanitizer finding. The exporters
# themselves do run here: tst_catalogue_export exports models with WoE inputs and the wide path to
# ONNX and SQL, tst_exportdialog exports through the workbench, tst_sqlexport runs the SQL.
# Node is not why: it is not built with the sanitizers (no libasan in `ldd $(which node)`), so it
# ignores the ASAN_OPTIONS and LSAN_OPTIONS it inherits, and no suppression is needed for it;
# LeakSanitizer checks only tst_onnx itself and the creditmtl-cli it starts. What keeps it out is
# the 1e-5 parity bound on models trained at -O1 (float32 arithmetic in predict and ONNX Runtime
# summed in different orders: 1.5e-5 is about 8 float32 steps of a value near 30), not re-measured
# in this session (no sanitizer build was made).
# The MPI tests (label mpi) run in the Release suite only: mpirun starts the ranks as separate
# processes, and Open MPI's own start-up allocations are reported by LeakSanitizer in every rank;
# the trainer's data-parallel code runs here all the same through tst_training's single-process
# communicator.
ctest --test-dir build-asan --output-on-failure --timeout 1200 -j "$(nproc)" -E '^tst_onnx$' -LE '^mpi$'
