"""Checking the database from the window: progress by stage, the findings in words, and
the window's own work going on while the check runs."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents, maintenance
from hisconsole.ui.check.dialog import CheckDialog
from hisconsole.ui.main_window import MainWindow, page_index
from hisconsole.ui.settings.page import SettingsPage

from .conftest import settle

#: A check of the small test database takes well under this, even on a busy machine.
CHECK_MS = 60_000


def _settings(qtbot: QtBot, window: MainWindow) -> SettingsPage:
    window.show_page(page_index("SettingsPage"))
    settle(qtbot, window)
    page = window.current_page()
    assert isinstance(page, SettingsPage)
    return page


def test_a_check_shows_each_stage_then_that_all_is_sound(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _settings(qtbot, window)
    assert page.check_button.text() == "&Check the database…"
    stages: list[str] = []  # each stage as the dialog showed it
    shown = CheckDialog._advanced

    def advanced(dialog: CheckDialog, stage: str, done: int, total: int) -> None:
        stages.append(stage)
        shown(dialog, stage, done, total)

    monkeypatch.setattr(CheckDialog, "_advanced", advanced)
    page.check_button.click()
    dialog = page.check_dialog
    qtbot.waitUntil(lambda: dialog.stage_label.text() == "Check finished", timeout=CHECK_MS)

    report = maintenance.check(window.ctx.console)
    assert dialog.isVisible()
    assert dialog.result_label.text() == (
        f"OK: {report.events:,} events from 1 laptop(s), signatures and sequences verified; "
        "projections match."
    )
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()
    assert sorted(set(stages), key=stages.index) == list(maintenance.CHECK_STAGES)


def test_a_projection_that_drifted_is_named_in_the_window(qtbot: QtBot, window: MainWindow) -> None:
    con = sqlite3.connect(window.ctx.console.db.path)
    with con:
        con.execute("DELETE FROM plan_items WHERE key = 'levels/I'")
    con.close()
    page = _settings(qtbot, window)

    dialog = page.check_database()
    qtbot.waitUntil(lambda: dialog.stage_label.text() == "Check finished", timeout=CHECK_MS)

    assert dialog.result_label.text() == "Problems found: 1"
    assert dialog.details.isVisible()
    assert dialog.details.toPlainText() == (
        "projection plan_items differs from a rebuild of the log (1 row(s) missing, 0 extra)"
    )


def test_the_window_records_while_a_check_runs(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check holds its thread at its second stage; meanwhile an incident is declared
    through the window's runner, and is in the database before the check goes on."""
    reached, go_on = threading.Event(), threading.Event()
    real_check = maintenance.check

    def held_check(console: object, *, progress: maintenance.CheckProgress) -> object:
        def hold(stage: str, done: int, total: int) -> None:
            if stage == maintenance.STAGE_LOG and not reached.is_set():
                reached.set()
                assert go_on.wait(CHECK_MS / 1000)
            progress(stage, done, total)

        return real_check(console, progress=hold)  # type: ignore[arg-type]

    monkeypatch.setattr(maintenance, "check", held_check)
    page = _settings(qtbot, window)
    dialog = page.check_database()
    qtbot.waitUntil(reached.is_set, timeout=CHECK_MS)

    console = window.ctx.console
    declared: list[str] = []
    window.ctx.runner.op(
        lambda: incidents.declare(console, level="IV", title="Phones down"),
        on_done=lambda result: declared.append(result[0]),
    )
    try:
        qtbot.waitUntil(lambda: bool(declared), timeout=CHECK_MS)
        assert dialog.run.running and dialog.stage_label.text().startswith("Step 1 of 4")
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: dialog.stage_label.text() == "Check finished", timeout=CHECK_MS)
    assert dialog.result_label.text().startswith("OK: ")
    assert declared[0] in {i["id"] for i in incidents.list_incidents(console)}
