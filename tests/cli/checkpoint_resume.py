#!/usr/bin/env python3
"""creditmtl-cli train --checkpoint-every 1, killed, then --resume: the same model as a run never
interrupted.

usage: checkpoint_resume.py CLI DATA WORKDIR RANKS [mpi]

RANKS 1 without "mpi": one process. With "mpi": the job runs under mpirun -np RANKS on this
machine only (the options of tests/mpi/run_mpi_test.sh; exit 77, skipped, without mpirun), and the first kill is of ONE rank's process
(rank RANKS - 1), after which the job must end within 60 s naming that rank; the second kill is
of the whole job.

The run: the sample's three tasks, dynamic weight average (a weighting with state), dropout 0.1
(masks drawn per batch), early stopping with patience 4 over up to 30 epochs and the refit on all
training rows (the default). It is killed (SIGKILL, as the OOM killer would) once during early
stopping's training, resumed, killed again during the refit, and resumed to the end. The model
file must equal the uninterrupted run's byte for byte (model files hold no timing), the resumed
runs must say where they resumed, and the checkpoint must be gone once the model is written.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import time

cli, data, work, ranks = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
run_mpi = len(sys.argv) > 5 and sys.argv[5] == "mpi"
if run_mpi and shutil.which("mpirun") is None:
    print("skipped: mpirun not found (install openmpi-bin; scripts/install-deps.sh)")
    sys.exit(77)
os.makedirs(work, exist_ok=True)
common = [
    "train", "--data", data,
    "--task", "Class:binary:bad", "--task", "grade:multiclass", "--task", "int_rate:regression",
    "--seed", "11", "--epochs", "30", "--patience", "4", "--dropout", "0.1", "--threads", "1",
    "--weighting", "dwa", "--batch", str(256 // ranks),
]
MPI_OPTIONS = ["--oversubscribe", "--mca", "btl", "self,vader", "--mca", "oob_tcp_if_include", "lo"]
if os.getuid() == 0:
    MPI_OPTIONS.insert(0, "--allow-run-as-root")


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def launcher():
    return ["mpirun"] + MPI_OPTIONS + ["-np", str(ranks)] if run_mpi else []


def run(arguments):
    done = subprocess.run(launcher() + [cli] + arguments, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=120)
    print(done.stdout)
    if done.returncode != 0:
        fail(f"{' '.join(arguments)} ended with status {done.returncode}")
    return done.stdout


def checkpoint_header(path):
    """The checkpoint's phase and completed epochs, or None while there is none."""
    try:
        with open(path, "rb") as file:
            head = file.read(4096).decode("utf-8", "replace")
    except FileNotFoundError:
        return None
    phase = re.search(r'"phase": "(\w+)"', head)
    epochs = re.search(r'"epochs_done": (\d+)', head)
    return (phase.group(1), int(epochs.group(1))) if phase and epochs else None


def descendants(job):
    """The job's processes besides itself (mpirun's ranks, which Open MPI puts in process groups
    of their own): pid -> environment."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            pid = parent = int(entry)
            while parent > 1:
                with open(f"/proc/{parent}/stat") as file:
                    parent = int(file.read().rsplit(")", 1)[1].split()[1])
                if parent == job.pid:
                    with open(f"/proc/{pid}/environ", "rb") as file:
                        found[pid] = file.read().split(b"\0")
                    break
        except (FileNotFoundError, ProcessLookupError, PermissionError, IndexError, ValueError):
            continue
    return found


def kill_job(job):
    """SIGKILL to the run and all its processes, as a node's failure or a scheduler would."""
    victims = descendants(job)
    os.killpg(job.pid, signal.SIGKILL)
    for pid in victims:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def rank_process(job, rank):
    """The pid of the job's process of rank `rank`."""
    for pid, environment in descendants(job).items():
        if f"OMPI_COMM_WORLD_RANK={rank}".encode() in environment:
            return pid
    return None


def run_and_kill(arguments, checkpoint, wanted, kill_one_rank):
    """Starts the run, waits for a checkpoint that `wanted` accepts, then kills it."""
    started = time.monotonic()
    job = subprocess.Popen(launcher() + [cli] + arguments, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, start_new_session=True)
    while True:
        header = checkpoint_header(checkpoint)
        if header and wanted(*header):
            break
        if job.poll() is not None:
            print(job.stdout.read())
            fail(f"the run ended (status {job.returncode}) before a checkpoint to kill it at, last {header}")
        if time.monotonic() - started > 100:
            kill_job(job)
            fail("no checkpoint within 100 s")
        time.sleep(0.005)
    print(f"checkpoint at {header}: killing {'one rank' if kill_one_rank else 'the run'}")
    if kill_one_rank:
        victim = rank_process(job, ranks - 1)
        if victim is None:
            kill_job(job)
            fail(f"rank {ranks - 1}'s process not found")
        os.kill(victim, signal.SIGKILL)
        try:
            output, _ = job.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            kill_job(job)
            fail("the job did not end within 60 s of a rank's death (a hang)")
        print(output)
        if job.returncode == 0:
            fail("the job succeeded although a rank was killed")
        if not re.search(rf"rank {ranks - 1}\b.*signal 9", output, re.S):
            fail(f"the job's message does not name rank {ranks - 1} and signal 9")
        if "Model written to" in output:
            fail("the job wrote a model although a rank was killed")
    else:
        kill_job(job)
        job.communicate()
        time.sleep(0.2)
        if descendants(job):
            fail("processes of the killed run are still running")
    after = checkpoint_header(checkpoint)
    if after is None:
        fail("the checkpoint is not readable after the kill")
    return after


reference = os.path.join(work, f"uninterrupted-{ranks}.cmtl")
run(common + ["--out", reference])
model = os.path.join(work, f"resumed-{ranks}.cmtl")
checkpoint = model + ".checkpoint"
for stale in (model, checkpoint):
    if os.path.exists(stale):
        os.remove(stale)
checkpointed = common + ["--out", model, "--checkpoint-every", "1"]

# Killed during early stopping's training, after its third epoch at least.
run_and_kill(checkpointed, checkpoint, lambda phase, epochs: phase == "early_stopping" and epochs >= 3,
             kill_one_rank=run_mpi and ranks > 1)
# Resumed, and killed again in the refit.
killed_at = run_and_kill(checkpointed + ["--resume"], checkpoint, lambda phase, epochs: phase == "refit" and epochs >= 2,
             kill_one_rank=False)
output = run(checkpointed + ["--resume"])
if f"the refit on all training rows, after epoch {killed_at[1]}" not in output:
    fail(f"the last run does not say that it resumed the refit after epoch {killed_at[1]}")
if os.path.exists(checkpoint):
    fail("the checkpoint is left behind after the model was written")
with open(reference, "rb") as file:
    expected = file.read()
with open(model, "rb") as file:
    got = file.read()
if expected != got:
    fail(f"the resumed model differs from the uninterrupted one ({len(got)} and {len(expected)} bytes)")
print("PASS: the resumed model equals the uninterrupted one byte for byte")
