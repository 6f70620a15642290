#!/usr/bin/env bash
# The tuning target of issue 18, measured: on samples/lending_club.csv, for each of the 10
# stratified 80/20 splits (scikit-learn's train_test_split(test_size=0.2, random_state=SEED,
# stratify=Class), seeds 0-9), `creditmtl-cli tune --budget 60` on the training part, the best
# configuration trained on the whole training part and evaluated on the test part, against the
# default settings trained and evaluated on the same parts. Target: mean default AUC >= 0.700.
#
#   scripts/tune_splits.sh [--budget SECONDS | --trials N] [--seeds "0 1 2"] [--build DIR] [--out DIR]
#                          [--defaults DIR]
#
# --trials N stops each search after N candidates instead of a time budget: the trials, and so
# the figures, are then the same whatever the machine's load (for comparing variants of tune).
# The default settings' run of a split is kept (default_SEED.json, in OUT or in --defaults DIR) and
# reused by later runs that find it there: delete it to train the defaults again (after a change
# to training, or to the splits).
#
# Runs under `nice` (the machine is shared); needs Debian's python3-sklearn for the splits.
# Tasks: Class:binary:bad, grade (the sample's first letter of sub_grade), int_rate regression;
# features: the 20 other columns. The time budget is wall-clock: on a loaded machine fewer
# trials fit in it, and the figures can differ from a quiet machine's.
set -euo pipefail
cd "$(dirname "$0")/.."

BUDGET=60
TRIALS=
SEEDS="0 1 2 3 4 5 6 7 8 9"
BUILD=build
OUT=build/tune_splits
DEFAULTS=
while [ $# -gt 0 ]; do
    case "$1" in
    --budget) BUDGET="$2"; shift 2 ;;
    --trials) TRIALS="$2"; shift 2 ;;
    --seeds) SEEDS="$2"; shift 2 ;;
    --build) BUILD="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --defaults) DEFAULTS="$2"; shift 2 ;;
    *) echo "usage: $0 [--budget SECONDS | --trials N] [--seeds \"0 1 ...\"] [--build DIR] [--out DIR] [--defaults DIR]" >&2; exit 2 ;;
    esac
done
PYTHON=/usr/bin/python3 # Debian's, with python3-sklearn (a pyenv python may lack it)
"$PYTHON" -c 'import sklearn' 2>/dev/null || { echo "needs python3-sklearn: apt-get install python3-sklearn" >&2; exit 1; }
cmake --build "$BUILD" --target creditmtl-cli >/dev/null
CLI="$BUILD/app/cli/creditmtl-cli"
DEFAULTS=${DEFAULTS:-$OUT}
mkdir -p "$OUT" "$DEFAULTS"
TASKS=(--task Class:binary:bad --task grade:multiclass --task int_rate:regression)
if [ -n "$TRIALS" ]; then LIMIT=(--trials "$TRIALS"); else LIMIT=(--budget "$BUDGET"); fi

# The splits: the sample's lines copied unchanged into train_SEED.csv and test_SEED.csv.
"$PYTHON" - "$OUT" $SEEDS <<'PY'
import csv, sys
from sklearn.model_selection import train_test_split
out, seeds = sys.argv[1], [int(s) for s in sys.argv[2:]]
with open("samples/lending_club.csv", newline="") as f:
    lines = f.read().splitlines(keepends=True)
header, rows = lines[0], lines[1:]
names = next(csv.reader([header]))
labels = [next(csv.reader([line]))[names.index("Class")] for line in rows]
for seed in seeds:
    train, test = train_test_split(list(range(len(rows))), test_size=0.2, random_state=seed, stratify=labels)
    for part, indices in (("train", train), ("test", test)):
        with open(f"{out}/{part}_{seed}.csv", "w", newline="") as f:
            f.write(header)
            f.writelines(rows[i] for i in indices)
PY

auc() { "$PYTHON" -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["tasks"]["Class"]["auc"])' "$1"; }
for seed in $SEEDS; do
    train="$OUT/train_$seed.csv" test="$OUT/test_$seed.csv"
    if [ ! -s "$DEFAULTS/default_$seed.json" ]; then
        nice "$CLI" train --data "$train" --test "$test" "${TASKS[@]}" --out "$DEFAULTS/default_$seed.cmtl" \
            --metrics-json "$DEFAULTS/default_$seed.json" >"$DEFAULTS/default_$seed.log"
    fi
    nice "$CLI" tune --data "$train" --test "$test" "${TASKS[@]}" --metric Class:auc "${LIMIT[@]}" \
        --save-config "$OUT/tuned_$seed.config.json" >"$OUT/tune_$seed.log"
    nice "$CLI" train --config "$OUT/tuned_$seed.config.json" --data "$train" --test "$test" \
        --out "$OUT/tuned_$seed.cmtl" --metrics-json "$OUT/tuned_$seed.json" >"$OUT/tuned_$seed.log"
    trials=$(grep -c '^[0-9]' <(sed -n '/^Trials/,/^Stopped/p' "$OUT/tune_$seed.log") || true)
    best=$(grep -A1 '^Best:' "$OUT/tune_$seed.log" | tr -s ' ' | tr '\n' ' ')
    scored=$(grep -m1 -o 'after [0-9.]* s' "$OUT/tune_$seed.log" || true)
    echo "seed $seed  default $(auc "$DEFAULTS/default_$seed.json")  tuned $(auc "$OUT/tuned_$seed.json")  ($trials trials, stopped $scored, load $(cut -d' ' -f1-3 /proc/loadavg)) $best"
done | tee "$OUT/summary.txt"

"$PYTHON" - "$OUT/summary.txt" <<'PY'
import statistics, sys
default, tuned = [], []
for line in open(sys.argv[1]):
    words = line.split()
    default.append(float(words[words.index("default") + 1]))
    tuned.append(float(words[words.index("tuned") + 1]))
def show(name, values):
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    print(f"{name:<22} {statistics.mean(values):.4f} +- {sd:.4f}  (n = {len(values)})")
print()
show("default AUC", default)
show("tuned AUC", tuned)
show("tuned - default", [t - d for t, d in zip(tuned, default)])
wins = sum(t > d for t, d in zip(tuned, default))
ties = sum(t == d for t, d in zip(tuned, default))
print(f"tuned against default: {wins} wins, {ties} ties, {len(tuned) - wins - ties} losses of {len(tuned)} splits; "
      "target: tuned mean >= 0.700")
PY
