"""The wall display: every open incident, its clock, systems, call-out, roster and latest log,
read-only, following the one change signal."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents, periods, response, roster
from hisconsole.services.console import Console
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.situation import touching
from hisconsole.ui.wall.window import WallWindow
from tests.support import Clock

from .conftest import settle


@pytest.fixture
def window_console(timed: Console) -> Console:
    inc, _ = incidents.declare(timed, level="I", title="Ransomware", systems=["HIS", "EMR"])
    roster.sign_in(timed, inc, "commander", "Li Wei")
    periods.start(timed, inc, ["Keep wards on paper"])
    response.start_callout(timed, inc, "it-on-call")
    incidents.declare(timed, level="III", title="LIS slow", systems=["LIS"])
    return timed


def _texts(wall: WallWindow, name: str = "") -> list[str]:
    """The texts of the labels named ``name`` on the incident cards shown now, in order."""
    return [
        label.text()
        for card in wall.cards.values()
        for label in card.findChildren(QLabel)
        if not name or label.objectName() == name
    ]


def test_the_wall_shows_every_open_incident_and_follows_changes(
    qtbot: QtBot, window: MainWindow, timed: Console, clock: Clock
) -> None:
    wall = window.open_wall(full_screen=False)
    qtbot.addWidget(wall)
    wall.resize(1920, 1080)
    qtbot.waitUntil(lambda: len(wall.cards) == 2 and bool(_texts(wall, "WallLogLine")))
    titles = _texts(wall, "WallIncidentTitle")
    assert titles[0].startswith("Level I · Especially severe — Ransomware")  # most severe first
    assert titles[1].startswith("Level III")
    assert wall.countdowns[0][1].text() == "Initial report due in 10:00"
    assert any(t.startswith("Operational period 1 until") for t in _texts(wall))
    assert any(t.startswith("Call-out ") and "reached 0 of" in t for t in _texts(wall))
    assert "Li Wei (since" in _texts(wall, "OrgChartHolder_commander")[0]
    assert wall.font().pointSize() >= 18  # read across the room

    clock.advance(11)
    wall.tick()
    assert wall.countdowns[0][1].text() == "Initial report OVERDUE 01:00"

    # A change anywhere reaches the wall through the one change signal.
    headline = window.ctx.situation.situation.headline
    assert headline is not None
    incident, console = headline["id"], window.ctx.console
    window.ctx.runner.op(touching(lambda: incidents.log(console, incident, "Vendor on site")))
    settle(qtbot, window)
    qtbot.waitUntil(lambda: any("Vendor on site" in t for t in _texts(wall, "WallLogLine")))
    wall.close()
    qtbot.waitUntil(lambda: window.wall is None)
