"""An incident with 100,000 log entries: reading it, showing it, filtering it, printing it.

Prints, in one run (the machines are shared and noisy: compare within a run), each
row with its bare baseline measured in the same run and the ratio:
- open the incident's log (the page's read: incident_log.read_since) vs a sqlite3
  SELECT of the same entries into dicts;
- the dashboard's read of the incident (show without the log: clocks from the indexed
  clock entries) vs the same read of an incident with one entry (flat: about 1x);
- what the page reads after one more entry (read_since from its mark);
- the longest UI-thread block (a 10 ms heartbeat timer) while the page's way loads the
  incident (load_detail on the runner's worker, its log merged into LogModel, shown in a
  QTableView) and
  while it filters by text (LogFilter: matched on a worker thread): goal <= 50 ms;
  next to a bare QSortFilterProxyModel over a QAbstractTableModel of the same rows;
- ``incident show --json`` (a CLI process) peak memory vs a Python process doing the
  SELECT into dicts and json.dump of them.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_log.py [ENTRIES]
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import (
    QAbstractTableModel,
    QElapsedTimer,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QTableView

from hisconsole.services import incident_log, incidents
from hisconsole.services.setup import open_or_initialise
from hisconsole.ui.incident.detail import load_detail
from hisconsole.ui.partials.models import LogFilter, LogModel
from hisconsole.ui.runner import Runner

ENTRIES = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
NEEDLE = "bed 4711,"  # one entry
WORDS = ("lab result phoned", "paper order", "runner sent", "vendor called", "pharmacy")


class Heartbeat:
    """A 10 ms UI-thread timer: the longest gap between ticks is how long the UI froze."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.longest = 0

    def start(self) -> None:
        self.longest = 0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())

    def stop(self) -> int:
        self.timer.stop()
        return max(self.longest, self.clock.elapsed())


class BareModel(QAbstractTableModel):
    """The least a table model over a list can be: for comparison."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        return (row["entry"], row["at"], row["by"], row["kind"], "", "", row["text"])[
            index.column()
        ]


def populate(data_dir: Path) -> tuple[Any, str, float]:
    console, _ = open_or_initialise(data_dir, demo=True)
    incident_id, _ = incidents.declare(
        console, level="II", title="Bench: HIS down", systems=["HIS"]
    )
    at = console.now().isoformat(timespec="seconds")
    start = time.perf_counter()
    with console.transaction() as tx:
        for i in range(ENTRIES - 1):
            tx.emit(
                "incident.logged",
                f"incident:{incident_id}",
                {
                    "id": incident_id,
                    "text": f"{WORDS[i % len(WORDS)]}, ward {i % 40}, bed {i}, done",
                    "kind": "note",
                    "group": None,
                    "system": None,
                    "corrects": None,
                    "at": at,
                },
            )
    return console, incident_id, time.perf_counter() - start


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


RUNS = 3

BARE_SHOW = """
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.row_factory = sqlite3.Row
rows = [dict(r) for r in db.execute(
    "SELECT * FROM incident_entries WHERE incident_id = ? ORDER BY hlc, event_id", (sys.argv[2],))]
