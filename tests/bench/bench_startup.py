"""Cold start of the console to a shown main window, and of two CLI commands, each next to
a bare baseline measured in the same run (interleaved, so drift hits both alike).

- first paint: ``gui --quit-when-ready`` on the demo database (it prints its CPU time at
  the first paint of any widget) vs a bare PySide6 window holding a 1,000-row table
  (the same report at its first paint); wall is when the child's line arrives;
- dashboard ready: the same run of ours, once the dashboard shows the plan and the
  situation, next to the bare window's first paint (the goal: ready in ≤ 0.6 s wall);
- ``--version`` vs ``python -c pass``;
- ``incident log`` (one entry) vs a Python process doing one raw sqlite3 WAL +
  synchronous=FULL commit.

Wall and CPU (user + system of the child) medians. Byte-code is written (the
environment's PYTHONDONTWRITEBYTECODE would recompile every module at each start).

Run: .venv/bin/python tests/bench/bench_startup.py [TREE ...]
BENCH_FROZEN=dist/hisconsole/hisconsole adds the frozen app's first paint and dashboard
ready, with its ratio to the installed app's (the first TREE).
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
#: A frozen build to measure beside the installed app (e.g. dist/hisconsole/hisconsole).
FROZEN = os.environ.get("BENCH_FROZEN", "")
TREES = [Path(p).resolve() for p in sys.argv[1:]] or [Path(__file__).resolve().parents[2]]
#: The children's working directory: not a source tree, whose package ``python -m`` would
#: import ahead of PYTHONPATH's.
CWD = Path(tempfile.gettempdir())

BARE_WINDOW = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            app.removeEventFilter(self)
            print(f"painted {time.process_time():.4f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
app = QApplication([])
first_paint = FirstPaint()
app.installEventFilter(first_paint)
model = QStandardItemModel(1000, 6)
for row in range(1000):
    for col in range(6):
        model.setItem(row, col, QStandardItem(f"{row}:{col}"))
w = QMainWindow(); view = QTableView(); view.setModel(model); w.setCentralWidget(view)
w.resize(1200, 800); w.show()
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
    subprocess.run(cmd, env=env, check=True, capture_output=True, cwd=CWD)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _marks(cmd: list[str], env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Wall (when the line arrived) and CPU (as the child printed it) of each mark the
    child prints as ``NAME CPU-SECONDS`` ("painted", "ready")."""
    start = time.perf_counter()
    child = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=CWD
    )
    assert child.stdout is not None
    marks = {}
    for line in child.stdout:
        name, _, cpu = line.strip().partition(" ")
        marks[name] = (time.perf_counter() - start, float(cpu))
    if child.wait() != 0:
        raise RuntimeError(f"{cmd} exited with {child.returncode}")
    return marks


def main() -> None:
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base["QT_QPA_PLATFORM"] = "offscreen"
    envs = {str(tree): {**base, "PYTHONPATH": str(tree)} for tree in TREES}
    first = envs[str(TREES[0])]
    py = sys.executable
    load = os.getloadavg()[0]  # the figures are only as quiet as the machine
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        console = [py, "-m", "hisconsole", "--data-dir", str(data)]
        subprocess.run(
            [*console, "init", "--demo"], env=first, check=True, capture_output=True, cwd=CWD
        )
        scribe = [*console, "--operator", "Li Na", "--role", "scribe"]
        declared = subprocess.run(
            [*scribe, "incident", "declare", "--level", "II", "--title", "HIS down", "--json"],
            env=first,
            check=True,
            capture_output=True,
            text=True,
            cwd=CWD,
        )
        incident = declared.stdout.split('"id": "')[1].split('"')[0]
        windows = {"bare": ([py, "-c", BARE_WINDOW], first)}
        windows |= {
            tree: ([*console, "gui", "--quit-when-ready"], env) for tree, env in envs.items()
        }
        if FROZEN:  # the frozen app (.ci/build-frozen's dist/hisconsole/hisconsole)
            frozen = [FROZEN, "--data-dir", str(data), "gui", "--quit-when-ready"]
            windows["frozen"] = (frozen, base)
        pairs = {
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
        for cmd, env in windows.values():
            _marks(cmd, env)
        results: dict[str, list[tuple[float, float]]] = {key: [] for key, _, _ in runs}
        marks: dict[str, list[dict[str, tuple[float, float]]]] = {key: [] for key in windows}
        for _ in range(RUNS):
            for key, (cmd, env) in windows.items():
                marks[key].append(_marks(cmd, env))
            for key, cmd, env in runs:
                results[key].append(_time(cmd, env))
    print(f"start-up, median of {RUNS} interleaved runs (offscreen); ratio = ours / bare:")
    print(f"  {'what':<16} {'tree':<28} {'wall':>8} {'ratio':>6} {'CPU':>8} {'ratio':>6}")
    bare_paint = [m["painted"] for m in marks["bare"]]
    shown = [*envs, "frozen"] if FROZEN else list(envs)
    rows = {
        "first paint": (bare_paint, {t: [m["painted"] for m in marks[t]] for t in shown}),
        "dashboard ready": (bare_paint, {t: [m["ready"] for m in marks[t]] for t in shown}),
    }
    for name in pairs:
        rows[name] = (results[f"{name}|bare"], {t: results[f"{name}|{t}"] for t in envs})
    for name, (bare_runs, ours) in rows.items():
        bw = statistics.median(w for w, _ in bare_runs)
        bc = statistics.median(c for _, c in bare_runs)
        print(f"  {name:<16} {'bare':<28} {bw * 1000:6.0f}ms {'':>6} {bc * 1000:6.0f}ms")
        for tree, tree_runs in ours.items():
            ow = statistics.median(w for w, _ in tree_runs)
            oc = statistics.median(c for _, c in tree_runs)
            print(
                f"  {'':<16} {tree[-28:]:<28} {ow * 1000:6.0f}ms {ow / bw:5.1f}x "
                f"{oc * 1000:6.0f}ms {oc / bc:5.1f}x"
            )
    print("  bare: first paint, dashboard ready = first paint of a PySide6 window with a")
    print("        1,000-row table; --version = python -c pass;")
    print("        incident log = a Python process doing one raw sqlite3 WAL+FULL commit")
    print("  goals: first paint CPU <= 3x; dashboard ready <= 0.6 s wall; incident log <= 6x")
    print(f"  load average {load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end")
    if FROZEN:
        installed = str(TREES[0])
        for mark in ("painted", "ready"):
            f = [m[mark] for m in marks["frozen"]]
            i = [m[mark] for m in marks[installed]]
            fw, iw = statistics.median(w for w, _ in f), statistics.median(w for w, _ in i)
            fc, ic = statistics.median(c for _, c in f), statistics.median(c for _, c in i)
            print(
                f"  frozen / installed, {mark}: wall {fw / iw:.2f}x, CPU {fc / ic:.2f}x "
                "(goal <= 1.5x)"
            )


if __name__ == "__main__":
    main()
