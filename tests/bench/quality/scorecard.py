#!/usr/bin/python3
"""Scorecard benchmark: creditmtl-cli scorecard against the tuned logistic regression of quality.py.

On the same 10 stratified 80/20 splits as quality.py (scikit-learn's train_test_split(test_size=0.2,
random_state=SEED, stratify=<binary task>)), for the binary task of each dataset:
  creditmtl-cli scorecard --data TRAIN (all other tasks' columns and quality.py's never-features
  ignored; the binning and scaling defaults) --json card.json, then
  creditmtl-cli predict --scorecard card.json --data TEST; the test AUC of <task>.probability is
  computed here with sklearn.metrics.roc_auc_score (independently of CreditMTL's metrics).
The tuned logistic regression of quality.py scores the same test parts (read from quality.py's
--logistic-cache when it holds them, else fitted and added to it): printed with the paired
differences and their 95% Nadeau-Bengio interval. Time: about 1 s per split for the scorecard, 3-4 s
for a logistic regression not in the cache.

Usage (from the repository root, after building creditmtl-cli):
  tests/bench/quality/scorecard.py [--datasets lending_club,german,credit_data] [--seeds 0-9]
      [--cli build/app/cli/creditmtl-cli] [--cli-args "--max-bins 6"]
"""

import argparse
import csv
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile

from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quality import REPO, read_dataset, write_csv, parse_seeds, tuned_logistic, nadeau_bengio  # noqa: E402


def run(args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("creditmtl-cli failed:\n" + " ".join(args) + "\n" + done.stdout[-2000:] + done.stderr)
    return done.stdout


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--datasets", default="lending_club,german,credit_data")
    p.add_argument("--seeds", default="0-9")
    p.add_argument("--cli", default=os.path.join(REPO, "build", "app", "cli", "creditmtl-cli"))
    p.add_argument("--cli-args", default="")
    p.add_argument("--logistic-cache", default=os.path.join(tempfile.gettempdir(), "cmtl-quality-logistic.json"))
    a = p.parse_args()
    cache = {}
    if os.path.exists(a.logistic_cache):
        with open(a.logistic_cache) as f:
            cache = json.load(f)
    with tempfile.TemporaryDirectory(prefix="cmtl-scorecard-") as work:
        for name in a.datasets.split(","):
            header, rows, tasks, never = read_dataset(name)
            column, _, positive = [t for t in tasks if t[1] == "binary"][0]
            at = header.index(column)
            strata = [r[at] for r in rows]
            ignored = [t[0] for t in tasks if t[0] != column] + never
            aucs, logistic, warned = [], [], 0
            for seed in parse_seeds(a.seeds):
                train, test = train_test_split(rows, test_size=0.2, random_state=seed, stratify=strata)
                train_path, test_path = os.path.join(work, "train.csv"), os.path.join(work, "test.csv")
                write_csv(train_path, header, train)
                write_csv(test_path, header, test)
                card, scored = os.path.join(work, "card.json"), os.path.join(work, "scored.csv")
                args = [a.cli, "scorecard", "--data", train_path, "--task", f"{column}:binary:{positive}",
                        "--out", os.path.join(work, "card.csv"), "--json", card]
                for c in ignored:
                    args += ["--ignore", c]
                out = run(args + shlex.split(a.cli_args))
                warned += out.count("wrong-sign")
                run([a.cli, "predict", "--scorecard", card, "--data", test_path, "--out", scored])
                with open(scored, newline="") as f:
                    probability = [float(r[f"{column}.probability"]) for r in csv.DictReader(f)]
                labels = [int(r[at] == positive) for r in test]
                aucs.append(roc_auc_score(labels, probability))
                key = f"{name}/{seed}/1.0"
                if key not in cache:
                    cache[key] = tuned_logistic(header, train, test, tasks, never, seed)
                    with open(a.logistic_cache, "w") as f:
                        json.dump(cache, f)
                logistic.append(cache[key][column]["AUC"])
                print(f"{name} seed {seed}: scorecard test AUC {aucs[-1]:.4f}, tuned logistic {logistic[-1]:.4f}",
                      flush=True)
            mean, half = nadeau_bengio([s - l for s, l in zip(aucs, logistic)], 0.2 / 0.8)
            wins = sum(s > l for s, l in zip(aucs, logistic))
            print(f"{name} ({column} AUC): scorecard {statistics.mean(aucs):.4f} +- {statistics.stdev(aucs):.4f}, "
                  f"tuned logistic {statistics.mean(logistic):.4f} +- {statistics.stdev(logistic):.4f}; "
                  f"difference {mean:+.4f} [{mean - half:+.4f}, {mean + half:+.4f}], scorecard better on {wins} of "
                  f"{len(aucs)}; wrong-sign warnings {warned} in all")


if __name__ == "__main__":
    main()
