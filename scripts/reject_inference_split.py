#!/usr/bin/env python3
"""Splits samples/lending_club.csv as an underwriter would, for the README's reject inference
example: the 20% of highest interest rate (the lender's own risk price) are "declined" and lose
their outcome column (Class); the rest are the accepts. Writes ACCEPTS and DECLINED.

    python3 scripts/reject_inference_split.py samples/lending_club.csv accepts.csv declined.csv
"""
import csv
import sys

source, accepts_path, declined_path = sys.argv[1:4]
with open(source, newline="") as handle:
    rows = list(csv.reader(handle))
header, data = rows[0], rows[1:]
rate, outcome = header.index("int_rate"), header.index("Class")
data.sort(key=lambda row: float(row[rate]))  # stable: ties keep the file's order
accepted = len(data) * 8 // 10
with open(accepts_path, "w", newline="") as handle:
    csv.writer(handle).writerows([header] + data[:accepted])
with open(declined_path, "w", newline="") as handle:
    drop = lambda row: [cell for i, cell in enumerate(row) if i != outcome]
    csv.writer(handle).writerows([drop(header)] + [drop(row) for row in data[accepted:]])
declined_bad = sum(row[outcome] == "bad" for row in data[accepted:]) / (len(data) - accepted)
print(f"{accepted} accepts, {len(data) - accepted} declined (their true bad rate, unknown to the lender: "
      f"{100 * declined_bad:.2f}%)")
