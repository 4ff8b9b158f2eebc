"""The incident page's log opened in this process the way the window opens it, for the
benchmarks: the incident's detail and the Log tab's list read on the runner's worker, the
list shown in a QTableView (offscreen) scrolled to its end, then scrolled to its start,
its middle and its end again; each step timed until the rows in view are shown, the UI
thread's longest stall measured with a 10 ms heartbeat, and the process's memory (VmRSS,
VmHWM) and the rows the model holds after opening and after the scrolling."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication, QTableView

from hisconsole.services.console import Console
from hisconsole.services.log_window import LogQuery
from hisconsole.ui.incident.detail import load_detail
from hisconsole.ui.partials.log_model import LogModel
from hisconsole.ui.runner import Runner


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


def memory_mb() -> tuple[float, float]:
    """This process's resident memory now and at its peak (VmRSS, VmHWM), in MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return tuple(int(fields[name].split()[0]) / 1024 for name in ("VmRSS", "VmHWM"))  # type: ignore[return-value]


def held(model: LogModel) -> int:
    return sum(model.row_at(position) is not None for position in range(model.rowCount()))


def until(app: QApplication, condition: Any) -> None:
    while not condition():
        app.processEvents()
        time.sleep(0.001)


class Page:
    """The Log tab's model and view over one console, with the runner's worker."""

    def __init__(self, console: Console) -> None:
        self.app = QApplication.instance() or QApplication([])
        self.console = console
        self.runner = Runner()
        self.model = LogModel(self.runner, lambda: console)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        self.view.resize(1100, 600)
        self.view.show()
        self.heartbeat = Heartbeat()
        self.app.processEvents()  # the empty view painted once before any clock starts

    def shown(self) -> bool:
        """Every row in view is read and shown (its text made)."""
        view, model = self.view, self.model
        rows = {view.rowAt(0), view.rowAt(view.viewport().height() - 1)} - {-1}
        return bool(rows) and all(
            model.index(row, LogModel.TEXT).data() is not None for row in rows
        )

    def open(self, incident_id: str) -> tuple[float, int]:
        """Open the incident as the page does; (seconds until its last rows are shown,
        longest UI stall in ms)."""
        done: list[Any] = []
        self.heartbeat.start()
        start = time.perf_counter()
        # As IncidentPage.reload: the Log tab's list, then the rest of the incident.
        self.model.show(LogQuery(incident_id))
        self.runner.query(lambda: load_detail(self.console, incident_id), on_done=done.append)
        until(self.app, lambda: done and not self.model.pending)
        self.view.scrollToBottom()
        until(self.app, self.shown)
        return time.perf_counter() - start, self.heartbeat.stop()

    def scroll(self, position: int) -> tuple[float, int]:
        """Scroll to ``position``: (seconds until the rows in view are shown, stall ms)."""
        self.heartbeat.start()
        start = time.perf_counter()
        self.view.scrollTo(self.model.index(position, 0))
        self.app.processEvents()
        until(self.app, self.shown)
        return time.perf_counter() - start, self.heartbeat.stop()

    def filter(self, text: str) -> tuple[float, int]:
        """Filter by ``text``: (seconds until the matches are shown, stall ms)."""
        assert self.model.wanted is not None
        self.heartbeat.start()
        start = time.perf_counter()
        self.model.show(LogQuery(self.model.wanted.incident_id, text=text))
        until(self.app, lambda: not self.model.pending)
        self.app.processEvents()
        until(self.app, lambda: self.shown() or not self.model.rowCount())
        return time.perf_counter() - start, self.heartbeat.stop()

    def close(self) -> None:
        self.runner.shutdown()
        self.view.close()


def measure(console: Console, incident_id: str) -> dict[str, float]:
    """Open the incident's page, then scroll to the start, the middle and the end: the
    figures of each step, and the memory after opening and after the scrolling."""
    page = Page(console)
    try:
        opened, open_stall = page.open(incident_id)
        rss_open, peak_open = memory_mb()
        held_open = held(page.model)
        rows = page.model.rowCount()
        stalls = [open_stall]
        scrolls = []
        for position in (0, rows // 2, rows - 1):
            took, stall = page.scroll(position)
            scrolls.append(took)
            stalls.append(stall)
        rss_end, peak_end = memory_mb()
        return {
            "rows": rows,
            "open_s": opened,
            "scroll_s": max(scrolls),
            "longest_stall_ms": max(stalls),
            "rss_open_mb": rss_open,
            "peak_open_mb": peak_open,
            "rss_end_mb": rss_end,
            "peak_mb": peak_end,
            "held_open": held_open,
            "held_end": held(page.model),
        }
    finally:
        page.close()
