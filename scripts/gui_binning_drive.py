"""What the Binning page's drive scripts share: finding controls under the table views (which are
skipped: their cells would make the search slow), screenshots, xdotool, and screening the sample's
features on the Binning page. Run them with tools/gui/atspi_run.sh, which puts atspi.py on the path.
"""
import os, subprocess, time
import pyatspi
from atspi import app, click, wait_for

import gui_find

SKIP = gui_find.ITEM_VIEWS | {"list"}


def find_all(node, role=None, name=None, contains=None):
    return gui_find.find_all(node, role, name, contains, SKIP)


def find(node, role=None, name=None, contains=None):
    return gui_find.find(node, role, name, contains, SKIP)


def extents(node):
    return node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)


def xdo(*args):
    subprocess.run(["xdotool", *map(str, args)], check=True)
    time.sleep(0.3)


class Session:
    """The workbench under drive, its language and the folder its screenshots go to."""

    def __init__(self, out, lang):
        self.out, self.en = out, lang == "en"
        os.makedirs(out, exist_ok=True)
        self.app = app("creditmtl", 60)
        self.summary_word = "Trend:" if self.en else "趋势："

    def shot(self, name):
        time.sleep(1.0)
        subprocess.run(["import", "-window", "root", os.path.join(self.out, name + ".png")], check=False)

    def open_binning_page(self):
        a, en = self.app, self.en
        nav = wait_for(lambda: find(a, "list", "Pages" if en else "页面"), 30)
        wait_for(lambda: find(a, "combo box", "Role of annual_inc" if en else "annual_inc 的角色"), 60)
        page = next(c for c in nav if c is not None and c.name == ("Binning" if en else "分箱"))
        click(page)
        time.sleep(1.0)

    def screen_features(self):
        click(find(self.app, "push button", contains="Screen features" if self.en else "筛选特征"))
        return wait_for(lambda: find(self.app, "label", contains=self.summary_word), 120)

    def merge_first_two_bins(self):
        """Merges the first two bins of the feature shown (after a screening: the strongest)."""
        bins = find(self.app, "table", "Bins" if self.en else "分箱")
        e = extents(bins)
        xdo("mousemove", e.x + 80, e.y + 38)
        xdo("click", 1)
        xdo("key", "shift+Down")
        click(find(self.app, "push button", contains="Merge selected bins" if self.en else "合并所选分箱"))
        time.sleep(1.0)

    def woe_every_feature(self):
        """The Settings page's WoE inputs: every feature. Returns the WoE mode combo box."""
        a, en = self.app, self.en
        nav = find(a, "list", "Pages" if en else "页面")
        click(next(c for c in nav if c is not None and c.name == ("Settings" if en else "设置")))
        time.sleep(1.0)
        # A combo box is read by its value (Qt's accessible name of a QComboBox is its current text).
        mode = wait_for(lambda: find(a, "combo box", contains="None: scaled" if en else "无：标准化"), 30)
        m = extents(mode)
        xdo("mousemove", m.x + m.width // 2, m.y + m.height // 2)
        xdo("click", 1)
        xdo("key", "Down")
        xdo("key", "Return")
        time.sleep(1.0)
        return mode
