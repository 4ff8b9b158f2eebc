"""The readiness panel on the dashboard while all is calm: what is due, and fixing it there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents
from hisconsole.services.console import Console
from hisconsole.ui.drills.page import DrillsPage
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.readiness.dialogs import ResourceCheckDialog, VerifyRoundDialog
from hisconsole.ui.readiness.panel import ReadinessPanel
from tests.gui.conftest import settle, visible_texts


def _panel(qtbot: QtBot, window: MainWindow) -> ReadinessPanel:
    settle(qtbot, window)
    panel = window.dashboard.readiness_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.data is not None)
    return panel


def _row_text(panel: ReadinessPanel, code: str, subject: str) -> str:
    return " ".join(visible_texts(panel.rows[(code, subject)]))


def test_calm_dashboard_shows_what_is_due_worst_first(qtbot: QtBot, window: MainWindow) -> None:
    panel = _panel(qtbot, window)
    texts = visible_texts(panel)
    assert "Readiness" in texts
    assert panel.state_label.text().startswith("Due: 0 overdue")
    assert "This console's database has never been backed up." in " ".join(texts)
    assert "Satellite phone: never checked (to be checked every 90 days)." in _row_text(
        panel, "resource", "satellite-phone"
    )


def test_recording_a_fault_then_a_good_check_from_the_panel(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = _panel(qtbot, window)
    dialog = panel.fix(panel.data.items[[i.subject for i in panel.data.items].index("radios")])
    assert isinstance(dialog, ResourceCheckDialog)
    dialog.fault_radio.setChecked(True)
    dialog.accept()
    assert dialog.error_label.text() == "Say what is wrong, so it can be put right."
    dialog.note_edit.setText("two batteries dead")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: panel.state_label.text().startswith("Overdue: 1 overdue"))
    assert "fault found" in _row_text(panel, "resource", "radios")
    assert "two batteries dead" in _row_text(panel, "resource", "radios")


def test_the_verify_round_records_answers_in_calling_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = _panel(qtbot, window)
    contacts = next(i for i in panel.data.items if i.code == "contacts")
    dialog = panel.fix(contacts)
    assert isinstance(dialog, VerifyRoundDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 40)
    first = dialog.rows[0]["key"]
    dialog.table.selectRow(0)
    dialog.note_edit.setText("confirmed by phone")
    dialog.answer("unreachable")
    qtbot.waitUntil(lambda: dialog.table.item(0, 2).text().startswith("unreachable"))
    assert dialog.table.currentRow() == 1
    qtbot.waitUntil(lambda: panel.state_label.text().startswith("Overdue"))
    assert "could not be reached" in _row_text(panel, "contacts", "contacts")
    assert first in {r["key"] for r in dialog.rows}


def test_backup_from_the_panel_and_the_page_buttons(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    panel = _panel(qtbot, window)
    panel.back_up(tmp_path / "copy.sqlite3")
    qtbot.waitUntil(
        lambda: "Last backup of this console on" in _row_text(panel, "backup", "database")
    )
    assert (tmp_path / "copy.sqlite3").stat().st_size > 0
    # The plan is fresh: nothing to fix there; the drill calendar has its page.
    assert ("plan-age", "plan") not in panel.fix_buttons
    panel.fix(next(i for i in panel.data.items if i.code == "drills"))
    assert isinstance(window.current_page(), DrillsPage)


def test_the_report_button_writes_the_pdf(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    panel = _panel(qtbot, window)
    assert isinstance(panel.report_button, QPushButton)
    panel.print_report(tmp_path / "readiness.pdf")
    qtbot.waitUntil(lambda: "written to" in panel.note_label.text())
    assert (tmp_path / "readiness.pdf").read_bytes().startswith(b"%PDF")


def test_an_open_incident_replaces_the_panel(
    qtbot: QtBot, window: MainWindow, window_console: Console
) -> None:
    _panel(qtbot, window)
    incidents.declare(window_console, level="II", title="HIS down", systems=["HIS"])
    window.ctx.situation.reload()
    qtbot.waitUntil(lambda: window.dashboard.readiness_panel is None)


def test_a_reading_that_arrives_after_the_dashboard_rebuilt_goes_to_the_new_panel(
    qtbot: QtBot, window: MainWindow
) -> None:
    _panel(qtbot, window)
    state = window.dashboard.readiness_state
    state.load()  # its answer arrives after the two rebuilds below
    window.dashboard.rebuild()
    window.dashboard.rebuild()
    state.load()
    settle(qtbot, window)
    panel = window.dashboard.readiness_panel
    assert panel is not None and panel.data is state.data
    assert panel.state_label.text().startswith("Due:")
