"""Tasks in the window: made from a log entry, listed on the Tasks tab, overdue in the alerts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents, tasks
from hisconsole.services.console import Console
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.situation import clock_time
from hisconsole.ui.tasks.dialog import TaskDialog
from tests.support import Clock

from .conftest import settle


@pytest.fixture
def window_console(timed: Console) -> Console:
    inc, _ = incidents.declare(timed, level="II", title="HIS down", systems=["HIS"], scenario=None)
    incidents.log(timed, inc, "Pharmacy needs the paper MAR for ward 5")
    return timed


def test_a_task_from_a_log_entry_falls_overdue_and_clears_when_done(
    qtbot: QtBot, window: MainWindow, timed: Console, clock: Clock
) -> None:
    headline = window.ctx.situation.situation.headline
    assert headline is not None
    incident = headline["id"]
    window.open_incident(incident)
    page = window.incident_page
    qtbot.waitUntil(lambda: page.detail is not None and page.log_tab.log_model.rowCount() > 1)
    log = page.log_tab
    last = log.log_model.index(log.log_model.rowCount() - 1, 0)
    log.log_view.setCurrentIndex(last)
    assert log.task_action.text() == "Make a task…"
    assert log.log_view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    log.task_action.trigger()
    (dialog,) = [d for d in window.findChildren(TaskDialog) if d.isVisible()]
    assert dialog.text_edit.text() == "Pharmacy needs the paper MAR for ward 5"
    assert dialog.intro_label.text() == "Made from an activity-log entry"
    dialog.owner_edit.setText("Nurse Chen")
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert closed == [QDialog.DialogCode.Accepted]

    tab = page.tasks_tab
    qtbot.waitUntil(lambda: len(tab.tasks_model.rows()) == 1)
    (row,) = tab.tasks_model.rows()
    assert (row["owner"], row["source"], row["status"]) == ("Nurse Chen", "log", "open")
    assert tab.tasks_model.data(tab.tasks_model.index(0, 5)) == "Open"
    assert tab.summary_label.text() == "1 open, 0 overdue, 0 done"

    clock.advance(61)  # due in an hour (the dialog's default)
    window.ctx.situation.check_time()
    due = clock_time(row["due_at"])
    text = (
        f"{incident}: task {row['task']} OVERDUE — was due at {due}: "
        "Pharmacy needs the paper MAR for ward 5 (Nurse Chen)"
    )
    qtbot.waitUntil(lambda: text in window.alert_panel.texts())

    tasks.set_status(timed, row["task"])  # as from another laptop's window: then a reload
    window.ctx.situation.reload()
    qtbot.waitUntil(lambda: text not in window.alert_panel.texts())
