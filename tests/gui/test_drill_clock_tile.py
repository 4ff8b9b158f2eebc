"""The reporting-clock tile of a drill's incident counts the drill's time: at x10 ten
drill seconds go by each second, and a paused drill's countdown stands still."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from hisconsole.ui.partials.widgets import ClockTile

NOW = dt.datetime(2026, 11, 25, 2, 0, tzinfo=dt.UTC)


def _clock(due_in: dt.timedelta, **drill: object) -> dict[str, object]:
    return {
        "kind": "initial",
        "level": "II",
        "started_at": (NOW - dt.timedelta(seconds=30)).isoformat(),
        "due_at": (NOW + due_in).isoformat(),
        "met_at": None,
        "ended_at": None,
        "state": "ok",
        "late_seconds": 0,
        "remaining_seconds": 300,
        **drill,
    }


def test_a_drill_clock_counts_drill_seconds_and_stops_with_the_drill(qtbot: QtBot) -> None:
    running = ClockTile(_clock(dt.timedelta(seconds=30), drill_speed=10, drill_running=True))
    qtbot.addWidget(running)
    assert running.update_at(NOW) == "ok"
    assert running.countdown_text() == "05:00"  # 30 console seconds at x10
    assert running.update_at(NOW + dt.timedelta(seconds=31)) == "red"

    # Paused five minutes before it is due: however long the pause, nothing runs out.
    paused = ClockTile(_clock(dt.timedelta(seconds=30), drill_speed=10, drill_running=False))
    qtbot.addWidget(paused)
    assert paused.update_at(NOW + dt.timedelta(hours=1)) == "ok"
    assert paused.countdown_text() == "05:00"
