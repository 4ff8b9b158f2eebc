"""The window's first paint shows the first look, read before the console opens: the
banner's level and incident, the plan version and the reporting clocks are those the
full read shows once the console is attached."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hisconsole.services import first_look
from hisconsole.services import incidents as incident_service
from hisconsole.services.console import Console
from hisconsole.ui.app import SETTINGS_FILE, attach_console, create_frame
from hisconsole.ui.main_window import DASHBOARD, MainWindow
from hisconsole.ui.partials.widgets import ClockTile
from tests.support import Clock

from .conftest import SETTLE_MS, english_settings, settle


def seen(window: MainWindow, page: QWidget | None) -> tuple[Any, ...]:
    """What the user reads: the banner and every reporting clock."""
    assert page is not None
    tiles = [
        (t.kind_label.text(), t.count_label.text(), t.due_label.text(), t.state)
        for t in page.findChildren(ClockTile)
    ]
    banner = window.banner
    plan = "Plan v1" in banner.details_text()
    return banner.status_text(), banner.incident_text(), banner.colour(), plan, tiles


def prepare(case: str, tmp_path: Path, ready_data_dir: Path, clock: Clock) -> Path:
    if case == "no plan":
        empty = tmp_path / "empty"
        Console.open(empty, create=True, now_ms=clock).close()
        return empty
    if case == "incidents":
        console = Console.open(ready_data_dir, now_ms=clock)
        try:
            console.sign_in("Wang Fang", "it-duty")
            incident_service.declare(console, level="IV", title="Printer queue slow")
            clock.advance(3)
            worst, _ = incident_service.declare(console, level="III", title="HIS down")
            clock.advance(2)
            incident_service.change_level(console, worst, "I", "Emergency department")
            clock.advance(240)  # the level I report is long overdue
        finally:
            console.close()
    return ready_data_dir


@pytest.mark.parametrize("case", ["incidents", "calm", "no plan"])
def test_the_first_paint_shows_what_the_full_read_shows(
    qtbot: QtBot, case: str, tmp_path: Path, ready_data_dir: Path, clock: Clock
) -> None:
    folder = prepare(case, tmp_path, ready_data_dir, clock)

    def now() -> dt.datetime:
        return dt.datetime.fromtimestamp(clock() / 1000, tz=dt.UTC)

    look = first_look.read(folder, now=now())
    assert look is not None
    window = create_frame(english_settings(folder / SETTINGS_FILE))
    qtbot.addWidget(window)
    console = None
    try:
        window.show_first_look(look, now)
        window.show()
        qtbot.waitExposed(window)
        first = seen(window, window.stack.widget(DASHBOARD))

        console = Console.open(folder, now_ms=clock)
        attach_console(window, console, use_tray=False)
        qtbot.waitUntil(lambda: window.pages[DASHBOARD] is not None, timeout=SETTLE_MS)
        settle(qtbot, window)
        assert window.stack.currentWidget() is window.pages[DASHBOARD]
        assert seen(window, window.pages[DASHBOARD]) == first
    finally:
        window.close()
        window.translations.uninstall()
        if console is not None:
            console.close()

    status, incident, _colour, plan, tiles = first
    if case == "incidents":
        assert status == "Level I: Especially severe"
        assert incident.endswith("HIS down   (+1 more open)")
        assert [(kind, count, due.split(" — ")[0], state) for kind, count, due, state in tiles] == [
            ("Initial report (level I)", "+3:50:00", "OVERDUE", "red"),
            ("Initial report (level IV)", "+3:35:00", "OVERDUE", "red"),
        ]
    else:
        assert status == "No active incident — normal operations"
        assert (incident, tiles) == ("", [])
    assert plan == (case != "no plan")
