#!/usr/bin/env python3
"""creditmtl-cli train under mpirun against one process (ctest label "mpi").

usage: cli_train.py RUN_MPI_TEST CLI DATA WORKDIR RANKS [test-file|sav|dta|xpt|sqlite|sqlite-query] [FLAG...]

Trains the sample's three tasks with RANKS ranks and per-rank batch B, and in one process (no
mpirun) with batch RANKS * B, the same seed and data order (the trainer's batches are positions
of all ranks' training rows in rank order, which are the one-process split's training rows; each
rank trains on the rows of a batch it holds). Dropout 0: each rank draws its own dropout masks.
Checks that the job writes the model once, that it loads (predict), that its preprocessing and
task encodings equal the one-process model's, and that every test metric is within 0.002 of it.

With "test-file": DATA's first 70 % of rows are the training data and the rest a separate test file
(--test, which each rank reads in parts); the test metrics must then also count the test file's
rows, in both runs. With "sav", "dta" or "xpt": DATA written as an SPSS, Stata or SAS transport
(XPORT version 8) file by R's haven (Debian: r-cran-haven; skipped, exit 77, without it), which both
runs read (each rank its range of the file's rows; an XPORT file's rows counted by rank 0). With "sqlite": DATA imported into a SQLite table by sqlite3 (`.import`, every
column TEXT), read as --data sqlite:FILE#table=loans; with "sqlite-query": the same table read with
--db sqlite:FILE --query "SELECT ... ORDER BY rowid" (each rank its range of the rows,
readDatabasePartOfRank; skipped, exit 77, without sqlite3). Further arguments are flags given to both runs (--class-weights Class=balanced).
With --woe, the WoE bins must equal the one-process model's exactly (with --binning, the project's
bins grouped by hand, written by tst_distributed_training write-project).
"""

import json
import os
import re
import shutil
import subprocess
import sys

run_mpi, cli, data, work, ranks = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
mode = sys.argv[6] if len(sys.argv) > 6 and sys.argv[6] in ("test-file", "sav", "dta", "xpt", "sqlite", "sqlite-query") else ""
separate_test = mode == "test-file"
flags = sys.argv[7 if mode else 6:]
os.makedirs(work, exist_ok=True)


def write_stat_file(csv_path, out_path):
    """The CSV file written as an SPSS (.sav), Stata (.dta) or SAS transport (.xpt) file by R's haven."""
    rscript = shutil.which("Rscript")
    if not rscript:
        print("skipped: Rscript not found (install r-base-core and r-cran-haven: scripts/install-deps.sh)")
        sys.exit(77)
    # XPORT version 8: names longer than version 5's 8 characters.
    writer, extra = {".sav": ("write_sav", ""), ".dta": ("write_dta", ""),
                     ".xpt": ("write_xpt", ", version = 8")}[os.path.splitext(out_path)[1]]
    script = (f"suppressPackageStartupMessages(library(haven)); "
              f"{writer}(read.csv({json.dumps(csv_path)}, stringsAsFactors = FALSE), {json.dumps(out_path)}{extra})")
    done = subprocess.run([rscript, "-e", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          timeout=120)
    if done.returncode != 0:
        if "there is no package called" in done.stderr:
            print("skipped: R's haven not installed (r-cran-haven: scripts/install-deps.sh)")
            sys.exit(77)
        sys.exit(f"FAIL: Rscript could not write {out_path}: {done.stderr}")


if mode in ("sav", "dta", "xpt"):
    converted = os.path.join(work, f"lending_club.{mode}")
    write_stat_file(data, converted)
    data = converted
data_flags = None  # --data DATA unless a database mode says otherwise
if mode.startswith("sqlite"):
    if not shutil.which("sqlite3"):
        print("skipped: sqlite3 not found (install sqlite3)")
        sys.exit(77)
    database = os.path.join(work, f"lending_club-{mode}.db")
    if os.path.exists(database):
        os.remove(database)
    subprocess.run(["sqlite3", database, f".import --csv {data} loans"], check=True, timeout=60)
    data = f"sqlite:{database}#table=loans"  # the locator predict reads below
    data_flags = (["--data", data] if mode == "sqlite" else
                  ["--db", f"sqlite:{database}", "--query", "SELECT * FROM loans ORDER BY rowid"])
BATCH = 64
test_rows = 0
if separate_test:
    with open(data, encoding="utf-8") as file:
        lines = file.readlines()
    cut = 1 + (len(lines) - 1) * 7 // 10
    test_rows = len(lines) - cut
    data = os.path.join(work, "train_rows.csv")
    test_file = os.path.join(work, "later_rows.csv")
    with open(data, "w", encoding="utf-8") as file:
        file.writelines(lines[:cut])
    with open(test_file, "w", encoding="utf-8") as file:
        file.writelines(lines[:1] + lines[cut:])
    flags = ["--test", test_file] + flags
common = [
    "train"] + (data_flags or ["--data", data]) + [
    "--task", "Class:binary:bad", "--task", "grade:multiclass", "--task", "int_rate:regression",
    "--seed", "11", "--epochs", "6", "--dropout", "0", "--threads", "1",
] + flags


def run(command, timeout=120):
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout)
    print(done.stdout)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(command)} ended with status {done.returncode}")
    return done.stdout


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


