#!/usr/bin/python3
"""Time from the workbench's start to its column list filled, as a user waits for it.

Run inside ../shared/tools/gui/atspi_run.sh with an app command that writes its start time and then
execs the workbench on a file, after this script is polling, e.g.
    atspi_run.sh "bash -c 'sleep 4; date +%s.%N > /tmp/t0; exec build/app/workbench/creditmtl big.csv'" \
        scripts/gui_first_view_time.py /tmp/t0 47 [TABLE_NAME]
TABLE_NAME is the column list's accessible name in the workbench's language ("Columns"; "列" in
Chinese).
The column list (the Data page's "Columns" table) is polled through the accessibility bus every 20 ms
until it holds COLUMNS rows, each row's statistics included (the loader thread reads the file and
computes every column's statistics before the list is filled). Prints the seconds from the exec to
the first poll that saw the rows: an upper bound of the on-screen time (it includes the bus's own
latency and the polling step; when the rows were there at the first poll, it says so).
"""
import sys
import time

import pyatspi
from atspi import app


def find_table(node, name):
    """The table called `name`, without descending into any table's cells (a preview of a
    million rows would take minutes to walk over the bus)."""
    if node is None:
        return None
    role = node.getRoleName()
    if role == "table":
        return node if node.name == name else None
    for child in node:
        hit = find_table(child, name)
        if hit is not None:
            return hit
    return None


start_file, columns = sys.argv[1], int(sys.argv[2])
table_name = sys.argv[3] if len(sys.argv) > 3 else "Columns"
workbench = app("creditmtl", secs=60)
table = None
deadline = time.time() + 120
while table is None and time.time() < deadline:
    table = find_table(workbench, table_name)
    if table is None:
        time.sleep(0.02)
if table is None:
    sys.exit(f"no table named {table_name}")
first_poll = True
while time.time() < deadline:
    rows = table.queryTable().nRows
    if rows >= columns:
        seen = time.time()
        break
    first_poll = False
    time.sleep(0.02)
else:
    sys.exit("the column list did not fill within 120 s")
started = float(open(start_file).read())
print(f"column list filled: {seen - started:.2f} s after the workbench started"
      + (" (already filled at the first poll: an upper bound)" if first_poll else ""))
