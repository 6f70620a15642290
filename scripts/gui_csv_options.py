"""The Data page's CSV-only import options while a statistical file is shown: disabled, with a
tooltip saying why (the mouse rests on the delimiter). Screenshot in OUT. Run with
tools/gui/atspi_run.sh:
  atspi_run.sh "build/app/workbench/creditmtl FILE.sav" scripts/gui_csv_options.py OUT en|zh_CN
(for a database table, scripts/gui_open_database.py ends on the Data page likewise).
"""
import os, subprocess, sys, time
import pyatspi
from atspi import app, wait_for
from gui_binning_drive import find_all, xdo, extents

out, lang = sys.argv[1], sys.argv[2]
T = (lambda english, chinese: english if lang == "en" else chinese)
os.makedirs(out, exist_ok=True)

a = app("creditmtl", 60)
# On Linux Qt gives a combo box its current item as name (the label is a relation): the first
# combo box, the delimiter's, found by its tooltip.


def delimiter():
    found = [c for c in find_all(a, "combo box") if T("CSV files only", "仅适用于 CSV") in (c.description or "")]
    return found[0] if found else None


combo = wait_for(delimiter, 30)
time.sleep(3)
print("delimiter enabled:", combo.getState().contains(pyatspi.STATE_ENABLED))
print("tooltip (description):", combo.description)
x, y, w, h = extents(combo)
# Qt shows tooltips in the active window only: activate it (no window manager under Xvfb).
subprocess.run(["xdotool", "search", "--onlyvisible", "--class", "creditmtl", "windowfocus"], check=False)
xdo("mousemove", x + w // 2, y + 3 * h)  # the Missing values field below, enabled: a click focuses the window
xdo("click", 1)
xdo("mousemove", x + w // 2, y + h // 2 - 3)
xdo("mousemove", x + w // 2, y + h // 2)
time.sleep(3)
subprocess.run(["import", "-window", "root", os.path.join(out, "csv-options-stat.png")], check=False)