tag = "-".join(word.strip("-").replace("=", "_").replace("/", "_") for word in sys.argv[6:])
reference = os.path.join(work, f"one-process-batch{ranks * BATCH}{'-' + tag if tag else ''}.cmtl")
reference_metrics = reference + ".json"
reference_output = run([cli] + common + ["--batch", str(ranks * BATCH), "--out", reference,
                                         "--metrics-json", reference_metrics])

job_dir = os.path.join(work, f"ranks{ranks}{'-' + tag if tag else ''}")
os.makedirs(job_dir, exist_ok=True)
for name in os.listdir(job_dir):
    os.remove(os.path.join(job_dir, name))
model = os.path.join(job_dir, "model.cmtl")
metrics = os.path.join(job_dir, "metrics.json")
output = run([run_mpi, str(ranks), "ok", cli] + common +
             ["--batch", str(BATCH), "--out", model, "--metrics-json", metrics])

# Written once, by rank 0 alone, and nothing else left in the directory (no temporary files).
if output.count("Model written to") != 1:
    fail(f"the job said \"Model written to\" {output.count('Model written to')} times, not once")
if sorted(os.listdir(job_dir)) != ["metrics.json", "model.cmtl"]:
    fail(f"the job's directory holds {sorted(os.listdir(job_dir))}")
if ranks > 1 and f"over {ranks} ranks" not in output:
    fail("the job did not train over the ranks")

# Every epoch's training loss (the objective the class weights and the oversampled rows shape)
# and validation loss, as printed, equal to one process's within 0.1 % (sums in another order).
EPOCH = re.compile(r"^epoch (\d+)\s+loss (\S+)\s+val (\S+)", re.MULTILINE)
mine_epochs, their_epochs = EPOCH.findall(output), EPOCH.findall(reference_output)
if not mine_epochs or len(mine_epochs) != len(their_epochs):
    fail(f"{len(mine_epochs)} epoch lines against {len(their_epochs)} in one process")
for (epoch, loss, val), (_, their_loss, their_val) in zip(mine_epochs, their_epochs):
    for name, a, b in (("loss", loss, their_loss), ("val", val, their_val)):
        if abs(float(a) - float(b)) > 1e-3 * max(abs(float(a)), abs(float(b))):
            fail(f"epoch {epoch}: {name} {a} with {ranks} ranks against {b} in one process")
print(f"the {len(mine_epochs)} epochs' losses equal one process's within 0.1 %")

# The model loads and scores.
predictions = os.path.join(work, f"predictions{ranks}.csv")
run([cli, "predict", "--model", model, "--data", data, "--out", predictions])
os.remove(predictions)


