#!/usr/bin/env bash
# Would an ensemble of different models lift the default AUC on the Lending Club sample? Measured
# on the 10 stratified 80/20 splits of scripts/tune_splits.sh (its train_SEED.csv and
# test_SEED.csv in SPLITS): the default settings; the regularised linear model (tune's second
# starting candidate); both with every feature as a WoE input (--woe all); the defaults trained on
# 5 random 80% subsamples of the training part (seeds 1-5). Each is trained on the training part
# and scores the test part (`predict`); blends average the members' log-odds of Class = bad. Prints
# each model's and each blend's default AUC, mean +- sd over the splits, and the paired difference
# to the defaults (mean +- sd, splits better and worse).
#
#   scripts/blend_splits.sh [--splits DIR] [--build DIR] [--out DIR]
#
# Runs under `nice`; needs Debian's python3-sklearn and python3-pandas. Training is deterministic
# for a seed, so a second run prints the same figures.
set -euo pipefail
cd "$(dirname "$0")/.."

SPLITS=build/tune_splits
BUILD=build
OUT=build/blend_splits
while [ $# -gt 0 ]; do
    case "$1" in
    --splits) SPLITS="$2"; shift 2 ;;
    --build) BUILD="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "usage: $0 [--splits DIR] [--build DIR] [--out DIR]" >&2; exit 2 ;;
    esac
done
PYTHON=/usr/bin/python3
"$PYTHON" -c 'import sklearn, pandas' 2>/dev/null ||
    { echo "needs python3-sklearn and python3-pandas: apt-get install python3-sklearn python3-pandas" >&2; exit 1; }
for seed in 0 1 2 3 4 5 6 7 8 9; do
    [ -s "$SPLITS/train_$seed.csv" ] && [ -s "$SPLITS/test_$seed.csv" ] ||
        { echo "$SPLITS has no train_$seed.csv / test_$seed.csv: run scripts/tune_splits.sh first" >&2; exit 1; }
done
cmake --build "$BUILD" --target creditmtl-cli >/dev/null
CLI="$BUILD/app/cli/creditmtl-cli"
mkdir -p "$OUT"
TASKS=(--task Class:binary:bad --task grade:multiclass --task int_rate:regression)
LINEAR=(--hidden none --l2 1e-2 --lr 3e-3 --epochs 100 --patience 0 --validation-fraction 0)

# member NAME SEED TRAIN-FILE [train flags]: trains on TRAIN-FILE, scores test_SEED.csv.
member() {
    local name=$1 seed=$2 train=$3
    shift 3
    nice "$CLI" train --data "$train" --test "$SPLITS/test_$seed.csv" "${TASKS[@]}" "$@" \
        --out "$OUT/${name}_$seed.cmtl" >"$OUT/${name}_$seed.log"
    nice "$CLI" predict --model "$OUT/${name}_$seed.cmtl" --data "$SPLITS/test_$seed.csv" \
        --out "$OUT/p_${name}_$seed.csv" >/dev/null
}
for seed in 0 1 2 3 4 5 6 7 8 9; do
    train="$SPLITS/train_$seed.csv"
    member default "$seed" "$train"
    member linear "$seed" "$train" "${LINEAR[@]}"
    member woe_default "$seed" "$train" --woe all
    member woe_linear "$seed" "$train" --woe all "${LINEAR[@]}"
    for sub in 1 2 3 4 5; do
        "$PYTHON" - "$train" "$OUT/sub.csv" $((sub * 100 + seed)) <<'PY'
import random, sys
with open(sys.argv[1], newline="") as f:
    lines = f.read().splitlines(keepends=True)
random.seed(int(sys.argv[3]))
kept = sorted(random.sample(range(1, len(lines)), int(0.8 * (len(lines) - 1))))
with open(sys.argv[2], "w", newline="") as f:
    f.write(lines[0])
    f.writelines(lines[i] for i in kept)
PY
        member "sub$sub" "$seed" "$OUT/sub.csv" --seed "$sub"
    done
    rm -f "$OUT/sub.csv"
    echo "split $seed trained" >&2
done

"$PYTHON" - "$SPLITS" "$OUT" <<'PY'
import sys
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

splits, out = sys.argv[1], sys.argv[2]
def log_odds(name, seed):
    p = pd.read_csv(f"{out}/p_{name}_{seed}.csv")["Class.probability"].to_numpy()
    return np.log(p / (1 - p))
models = {
    "defaults": ["default"], "linear": ["linear"], "WoE defaults": ["woe_default"], "WoE linear": ["woe_linear"],
    "defaults + linear": ["default", "linear"], "defaults + WoE defaults": ["default", "woe_default"],
    "defaults + WoE linear": ["default", "woe_linear"],
    "defaults + linear + both WoE": ["default", "linear", "woe_default", "woe_linear"],
    "5 subsamples (80%)": [f"sub{k}" for k in range(1, 6)],
    "5 subsamples + defaults": ["default"] + [f"sub{k}" for k in range(1, 6)],
}
auc = {name: [] for name in models}
for seed in range(10):
    y = (pd.read_csv(f"{splits}/test_{seed}.csv")["Class"] == "bad").astype(int)
    for name, members in models.items():
        auc[name].append(roc_auc_score(y, np.mean([log_odds(m, seed) for m in members], axis=0)))
base = np.array(auc["defaults"])
print(f"{'model':32s} {'AUC mean +- sd':>17s}   {'paired - defaults':>19s}  better worse")
for name, values in auc.items():
    values = np.array(values)
    d = values - base
    print(f"{name:32s} {values.mean():.4f} +- {values.std(ddof=1):.4f}   {d.mean():+.4f} +- {d.std(ddof=1):.4f}"
          f"  {np.sum(d > 1e-4):6d} {np.sum(d < -1e-4):5d}")
PY
