#!/usr/bin/env python3
"""Ctrl-C under mpirun (ctest label "mpi").

usage: cli_interrupt.py CLI DATA WORKDIR

Starts `creditmtl-cli train` under `mpirun -np 2` (on this machine only, the options of
run_mpi_test.sh) for many epochs, waits for rank 0's first epoch line, and sends SIGINT to mpirun,
as Ctrl-C in a terminal does. mpirun passes it on to the ranks as SIGTERM: they must stop after
the same training step, and rank 0 must say once "creditmtl-cli: interrupted (rank 0 of 2); no
model written"; the job must end within 20 s of the signal and write no model.
"""

import os
import shutil
import signal
import subprocess
import sys
import time

cli, data, work = sys.argv[1], sys.argv[2], sys.argv[3]
if shutil.which("mpirun") is None:
    print("skipped: mpirun not found (install openmpi-bin; scripts/install-deps.sh)")
    sys.exit(77)
os.makedirs(work, exist_ok=True)
model = os.path.join(work, "interrupted.cmtl")
if os.path.exists(model):
    os.remove(model)
command = ["mpirun"] + (["--allow-run-as-root"] if os.geteuid() == 0 else []) + [
    "--oversubscribe", "--mca", "btl", "self,vader", "--mca", "oob_tcp_if_include", "lo", "-np", "2",
    cli, "train", "--data", data, "--task", "Class:binary:bad", "--task", "int_rate:regression",
    "--epochs", "2000", "--patience", "0", "--batch", "32", "--threads", "1", "--out", model,
]
job = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       start_new_session=True)
lines = []
started = time.monotonic()
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
output = "".join(lines) + rest
print(output)
print(f"mpirun ended {seconds:.1f} s after SIGINT with status {job.returncode}")
said = output.count("creditmtl-cli: interrupted (rank 0 of 2); no model written")
if said != 1:
    sys.exit(f"FAIL: rank 0 said it was interrupted {said} times, not once")
if job.returncode == 0:
    sys.exit("FAIL: the interrupted job ended with status 0")
if os.path.exists(model):
    sys.exit(f"FAIL: the interrupted job wrote {model}")
if "Model written" in output:
    sys.exit("FAIL: the interrupted job said it wrote the model")
print("PASS")
