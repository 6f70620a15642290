#!/bin/sh
# Runs one MPI test under mpirun on this machine only (shared memory and loopback; no connection
# leaves it), bounded in time so that a hang fails instead of waiting.
# usage: run_mpi_test.sh RANKS EXPECT PROGRAM ARGS...
#   EXPECT: pass           the job succeeds and prints PASS
#           ok             the job succeeds (exit status 0)
#           abort:WORDS    the job fails within the time limit and its output contains WORDS
#                          (a '|' separates words that must all appear)
# Exit 77 (ctest: skipped) when mpirun is absent.
ranks=$1 expect=$2
shift 2
if ! command -v mpirun >/dev/null 2>&1; then
    echo "skipped: mpirun not found (install openmpi-bin; scripts/install-deps.sh)"
    exit 77
fi
root=""
[ "$(id -u)" = 0 ] && root="--allow-run-as-root"
output=$(timeout 60 mpirun $root --oversubscribe --mca btl self,vader --mca oob_tcp_if_include lo \
    -np "$ranks" "$@" 2>&1)
status=$?
echo "$output"
if [ $status -eq 124 ]; then
    echo "FAIL: the job did not end within 60 s (a hang)"
    exit 1
fi
case $expect in
pass)
    [ $status -eq 0 ] && echo "$output" | grep -qx PASS && exit 0
    echo "FAIL: exit status $status"
    exit 1 ;;
ok)
    [ $status -eq 0 ] && exit 0
    echo "FAIL: exit status $status"
    exit 1 ;;
abort:*)
    if [ $status -eq 0 ]; then
        echo "FAIL: the job succeeded although a rank failed"
        exit 1
    fi
    words=${expect#abort:}
    IFS='|'
    for word in $words; do
        if ! echo "$output" | grep -qF -- "$word"; then
            echo "FAIL: the output does not say \"$word\""
            exit 1
        fi
    done
    echo "ended with status $status, naming the rank and the cause"
    exit 0 ;;
esac
echo "unknown expectation $expect"
exit 1
