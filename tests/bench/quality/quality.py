#!/usr/bin/python3
"""Model-quality benchmark: CreditMTL against a tuned logistic regression on repeated splits.

For each dataset and seed, scikit-learn's train_test_split(test_size=0.2, random_state=SEED,
stratify=<binary task>) cuts the rows into a training and a test part, written as CSV files. Then
  * creditmtl-cli train --data TRAIN --test TEST (the product's defaults, or --cli-args) is run,
    its test metrics read from --metrics-json;
  * with --single-task, the same network is trained once per task alone (multi- vs single-task);
  * a tuned logistic regression (python3-sklearn: rare levels pooled, 0/1 dummies, numeric columns
    standardised, median-imputed, penalty C chosen by inner stratified 3-fold CV on the training
    part only) scores the same test part: the careful data scientist's baseline.
--fraction F keeps a stratified share F of the training part (scarce-data mode; the test part is
unchanged). Prints per dataset mean +- sd over the seeds, the paired differences and the wins,
side by side; --json FILE also writes every figure.

Time: one lending_club seed takes about 1-2 s for CreditMTL and 3-4 s for the tuned logistic
regression on one core, so the full default run (3 datasets x 10 seeds) takes 2-3 minutes.

Usage (from the repository root, after building creditmtl-cli):
  tests/bench/quality/quality.py [--datasets lending_club,german,credit_data] [--seeds 0-9]
      [--cli build/app/cli/creditmtl-cli] [--cli-args "--l2 1e-3"] [--fraction 0.2]
      [--single-task] [--no-logistic] [--json results.json] [--against earlier.json]
--against EARLIER (a --json file of an earlier run on the same seeds, e.g. the defaults) adds the
paired differences against that run's CreditMTL figures: how a change of options moved them.
"""

import argparse
import csv
import json
import math
import os
import shlex
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import GridSearchCV, StratifiedKFold, KFold, train_test_split
from sklearn.metrics import roc_auc_score, accuracy_score, mean_squared_error

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SHARED = os.path.abspath(os.path.join(REPO, "..", "..", "shared", "datasets"))
if not os.path.isdir(SHARED):
    SHARED = "/work/shared/datasets"

# name: (file, tasks [(column, kind, positive class)], columns that are never features)
DATASETS = {
    "lending_club": ("lending_club.csv",
                     [("Class", "binary", "bad"), ("grade", "multiclass", None), ("int_rate", "regression", None)],
                     ["sub_grade"]),
    "german": ("german_credit_caret.csv", [("Class", "binary", "Bad")], []),
    "credit_data": ("credit_data.csv", [("Status", "binary", "bad")], []),
}

C_GRID = [1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3]
ALPHA_GRID = [0.01, 0.1, 1, 10, 100, 1000]
MIN_LEVEL_ROWS = 10  # rarer levels are pooled into one "other" level (as CreditMTL's one-hot does)


