"""An incident with 100,000 log entries: reading it, showing it, filtering it, printing it.

Prints, in one run (the machines are shared and noisy: compare within a run), each
row with its bare baseline measured in the same run and the ratio:
- open the incident's log the page's way (log_window.open_list: the list's size and its
  last rows, read by position) vs a sqlite3 SELECT of all its entries into dicts (the
  log read whole, as the page did before);
- the dashboard's read of the incident (show without the log: clocks from the indexed
  clock entries) vs the same read of an incident with one entry (flat: about 1x);
- what the page reads after one more entry (log_window.refresh from its list);
- the incident page (tests/bench/page_probe.py: the list read by position on the runner's
  worker, shown in a QTableView): time until its last rows are shown and the longest
  UI-thread block (a 10 ms heartbeat) while it loads (goal <= 50 ms; a one-entry
  incident's in the same run for comparison), while it scrolls to the start, the middle
  and the end, and while it filters by text (matched in SQL on the worker), next to a bare
  QSortFilterProxyModel over a QAbstractTableModel of the rows as dicts (on the UI thread);
- the page's peak memory (a fresh process opening it and scrolling: page_probe.measure)
  vs a fresh process showing the whole log as dicts in a bare PySide6 table (what a page
  holding the log costs), and ``incident show --json``'s vs a bare process's.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_log.py [ENTRIES]
"""

from __future__ import annotations

import json
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

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication

from hisconsole.services import incidents, log_window
from hisconsole.services.console import Console
from hisconsole.services.log_window import LogQuery
from hisconsole.services.setup import open_or_initialise
from tests.bench.page_probe import Page, measure

