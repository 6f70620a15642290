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

    def T(self, english, chinese):
        return english if self.en else chinese

    def open_cluster_dialog(self):
        """Run > Command Line for a Cluster...: returns the dialog."""
        from atspi_support import do_action, find_all as find_all_items, wait_find
        item = wait_for(lambda: next((m for m in find_all_items(self.app, "menu item")
                                      if (m.name or "").startswith(self.T("Command Line for a Cluster", "集群命令行"))),
                                     None), 10)
        do_action(item, ("click", "Press", "press", "Toggle"))
        return wait_find(self.app, 10, "dialog", self.T("Command Line for a Cluster", "集群命令行"))

    def cluster_dialog_with_woe(self):
        """WoE inputs for every feature (the Settings page's WoE note printed), then the cluster
        dialog: returns it and its data-parallel command box."""
        from atspi_support import wait_find
        self.woe_every_feature()
        note = find(self.app, "label", contains=self.T("Binning page", "分箱”页"))
        print("settings note:", note.name if note else None, flush=True)
        dialog = self.open_cluster_dialog()
        return dialog, wait_find(dialog, 10, "text", self.T("Data-parallel command", "数据并行命令"))

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
