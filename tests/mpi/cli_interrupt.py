#!/usr/bin/env python3
"""Ctrl-C under mpirun (ctest label "mpi").

usage: cli_interrupt.py CLI DATA WORKDIR [PHASE]

Starts `creditmtl-cli train` under `mpirun -np 2` (on this machine only, the options of
run_mpi_test.sh) and sends SIGINT to mpirun, as Ctrl-C in a terminal does; mpirun passes it on to
the ranks as SIGTERM (about 1 s later). PHASE says when:
  train     (default) once rank 0 prints its first epoch of a run of 2,000 epochs: the ranks must
            stop after the same training step;
  read      once a rank has the data file open, while the ranks read their parts of a 300-fold
            copy of DATA (about 316 MB, 2,957,100 rows, written in WORKDIR): rank 0 must not have
            said "Training on" (the data was not read to its end). Reading and agreeing the parts
            of a 150-fold copy took 2.9-3.6 s on a quiet machine, 8 s at a load of 3.8: a signal
            at a fixed time (first 1.5 s on a 60-fold copy, then 2 s on a 150-fold one), plus the
            1 s mpirun takes to pass it on, came after the read in some runs of the mpi tests;
  evaluate  once rank 0 prints the only epoch of a run on that copy that trains a network with
            layers of 512 and 256 on 2 % of its rows and evaluates the other 96 % (about 4.5 s of
            evaluation; 1.2 s with the default layers, too close to mpirun's 1 s): the model must
            not be written.
Whatever the phase, rank 0 must say once "creditmtl-cli: interrupted (rank 0 of 2); no model
written", the job must end within 20 s of the signal with a failure, and WORKDIR must hold no model
and no partial file of one.
"""

import os
import shutil
import signal
import subprocess
import sys
import time


def reading(path):
    """Whether a process of this machine has `path` open or mapped (/proc/PID/fd, /proc/PID/maps)."""
    path = os.path.realpath(path)
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if any(os.readlink(f"/proc/{pid}/fd/{fd}") == path for fd in os.listdir(f"/proc/{pid}/fd")):
                return True
            with open(f"/proc/{pid}/maps") as maps:
                if any(line.rstrip("\n").endswith(" " + path) for line in maps):
                    return True
        except OSError:
            continue
    return False


cli, data, work = sys.argv[1], sys.argv[2], sys.argv[3]
phase = sys.argv[4] if len(sys.argv) > 4 else "train"
if shutil.which("mpirun") is None:
    print("skipped: mpirun not found (install openmpi-bin; scripts/install-deps.sh)")
    sys.exit(77)
work = os.path.join(work, phase)
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
model = os.path.join(work, "interrupted.cmtl")
arguments = ["--task", "Class:binary:bad", "--task", "int_rate:regression", "--threads", "1", "--out", model]
if phase == "train":
    arguments += ["--data", data, "--epochs", "2000", "--patience", "0", "--batch", "32"]
else:
    large = os.path.join(work, "large.csv")
    with open(data, "rb") as source:
        header = source.readline()
        rows = source.read()
    with open(large, "wb") as copy:
        copy.write(header)
        for _ in range(300 if phase == "read" else 60):
            copy.write(rows)
    arguments += ["--data", large]
    if phase == "evaluate":
        # A wider trunk than the default (128,64), so that evaluating takes seconds, not one.
        arguments += ["--epochs", "1", "--refit", "none", "--train-fraction", "0.02", "--validation-fraction",
                      "0.02", "--hidden", "512,256"]
    else:
        arguments += ["--epochs", "1"]
command = ["mpirun"] + (["--allow-run-as-root"] if os.geteuid() == 0 else []) + [
    "--oversubscribe", "--mca", "btl", "self,vader", "--mca", "oob_tcp_if_include", "lo", "-np", "2",
    cli, "train"] + arguments
job = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       start_new_session=True)
lines = []
started = time.monotonic()
if phase == "read":
    while not reading(large):
        if job.poll() is not None or time.monotonic() - started > 60:
            print(job.communicate()[0] if job.poll() is not None else "")
            sys.exit("FAIL: no rank opened the data file within 60 s")
        time.sleep(0.02)
else:
    for line in job.stdout:
        lines.append(line)
        if line.startswith("epoch 1 "):
            break
        if time.monotonic() - started > 60:
            break
    if not any(line.startswith("epoch 1 ") for line in lines):
        job.kill()
        print("".join(lines))
        sys.exit("FAIL: rank 0 printed no first epoch within 60 s")
signalled = time.monotonic()
os.kill(job.pid, signal.SIGINT)
try:
    rest, _ = job.communicate(timeout=20)
except subprocess.TimeoutExpired:
    os.killpg(job.pid, signal.SIGKILL)
    rest, _ = job.communicate()
    print("".join(lines) + rest)
    sys.exit("FAIL: the job did not end within 20 s of SIGINT")
seconds = time.monotonic() - signalled
if phase != "train":
    os.remove(large)
output = "".join(lines) + rest
print(output)
print(f"mpirun ended {seconds:.1f} s after SIGINT ({phase}) with status {job.returncode}")
said = output.count("creditmtl-cli: interrupted (rank 0 of 2); no model written")
if said != 1:
    sys.exit(f"FAIL: rank 0 said it was interrupted {said} times, not once")
if job.returncode == 0:
    sys.exit("FAIL: the interrupted job ended with status 0")
if phase == "read" and "Training on" in output:
    sys.exit("FAIL: the ranks read the data to its end: the signal came after the read (a slower read needed)")
left = sorted(os.listdir(work))
if left:
    sys.exit(f"FAIL: the interrupted job left {left} in {work}")
if "Model written" in output:
    sys.exit("FAIL: the interrupted job said it wrote the model")
print("PASS")
