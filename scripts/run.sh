#!/usr/bin/env bash
# Installs what is missing, builds, and starts the workbench with the Lending Club sample loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
if [ -x build/app/workbench/creditmtl ]; then
  exec build/app/workbench/creditmtl samples/lending_club.csv
fi
# Without the workbench (a build with CREDITMTL_BUILD_UI=OFF): the engine on the same sample.
exec build/app/cli/creditmtl-cli train --data samples/lending_club.csv \
  --task Class:binary:bad --task grade:multiclass --task int_rate:regression --out build/lending_club.cmtl