json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
"""


def bare_entries(path: Path, incident_id: str) -> list[dict[str, Any]]:
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        return [
            dict(r)
            for r in db.execute(
                "SELECT * FROM incident_entries WHERE incident_id = ? ORDER BY hlc, event_id",
                (incident_id,),
            )
        ]
    finally:
        db.close()


def median_time(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_kb(cmd: list[str]) -> int:
    """The peak resident memory of a child process (KiB), its output thrown away."""
    code = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True)
    return int(done.stdout.strip())


def main() -> None:
    app = QApplication.instance() or QApplication([])
    heartbeat = Heartbeat()
    rows_line: list[tuple[str, str, str, str]] = []

    def row(what: str, ours: float, bare: float | None, unit: str = "ms") -> None:
        ratio = f"{ours / bare:5.2f}x" if bare else ""
        if unit == "ms":
            rows_line.append((what, ms(ours), ms(bare) if bare else "", ratio))
        else:
            bare_text = f"{bare / 1024:8.0f} MB" if bare else ""
            rows_line.append((what, f"{ours / 1024:8.0f} MB", bare_text, ratio))

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        console, incident_id, insert_time = populate(data_dir)
        db_path = console.database_path
        print(f"{ENTRIES:,} log entries, inserted in one transaction in {insert_time:.1f} s")
        try:
            read = median_time(lambda: incident_log.read_since(console, incident_id, None))
            bare_read = median_time(lambda: bare_entries(db_path, incident_id))
            row("open the log (read_since) / SELECT into dicts", read, bare_read)
            dash = median_time(lambda: incidents.show(console, incident_id, with_log=False))
            small, _ = incidents.declare(console, level="IV", title="Bench: printer jam")
            bare_dash = median_time(lambda: incidents.show(console, small, with_log=False))
            row("dashboard's read (show, no log) / 1 entry", dash, bare_dash)
            whole = incident_log.read_since(console, incident_id, None)
            incidents.log(console, incident_id, "one more entry")
            added = median_time(lambda: incident_log.read_since(console, incident_id, whole.mark))
            row("read after one more entry (read_since mark)", added, None)

            # -- the incident page's way: worker read, model, view, filter -----------------
            runner = Runner()

            def page_load(incident: str) -> tuple[float, int, Any, LogFilter, QTableView]:
                model = LogModel()
                proxy = LogFilter()
                proxy.setSourceModel(model)
                view = QTableView()
                view.setModel(proxy)
                view.resize(1100, 600)
                view.show()
                app.processEvents()  # the empty view painted once before the clock starts
                done: list[Any] = []
                heartbeat.start()
                start = time.perf_counter()
                runner.query(lambda: load_detail(console, incident), on_done=done.append)
                while not done:
                    app.processEvents()
                    time.sleep(0.001)
                model.take(done[0].log)
                view.scrollToBottom()
                app.processEvents()
                return time.perf_counter() - start, heartbeat.stop(), done[0], proxy, view

            # The same for the one-entry incident first: what loading and painting a
            # page costs whatever the log's length (fonts, the locale's calendar).
            small_loaded, frozen_small, _, _, small_view = page_load(small)
            small_view.close()
            loaded, frozen_load, detail, proxy, view = page_load(incident_id)
            assert proxy.rowCount() == ENTRIES + 1

            def filtered(text: str) -> tuple[float, int]:
                heartbeat.start()
                start = time.perf_counter()
                proxy.set_filter(text=text)
                while proxy.pending:
                    app.processEvents()
                    time.sleep(0.001)
                app.processEvents()
                return time.perf_counter() - start, heartbeat.stop()

            first_filter, frozen_first = filtered(NEEDLE)
            matches = proxy.rowCount()
            broad_filter, frozen_broad = filtered("vendor called, ward 3,")
            again, frozen_again = filtered(NEEDLE)
            runner.shutdown()
            view.close()

            # -- bare QAbstractTableModel over the list, stock proxy -----------------------
            rows = detail.log.rows
            bare = BareModel(rows)
            bare_proxy = QSortFilterProxyModel()
            bare_proxy.setSourceModel(bare)
            bare_proxy.setFilterKeyColumn(6)
            bare_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            start = time.perf_counter()
            bare_proxy.setFilterFixedString(NEEDLE)
            bare_proxy.rowCount()
            bare_filter = time.perf_counter() - start
            assert bare_proxy.rowCount() == matches
        finally:
            console.close()
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        os.environ.update(env)
        cli = [sys.executable, "-m", "hisconsole", "--data-dir", str(data_dir), "--json"]
        show_kb = peak_kb([*cli, "incident", "show", incident_id])
        bare_kb = peak_kb([sys.executable, "-c", BARE_SHOW, str(db_path), incident_id])
        row("incident show --json, peak memory / bare", show_kb, bare_kb, unit="kb")

    print(f"\nmedian of {RUNS} (reads); ratio = ours / bare, same run:")
    print(f"  {'what':<48}{'ours':>12}{'bare':>12}{'ratio':>8}")
    for what, ours, bare_text, ratio in rows_line:
        print(f"  {what:<48}{ours:>12}{bare_text:>12}{ratio:>8}")
    print(f"the incident page (LogModel + LogFilter), {ENTRIES + 1:,} entries:")
    print(f"  {'read on the worker, merged, shown':<48}{ms(loaded):>12}")
    print(f"  {'longest UI-thread block while loading':<48}{frozen_load:>9d} ms  (goal <= 50)")
    print(
        f"  {'  the same, a one-entry incident (same run)':<48}{frozen_small:>9d} ms"
        f"  (read and shown in {small_loaded * 1000:.0f} ms)"
    )
    for label, took, frozen in (
        (f"text filter, {matches} match (makes search texts)", first_filter, frozen_first),
        ("text filter, broad", broad_filter, frozen_broad),
        (f"text filter again, {matches} match", again, frozen_again),
    ):
        print(f"  {label:<48}{ms(took):>12}   longest UI block {frozen:5d} ms")
    print(f"  {'bare QSortFilterProxyModel text filter (UI)':<48}{ms(bare_filter):>12}")


if __name__ == "__main__":
    main()
