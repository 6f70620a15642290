#!/usr/bin/env bash
# Reproduces the Performance table of the README: CreditMTL's steps and the reference pipelines
# (pandas + PyTorch, data.table::fread) on the same generated files, side by side, in one run.
#
#   scripts/bench.sh [--4m] [--runs N] [--ref-runs N] [--threads N] [--sizes "100000 1000000"]
#
#   --4m          also the 4,000,000-row file (1.4 GB on disk, several minutes more)
#   --runs N      runs of each CreditMTL step per file (default 5); the table shows medians
#   --ref-runs N  runs of each reference per file (default 3, but 1 for files over 2M rows: the
#                 PyTorch one takes ~40 s at 1M rows and minutes at 4M)
#   --threads N   threads for CreditMTL and for the references (default 2)
#   --no-ref      CreditMTL only (e.g. for the growth rows when time is short)
#
# Environment: BENCH_DATA (where the CSV files go, default /tmp/creditmtl-bench),
# BENCH_BUILD_DIR (default build-bench), REFERENCE_DIR (default ../shared/reference).
#
# The workload: ../shared/reference/make_synth.py (numpy) when it is there and numpy is installed,
# else scripts/make_synth_stdlib.py, CreditMTL's own generator (same layout and distributions,
# Python standard library only; its random stream, hence its bytes, differ). The script prints
# which one it used. Medians and ratios only: nothing here passes or fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

RUNS=5
REF_RUNS=3
REF_RUNS_SET=0
NO_REF=0
THREADS=2
SIZES="100000 1000000"
while [ $# -gt 0 ]; do
    case "$1" in
    --4m) SIZES="$SIZES 4000000" ;;
    --runs) RUNS=$2; shift ;;
    --ref-runs) REF_RUNS=$2; REF_RUNS_SET=1; shift ;;
    --threads) THREADS=$2; shift ;;
    --sizes) SIZES=$2; shift ;;
    --no-ref) NO_REF=1 ;;
    -h | --help) sed -n 2,20p "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
DATA=${BENCH_DATA:-/tmp/creditmtl-bench}
BUILD=${BENCH_BUILD_DIR:-build-bench}
REFERENCE_DIR=${REFERENCE_DIR:-$ROOT/../shared/reference}
mkdir -p "$DATA"
RESULTS="$DATA/results.jsonl"
: >"$RESULTS"

