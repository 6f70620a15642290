#!/usr/bin/env python3
"""CreditMTL's own workload generator, Python standard library only (no numpy).

usage: make_synth_stdlib.py ROWS OUT.csv

The same table as ../shared/reference/make_synth.py (seeded, reproducible): 40 numeric features
N(0, 1) written with 5 significant digits, 2% missing; 4 categorical features with 5, 12, 3 and 50
levels; tasks default (0/1), grade (A..G) and rate (float), all driven by one shared latent risk.
The distributions and the file layout are those of the reference; the random streams differ
(Python's Mersenne Twister instead of numpy's PCG64), so the bytes differ. scripts/bench.sh uses
the reference generator when it and numpy are available, and this one otherwise.
"""
import bisect
import math
import random
import sys


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(7)
    w = [rng.gauss(0, 1) / math.sqrt(40) for _ in range(40)]
    levels = (5, 12, 3, 50)
    cat_eff = [[rng.gauss(0, 1) * 0.3 for _ in range(k)] for k in levels]
    cat_names = [[f"c{j}_{i}" for i in range(k)] for j, k in enumerate(levels)]
    cuts = [-1.2, -0.6, -0.1, 0.4, 0.9, 1.5]
    gauss, uniform, randrange = rng.gauss, rng.random, rng.randrange
    defaults = 0
    with open(out, "w") as f:
        f.write(",".join([f"x{i}" for i in range(40)] +
                         ["purpose", "region", "home", "state", "default", "grade", "rate"]) + "\n")
        lines = []
        for r in range(n):
            x = [gauss(0, 1) for _ in range(40)]
            cats = [randrange(k) for k in levels]
            risk = sum(a * b for a, b in zip(x, w)) + sum(e[c] for e, c in zip(cat_eff, cats))
            risk += 0.5 * math.tanh(x[0] * x[1])
            p = 1 / (1 + math.exp(-(risk * 1.2 - 2.9)))
            default = 1 if uniform() < p else 0
            defaults += default
            grade = min(6, bisect.bisect_right(cuts, risk + gauss(0, 0.4)))
            rate = 6 + 2.8 * grade + gauss(0, 1.2)
            row = ["" if uniform() < 0.02 else f"{v:.5g}" for v in x]
            row += [cat_names[j][cats[j]] for j in range(4)]
            row += [str(default), "ABCDEFG"[grade], f"{rate:.2f}"]
            lines.append(",".join(row))
            if len(lines) == 10000:
                f.write("\n".join(lines) + "\n")
                lines = []
        if lines:
            f.write("\n".join(lines) + "\n")
    print(n, "rows ->", out, "default rate", defaults / max(1, n))


if __name__ == "__main__":
    main()
