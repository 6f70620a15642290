#!/usr/bin/python3
"""Screenshots of the Results page's credit analytics for the binary task Class: the cost cut-off on the
ROC curve with its iso-cost line (costs set through the spin boxes, as a user types them), the gains
table, and the precision-recall, cumulative gains (CAP) and lift charts.

Run with tools/gui/atspi_run.sh (Xvfb, session bus, AT-SPI registry; /work/shared/tools/gui in the lab):
    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_results_analytics.py OUTDIR en|zh
where CFG/CreditMTL/creditmtl.conf holds [General] language=en (or zh_CN).
"""
import os, sys, time
from atspi import click, set_value, wait_for
from gui_binning_drive import Session, find, find_all

out, lang = sys.argv[1], sys.argv[2]
s = Session(out, lang)
a, en = s.app, s.en


def t(english, chinese):
    return english if en else chinese


nav = wait_for(lambda: find(a, "list", t("Pages", "页面")), 30)
wait_for(lambda: find(a, "combo box", t("Role of annual_inc", "annual_inc 的角色")), 60)
train = wait_for(lambda: next((b for b in find_all(a, "push button")
                               if (b.name or "").startswith(t("Train", "训练"))), None), 20)
click(train)
wait_for(lambda: find(a, "label", contains=t("weights of epoch", "的权重")), 600)
click(next(c for c in nav if c is not None and c.name == t("Results", "结果")))
time.sleep(1.5)


def tab(english, chinese):
    page = wait_for(lambda: find(a, "page tab", t(english, chinese)), 20)
    click(page)
    time.sleep(1.0)


def spin(english, chinese):
    return wait_for(lambda: find(a, "spin button", t(english, chinese)), 10)


# The cost cut-off: approving a bad loan costs 8, declining a good one 1.
tab("Cost cut-off", "成本截断点")
set_value(spin("Cost of approving a bad loan", "批准坏贷款的成本"), 8.0)
set_value(spin("Cost of declining a good loan", "拒绝好贷款的成本"), 1.0)
time.sleep(0.5)
s.shot(f"{lang}-results-cutoff")

tab("Gains table", "收益表")
set_value(spin("Number of score bands", "评分分段数"), 10)
s.shot(f"{lang}-results-gains")

for english, chinese, name in [("Precision-recall", "精确率-召回率", "precision-recall"),
                               ("Cumulative gains", "累计收益", "cumulative-gains"), ("Lift", "提升度", "lift")]:
    tab(english, chinese)
    s.shot(f"{lang}-results-{name}")