def read_dataset(name):
    file, tasks, never = DATASETS[name]
    with open(os.path.join(SHARED, file), newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    if name == "lending_club":  # grade = the first letter of sub_grade, a task
        at = header.index("sub_grade")
        header = header + ["grade"]
        rows = [r + [r[at][0]] for r in rows]
    return header, rows, tasks, never


def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return text == "NA"


def design(header, train, test, features):
    """0/1 dummies (rare levels pooled) and standardised numbers, fitted on the training rows."""
    blocks_train, blocks_test = [], []
    for col in features:
        j = header.index(col)
        values = [r[j] for r in train]
        if all(is_number(v) for v in values):
            def num(rows):
                return np.array([np.nan if r[j] == "NA" else float(r[j]) for r in rows])
            a, b = num(train), num(test)
            median = np.nanmedian(a) if np.any(~np.isnan(a)) else 0.0
            a[np.isnan(a)] = median
            b[np.isnan(b)] = median
            sd = a.std() or 1.0
            blocks_train.append(((a - a.mean()) / sd)[:, None])
            blocks_test.append(((b - a.mean()) / sd)[:, None])
        else:
            counts = {}
            for v in values:
                counts[v] = counts.get(v, 0) + 1
            levels = sorted(v for v, n in counts.items() if n >= MIN_LEVEL_ROWS)
            index = {v: i for i, v in enumerate(levels)}
            def dummies(rows):
                m = np.zeros((len(rows), len(levels) + 1))
                for i, r in enumerate(rows):
                    m[i, index.get(r[j], len(levels))] = 1
                return m
            blocks_train.append(dummies(train))
            blocks_test.append(dummies(test))
    return np.hstack(blocks_train), np.hstack(blocks_test)


def tuned_logistic(header, train, test, tasks, never, seed):
    task_columns = [t[0] for t in tasks]
    features = [c for c in header if c not in task_columns and c not in never]
    x_train, x_test = design(header, train, test, features)
    result = {}
    for column, kind, positive in tasks:
        j = header.index(column)
        if kind == "binary":
            y = np.array([r[j] == positive for r in train], dtype=int)
            yt = np.array([r[j] == positive for r in test], dtype=int)
            search = GridSearchCV(LogisticRegression(max_iter=2000), {"C": C_GRID}, scoring="roc_auc",
                                  cv=StratifiedKFold(3, shuffle=True, random_state=seed))
            search.fit(x_train, y)
            result[column] = {"AUC": roc_auc_score(yt, search.predict_proba(x_test)[:, 1]),
                              "C": search.best_params_["C"]}
        elif kind == "multiclass":
            y = np.array([r[j] for r in train])
            yt = np.array([r[j] for r in test])
            search = GridSearchCV(LogisticRegression(max_iter=2000), {"C": C_GRID}, scoring="accuracy",
                                  cv=StratifiedKFold(3, shuffle=True, random_state=seed))
            search.fit(x_train, y)
            result[column] = {"accuracy": accuracy_score(yt, search.predict(x_test)),
                              "C": search.best_params_["C"]}
        else:
            y = np.array([float(r[j]) for r in train])
            yt = np.array([float(r[j]) for r in test])
            search = GridSearchCV(Ridge(), {"alpha": ALPHA_GRID}, scoring="neg_root_mean_squared_error",
                                  cv=KFold(3, shuffle=True, random_state=seed))
            search.fit(x_train, y)
            result[column] = {"RMSE": math.sqrt(mean_squared_error(yt, search.predict(x_test))),
                              "alpha": search.best_params_["alpha"]}
    return result


def task_flag(task):
    column, kind, positive = task
    return ["--task", f"{column}:{kind}:{positive}" if positive else f"{column}:{kind}"]


def headline(metrics):
    """The headline figure of each task from a --metrics-json file."""
    out = {}
    for name, task in metrics["tasks"].items():
        if task["type"] == "binary":
            out[name] = {"AUC": task["auc"]}
        elif task["type"] == "multiclass":
            out[name] = {"accuracy": task["accuracy"]}
        else:
            out[name] = {"RMSE": task["rmse"]}
    return out


def run_cli(cli, cli_args, train_path, test_path, tasks, never, work):
    args = [cli, "train", "--data", train_path, "--test", test_path, "--out", os.path.join(work, "m.cmtl"),
            "--metrics-json", os.path.join(work, "m.json"), "--threads", "1"]
    for task in tasks:
        args += task_flag(task)
    for column in never:
        args += ["--ignore", column]
    args += shlex.split(cli_args)
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("creditmtl-cli failed:\n" + " ".join(args) + "\n" + done.stdout[-2000:] + done.stderr)
    with open(os.path.join(work, "m.json")) as f:
        return headline(json.load(f))


def parse_seeds(text):
    seeds = []
    for part in text.split(","):
        if "-" in part:
            a, b = part.split("-")
            seeds += list(range(int(a), int(b) + 1))
        else:
            seeds.append(int(part))
    return seeds


def summary(values):
    a = np.array(values)
    return a.mean(), (a.std(ddof=1) if len(a) > 1 else 0.0)


def nadeau_bengio(differences, test_to_train):
    """Mean and the half width of the 95% Nadeau-Bengio corrected resampled t interval:
    mean d +- t(0.975, k-1) * sqrt((1/k + n_test/n_train) * s_d^2)."""
    from scipy import stats
    d = np.array(differences)
    k = len(d)
    if k < 2:
        return d.mean(), float("nan")
    variance = d.var(ddof=1) * (1.0 / k + test_to_train)
    return d.mean(), stats.t.ppf(0.975, k - 1) * math.sqrt(variance)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--datasets", default="lending_club,german,credit_data")
    p.add_argument("--seeds", default="0-9")
    p.add_argument("--cli", default=os.path.join(REPO, "build", "app", "cli", "creditmtl-cli"))
    p.add_argument("--cli-args", default="", help="extra creditmtl-cli train options (default: none)")
    p.add_argument("--fraction", type=float, default=1.0, help="share of the training part kept")
    p.add_argument("--single-task", action="store_true", help="also train the same network per task")
    p.add_argument("--no-logistic", action="store_true")
    p.add_argument("--json", help="write every figure to this file")
    p.add_argument("--against", help="a --json file of an earlier run (same seeds): paired differences against it")
    p.add_argument("--logistic-cache", default=os.path.join(tempfile.gettempdir(), "cmtl-quality-logistic.json"),
                   help="the tuned logistic figures of each dataset, seed and share, kept between runs")
    a = p.parse_args()
    seeds = parse_seeds(a.seeds)
    cache = {}
    if os.path.exists(a.logistic_cache):
        with open(a.logistic_cache) as f:
            cache = json.load(f)
    earlier = None
    if a.against:
        with open(a.against) as f:
            earlier = json.load(f)
        if earlier["seeds"] != seeds or earlier["fraction"] != a.fraction:
            sys.exit(f"--against {a.against}: its seeds {earlier['seeds']} and share {earlier['fraction']} "
                     f"differ from this run's {seeds} and {a.fraction}; paired differences need the same splits")
    everything = {"cli_args": a.cli_args, "fraction": a.fraction, "seeds": seeds, "datasets": {}}
    with tempfile.TemporaryDirectory(prefix="cmtl-quality-") as work:
        for name in a.datasets.split(","):
            header, rows, tasks, never = read_dataset(name)
            strata_column = header.index(tasks[0][0])
            strata = [r[strata_column] for r in rows]
            models = {"creditmtl": [], "single-task": [], "logistic": [], "against": []}
            for seed in seeds:
                train, test = train_test_split(rows, test_size=0.2, random_state=seed, stratify=strata)
                if a.fraction < 1.0:
                    train, _ = train_test_split(train, train_size=a.fraction, random_state=seed,
                                                stratify=[r[strata_column] for r in train])
                train_path, test_path = os.path.join(work, "train.csv"), os.path.join(work, "test.csv")
                write_csv(train_path, header, train)
                write_csv(test_path, header, test)
                models["creditmtl"].append(run_cli(a.cli, a.cli_args, train_path, test_path, tasks, never, work))
                if a.single_task:
                    alone = {}
                    for task in tasks:
                        others = [t[0] for t in tasks if t is not task]
                        alone.update(run_cli(a.cli, a.cli_args, train_path, test_path, [task], never + others, work))
                    models["single-task"].append(alone)
                if not a.no_logistic:
                    key = f"{name}/{seed}/{a.fraction}"
                    if key not in cache:
                        cache[key] = tuned_logistic(header, train, test, tasks, never, seed)
                        with open(a.logistic_cache, "w") as f:
                            json.dump(cache, f)
                    models["logistic"].append(cache[key])
                print(f"  {name} seed {seed}: " + json.dumps({m: v[-1] for m, v in models.items() if v}),
                      file=sys.stderr, flush=True)
            if earlier is not None:
                if name not in earlier["datasets"]:
                    sys.exit(f"--against {a.against}: it holds no figures for {name}")
                models["against"] = earlier["datasets"][name]["creditmtl"]
            everything["datasets"][name] = {m: v for m, v in models.items() if m != "against"}
            report(name, tasks, models, seeds, a, earlier)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(everything, f, indent=1)


def report(name, tasks, models, seeds, a, earlier):
    print(f"\n{name}: {len(seeds)} stratified 80/20 splits (seeds {a.seeds}), training share {a.fraction}, "
          f"creditmtl-cli train {a.cli_args or '(defaults)'}")
    if earlier is not None:
        print(f"  against: {a.against}, creditmtl-cli train {earlier['cli_args'] or '(defaults)'}")
    present = [m for m in models if models[m]]
    for column, kind, _ in tasks:
        metric = {"binary": "AUC", "multiclass": "accuracy", "regression": "RMSE"}[kind]
        higher = metric != "RMSE"
        cells = [f"{m} {summary([r[column][metric] for r in models[m]])[0]:.4f} +- "
                 f"{summary([r[column][metric] for r in models[m]])[1]:.4f}" for m in present]
        print(f"  {column} {metric}: " + " | ".join(cells))
        mine = [r[column][metric] for r in models["creditmtl"]]
        for other in present[1:]:
            theirs = [r[column][metric] for r in models[other]]
            d = [x - y for x, y in zip(mine, theirs)]
            wins = sum(1 for x in d if (x > 0) == higher and x != 0)
            # n_test / n_train: the test part is 20% of the rows, the training part 80% times the share kept
            mean, half = nadeau_bengio(d, 0.2 / (0.8 * a.fraction))
            print(f"    creditmtl - {other}: {np.mean(d):+.4f} +- {np.std(d, ddof=1):.4f} (sd), "
                  f"95% Nadeau-Bengio interval [{mean - half:+.4f}, {mean + half:+.4f}], "
                  f"creditmtl better on {wins} of {len(d)} splits")
        if "logistic" in present:
            chosen = [r[column].get("C", r[column].get("alpha")) for r in models["logistic"]]
            print(f"    logistic penalty chosen by inner CV per split: {chosen}")


if __name__ == "__main__":
    main()
