"""Reference figures for tests/core/tst_analytics.cpp (precision-recall curve, average precision,
PSI/CSI). Run with Debian's python3 (scikit-learn 1.2.1, numpy 1.24.2):

    /usr/bin/python3 tests/core/sklearn_analytics_reference.py

and paste the output between the "generated" markers of the test. The data sets are built from
the same integer formulas as the test's functions (keep the two in step)."""

import numpy as np
from sklearn.metrics import average_precision_score, precision_recall_curve


def tied_binary():
    # 24 rows, 11 distinct scores (ties), 10 positives.
    scores = np.array([np.float32(((i * 7) % 11) / 10.0) for i in range(24)], dtype=np.float32)
    labels = np.array([1 if (i * 5) % 7 < 3 else 0 for i in range(24)])
    return scores, labels


def drifting_values():
    # Base: 200 values, NaN on every 17th row; new: 150 values on another range, NaN every 23rd.
    base = np.array([np.nan if i % 17 == 0 else np.float32((i * 37) % 101) for i in range(200)], dtype=np.float32)
    new = np.array([np.nan if i % 23 == 0 else np.float32(((i * 53) % 131) * 0.9) for i in range(150)],
                   dtype=np.float32)
    return base, new


def stability(base, new):
    """Deciles of the base's non-missing values (numpy's linear percentile), equal edges merged,
    bands (-inf, e1], ..., (eK, inf) and missing; 0.5 added to each band occupied on either side."""
    observed = base[~np.isnan(base)].astype(np.float64)
    edges = np.unique(np.percentile(observed, [10 * k for k in range(1, 10)]))

    def counts(values):
        present = values[~np.isnan(values)].astype(np.float64)
        bands = np.searchsorted(edges, present, side="left")
        result = np.bincount(bands, minlength=len(edges) + 1).tolist()
        return result + [int(np.isnan(values).sum())]

    b, n = np.array(counts(base)), np.array(counts(new))
    occupied = (b + n) > 0
    b, n = b[occupied], n[occupied]
    bs = (b + 0.5) / (b.sum() + 0.5 * len(b))
    ns = (n + 0.5) / (n.sum() + 0.5 * len(n))
    return b, n, float(np.sum((ns - bs) * np.log(ns / bs)))


def array(name, values, kind="double"):
    text = ", ".join(repr(float(v)) if kind == "double" else str(int(v)) for v in values)
    ctype = "double" if kind == "double" else "std::int64_t"
    print(f"constexpr std::array<{ctype}, {len(values)}> {name} = {{{text}}};")


scores, labels = tied_binary()
precision, recall, thresholds = precision_recall_curve(labels, scores)
# sklearn: lowest threshold first, ending on (precision 1, recall 0); the engine reads it reversed.
array("kTiedPrecision", precision[::-1])
array("kTiedRecall", recall[::-1])
array("kTiedPrThresholds", thresholds[::-1])
print(f"constexpr double kTiedAveragePrecision = {average_precision_score(labels, scores)!r};")

base, new = drifting_values()
b, n, index = stability(base, new)
array("kDriftBaseCounts", b, "int")
array("kDriftNewCounts", n, "int")
print(f"constexpr double kDriftIndex = {index!r};")
