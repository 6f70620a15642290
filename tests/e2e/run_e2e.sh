#!/usr/bin/env bash
# run_e2e.sh WORKBENCH OUTDIR: runs workbench_e2e.py against the real workbench on a virtual X
# server (Xvfb) with a session bus of its own and the AT-SPI accessibility bus, as ctest does.
# Everything it starts (Xvfb, the buses, the workbench, the driver) is one process group under
# `timeout`, which ends the whole group after CMTL_E2E_SECONDS (default 150) if the driver has not
# finished by then; a normal end stops the buses and the server too. Exit code: the driver's (0
# passed, 1 a check failed), 124 on the time limit.
set -u
here=$(cd "$(dirname "$0")" && pwd)
workbench=$1
out=$2
seconds=${CMTL_E2E_SECONDS:-150}
python=${CMTL_E2E_PYTHON:-/usr/bin/python3}
bus_launcher=${CMTL_ATSPI_BUS_LAUNCHER:-/usr/libexec/at-spi-bus-launcher}
rm -rf "$out"
mkdir -p "$out"
export CMTL_E2E_WORKBENCH=$workbench CMTL_E2E_OUT=$out CMTL_E2E_PYTHON=$python CMTL_E2E_DRIVER=$here/workbench_e2e.py
export CMTL_ATSPI_BUS_LAUNCHER=$bus_launcher PYTHONPATH=$here PYTHONDONTWRITEBYTECODE=1
export XDG_RUNTIME_DIR=$out/runtime
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# Inside the X server and the session bus: the AT-SPI bus first (the workbench asks the session bus
# for it when it starts), then the driver, which starts and stops the workbench itself.
inner='
  "$CMTL_ATSPI_BUS_LAUNCHER" --launch-immediately >"$CMTL_E2E_OUT/atspi-bus.log" 2>&1 &
  bus=$!
  trap "kill $bus 2>/dev/null; wait $bus 2>/dev/null" EXIT
  sleep 0.5
  "$CMTL_E2E_PYTHON" "$CMTL_E2E_DRIVER" --workbench "$CMTL_E2E_WORKBENCH" --out "$CMTL_E2E_OUT"
'
timeout --kill-after=5 "$seconds" xvfb-run --auto-servernum --error-file="$out/xvfb.log" \
  --server-args="-screen 0 1600x1000x24 -nolisten tcp" dbus-run-session -- bash -c "$inner"
status=$?
[ $status -eq 124 ] && echo "FAIL: the end-to-end test did not finish within $seconds s (see $out)"
exit $status