# /usr/bin/time gives the whole-process wall time and peak RSS of one command.
if [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y -qq time >/dev/null
    else
        echo "bench.sh: /usr/bin/time is missing: apt-get install time" >&2
        exit 1
    fi
fi

echo "== build (Release, default ISA) in $BUILD"
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCREDITMTL_BUILD_UI=OFF -DCREDITMTL_BUILD_BENCH=ON \
    -DCREDITMTL_ISA=x86-64-v3 >/dev/null
cmake --build "$BUILD" --target creditmtl-bench --parallel "$THREADS" >/dev/null
BENCH="$BUILD/tests/bench/creditmtl-bench"

if [ -f "$REFERENCE_DIR/make_synth.py" ] && /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
    GENERATOR="/usr/bin/python3 $REFERENCE_DIR/make_synth.py"
else
    GENERATOR="python3 $ROOT/scripts/make_synth_stdlib.py"
fi
echo "== workload generator: $GENERATOR"

HAVE_TORCH=0
if [ $NO_REF = 0 ] && [ -f "$REFERENCE_DIR/torch_speed.py" ] && /usr/bin/python3 -c 'import torch, pandas' 2>/dev/null; then
    HAVE_TORCH=1
fi
HAVE_FREAD=0
if [ $NO_REF = 0 ] && [ -f "$REFERENCE_DIR/fread_speed.R" ] && command -v Rscript >/dev/null &&
    Rscript -e 'library(data.table)' >/dev/null 2>&1; then
    HAVE_FREAD=1
fi
echo "== references: pandas+PyTorch $([ $HAVE_TORCH = 1 ] && echo yes || echo 'no (--no-ref, or not installed)')," \
    "data.table fread $([ $HAVE_FREAD = 1 ] && echo yes || echo 'no (--no-ref, or not installed)')"

record() { # size tool step json
    printf '{"size":%s,"tool":"%s","step":"%s","result":%s}\n' "$1" "$2" "$3" "$4" >>"$RESULTS"
}

# Runs a command under /usr/bin/time; prints {"wall_s":..,"peak_rss_mb":..,"out":"last stdout line"}.
timed() {
    local out err
    out=$(mktemp) err=$(mktemp)
    /usr/bin/time -f '%e %M' -o "$err" "$@" >"$out" 2>/dev/null
    python3 - "$out" "$err" <<'EOF'
import json, sys
lines = [l for l in open(sys.argv[1]).read().splitlines() if l.strip()]
wall, rss = open(sys.argv[2]).read().split()[-2:]
print(json.dumps({"wall_s": float(wall), "peak_rss_mb": int(rss) / 1024, "out": lines[-1] if lines else ""}))
EOF
    rm -f "$out" "$err"
}

for SIZE in $SIZES; do
    FILE="$DATA/synth_$SIZE.csv"
    if [ ! -s "$FILE" ]; then
        echo "== generating $FILE"
        $GENERATOR "$SIZE" "$FILE.tmp" >/dev/null && mv "$FILE.tmp" "$FILE"
    fi
    cat "$FILE" >/dev/null # into the page cache, for every tool alike
    echo "== $SIZE rows: load before: $(uptime | sed 's/.*load average/load average/')"
    for STEP in read prepare epoch predict all; do
        for ((i = 0; i < RUNS; i++)); do
            record "$SIZE" creditmtl "$STEP" "$(timed "$BENCH" "$FILE" "$STEP" --threads "$THREADS")"
        done
    done
    if [ $HAVE_FREAD = 1 ]; then
        for ((i = 0; i < RUNS; i++)); do
            record "$SIZE" fread read "$(timed Rscript "$REFERENCE_DIR/fread_speed.R" "$FILE" "$THREADS")"
        done
    fi
    if [ $HAVE_TORCH = 1 ]; then
        TORCH_RUNS=$REF_RUNS
        [ "$SIZE" -gt 2000000 ] && [ "$REF_RUNS_SET" = 0 ] && TORCH_RUNS=1
        for ((i = 0; i < TORCH_RUNS; i++)); do
            record "$SIZE" torch all "$(timed /usr/bin/python3 "$REFERENCE_DIR/torch_speed.py" "$FILE" 1 "$THREADS")"
        done
    fi
    echo "== $SIZE rows: load after: $(uptime | sed 's/.*load average/load average/')"
done

python3 - "$RESULTS" "$THREADS" <<'EOF'
import json, re, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
threads = sys.argv[2]

def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None

def pick(size, tool, step, key):
    out = []
    for r in rows:
        if r["size"] != size or r["tool"] != tool or r["step"] != step:
            continue
        res = r["result"]
        if key in ("wall_s", "peak_rss_mb"):
            out.append(res[key])
        elif tool == "creditmtl":
            out.append(json.loads(res["out"]).get(key) if res["out"].startswith("{") else None)
        elif tool == "torch":
            out.append(json.loads(res["out"]).get(key) if res["out"].startswith("{") else None)
        elif tool == "fread":
            m = re.search(r"in ([0-9.]+) s", res["out"])
            out.append(float(m.group(1)) if m else None)
    return med(out)

def fmt(v, unit):
    if v is None:
        return "n/a"
    if unit == "s":
        return f"{v:.2f} s"
    if unit == "/s":
        return f"{v/1e3:,.0f}k/s"
    if unit == "MB":
        return f"{v:,.0f} MB"
    return str(v)

def ratio(a, b, higher_is_better):
    if a is None or b is None or a == 0 or b == 0:
        return "n/a"
    return f"{(a / b if higher_is_better else b / a):.2f}x"

sizes = sorted({r["size"] for r in rows})
for size in sizes:
    print(f"\n### {size:,} rows, {threads} threads (medians)\n")
    print("| step | CreditMTL | reference | ratio | target |")
    print("| --- | --- | --- | --- | --- |")
    c_read = pick(size, "creditmtl", "read", "seconds")
    f_read = pick(size, "fread", "read", None)
    t_read = pick(size, "torch", "all", "read_s")
    print(f"| read + type inference | {fmt(c_read,'s')} | fread {fmt(f_read,'s')} | {ratio(c_read,f_read,False)} | >= 1x fread |")
    print(f"| read (vs pandas) | {fmt(c_read,'s')} | pandas {fmt(t_read,'s')} | {ratio(c_read,t_read,False)} | about 8x |")
    c_prep = pick(size, "creditmtl", "prepare", "seconds")
    t_prep = pick(size, "torch", "all", "prep_s")
    print(f"| prepare (impute, standardise, one-hot, targets) | {fmt(c_prep,'s')} | {fmt(t_prep,'s')} | {ratio(c_prep,t_prep,False)} | >= 5x |")
    c_sps = pick(size, "creditmtl", "epoch", "samples_per_s")
    t_sps = pick(size, "torch", "all", "samples_per_s")
    c_ep = pick(size, "creditmtl", "epoch", "seconds")
    t_ep = pick(size, "torch", "all", "epoch_s")
    print(f"| one epoch, samples/s | {fmt(c_sps,'/s')} ({fmt(c_ep,'s')}) | {fmt(t_sps,'/s')} ({fmt(t_ep,'s')}) | {ratio(c_sps,t_sps,True)} | >= 8x |")
    c_pred = pick(size, "creditmtl", "predict", "rows_per_s")
    print(f"| predict, rows/s | {fmt(c_pred,'/s')} | - | - | >= 1,000k/s |")
    c_wall = pick(size, "creditmtl", "all", "wall_s")
    t_wall = pick(size, "torch", "all", "wall_s")
    print(f"| whole process: read + prepare + 1 epoch | {fmt(c_wall,'s')} | {fmt(t_wall,'s')} | {ratio(c_wall,t_wall,False)} | >= 5x |")
    c_rss = pick(size, "creditmtl", "all", "peak_rss_mb")
    t_rss = pick(size, "torch", "all", "peak_rss_mb")
    f_rss = pick(size, "fread", "read", "peak_rss_mb")
    share = f"{c_rss / t_rss:.0%} of it" if c_rss and t_rss else "n/a"
    print(f"| peak RSS, read + prepare + 1 epoch | {fmt(c_rss,'MB')} | {fmt(t_rss,'MB')} | {share} | <= 40% |")
    print(f"| peak RSS, read only | {fmt(pick(size,'creditmtl','read','peak_rss_mb'),'MB')} | fread {fmt(f_rss,'MB')} | - | - |")

print("\n### Growth (CreditMTL medians; per million rows in brackets)\n")
print("| rows | read | prepare | epoch | predict | whole process | peak RSS |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for size in sizes:
    m = size / 1e6
    cells = []
    for step, key in (("read", "seconds"), ("prepare", "seconds"), ("epoch", "seconds"), ("predict", "seconds"),
                      ("all", "wall_s"), ("all", "peak_rss_mb")):
        v = pick(size, "creditmtl", step, key)
        unit = "MB" if key == "peak_rss_mb" else "s"
        cells.append("n/a" if v is None else f"{fmt(v, unit)} ({fmt(v / m, unit)})")
    print(f"| {size:,} | " + " | ".join(cells) + " |")
print("\n### CPU seconds per step (CreditMTL medians, user + system, all threads: less sensitive to other load)\n")
print("| rows | read | prepare | epoch | predict | read + prepare + epoch |")
print("| --- | --- | --- | --- | --- | --- |")
for size in sizes:
    cells = [pick(size, "creditmtl", step, "cpu_s") for step in ("read", "prepare", "epoch", "predict", "all")]
    print(f"| {size:,} | " + " | ".join(fmt(v, "s") for v in cells) + " |")
print(f"\nRaw results: {sys.argv[1]}")
EOF
