"""The command roster in the window: the org chart on the dashboard and the Roster tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents, roster
from hisconsole.services.console import Console
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.roster.dialogs import RosterSignInDialog, RosterSignOutDialog
from hisconsole.ui.situation import clock_time
from tests.support import Clock

from .conftest import settle

START = clock_time("2026-11-25T02:00:00+00:00")  # the test clock's start, in local time


@pytest.fixture
def window_console(timed: Console) -> Console:
    incidents.declare(timed, level="II", title="HIS down", systems=["HIS"])
    return timed


def _incident(window: MainWindow) -> str:
    headline = window.ctx.situation.situation.headline
    assert headline is not None
    return str(headline["id"])


def _ok(qtbot: QtBot, window: MainWindow, dialog: QDialog) -> None:
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    settle(qtbot, window)
    assert closed == [QDialog.DialogCode.Accepted]


def test_signing_in_over_someone_says_so_and_the_chart_follows(
    qtbot: QtBot, window: MainWindow, timed: Console, clock: Clock
) -> None:
    incident = _incident(window)
    window.open_incident(incident)
    page = window.incident_page
    page.tabs.setCurrentWidget(page.roster_tab)
    qtbot.waitUntil(lambda: page.roster_tab.detail is not None)

    dialog = page.roster_tab.sign_in("commander")
    assert isinstance(dialog, RosterSignInDialog)
    assert not dialog.intro_label.isVisible()  # nobody holds the post: nothing to relieve
    dialog.person_combo.setEditText("Li Wei")
    _ok(qtbot, window, dialog)
    tab = page.roster_tab
    qtbot.waitUntil(lambda: tab.chart.holder_text("commander").startswith("Li Wei"))
    assert tab.chart.holder_text("commander") == f"Li Wei (since {START})"
    # The dashboard's card shows the same chart.
    chart = window.dashboard.org_charts[incident]
    assert chart.holder_text("commander") == f"Li Wei (since {START})"
    assert chart.holder_text("scribe") == "vacant"

    clock.advance(12 * 60)
    dialog = tab.sign_in("commander")
    assert isinstance(dialog, RosterSignInDialog)
    assert dialog.intro_label.isVisibleTo(dialog)
    assert f"Li Wei holds this post since {START}. Signing in relieves them" in (
        dialog.intro_label.text()
    )
    dialog.person_combo.setEditText("Zhang Min")
    dialog.note_edit.setText("night shift")
    _ok(qtbot, window, dialog)
    qtbot.waitUntil(lambda: tab.chart.holder_text("commander").startswith("Zhang Min"))
    rows = tab.history_model.rows()
    assert [(r["person"], r["ended"]) for r in rows] == [
        ("Zhang Min", None),
        ("Li Wei", "relieved"),
    ]
    assert tab.history_model.data(tab.history_model.index(1, 3)).endswith("relieved by Zhang Min")

    out = tab.sign_out()
    assert isinstance(out, RosterSignOutDialog)
    assert out.role_combo.currentText() == "Commander: Zhang Min"
    _ok(qtbot, window, out)
    qtbot.waitUntil(lambda: tab.chart.holder_text("commander") == "vacant")
    assert roster.roster(timed, incident)["history"][-1]["ended"] == "signed-out"
