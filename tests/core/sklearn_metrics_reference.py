#!/usr/bin/python3
"""Reference figures for tests/core/tst_metrics.cpp, computed with Debian 12's scikit-learn 1.2.1.

Run:  /usr/bin/python3 tests/core/sklearn_metrics_reference.py
It prints the constants embedded in tst_metrics.cpp (between the "BEGIN/END generated" markers).

The data sets are built from integer formulas that tst_metrics.cpp repeats line for line. Every
float is either an exact small integer ratio or one correctly rounded float32 division, so C++ and
numpy produce bit-identical inputs. The metrics are computed on those float32 values widened to
float64, so the references carry double precision rather than sklearn's float32 arithmetic.
"""
import textwrap

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (accuracy_score, brier_score_loss, confusion_matrix, f1_score, log_loss,
                             mean_absolute_error, mean_squared_error, precision_score, r2_score,
                             recall_score, roc_auc_score, roc_curve)

assert sklearn.__version__.startswith("1.2"), sklearn.__version__

F32 = np.float32
# sklearn 1.2 log_loss(eps="auto") clips float32 probabilities at float32 epsilon (2^-23).
FLOAT32_EPS = float(np.finfo(np.float32).eps)


def ratio32(numerator, denominator):
    """float(numerator) / float(denominator) in float32, as the C++ test computes it."""
    return F32(numerator) / F32(denominator)


# --- Data sets (mirrored in tst_metrics.cpp) -----------------------------------------------------

def graded_binary():
    """120 rows, 20 distinct scores (6 rows each), labels of both kinds inside most tie groups."""
    scores, labels = [], []
    for i in range(120):
        grade = (i * 37 + 11) % 20
        scores.append(ratio32(grade * 5 + 2, 100))
        labels.append(1 if (i * 53 + 7) % 19 < grade else 0)
    return np.array(scores, dtype=F32), np.array(labels)


def all_tied_binary():
    return np.full(50, F32(0.3)), np.array([1 if i % 3 == 0 else 0 for i in range(50)])


def separated_binary():
    """40 rows; every positive scores above every negative, with ties inside each class."""
    scores, labels = [], []
    for i in range(40):
        label = i % 2
        scores.append(ratio32(60 + i % 5, 100) if label else ratio32(10 + i % 7, 100))
        labels.append(label)
    return np.array(scores, dtype=F32), np.array(labels)


def extreme_binary():
    """Probabilities at and beyond the clipping bounds, for log loss."""
    scores = np.array([0.0, 1.0, F32(1e-9), F32(1.0) - F32(2.0**-24), F32(2.0**-24), 0.5, 0.25, 1.0, 0.0, F32(0.9)],
                      dtype=F32)
    labels = np.array([1, 0, 1, 1, 0, 1, 0, 1, 0, 0])
    return scores, labels


def edge_binary():
    """40 rows scored k/8, so many scores sit exactly on the edges of 4 uniform calibration bins."""
    scores, labels = [], []
    for i in range(40):
        eighths = (i * 7) % 9
        scores.append(ratio32(eighths, 8))
        labels.append(1 if (i * 11 + 3) % 9 < eighths else 0)
    return np.array(scores, dtype=F32), np.array(labels)


def multiclass():
    """90 rows, 5 classes: class 3 occurs but is never the most probable; class 4 never occurs and is
    never predicted, and its probability is often exactly 0 (clipped by log loss)."""
    columns, labels = [], []
    for i in range(90):
        weights = [3 + (i * 7 + 1) % 11, 3 + (i * 11 + 4) % 11, 3 + (i * 5 + 9) % 11, i % 3, 1 if i % 5 == 0 else 0]
        total = sum(weights)
        columns.append([ratio32(w, total) for w in weights])
        if (i * 7 + 2) % 10 < 6:
            labels.append(int(np.argmax(weights)))
        elif i % 4 == 3:
            labels.append(3)
        else:
            labels.append((i * 13) % 3)
    return np.array(columns, dtype=F32), np.array(labels)


def regression():
    actual, predicted = [], []
    for i in range(60):
        truth = ratio32((i * 29 + 3) % 41, 4) - F32(3)
        actual.append(truth)
        predicted.append(truth + ratio32((i * 17 + 5) % 11 - 5, 10))
    return np.array(predicted, dtype=F32), np.array(actual, dtype=F32)


# --- Printing ------------------------------------------------------------------------------------

def number(value):
    value = float(value)
    if np.isnan(value):
        return "kNaN"
    return repr(value)


def scalar(name, value):
    print(f"constexpr double {name} = {number(value)};")


def braced(declaration, items):
    """declaration = {items}; wrapped at 120 columns (the block is exempt from clang-format)."""
    text = f"{declaration} = {{{', '.join(items)}}};"
    print("\n".join(textwrap.wrap(text, width=120, subsequent_indent="    ", break_on_hyphens=False)))


def array(name, values):
    braced(f"constexpr std::array<double, {len(values)}> {name}", [number(v) for v in values])


def int_array(name, values):
    braced(f"constexpr std::array<std::int64_t, {len(values)}> {name}", [str(int(v)) for v in values])


