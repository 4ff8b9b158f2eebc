"""The dashboard's call-out: waves that need N people ("need 2, reached 1") and recording a
call's outcome from "Call next" without leaving the dashboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hisconsole.services import contacts, incidents, response
from hisconsole.services.console import Console
from hisconsole.ui.app import create_main_window
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.situation import clock_time
from tests.support import Clock

NODES = [
    {"contact": "c09", "children": [{"contact": "c01"}]},
    {"contact": "c10", "children": [{"contact": "c02"}]},
    {"contact": "c11", "children": [{"contact": "c03"}]},
]


@pytest.fixture
def timed(ready_data_dir: Path, clock: Clock) -> Iterator[Console]:
    console = Console.open(ready_data_dir, now_ms=clock)
    console.sign_in("Wang Fang", "it-duty")
    yield console
    console.close()


@pytest.fixture
def window(qtbot: QtBot, timed: Console, settings_path: Path) -> Iterator[MainWindow]:
    contacts.save_call_tree(
        timed,
        {
            "code": "waves",
            "name": {"zh": "技术支持组到场", "en": "Tech group on site"},
            "wait_minutes": 5,
            "nodes": NODES,
            "levels": [{"need": 2, "within_minutes": 10}],
        },
    )
    incident, _ = incidents.declare(timed, level="II", title="HIS down", systems=["HIS"])
    response.start_callout(timed, incident, "waves")
    main = create_main_window(timed, settings_path, use_tray=False)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    qtbot.waitUntil(main.ctx.runner.is_idle)
    yield main
    main.close()
    main.ctx.translations.uninstall()


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(window.ctx.runner.is_idle)


def test_the_dashboard_counts_each_wave_and_records_calls_in_place(
    qtbot: QtBot, window: MainWindow, clock: Clock
) -> None:
    console = window.ctx.console
    (incident,) = [i["id"] for i in incidents.list_incidents(console)]
    board = window.dashboard
    label = board.call_next_labels[incident]
    (run,) = response.callouts(console, incident)
    deadline = clock_time(run["waves"][0]["deadline"])
    assert f"Wave 1: need 2, reached 0 — until {deadline}" in label.text()
    bar = board.outcome_bars[incident]
    assert bar.isVisibleTo(board) and bar.caption.text() == "How did the call to Huang Xiaodong go?"
    bar.eta.setValue(20)
    qtbot.mouseClick(bar.buttons["coming"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "reached 1" in board.call_next_labels[incident].text())
    (run,) = response.callouts(console, incident)
    first = next(s for s in run["slots"] if s["person"]["key"] == "c09")
    assert (first["status"], first["eta_minutes"]) == ("coming", 20)
    assert "Wave 1: need 2, reached 1" in board.call_next_labels[incident].text()
    bar = board.outcome_bars[incident]
    qtbot.mouseClick(bar.buttons["no-answer"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)

    clock.advance(10)  # ten minutes: one reached of the two needed
    board.tick()
    settle(qtbot, window)
    text = board.call_next_labels[incident].text()
    assert f"Wave 1: need 2, reached 1 — too few by {deadline}: wave 2 called" in text
    assert "Wave 2: reached 0 of 3" in text
    (run,) = response.callouts(console, incident)
    assert {"c01", "c02", "c03"} <= {n["person"]["key"] for n in run["next"]}
