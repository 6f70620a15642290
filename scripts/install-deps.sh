#!/usr/bin/env bash
# Installs what CreditMTL needs to build and test on Debian 12 (bookworm), only if missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libgl-dev libqt6opengl6-dev qt6-qpa-plugins
  libeigen3-dev libfast-float-dev
  clang libclang-rt-14-dev
  fonts-noto-cjk
  # The end-to-end test (tests/e2e): a virtual X server, a session bus, the accessibility bus and
  # its Python client, xdotool for the mouse, ImageMagick's import for screenshots.
  xvfb xauth dbus-x11 at-spi2-core python3-pyatspi xdotool imagemagick
  # ONNX export (core/export/Onnx*, optional at build time) and its test (tests/export): the ONNX
  # library, and Node.js to run ONNX Runtime (the test installs onnxruntime-node with npm).
  libonnx-dev libprotobuf-dev protobuf-compiler nodejs
  # SAS, Stata and SPSS files (core/statfile): ReadStat for the build; R and haven write the
  # tests' fixtures (tests/core/StatFileFixtures.h).
  libreadstat-dev
  r-base-core r-cran-haven
  # The SQL export's tests (tests/cli/tst_sqlexport.cpp): the query run in SQLite's shell and in a
  # throwaway PostgreSQL server the test starts (initdb, pg_ctl, psql).
  sqlite3 postgresql
  # SQL databases (core/database, --db, predict --out-table): Qt SQL's drivers for SQLite,
  # PostgreSQL and ODBC, the ODBC driver manager and its PostgreSQL and SQLite drivers.
  libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-odbc unixodbc odbc-postgresql libsqliteodbc
  # The gradient-boosting baseline of comparisons (core/train/GradientBoosting, optional at build
  # time): XGBoost's C library.
  libxgboost-dev
  # Data-parallel training over MPI (core/distributed, optional at build time: CREDITMTL_MPI) and
  # its tests (tests/mpi, label mpi): Open MPI's library and mpirun.
  libopenmpi-dev openmpi-bin
)
# npm comes with some Node.js builds (NodeSource's); Debian's nodejs needs the npm package.
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
