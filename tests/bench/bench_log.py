"""An incident with 100,000 log entries: load it into the log model and filter it by text.

Prints, in one run (the machines are shared and noisy: compare within a run):
- the incident page's way: the log read on the runner's worker thread (the UI
  keeps running: the longest gap between two UI-thread timer ticks is shown),
  handed to LogModel, shown in a QTableView, then filtered by text (LogFilter);
- a bare QStandardItemModel of the same rows, filtered with
  QSortFilterProxyModel.setFilterFixedString;
- a bare QAbstractTableModel over the same list, with the same stock proxy.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_log.py [ENTRIES]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
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
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from hisconsole.services import incidents
from hisconsole.services.setup import open_or_initialise
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
    return f"{seconds * 1000:8.0f} ms"


def main() -> None:
    app = QApplication.instance() or QApplication([])
    heartbeat = Heartbeat()
    with tempfile.TemporaryDirectory() as tmp:
        console, incident_id, insert_time = populate(Path(tmp) / "data")
        print(f"{ENTRIES:,} log entries, inserted in one transaction in {insert_time:.1f} s")
        try:
            # -- the incident page's way ---------------------------------------------------
            runner = Runner()
            model = LogModel()
            proxy = LogFilter()
            proxy.setSourceModel(model)
            view = QTableView()
            view.setModel(proxy)
            view.resize(1100, 600)
            view.show()
            done: list[dict[str, Any]] = []
            heartbeat.start()
            start = time.perf_counter()
            runner.query(lambda: incidents.show(console, incident_id), on_done=done.append)
            while not done:
                app.processEvents()
                time.sleep(0.001)
            read = time.perf_counter() - start
            start = time.perf_counter()
            model.set_entries(incident_id, done[0]["log"])
            view.scrollToBottom()
            app.processEvents()
            shown = time.perf_counter() - start
            frozen_load = heartbeat.stop()
            assert model.rowCount() == ENTRIES

            start = time.perf_counter()
            proxy.set_filter(text=NEEDLE)
            app.processEvents()
            first_filter = time.perf_counter() - start  # includes building the search texts
            proxy.set_filter()
            app.processEvents()
            start = time.perf_counter()
            proxy.set_filter(text="vendor called, ward 3,")
            app.processEvents()
            broad_filter = time.perf_counter() - start
            broad = proxy.rowCount()
            start = time.perf_counter()
            proxy.set_filter(text=NEEDLE)
            app.processEvents()
            again = time.perf_counter() - start
            matches = proxy.rowCount()
            runner.shutdown()
            view.close()

            # -- bare QStandardItemModel ---------------------------------------------------
            rows = done[0]["log"]
            start = time.perf_counter()
            items = QStandardItemModel(0, 7)
            for row in rows:
                items.appendRow(
                    [
                        QStandardItem(row["entry"]),
                        QStandardItem(row["at"]),
                        QStandardItem(row["by"]),
                        QStandardItem(row["kind"]),
                        QStandardItem(""),
                        QStandardItem(""),
                        QStandardItem(row["text"]),
                    ]
                )
            items_load = time.perf_counter() - start
            items_proxy = QSortFilterProxyModel()
            items_proxy.setSourceModel(items)
            items_proxy.setFilterKeyColumn(6)
            items_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            start = time.perf_counter()
            items_proxy.setFilterFixedString(NEEDLE)
            items_proxy.rowCount()
            items_filter = time.perf_counter() - start
            assert items_proxy.rowCount() == matches

            # -- bare QAbstractTableModel over the list, stock proxy -----------------------
            start = time.perf_counter()
            bare = BareModel(rows)
            bare_load = time.perf_counter() - start
            bare_proxy = QSortFilterProxyModel()
            bare_proxy.setSourceModel(bare)
            bare_proxy.setFilterKeyColumn(6)
            bare_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            start = time.perf_counter()
            bare_proxy.setFilterFixedString(NEEDLE)
            bare_proxy.rowCount()
            bare_filter = time.perf_counter() - start
        finally:
            console.close()

    def line(label: str, value: str) -> None:
        print(f"  {label:<44}{value}")

    print()
    print(f"LogModel + LogFilter (the incident page), {ENTRIES:,} entries:")
    line("read (incidents.show, worker thread)", ms(read))
    line("into the model and a shown table view", ms(shown))
    line("longest UI freeze while loading", f"{frozen_load:8d} ms")
    line(f"first text filter, {matches} match (builds index)", ms(first_filter))
    line(f"text filter, {broad:,} matches", ms(broad_filter))
    line(f"text filter again, {matches} match", ms(again))
    print("bare QStandardItemModel + QSortFilterProxyModel:")
    line("build the model", ms(items_load))
    line("text filter", ms(items_filter))
    print("bare QAbstractTableModel + QSortFilterProxyModel:")
    line("build the model", ms(bare_load))
    line("text filter", ms(bare_filter))


if __name__ == "__main__":
    main()
