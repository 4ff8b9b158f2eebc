"""Cold start of the console to a shown main window, and of two CLI commands, each next to
a bare baseline measured in the same run (interleaved, so drift hits both alike).

- window: ``gui --quit-after-show`` on the demo database vs a bare PySide6 window
  holding a 1,000-row table;
- ``--version`` vs ``python -c pass``;
- ``incident log`` (one entry) vs a Python process doing one raw sqlite3 WAL +
  synchronous=FULL commit.

Wall and CPU (user + system of the child) medians. Byte-code is written (the
environment's PYTHONDONTWRITEBYTECODE would recompile every module at each start).

Run: .venv/bin/python tests/bench/bench_startup.py [TREE ...]
TREE: source trees to measure (default: the one holding this file); give two, e.g.
an export of main and a branch, to compare before and after in one interleaved run.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
TREES = [Path(p) for p in sys.argv[1:]] or [Path(__file__).resolve().parents[2]]

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
model = QStandardItemModel(1000, 6)
for row in range(1000):
    for col in range(6):
        model.setItem(row, col, QStandardItem(f"{row}:{col}"))
w = QMainWindow(); view = QTableView(); view.setModel(model); w.setCentralWidget(view)
w.resize(1200, 800); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

RAW_COMMIT = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE IF NOT EXISTS log (id INTEGER PRIMARY KEY, body TEXT)")
db.execute("BEGIN IMMEDIATE"); db.execute("INSERT INTO log (body) VALUES ('runner sent')")
db.execute("COMMIT")
"""


def _time(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base["QT_QPA_PLATFORM"] = "offscreen"
    envs = {str(tree): {**base, "PYTHONPATH": str(tree)} for tree in TREES}
    first = envs[str(TREES[0])]
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        console = [py, "-m", "hisconsole", "--data-dir", str(data)]
        subprocess.run([*console, "init", "--demo"], env=first, check=True, capture_output=True)
        scribe = [*console, "--operator", "Li Na", "--role", "scribe"]
        declared = subprocess.run(
            [*scribe, "incident", "declare", "--level", "II", "--title", "HIS down", "--json"],
            env=first,
            check=True,
            capture_output=True,
            text=True,
        )
        incident = declared.stdout.split('"id": "')[1].split('"')[0]
        pairs = {
            "window": ([py, "-c", BARE_WINDOW], [*console, "gui", "--quit-after-show"]),
            "--version": ([py, "-c", "pass"], [py, "-m", "hisconsole", "--version"]),
            "incident log": (
                [py, "-c", RAW_COMMIT, str(Path(tmp) / "raw.sqlite")],
                [*scribe, "incident", "log", incident, "runner sent"],
            ),
        }
        # Each run: the bare baseline, then the command from every tree, all interleaved.
        runs: list[tuple[str, list[str], dict[str, str]]] = []
        for name, (bare, ours) in pairs.items():
            runs.append((f"{name}|bare", bare, first))
            runs += [(f"{name}|{tree}", ours, env) for tree, env in envs.items()]
        for _, cmd, env in runs:  # warm the file cache and the byte-code once
            _time(cmd, env)
        results: dict[str, list[tuple[float, float]]] = {key: [] for key, _, _ in runs}
        for _ in range(RUNS):
            for key, cmd, env in runs:
                results[key].append(_time(cmd, env))
    print(f"start-up, median of {RUNS} interleaved runs (offscreen); ratio = ours / bare:")
    print(f"  {'what':<14} {'tree':<28} {'wall':>8} {'ratio':>6} {'CPU':>8} {'ratio':>6}")
    for name in pairs:
        bare_runs = results[f"{name}|bare"]
        bw = statistics.median(w for w, _ in bare_runs)
        bc = statistics.median(c for _, c in bare_runs)
        print(f"  {name:<14} {'bare':<28} {bw * 1000:6.0f}ms {'':>6} {bc * 1000:6.0f}ms")
        for tree in envs:
            ow = statistics.median(w for w, _ in results[f"{name}|{tree}"])
            oc = statistics.median(c for _, c in results[f"{name}|{tree}"])
            print(
                f"  {'':<14} {tree[-28:]:<28} {ow * 1000:6.0f}ms {ow / bw:5.1f}x "
                f"{oc * 1000:6.0f}ms {oc / bc:5.1f}x"
            )
    print("  bare: window = PySide6 window with a 1,000-row table; --version = python -c pass;")
    print("        incident log = a Python process doing one raw sqlite3 WAL+FULL commit")


if __name__ == "__main__":
    main()
