#!/usr/bin/env bash
# The first view against the fastest reader: `creditmtl-cli inspect FILE` (read + every column's
# statistics, as a whole process) side by side with `creditmtl-bench FILE read` (the read alone)
# and R data.table's fread on the same file (../shared/reference/fread_speed.R), RUNS runs each,
# interleaved, with the load average noted before and after, and fread's own clock (the read alone,
# without R's start) from separate runs. Prints medians and the ratios.
#
#   tests/bench/inspect_vs_fread.sh FILE.csv [RUNS] [BUILD_DIR]
#
# With WORKBENCH=1 each run also starts the workbench on FILE under Xvfb ($GUI_TOOLS, default
# ../shared/tools/gui) and times it from its start to its column list filled
# (scripts/gui_first_view_time.py: polled over the accessibility bus every 20 ms, an upper bound).
#
# When R's data.table is not installed the fread column says so and no ratio to it is printed
# (../shared/reference/README.md holds fread's figures measured earlier on this kind of machine).
# Medians only: nothing here passes or fails.
set -euo pipefail
FILE=${1:?usage: inspect_vs_fread.sh FILE.csv [RUNS] [BUILD_DIR]}
RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${3:-$ROOT/build}
CLI=$BUILD/app/cli/creditmtl-cli
BENCH=$BUILD/tests/bench/creditmtl-bench
FREAD=${REFERENCE_DIR:-$ROOT/../shared/reference}/fread_speed.R
for tool in "$CLI" "$BENCH"; do
    [ -x "$tool" ] || { echo "missing $tool: build creditmtl-cli and creditmtl-bench first" >&2; exit 2; }
done
GUI_RUN=${GUI_TOOLS:-$ROOT/../shared/tools/gui}/atspi_run.sh
if [ "${WORKBENCH:-0}" = 1 ]; then
    [ -x "$BUILD/app/workbench/creditmtl" ] && [ -x "$GUI_RUN" ] || { echo "WORKBENCH=1 needs $BUILD/app/workbench/creditmtl and $GUI_RUN" >&2; exit 2; }
fi
# Seconds from the workbench's start to its column list filled (a fresh settings folder each run).
workbench_seconds() {
    local home
    home=$(mktemp -d)
    mkdir -p "$home/cfg/CreditMTL"
    printf '[General]\nlanguage=en\n' > "$home/cfg/CreditMTL/creditmtl.conf"
    SHOT=$home/shot.png "$GUI_RUN" "bash -c 'sleep 4; date +%s.%N > $home/t0; exec env XDG_CONFIG_HOME=$home/cfg \
XDG_DATA_HOME=$home/data XDG_CACHE_HOME=$home/cache $BUILD/app/workbench/creditmtl $FILE'" \
        "$ROOT/scripts/gui_first_view_time.py" "$home/t0" "$(head -1 "$FILE" | tr ',' '\n' | wc -l)" |
        sed -n 's/column list filled: \([0-9.]*\) s.*/\1/p'
    rm -rf "$home"
}
HAVE_FREAD=0
if command -v Rscript > /dev/null && Rscript -e 'library(data.table)' > /dev/null 2>&1 && [ -f "$FREAD" ]; then
    HAVE_FREAD=1
fi

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
# Wall seconds, peak RSS (MB) and CPU seconds (user + system) of one whole process. On a loaded
# machine the wall time shows the load; the CPU time is the work done.
timed() {
    local log
    log=$(mktemp)
    /usr/bin/time -f '%e %M %U %S' -o "$log" "$@" > /dev/null
    awk '{printf "%s %.0f %.2f\n", $1, $2 / 1024, $3 + $4}' "$log"
    rm -f "$log"
}

echo "file: $FILE ($(du -h "$FILE" | cut -f1)), $RUNS runs each, $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
: > /tmp/inspect_vs_fread.$$.inspect
: > /tmp/inspect_vs_fread.$$.read
: > /tmp/inspect_vs_fread.$$.fread
cat "$FILE" > /dev/null # the file in the page cache for every contender alike
for ((run = 1; run <= RUNS; ++run)); do
    timed "$CLI" inspect "$FILE" >> /tmp/inspect_vs_fread.$$.inspect
    timed "$BENCH" "$FILE" read >> /tmp/inspect_vs_fread.$$.read
    if [ "$HAVE_FREAD" = 1 ]; then
        timed Rscript "$FREAD" "$FILE" 2 >> /tmp/inspect_vs_fread.$$.fread
        # fread's own clock (the read alone, without R's start and library load)
        Rscript "$FREAD" "$FILE" 2 | sed -n 's/.* in \([0-9.]*\) s .*/\1/p' >> /tmp/inspect_vs_fread.$$.freadonly
    fi
    if [ "${WORKBENCH:-0}" = 1 ]; then
        workbench_seconds >> /tmp/inspect_vs_fread.$$.workbench
    fi
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
inspect=$(cut -d' ' -f1 /tmp/inspect_vs_fread.$$.inspect | median)
inspectRss=$(cut -d' ' -f2 /tmp/inspect_vs_fread.$$.inspect | median)
inspectCpu=$(cut -d' ' -f3 /tmp/inspect_vs_fread.$$.inspect | median)
read=$(cut -d' ' -f1 /tmp/inspect_vs_fread.$$.read | median)
readCpu=$(cut -d' ' -f3 /tmp/inspect_vs_fread.$$.read | median)
echo "inspect (whole process): median $inspect s wall, $inspectCpu s CPU, peak RSS $inspectRss MB; wall runs: $(cut -d' ' -f1 /tmp/inspect_vs_fread.$$.inspect | tr '\n' ' ')"
echo "creditmtl-bench read (whole process): median $read s wall, $readCpu s CPU; wall runs: $(cut -d' ' -f1 /tmp/inspect_vs_fread.$$.read | tr '\n' ' ')"
if [ "$HAVE_FREAD" = 1 ]; then
    fread=$(cut -d' ' -f1 /tmp/inspect_vs_fread.$$.fread | median)
    freadCpu=$(cut -d' ' -f3 /tmp/inspect_vs_fread.$$.fread | median)
    freadOnly=$(median < /tmp/inspect_vs_fread.$$.freadonly)
    echo "Rscript fread_speed.R (whole process, 2 threads): median $fread s wall, $freadCpu s CPU; runs: $(cut -d' ' -f1 /tmp/inspect_vs_fread.$$.fread | tr '\n' ' ')"
    echo "fread alone (its own clock, inside R, separate runs): median $freadOnly s; runs: $(tr '\n' ' ' < /tmp/inspect_vs_fread.$$.freadonly)"
    awk -v i="$inspect" -v f="$fread" -v o="$freadOnly" 'BEGIN {printf "ratio fread / inspect: %.2fx whole processes; %.2fx fread alone against the whole inspect process (>= 1 means inspect is no slower)\n", f / i, o / i}'
    if [ "${WORKBENCH:-0}" = 1 ]; then
        workbench=$(median < /tmp/inspect_vs_fread.$$.workbench)
        echo "workbench, start to column list filled: median $workbench s; runs: $(tr '\n' ' ' < /tmp/inspect_vs_fread.$$.workbench)"
        awk -v w="$workbench" -v f="$fread" 'BEGIN {printf "ratio fread (whole process) / workbench: %.2fx (>= 1 means the column list is on screen no later than fread has read the file)\n", f / w}'
    fi
else
    echo "fread: R's data.table is not installed here (Rscript -e 'library(data.table)' fails); no ratio measured"
fi
rm -f /tmp/inspect_vs_fread.$$.*