ENTRIES = int(sys.argv[1]) if sys.argv[1:2] and sys.argv[1].isdigit() else 100_000
NEEDLE = "bed 4711,"  # one entry
WORDS = ("lab result phoned", "paper order", "runner sent", "vendor called", "pharmacy")


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
        return (row["event_id"], row["at"], row["author"], row["kind"], "", "", row["text"])[
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


BARE_HOLD = """
import os, sqlite3, sys
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

class Model(QAbstractTableModel):
    def __init__(self, rows):
        super().__init__()
        self.rows = rows
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)
    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 7
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.rows[index.row()]
        return (r["event_id"], r["at"], r["author"], r["kind"], "", "", r["text"])[index.column()]

app = QApplication([])
db = sqlite3.connect(sys.argv[1])
db.row_factory = sqlite3.Row
rows = [dict(r) for r in db.execute(
    "SELECT * FROM incident_entries WHERE incident_id = ? ORDER BY hlc, event_id", (sys.argv[2],))]
view = QTableView()
view.setModel(Model(rows))
view.resize(1100, 600)
view.show()
view.scrollToBottom()
app.processEvents()
status = dict(l.split(":", 1) for l in Path("/proc/self/status").read_text().splitlines())
print(int(status["VmHWM"].split()[0]))
"""


def page_child(data_dir: Path, incident_id: str) -> dict[str, float]:
    """The page opened and scrolled in a fresh process (its memory its own)."""
    done = subprocess.run(
        [sys.executable, __file__, "--page", str(data_dir), incident_id],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.splitlines()[-1]))


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
            query = LogQuery(incident_id)
            read = median_time(lambda: log_window.open_list(console, query, at_end=True))
            bare_read = median_time(lambda: bare_entries(db_path, incident_id))
            row("open the log (open_list) / SELECT into dicts", read, bare_read)
            dash = median_time(lambda: incidents.show(console, incident_id, with_log=False))
            small, _ = incidents.declare(console, level="IV", title="Bench: printer jam")
            bare_dash = median_time(lambda: incidents.show(console, small, with_log=False))
            row("dashboard's read (show, no log) / 1 entry", dash, bare_dash)
            listing = log_window.open_list(console, query, at_end=True).listing
            incidents.log(console, incident_id, "one more entry")
            added = median_time(lambda: log_window.refresh(console, listing, at_end=True))
            row("read after one more entry (refresh)", added, None)

            # -- the incident page's way: the list read by position on the worker --------
            # The one-entry incident first: what opening and painting a page costs
            # whatever the log's length (fonts, the locale's calendar).
            small_page = Page(console)
            small_loaded, frozen_small = small_page.open(small)
            small_page.close()
            page = Page(console)
            loaded, frozen_load = page.open(incident_id)
            assert page.model.rowCount() == ENTRIES + 1
            scrolls = [page.scroll(p) for p in (0, ENTRIES // 2, ENTRIES)]
            first_filter, frozen_first = page.filter(NEEDLE)
            matches = page.model.rowCount()
            broad_filter, frozen_broad = page.filter("vendor called, ward 3,")
            again, frozen_again = page.filter(NEEDLE)
            page.close()

            # -- bare QAbstractTableModel over the rows as dicts, stock proxy (UI thread) --
            bare = BareModel(bare_entries(db_path, incident_id))
            bare_proxy = QSortFilterProxyModel()
            bare_proxy.setSourceModel(bare)
            bare_proxy.setFilterKeyColumn(6)
            bare_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            start = time.perf_counter()
            bare_proxy.setFilterFixedString(NEEDLE)
            bare_proxy.rowCount()
            bare_filter = time.perf_counter() - start
            assert bare_proxy.rowCount() == matches
            del bare, bare_proxy
        finally:
            console.close()
        fresh = page_child(data_dir, incident_id)
        hold_kb = peak_kb([sys.executable, "-c", BARE_HOLD, str(db_path), incident_id])
        row(
            "the page, peak / a bare table of the log as dicts",
            fresh["peak_mb"] * 1024,
            hold_kb,
            unit="kb",
        )
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        os.environ.update(env)
        cli = [sys.executable, "-m", "hisconsole", "--data-dir", str(data_dir), "--json"]
        show_kb = peak_kb([*cli, "incident", "show", incident_id])
        bare_kb = peak_kb([sys.executable, "-c", BARE_SHOW, str(db_path), incident_id])
        row("incident show --json, peak memory / bare", show_kb, bare_kb, unit="kb")
    app.processEvents()

    print(f"\nmedian of {RUNS} (reads); ratio = ours / bare, same run:")
    print(f"  {'what':<52}{'ours':>12}{'bare':>12}{'ratio':>8}")
    for what, ours, bare_text, ratio in rows_line:
        print(f"  {what:<52}{ours:>12}{bare_text:>12}{ratio:>8}")
    print(f"the incident page (LogModel read by position), {ENTRIES + 1:,} entries:")
    print(f"  {'read on the worker, last rows shown':<52}{ms(loaded):>12}")
    print(f"  {'longest UI-thread block while loading':<52}{frozen_load:>9d} ms  (goal <= 50)")
    print(
        f"  {'  the same, a one-entry incident (same run)':<52}{frozen_small:>9d} ms"
        f"  (read and shown in {small_loaded * 1000:.0f} ms)"
    )
    for label, (took, frozen) in zip(
        ("scroll to the start", "scroll to the middle", "scroll to the end"), scrolls, strict=True
    ):
        print(f"  {label:<52}{ms(took):>12}   longest UI block {frozen:5d} ms")
    for label, took, frozen in (
        (f"text filter, {matches} match", first_filter, frozen_first),
        ("text filter, broad", broad_filter, frozen_broad),
        (f"text filter again, {matches} match", again, frozen_again),
    ):
        print(f"  {label:<52}{ms(took):>12}   longest UI block {frozen:5d} ms")
    print(f"  {'bare QSortFilterProxyModel text filter (UI)':<52}{ms(bare_filter):>12}")
    print(
        f"  fresh process: opened {fresh['open_s'] * 1000:.0f} ms, peak"
        f" {fresh['peak_open_mb']:.0f} MB after opening, {fresh['peak_mb']:.0f} MB after scrolling;"
        " rows held"
        f" {fresh['held_open']:.0f} then {fresh['held_end']:.0f}"
    )
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--page"]:
        opened = Console.open(Path(sys.argv[2]))
        print(json.dumps(measure(opened, sys.argv[3])))
        opened.close()
    else:
        main()
