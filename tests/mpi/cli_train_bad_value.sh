#!/bin/sh
# A rank whose part of the file holds a bad value stops the whole job (no hang), with one message
# naming the rank, the file, the line and the value, and no model is written.
# usage: cli_train_bad_value.sh RUN_MPI_TEST CLI DATA WORKDIR [test]
#   test: the bad value is in a separate test file (--test), the training data being DATA.
run_mpi=$1 cli=$2 data=$3 work=$4 where=${5:-data}
mkdir -p "$work"
bad=$work/bad_int_rate_on_last_line.csv
model=$work/never.cmtl
rm -f "$model"
lines=$(wc -l <"$data")
# int_rate (the third field) of the last line, which lies in rank 1's part of two.
awk -F, -v OFS=, -v last="$lines" 'NR == last { $3 = "abc" } { print }' "$data" >"$bad"
if [ "$where" = test ]; then
    set -- --data "$data" --test "$bad"
else
    set -- --data "$bad"
fi
"$run_mpi" 2 "abort:rank 1: |bad_int_rate_on_last_line.csv, line $lines, column \"int_rate\"|\"abc\" is not a number" "$cli" train "$@" \
    --task Class:binary:bad --task int_rate:regression --column-type int_rate=numeric --epochs 2 --out "$model" ||
    exit 1
if [ -e "$model" ]; then
    echo "FAIL: the failed job wrote $model"
    exit 1
fi
