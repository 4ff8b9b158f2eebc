"""The alert list under the banner: conditions, not a sticky bar; acknowledged, translated."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from hisconsole.services import alerts, incidents
from hisconsole.services.console import Console
from hisconsole.store.models import AlertAck
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.situation import clock_time
from tests.support import Clock

from .conftest import settle


def run(qtbot: QtBot, window: MainWindow, fn: object) -> None:
    """A service call through the window's runner, as a dialog would make it."""
    window.ctx.runner.op(fn)  # type: ignore[arg-type]
    settle(qtbot, window)


def test_an_alert_is_acknowledged_re_rendered_in_chinese_and_clears_by_itself(
    qtbot: QtBot, timed_window: MainWindow, timed: Console, clock: Clock
) -> None:
    window = timed_window
    raised: list[tuple[str, str]] = []
    window.ctx.notifier.raised.connect(lambda title, text: raised.append((title, text)))
    inc, _ = incidents.declare(timed, level="I", title="Data centre power")
    window.ctx.situation.reload()
    clock.advance(11)
    window.ctx.situation.check_time()
    due = clock_time("2026-11-25T02:10:00+00:00")
    overdue = f"{inc}: Initial report (level I) OVERDUE — was due at {due}"
    qtbot.waitUntil(lambda: window.alert_panel.texts() == [overdue])
    (row,) = window.alert_panel.rows
    assert row.ack_button.isVisible() and row.ack_button.text() == "Acknowledge"
    assert window.banner.status_text() == "Level I: Especially severe"

    qtbot.mouseClick(row.ack_button, Qt.MouseButton.LeftButton)
    seen = clock_time("2026-11-25T02:11:00+00:00")
    qtbot.waitUntil(
        lambda: window.alert_panel.texts() == [f"{overdue}   (seen by Wang Fang at {seen})"]
    )
    assert not window.alert_panel.rows[0].ack_button.isVisible()
    assert len(raised) == 1  # acknowledged or refreshed: no second notice

    window.set_language("zh")
    assert window.alert_panel.texts() == [
        f"{inc}：首报（I 级）已超时 — 应于 {due} 前上报   （Wang Fang 已于 {seen} 确认）"
    ]
    window.set_language("en")
    assert window.alert_panel.texts()[0].startswith(overdue)

    # Resolving ends the condition: the list and the banner agree that all is calm.
    run(qtbot, window, lambda: incidents.resolve(timed, inc))
    qtbot.waitUntil(lambda: not window.alert_panel.isVisible())
    assert window.banner.status_text() == "No active incident — normal operations"


def test_more_than_three_alerts_fold_with_a_count(
    qtbot: QtBot, timed_window: MainWindow, timed: Console, clock: Clock
) -> None:
    window = timed_window
    for n in range(4):
        incidents.declare(timed, level="II", title=f"Outage {n}")
    clock.advance(12)
    window.ctx.situation.reload()
    qtbot.waitUntil(lambda: len(window.alert_panel.alerts) == 4)
    panel = window.alert_panel
    assert len(panel.rows) == 3
    assert panel.count_label.text() == "4 alert(s), 4 not yet acknowledged"
    assert panel.more_button.text() == "Show all (4)"
    qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
    assert len(panel.rows) == 4 and panel.more_button.text() == "Show fewer"


def test_acknowledging_an_alert_that_cleared_meanwhile_says_so_and_records_nothing(
    qtbot: QtBot, timed_window: MainWindow, timed: Console, clock: Clock
) -> None:
    window = timed_window
    inc, _ = incidents.declare(timed, level="II", title="HIS down")
    clock.advance(11)
    window.ctx.situation.reload()
    qtbot.waitUntil(lambda: len(window.alert_panel.rows) == 1)
    row = window.alert_panel.rows[0]
    # Another laptop's report arrives before the click: the condition has ended.
    incidents.record_report(timed, inc, recipient="HQ", channel="phone")
    qtbot.mouseClick(row.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.alert_panel.note_label.text() == "That alert has already cleared."
    )
    qtbot.waitUntil(lambda: not window.alert_panel.isVisible())
    assert alerts.current(timed).alerts == []
    with timed.db.read() as session:
        assert session.scalar(select(func.count()).select_from(AlertAck)) == 0
