"""A short drill in the window under the test's clock: injects appear, the controller
pauses and resumes, the score card opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from hisconsole.services import response
from hisconsole.services.console import Console
from hisconsole.services.drills import run as drills
from hisconsole.ui.drills.page import DrillsPage
from hisconsole.ui.main_window import MainWindow, page_index
from tests.gui.conftest import settle
from tests.support import Clock


def _states(table: QTableWidget) -> list[str]:
    return [table.item(row, 3).text() for row in range(table.rowCount())]


def test_drill_runs_in_the_window(
    qtbot: QtBot,
    timed_window: MainWindow,
    timed: Console,
    clock: Clock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = timed_window
    window.show_page(page_index("DrillsPage"))
    settle(qtbot, window)
    page = window.current_page()
    assert isinstance(page, DrillsPage)
    qtbot.waitUntil(lambda: page.scenario_box.count() == 9)
    page.scenario_box.setCurrentIndex(page.scenario_box.findData("his-down"))
    page.speed_box.setValue(60)
    page.start_button.click()
    qtbot.waitUntil(lambda: page.state is not None)
    assert page.state is not None and page.state["calendar"] == "2027-03-his"
    assert "HIS" in page.next_label.text() or "Ward 5" in page.next_label.text()

    # x60: two console seconds are two drill minutes; the first report arrives.
    clock.advance(2 / 60)
    qtbot.waitUntil(lambda: _states(page.table)[0] == "arrived at 2 min")
    assert page.table.item(0, 2).text().startswith("Ward 5 on the phone")
    assert "no incident declared yet" in page.status.text()

    page.pause_button.click()
    qtbot.waitUntil(lambda: page.state is not None and page.state["state"] == "paused")
    assert page.pause_button.text() == "Resume"
    clock.advance(30 / 60)  # paused: the drill clock stands still, nothing arrives
    page._beat()
    settle(qtbot, window)
    assert page.clock_label.text() == "Drill minute 2 of 60"
    assert _states(page.table)[1] == "to come"

    page.pause_button.click()
    qtbot.waitUntil(lambda: page.state is not None and page.state["state"] == "running")
    # The team declares from the drill's report: the incident is the drill's, an exercise.
    report = next(r for r in response.reports(timed, open_only=True) if "[DRILL]" in r["what"])
    incident = response.declare_from_report(timed, report["id"], level="II", title="HIS down")
    clock.advance(8 / 60)
    qtbot.waitUntil(lambda: _states(page.table)[2].startswith("arrived"))
    assert f"incident {incident}" in page.status.text()
    assert drills.read(timed, page.drill).incident == incident

    page.end_button.click()
    qtbot.waitUntil(lambda: page.state is not None and page.state["state"] == "ended")
    page.score_button.click()
    dialog = page.score_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.card is not None)
    assert dialog.summary.text().endswith("not met")
    assert dialog.table.rowCount() == 7
    assert dialog.table.item(0, 0).text() == "Declared within 5 min of the first report"
    assert dialog.table.item(0, 1).text() == "met"  # declared 0 drill minutes after it
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "card.pdf"), "")
    )
    dialog.save_zh.click()
    qtbot.waitUntil(lambda: (tmp_path / "card.pdf").exists())
    settle(qtbot, window)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "card.pdf").pages)
    assert "应急演练评分表" in text and "演练 — 非真实事件" in text
    dialog.close()


def test_the_plans_drill_calendar_opens_the_controller_and_exports(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.show_page(page_index("PlanPage"))
    settle(qtbot, window)
    plan = window.plan_page
    qtbot.waitUntil(lambda: plan.document is not None)
    assert plan.document is not None
    run = plan.document.findChild(QPushButton, "RunDrill_2027-05-lis")
    assert run is not None and run.text() == "Run drill…"
    run.click()
    settle(qtbot, window)
    page = window.current_page()
    assert isinstance(page, DrillsPage)
    qtbot.waitUntil(lambda: page.calendar_box.currentData() == "2027-05-lis")
    assert page.scenario_box.currentData() == "lis-down"
    texts = [page.calendar_table.item(r, 3).text() for r in range(page.calendar_table.rowCount())]
    assert texts and set(texts) == {"not run yet"}

    target = tmp_path / "drills.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    page.ics_button.click()
    qtbot.waitUntil(target.exists)
    settle(qtbot, window)
    assert target.read_bytes().count(b"BEGIN:VEVENT") == len(texts)