def binary_figures(prefix, scores, labels, threshold=0.5):
    p = scores.astype(np.float64)
    scalar(f"{prefix}Auc", roc_auc_score(labels, p))
    fpr, tpr, _ = roc_curve(labels, p, drop_intermediate=False)
    scalar(f"{prefix}Ks", np.max(tpr - fpr))
    precise = log_loss(labels, p, eps=FLOAT32_EPS, labels=[0, 1])
    # The float32 default call is what a user of sklearn 1.2 would run; it agrees to float32 precision.
    assert abs(precise - log_loss(labels, scores, labels=[0, 1])) < 1e-6 * max(1.0, precise)
    scalar(f"{prefix}LogLoss", precise)
    scalar(f"{prefix}Brier", brier_score_loss(labels, p))
    predicted = (p >= threshold).astype(int)
    scalar(f"{prefix}Accuracy", accuracy_score(labels, predicted))
    scalar(f"{prefix}Precision", precision_score(labels, predicted, zero_division=0))
    scalar(f"{prefix}Recall", recall_score(labels, predicted, zero_division=0))
    scalar(f"{prefix}F1", f1_score(labels, predicted, zero_division=0))
    tn, fp, fn, tp = confusion_matrix(labels, predicted, labels=[0, 1]).ravel()
    int_array(f"{prefix}Confusion", [tp, fp, tn, fn])


def main():
    print(f"// BEGIN generated by sklearn_metrics_reference.py (scikit-learn {sklearn.__version__}, "
          f"numpy {np.__version__})")
    print("// clang-format off")

    scores, labels = graded_binary()
    binary_figures("kGraded", scores, labels)
    fpr, tpr, thresholds = roc_curve(labels, scores.astype(np.float64), drop_intermediate=False)
    array("kGradedRocFpr", fpr)
    array("kGradedRocTpr", tpr)
    array("kGradedRocThresholds", thresholds[1:])  # [0] is max + 1 in sklearn 1.2; ours is +inf
    binary_figures("kGradedAt07", scores, labels, threshold=0.7)
    prob_true, prob_pred = calibration_curve(labels, scores.astype(np.float64), n_bins=10)
    array("kGradedCalibrationObserved", prob_true)
    array("kGradedCalibrationPredicted", prob_pred)

    scores, labels = all_tied_binary()
    binary_figures("kTied", scores, labels)

    scores, labels = separated_binary()
    binary_figures("kSeparated", scores, labels)
    scalar("kInvertedAuc", roc_auc_score(labels, -scores.astype(np.float64)))

    scores, labels = extreme_binary()
    binary_figures("kExtreme", scores, labels)

    scores, labels = edge_binary()
    p = scores.astype(np.float64)
    prob_true, prob_pred = calibration_curve(labels, p, n_bins=4)
    array("kEdgeCalibrationObserved", prob_true)
    array("kEdgeCalibrationPredicted", prob_pred)
    bin_ids = np.searchsorted(np.linspace(0.0, 1.0, 5)[1:-1], p)
    counts = np.bincount(bin_ids, minlength=4)
    int_array("kEdgeCalibrationCounts", counts[counts != 0])

    # One class only: log loss and Brier stay defined once the label set {0, 1} is given.
    scores, labels = graded_binary()
    negatives = labels == 0
    scalar("kOnlyNegativesLogLoss", log_loss(labels[negatives], scores[negatives].astype(np.float64),
                                             eps=FLOAT32_EPS, labels=[0, 1]))
    scalar("kOnlyNegativesBrier", brier_score_loss(labels[negatives], scores[negatives].astype(np.float64)))

    probabilities, labels = multiclass()
    p = probabilities.astype(np.float64)
    predicted = np.argmax(p, axis=1)
    assert 3 in labels and 3 not in predicted and 4 not in labels and 4 not in predicted
    classes = list(range(p.shape[1]))
    scalar("kMultiAccuracy", accuracy_score(labels, predicted))
    scalar("kMultiMacroF1", f1_score(labels, predicted, average="macro"))
    precise = log_loss(labels, p, eps=FLOAT32_EPS, labels=classes)
    assert abs(precise - log_loss(labels, probabilities, labels=classes)) < 1e-6 * max(1.0, precise)
    scalar("kMultiLogLoss", precise)
    int_array("kMultiConfusion", confusion_matrix(labels, predicted, labels=classes).ravel())
    array("kMultiPrecision", precision_score(labels, predicted, labels=classes, average=None, zero_division=0))
    array("kMultiRecall", recall_score(labels, predicted, labels=classes, average=None, zero_division=0))
    array("kMultiF1", f1_score(labels, predicted, labels=classes, average=None, zero_division=0))
    aucs = []
    for k in classes:
        is_k = (labels == k).astype(int)
        aucs.append(roc_auc_score(is_k, p[:, k]) if 0 < is_k.sum() < len(is_k) else float("nan"))
    array("kMultiOneVsRestAuc", aucs)

    predicted, actual = regression()
    y_pred, y_true = predicted.astype(np.float64), actual.astype(np.float64)
    scalar("kRegressionRmse", mean_squared_error(y_true, y_pred, squared=False))
    scalar("kRegressionMae", mean_absolute_error(y_true, y_pred))
    scalar("kRegressionR2", r2_score(y_true, y_pred))
    print("// clang-format on")
    print("// END generated")


if __name__ == "__main__":
    main()
