#!/bin/sh
# A rank whose part of the file holds a bad value stops the whole job (no hang), with one message
# naming the rank, the file, the line (a statistical file: the row) and the value, and no model is
# written.
# usage: cli_train_bad_value.sh RUN_MPI_TEST CLI DATA WORKDIR [test|sav]
#   test: the bad value is in a separate test file (--test), the training data being DATA.
#   sav:  the data with the bad value written as an SPSS file by R's haven (int_rate a text
#         variable); skipped (exit 77) without R and haven.
run_mpi=$1 cli=$2 data=$3 work=$4 where=${5:-data}
mkdir -p "$work"
bad=$work/bad_int_rate_on_last_line.csv
model=$work/never.cmtl
rm -f "$model"
lines=$(wc -l <"$data")
# int_rate (the third field) of the last line, which lies in rank 1's part of two.
awk -F, -v OFS=, -v last="$lines" 'NR == last { $3 = "abc" } { print }' "$data" >"$bad"
where_words="bad_int_rate_on_last_line.csv, line $lines, column \"int_rate\""
if [ "$where" = test ]; then
    set -- --data "$data" --test "$bad"
elif [ "$where" = sav ]; then
    if ! Rscript -e 'suppressPackageStartupMessages(library(haven))' >/dev/null 2>&1; then
        echo "skipped: Rscript or R's haven not found (r-base-core, r-cran-haven: scripts/install-deps.sh)"
        exit 77
    fi
    Rscript -e "suppressPackageStartupMessages(library(haven)); write_sav(read.csv('$bad', stringsAsFactors = FALSE), '$work/bad_int_rate_on_last_line.sav')" ||
        exit 1
    # The file's last row (one line less than the CSV's lines: no header line).
    where_words="bad_int_rate_on_last_line.sav, column \"int_rate\": row $((lines - 1))"
    set -- --data "$work/bad_int_rate_on_last_line.sav"
else
    set -- --data "$bad"
fi
"$run_mpi" 2 "abort:rank 1: |$where_words|\"abc\" is not a number" "$cli" train "$@" \
    --task Class:binary:bad --task int_rate:regression --column-type int_rate=numeric --epochs 2 --out "$model" ||
    exit 1
if [ -e "$model" ]; then
    echo "FAIL: the failed job wrote $model"
    exit 1
fi
