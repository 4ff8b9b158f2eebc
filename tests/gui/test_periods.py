"""Operational periods in the window: start the next one, tick an objective, carried over."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents, periods, tasks
from hisconsole.services.console import Console
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.periods.dialog import StartPeriodDialog
from tests.support import Clock

from .conftest import settle


@pytest.fixture
def window_console(timed: Console) -> Console:
    inc, _ = incidents.declare(timed, level="II", title="HIS down", systems=["HIS"])
    periods.start(timed, inc, ["Wards on paper", "Restore HIS"])
    tasks.add(timed, inc, "Call the vendor", owner="Wang", due="+20h")
    return timed


def test_starting_the_next_period_carries_the_open_ones_over(
    qtbot: QtBot, window: MainWindow, timed: Console, clock: Clock
) -> None:
    headline = window.ctx.situation.situation.headline
    assert headline is not None
    window.open_incident(headline["id"])
    tab = window.incident_page.periods_tab
    qtbot.waitUntil(lambda: tab.objectives_model.rowCount() == 2)
    assert tab.current_label.text().startswith("Period 1: ")
    tab.objectives_model.setData(
        tab.objectives_model.index(0, 0),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    settle(qtbot, window)
    qtbot.waitUntil(lambda: tab.objectives_model.rows()[0]["done"])

    clock.advance(12 * 60)
    window.ctx.situation.check_time()
    qtbot.waitUntil(lambda: "ended: brief and start the next period" in tab.current_label.text())
    dialog = tab.start_period()
    assert isinstance(dialog, StartPeriodDialog)
    assert dialog.length_spin.value() == 12
    assert dialog.intro_label.text() == (
        "Still open from before, carried over: 1 objective(s) not met, 1 task(s) not done."
    )
    dialog.objectives_edit.setPlainText("Back-entry plan\n\nVendor on site")
    dialog.group_boxes["tech"].setChecked(True)
    dialog.briefing_edit.setPlainText("Day 2")
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert closed == [QDialog.DialogCode.Accepted]
    qtbot.waitUntil(lambda: tab.current_label.text().startswith("Period 2: "))
    assert [r["text"] for r in tab.objectives_model.rows()] == [
        "Restore HIS",
        "Back-entry plan",
        "Vendor on site",
    ]
    assert "Technical support group" in tab.current_label.text()
    assert tab.briefing_label.text() == "Briefing: Day 2"
    assert tab.history_model.data(tab.history_model.index(0, 4)) == "1 objective(s), 1 task(s)"
