"""A drill's reporting clocks run on the drill's own clock: the incident's clocks, the
overdue alarm and the score card all judge a report by drill time (x10: one console
minute is ten drill minutes; a pause stops it), whatever the wall clock says."""

from __future__ import annotations

import datetime as dt

from hisconsole.services import alerts, incidents, response
from hisconsole.services.console import Console
from hisconsole.services.drills import run as drills
from hisconsole.services.drills.score import score_card
from tests.support import Clock

SCENARIO = "his-down"  # level II: the initial report is due 10 minutes after the first report


def _declared(console: Console, clock: Clock, drill: str, speed: int) -> str:
    """Play drill minutes until the first report arrives, then declare from it."""
    while not drills.tick(console, drill):
        clock.advance(1 / speed)
    made = {i["refs"]["intake"] for i in drills.read(console, drill).injects if i["refs"]}
    reports = [r["id"] for r in response.reports(console, open_only=True) if r["id"] in made]
    return response.declare_with_reports(console, reports, level="II", title="HIS 演练")


def _initial(console: Console, incident: str) -> dict:
    return incidents.show(console, incident, with_log=False)["clocks"][0]


def _overdue(console: Console, incident: str) -> bool:
    return any(
        a.kind == "report-overdue" and a.incident == incident
        for a in alerts.current(console).alerts
    )


def _card_initial(console: Console, drill: str) -> dict:
    return next(c for c in score_card(console, drill)["clocks"] if c["kind"] == "initial")


def test_a_report_late_in_drill_time_is_late_though_the_wall_clock_says_on_time(
    timed: Console, clock: Clock
) -> None:
    drill = drills.start(timed, SCENARIO, speed=10)
    incident = _declared(timed, clock, drill, 10)
    assert (_initial(timed, incident)["state"], _overdue(timed, incident)) == ("ok", False)

    clock.advance(1.2)  # 1.2 wall minutes: 12 drill minutes since the report came in
    assert _initial(timed, incident)["state"] == "red"
    assert _overdue(timed, incident)  # the alarm rings on drill time

    incidents.record_report(timed, incident, recipient="卫健委信息中心", channel="phone")
    shown = _initial(timed, incident)
    assert shown["state"] == "late"
    assert shown["late_seconds"] == 120  # drill seconds: 12 minutes after, 10 allowed
    assert not _overdue(timed, incident)
    card = _card_initial(timed, drill)
    assert (card["state"], card["late_minutes"]) == ("late", 2)


def test_a_report_on_time_in_drill_time_is_on_time_though_the_wall_clock_says_late(
    timed: Console, clock: Clock
) -> None:
    drill = drills.start(timed, SCENARIO, speed=1)
    incident = _declared(timed, clock, drill, 1)
    clock.advance(3)
    drills.pause(timed, drill)
    clock.advance(45)  # a long pause: the drill's clock stands still
    assert _initial(timed, incident)["state"] == "ok"
    assert not _overdue(timed, incident)
    drills.resume(timed, drill)
    clock.advance(2)  # 5 drill minutes after the first report (50 on the wall)

    shown = _initial(timed, incident)
    assert (shown["state"], shown["remaining_seconds"]) == ("ok", 300)
    assert (shown["drill_speed"], shown["drill_running"]) == (1, True)
    # Shown on the console's clock: due when the drill's 10 minutes are up, 5 minutes on.
    due = dt.datetime.fromisoformat(shown["due_at"])
    assert due - timed.now() == dt.timedelta(minutes=5)
    clock.advance(4)  # 9 drill minutes: the last third, amber
    assert _initial(timed, incident)["state"] == "amber"

    incidents.record_report(timed, incident, recipient="卫健委信息中心", channel="phone")
    assert _initial(timed, incident)["state"] == "on-time"
    assert _card_initial(timed, drill)["state"] == "on-time"
