#!/bin/sh
# Data-parallel scaling on this machine (README, "Data-parallel training over MPI"): the same
# synthetic rows trained on 1 and on 2 ranks, seconds per epoch. Not a test: the figures depend
# on the machine's load, which is printed with them.
# usage: scripts/bench_mpi.sh [BUILD_DIR] [ROWS] [EPOCHS]
build=${1:-build} rows=${2:-1000000} epochs=${3:-3}
root=""
[ "$(id -u)" = 0 ] && root="--allow-run-as-root"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
for ranks in 1 2; do
    # One thread per rank: two ranks then use the two cores as one rank with two threads would.
    threads=$((2 / ranks))
    mpirun $root --oversubscribe --bind-to none --mca btl self,vader \
        --mca oob_tcp_if_include lo -np $ranks "$build/tests/tst_distributed_training" bench "$rows" "$epochs" $threads
    echo "load after $ranks rank(s): $(cut -d' ' -f1-3 /proc/loadavg)"
done