def load(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def load_model(path):
    """A model file: "CreditMTL-model VERSION JSON_BYTES PARAMETER_BYTES", a line end, the JSON."""
    with open(path, "rb") as file:
        header = file.readline().split()
        if len(header) != 4 or header[0] != b"CreditMTL-model":
            fail(f"{path} does not begin like a model file: {header}")
        return json.loads(file.read(int(header[2])).decode("utf-8"))


def close(a, b, path):
    """Exact for text and structure; numbers to 1e-6 relative (sums added in another order)."""
    if isinstance(a, dict):
        if sorted(a) != sorted(b):
            fail(f"{path}: keys {sorted(a)} against {sorted(b)}")
        for key in a:
            close(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list):
        if len(a) != len(b):
            fail(f"{path}: {len(a)} entries against {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            close(x, y, f"{path}[{i}]")
    elif isinstance(a, (int, float)) and not isinstance(a, bool):
        if abs(a - b) > 1e-6 * max(1.0, abs(a), abs(b)):
            fail(f"{path}: {a} against {b}")
    elif a != b:
        fail(f"{path}: {a!r} against {b!r}")


mine, theirs = load_model(model), load_model(reference)
for section in ("preprocessing", "tasks", "input_names"):
    if section not in mine:
        fail(f"the model file has no \"{section}\" section; it has {sorted(mine)}")
    close(mine[section], theirs[section], section)
# Weight-of-evidence inputs (--woe): the bins (edges, level groups, counts, WoE) exactly one
# process's, every number bit for bit (they are made from the same integer counts).
if "--woe" in flags:
    woe, their_woe = mine["preprocessing"].get("woe"), theirs["preprocessing"].get("woe")
    if not woe:
        fail("--woe was given and the model has no WoE inputs")
    if woe != their_woe:
        fail("the WoE bins differ from the one-process model's")
    print(f"the {len(woe)} WoE inputs' bins ({sum(len(f['bins']) for f in woe)} bins) equal the one-process "
          "model's exactly")
    if "--binning" in flags:
        by_hand = {f["feature"]: [b.get("levels", b.get("upper")) for b in f["bins"]] for f in woe}
        if by_hand.get("annual_inc") != [50000, 90000, None] or by_hand.get("verification_status") != [
                ["Not_Verified"], ["Verified", "Source_Verified"]]:
            fail(f"the bins grouped by hand are not the model's: {by_hand.get('annual_inc')}, "
                 f"{by_hand.get('verification_status')}")
print(f"preprocessing and task encodings equal the one-process model's ({len(json.dumps(mine['preprocessing']))} "
      "characters of preprocessing)")

# Test metrics within 0.002 of the one-process run with batch N * B.
got, want = load(metrics), load(reference_metrics)


def metric_values(report):
    """Each task's numbers, by "TASK.METRIC"; the row counts must be equal."""
    values = {}
    for name, task in report["tasks"].items():
        for key, value in task.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                values[f"{name}.{key}"] = value
    return values


got_values, want_values = metric_values(got), metric_values(want)
if not got_values or sorted(got_values) != sorted(want_values):
    fail(f"the metrics differ in kind: {sorted(got_values)} against {sorted(want_values)}")
for key in got_values:
    if key.endswith(".count") and got_values[key] != want_values[key]:
        fail(f"{key}: {got_values[key]} test rows against {want_values[key]}")
    if separate_test and key.endswith(".count") and got_values[key] > test_rows:
        fail(f"{key}: {got_values[key]} test rows, more than the test file's {test_rows}")
if separate_test:
    if got.get("source") != test_file or want.get("source") != test_file:
        fail(f"the test metrics are of {got.get('source')} and {want.get('source')}, not of {test_file}")
    binary_rows = got_values.get("Class.count")
    if binary_rows != test_rows:
        fail(f"Class.count: {binary_rows} test rows, not the test file's {test_rows}")
    print(f"test metrics over the {test_rows} rows of the separate test file, read in {ranks} parts")
auc = [key for key in got_values if key.endswith(".auc")]
if not auc:
    fail(f"no AUC among the metrics {sorted(got_values)}")
for key in auc:
    print(f"{key}: {got_values[key]:.5f} with {ranks} ranks, batch {BATCH} each; "
          f"{want_values[key]:.5f} in one process, batch {ranks * BATCH}")
    if abs(got_values[key] - want_values[key]) > 0.002:
        fail(f"{key} differs by more than 0.002")
print("PASS")
