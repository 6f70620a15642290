#!/usr/bin/python3
"""End-to-end test of the real workbench, driven through the accessibility bus (AT-SPI) as a user
with a screen reader, a mouse and a keyboard drives it (run by ctest through run_e2e.sh, which
provides Xvfb, a session bus and the AT-SPI bus):

  1. start the workbench, open the sample from the Start page, switch pages with the side list's
     accessibility action, and set roles with the Roles page's editors found by their accessible
     names ("Role of addr_state");
  2. set the epochs, train, and read the Runs table and the Results page's metrics table;
  3. check that every focusable control on every page has an accessible name (a combo box named
     only by its current value counts as unnamed) and report the ones that do not;
  4. save the project through File > Save Project As and its file dialog, change a setting, quit
     with File > Quit and answer the unsaved-changes prompt with Save: the workbench exits;
  5. start it again (no recovery offer: the exit was clean), open the project through File > Open
     Project, and compare: the runs' names and metrics, the metrics table, the roles and the
     setting changed before quitting are shown as they were; quitting now asks nothing.

Usage: workbench_e2e.py --workbench PATH --out DIR [--seconds-per-step N]
Exits 0 when every check passed; otherwise prints what differed and exits 1 (screenshots in DIR).
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import time

import pyatspi

from atspi_support import (DriveError, application, choose_in_combo, combo_value, describe, do_action,
                           environment_ok, find, find_all, require, screenshot, set_text, set_value,
                           states, table_rows, text_of, value_of, wait_find, wait_for, wait_window, window)

APP_NAME = "creditmtl"
TITLE_SUFFIX = " — CreditMTL workbench"
# Each page of the side list and a control that shows only on that page.
PAGES = [("Start", "push button", "Open the sample (Lending Club loans, three tasks)"),
         ("Data", "table", "Data table"),
         ("Roles", "push button", "Clear all roles"),
         ("Settings", "push button", "Reset to defaults"),
         ("Training", "progress bar", "Training progress"),
         ("Results", "table", "Metrics"),
         ("Runs", "table", "Runs"),
         ("Scoring", "table", "Predictions")]
IGNORED_COLUMNS = ["addr_state", "emp_length"]
EPOCHS = 6
CHANGED_SEED = 7


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


class Workbench:
    """One run of the workbench process, on the accessibility bus."""

    def __init__(self, path, environment, out, label, seconds):
        self.out = out
        self.label = label
        self.seconds = seconds
        self.log_path = os.path.join(out, f"{label}.log")
        self.log_file = open(self.log_path, "w")
        self.process = subprocess.Popen([path], env=environment, stdout=self.log_file, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        self.root = application(APP_NAME, self.process, seconds)
        self.frame = wait_find(self.root, seconds, "frame")
        # Searches stay within what is shown (the pages not shown are not walked), the menus
        # within the menu bar, and the side list is found once.
        self.menu_bar = wait_find(self.frame, seconds, "menu bar", showing=True)
        self.navigation = wait_find(self.frame, seconds, "list", "Pages", showing=True)

    def title(self):
        return self.frame.name

    def menu(self, name):
        item = require(find(self.menu_bar, "menu item", name), f"no menu item {name!r}")
        do_action(item, ("Press", "click"))

    def show_page(self, page):
        """Switches pages with the side list item's accessibility action (a screen reader's
        "activate"), and checks that the page is then the one shown."""
        item = require(next((child for child in self.navigation if child is not None and child.name == page), None),
                       f"the side list has no item {page!r}")
        do_action(item, ("Toggle", "Press", "click"))
        role, marker = next((role, marker) for name, role, marker in PAGES if name == page)
        require(wait_for(lambda: find(self.frame, role, marker, showing=True), 10),
                f"activating {page!r} in the side list through AT-SPI did not show the {page} page "
                f"(its {role} {marker!r} is not showing)")

    def wait_exit(self, seconds):
        try:
            return self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            if self.wait_exit(5) is None:
                self.process.kill()
                self.process.wait(5)
        self.log_file.close()


def save_through_dialog(workbench, menu_item, dialog_title, path, button):
    """File > Save Project As / Open Project: the file dialog, its file name field and its button."""
    workbench.menu(menu_item)
    dialog = wait_window(workbench.root, workbench.seconds, "dialog", dialog_title)
    field = require(wait_for(lambda: find(dialog, "text", "File name:", showing=True), 10),
                    f"the {dialog_title!r} dialog has no 'File name:' field")
    set_text(field, path)
    require(wait_for(lambda: text_of(field) == path, 5), f"the file name field reads {text_of(field)!r}")
    press = require(wait_for(lambda: find(dialog, "push button", button, showing=True), 10),
                    f"the {dialog_title!r} dialog has no {button!r} button")
    require(wait_for(lambda: states(press).contains(pyatspi.STATE_ENABLED), 5), f"{button!r} stays disabled")
    do_action(press)
    require(wait_for(lambda: not window(workbench.root, "dialog", dialog_title), 10),
            f"the {dialog_title!r} dialog did not close")


def label_of(node):
    """The text of the label a control is labelled by (AT-SPI's labelled-by relation, which Qt
    makes from a QLabel's buddy); group boxes, which label everything in them, do not count."""
    for relation in node.getRelationSet():
        if relation.getRelationType() != pyatspi.RELATION_LABELLED_BY:
            continue
        for index in range(relation.getNTargets()):
            target = relation.getTarget(index)
            if target is not None and target.getRoleName() == "label" and (target.name or "").strip():
                return target.name.strip()
    return None


def unnamed_controls(root):
    """The focusable, showing controls a screen reader cannot name: neither an accessible name nor
    a label. Qt names a combo box on Linux by its current value ("Detect") and leaves what it sets
    to its label ("Delimiter:"): such a combo box needs the label."""
    problems = []
    for node in find_all(root, showing=True):
        if not states(node).contains(pyatspi.STATE_FOCUSABLE):
            continue
        name = (node.name or "").strip()
        if label_of(node):
            continue
        if node.getRoleName() == "combo box" and name in {item.name for item in find_all(node, "list item")}:
            name = ""
        if not name:
            problems.append(describe(node))
    return problems


def runs_and_metrics(workbench):
    """What the Runs page and the Results page's metrics table show: every cell, as text."""
    workbench.show_page("Runs")
    runs = table_rows(wait_find(workbench.frame, 10, "table", "Runs", showing=True))
    workbench.show_page("Results")
    metrics = table_rows(wait_find(workbench.frame, 10, "table", "Metrics", showing=True))
    return runs, metrics


def first_session(args, environment, project):
    bench = Workbench(args.workbench, environment, args.out, "first-start", args.seconds_per_step)
    try:
        require(bench.title() == "Untitled project" + TITLE_SUFFIX, f"first title: {bench.title()!r}")
        # 1. Open the sample from the Start page; its rows fill the Roles page's editors.
        do_action(wait_find(bench.frame, 10, "push button", contains="Open the sample", showing=True))
        require(wait_for(lambda: bench.title() == "lending_club.csv" + TITLE_SUFFIX, args.seconds_per_step),
                f"title after opening the sample: {bench.title()!r}")
        bench.show_page("Roles")
        wait_find(bench.frame, args.seconds_per_step, "combo box", "Role of annual_inc", showing=True)
        summary = wait_find(bench.frame, 10, "label", contains="task(s), ", showing=True)
        require(summary.name.startswith("3 task(s), 20 feature(s)"), f"the sample's roles: {summary.name!r}")
        for column in IGNORED_COLUMNS:
            choose_in_combo(bench.frame, f"Role of {column}", "Ignore")
        require(wait_for(lambda: summary.name.startswith("3 task(s), 18 feature(s)"), 5),
                f"after ignoring {IGNORED_COLUMNS}: {summary.name!r}")
        positive = require(find(bench.frame, "combo box", "Positive class of Class", showing=True),
                           "no 'Positive class of Class'")
        require(combo_value(positive) == "bad", f"Positive class of Class reads {combo_value(positive)!r}")
        require(find(bench.frame, "combo box", "Task type of grade", showing=True), "no 'Task type of grade'")
        log("sample opened; roles set by their accessible names")

        # 2. A short training from the toolbar.
        bench.show_page("Settings")
        epochs = wait_find(bench.frame, 10, "spin button", "Epochs:", showing=True)
        set_value(epochs, EPOCHS)
        require(wait_for(lambda: value_of(epochs) == EPOCHS, 5), f"Epochs reads {value_of(epochs)}")
        train = require(find(bench.frame, "push button", "Train", showing=True), "no Train button")
        require(wait_for(lambda: states(train).contains(pyatspi.STATE_ENABLED), 10), "Train stays disabled")
        do_action(train)
        runs_table = wait_find(bench.root, 10, "table", "Runs")
        # Training ends on the Results page.
        require(wait_for(lambda: runs_table.queryTable().nRows == 1, args.seconds_per_step, step=0.5),
                "no run after training")
        wait_find(bench.frame, args.seconds_per_step, "table", "Metrics", showing=True)
        before = runs_and_metrics(bench)
        require(len(before[1]) > 5, f"the metrics table shows {len(before[1]) - 1} rows")
        log(f"trained: {before[0][1][:3]}...; metrics table of {len(before[1]) - 1} rows")

        # 3. Every focusable control on every page is named (the pages reached by the side list).
        unnamed = []
        for page, _, _ in PAGES:
            bench.show_page(page)
            time.sleep(0.3)
            found = unnamed_controls(bench.frame)
            for problem in found:
                log(f"unnamed on {page}: {problem}")
            unnamed += [f"{page}: {problem}" for problem in found]
            screenshot(os.path.join(args.out, f"page-{page.lower()}.png"))
        log(f"named-controls check over {len(PAGES)} pages: {len(unnamed)} unnamed")

        # 4. Save the project, change a setting, and quit through the prompt's Save.
        save_through_dialog(bench, "Save Project As…", "Save project", project, "Save")
        require(wait_for(lambda: bench.title() == "e2e.cmtlproj" + TITLE_SUFFIX, 10),
                f"title after saving: {bench.title()!r}")
        require(os.path.isfile(project), f"{project} was not written")
        saved_size = os.path.getsize(project)
        bench.show_page("Settings")
        seed = wait_find(bench.frame, 10, "spin button", "Seed:", showing=True)
        set_value(seed, CHANGED_SEED)
        require(wait_for(lambda: bench.title() == "e2e.cmtlproj*" + TITLE_SUFFIX, 5),
                f"title after changing the seed: {bench.title()!r} (expected the unsaved mark)")
        bench.menu("Quit")
        prompt = wait_window(bench.root, 10, "alert", "Unsaved changes")
        do_action(require(find(prompt, "push button", "Save"), "the prompt has no Save button"))
        code = bench.wait_exit(args.seconds_per_step)
        require(code is not None, "the workbench did not exit after Save in the quit prompt")
        require(code == 0, f"the workbench exited with code {code}")
        log(f"saved, quit through the prompt (exit code 0); project {saved_size} -> {os.path.getsize(project)} bytes")
        return before, unnamed
    finally:
        bench.stop()


def project_seed(project):
    """The seed in the project file as saved (its JSON section)."""
    with open(project, "rb") as file:
        first_line = file.readline().split()
        content = json.loads(file.read(int(first_line[2])))
    return int(content["configuration"]["config"]["train"]["seed"])


def second_session(args, environment, project, before):
    bench = Workbench(args.workbench, environment, args.out, "second-start", args.seconds_per_step)
    try:
        time.sleep(1.0)
        require(not window(bench.root, "alert", "Recover unsaved work"),
                "the second start offers to recover work although the first one quit cleanly")
        save_through_dialog(bench, "Open Project…", "Open project", project, "Open")
        require(wait_for(lambda: bench.title() == "e2e.cmtlproj" + TITLE_SUFFIX, args.seconds_per_step),
                f"title after reopening: {bench.title()!r} (expected the project, unmodified)")
        # The project opens on the Runs page once its data file is read and its roles applied.
        wait_find(bench.frame, args.seconds_per_step, "table", "Runs", showing=True)
        after = runs_and_metrics(bench)
        differences = []
        for what, old, new in (("Runs table", before[0], after[0]), ("metrics table", before[1], after[1])):
            if old != new:
                differences.append(f"{what} before: {old}\n{what} after:  {new}")
        require(not differences, "the reopened project shows other runs or metrics:\n" + "\n".join(differences))
        bench.show_page("Roles")
        for column in IGNORED_COLUMNS:
            role = wait_find(bench.frame, 10, "combo box", f"Role of {column}", showing=True)
            require(combo_value(role) == "Ignore", f"Role of {column} reads {combo_value(role)!r} after reopening")
        bench.show_page("Settings")
        seed = wait_find(bench.frame, 10, "spin button", "Seed:", showing=True)
        require(value_of(seed) == CHANGED_SEED, f"Seed reads {value_of(seed)} after reopening, not {CHANGED_SEED}")
        log(f"reopened: the same {len(after[0]) - 1} run(s) and {len(after[1]) - 1} metric rows; roles and seed kept")
        # Nothing changed: Quit asks nothing.
        bench.menu("Quit")
        code = bench.wait_exit(15)
        if code is None and window(bench.root, "alert", "Unsaved changes"):
            raise DriveError("quitting a project just opened asks to save unsaved changes")
        require(code == 0, f"the workbench did not exit cleanly after Quit (code {code})")
    finally:
        bench.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workbench", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seconds-per-step", type=float, default=60)
    args = parser.parse_args()
    if not environment_ok():
        print("no DISPLAY or session bus: run through run_e2e.sh", file=sys.stderr)
        return 2
    os.makedirs(args.out, exist_ok=True)
    home = os.path.join(args.out, "home")
    config = os.path.join(home, ".config")
    os.makedirs(os.path.join(config, "CreditMTL"), exist_ok=True)
    with open(os.path.join(config, "CreditMTL", "creditmtl.conf"), "w") as settings:
        settings.write("[General]\nlanguage=en\n")
    environment = dict(os.environ, HOME=home, XDG_CONFIG_HOME=config,
                       XDG_DATA_HOME=os.path.join(home, ".local", "share"),
                       XDG_CACHE_HOME=os.path.join(home, ".cache"), LANG="C.UTF-8", LC_ALL="C.UTF-8",
                       LANGUAGE="en", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
    for variable in ("QT_QPA_PLATFORM", "SESSION_MANAGER"):
        environment.pop(variable, None)
    project = os.path.join(args.out, "e2e.cmtlproj")
    started = time.monotonic()
    try:
        before, unnamed = first_session(args, environment, project)
        require(project_seed(project) == CHANGED_SEED,
                f"the prompt's Save did not write the changed seed (the file has {project_seed(project)})")
        second_session(args, environment, project, before)
    except DriveError as error:
        screenshot(os.path.join(args.out, "failure.png"))
        print(f"FAIL: {error}", flush=True)
        return 1
    if unnamed:
        print("FAIL: focusable controls without an accessible name:\n  " + "\n  ".join(unnamed), flush=True)
        return 1
    log(f"PASS in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
