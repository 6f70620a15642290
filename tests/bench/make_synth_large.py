#!/usr/bin/python3
"""make_synth.py's table for row counts it cannot hold in memory (seeded, reproducible).

usage: make_synth_large.py ROWS OUT.csv WRITER [--scratch DIR]

../shared/reference/make_synth.py turns every cell into a Python object before writing (about
1.9 GB for 1,000,000 rows, so about 37 GB for 20,000,000). This script draws exactly the same
random numbers in exactly the same order (numpy's Generator fills arrays element by element, so
drawing X and the missing mask in blocks of rows continues the same stream), keeps them as typed
arrays (about 0.3 KB a row at the peak), writes them to a scratch directory and lets WRITER
(creditmtl-synth-writer, built from tests/bench/SynthCsvWriter.cpp) format them with printf's
"%.5g" and "%.2f", which round exactly as Python's f"{v:.5g}" and f"{v:.2f}" do. The output is
byte for byte make_synth.py's; checked on 300,000 and 1,000,000 rows (more than one block) with
    /usr/bin/python3 make_synth.py 1000000 a.csv
    /usr/bin/python3 make_synth_large.py 1000000 b.csv build/tests/bench/creditmtl-synth-writer
    cmp a.csv b.csv
"""
import os
import subprocess
import sys
import tempfile

import numpy as np

BLOCK = 262144  # rows drawn at once; smaller than the check's 1,000,000 so the check covers blocking


def main():
    args = sys.argv[1:]
    scratch_parent = None
    if "--scratch" in args:
        at = args.index("--scratch")
        scratch_parent = args[at + 1]
        del args[at:at + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    n, out, writer = int(args[0]), args[1], args[2]
    if os.path.exists(out) and os.path.samefile(out, writer):
        sys.exit("make_synth_large.py: OUT.csv is the writer itself")
    rng = np.random.default_rng(7)
    with tempfile.TemporaryDirectory(dir=scratch_parent, prefix="synth-") as scratch:
        # The order of the draws is make_synth.py's: X, w, the categories, their effects, the
        # default draw, grade noise, rate noise, then the missing mask.
        x_path = os.path.join(scratch, "x.f32")
        with open(x_path, "wb") as f:
            for start in range(0, n, BLOCK):
                rows = min(BLOCK, n - start)
                rng.standard_normal((rows, 40)).astype(np.float32).tofile(f)
        X = np.memmap(x_path, dtype=np.float32, mode="r", shape=(n, 40))
        w = rng.standard_normal(40) / np.sqrt(40)
        cats = [rng.integers(0, k, n) for k in (5, 12, 3, 50)]
        cat_eff = [rng.standard_normal(k) * 0.3 for k in (5, 12, 3, 50)]
        risk = risk_in_order(X, w, cats, cat_eff, n)  # make_synth.py's sum, in its order, by blocks
        p = 1 / (1 + np.exp(-(risk * 1.2 - 2.9)))
        default = (rng.random(n) < p).astype(np.uint8)
        grade_idx = np.clip(np.digitize(risk + rng.normal(0, 0.4, n), [-1.2, -0.6, -0.1, 0.4, 0.9, 1.5]), 0, 6)
        rate = 6 + 2.8 * grade_idx + rng.normal(0, 1.2, n)
        np.stack([c.astype(np.uint8) for c in cats], axis=1).tofile(os.path.join(scratch, "cats.u8"))
        default.tofile(os.path.join(scratch, "default.u8"))
        grade_idx.astype(np.uint8).tofile(os.path.join(scratch, "grade.u8"))
        rate.astype(np.float64).tofile(os.path.join(scratch, "rate.f64"))
        with open(os.path.join(scratch, "miss.u8"), "wb") as f:
            for start in range(0, n, BLOCK):
                rows = min(BLOCK, n - start)
                (rng.random((rows, 40)) < 0.02).astype(np.uint8).tofile(f)
        subprocess.run([writer, str(n), scratch, out], check=True)
    print(n, "rows ->", out, "default rate", default.mean())


def risk_in_order(X, w, cats, cat_eff, n):
    """make_synth.py's risk: X @ w + sum(e[c] for e, c in zip(cat_eff, cats)) + 0.5 * tanh(x0 * x1)."""
    risk = np.empty(n)
    for start in range(0, n, BLOCK):
        stop = min(n, start + BLOCK)
        block = np.asarray(X[start:stop])
        effects = sum(e[c[start:stop]] for e, c in zip(cat_eff, cats))
        risk[start:stop] = block @ w + effects + 0.5 * np.tanh(block[:, 0] * block[:, 1])
    return risk


if __name__ == "__main__":
    main()
