"""Reporting clocks follow the plan's minutes, not constants in the code."""

from __future__ import annotations

import datetime as dt

from hisconsole.domain import incidents as rules
from hisconsole.domain.plan import Level

T0 = dt.datetime(2026, 11, 25, 3, 0, tzinfo=dt.UTC)


def minutes(n: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=n)


def levels(report: tuple[int, int, int, int] = (10, 10, 30, 30)) -> dict[str, Level]:
    follow = (30, 60, 120, 240)
    return {
        code: Level(code, {"zh": code, "en": code}, "#000000", r, f, True)
        for code, r, f in zip(("I", "II", "III", "IV"), report, follow, strict=True)
    }


def test_initial_report_due_after_the_levels_minutes() -> None:
    (clock,) = rules.compute_clocks(levels=levels(), reported_at=T0, initial_level="II")
    assert clock.kind == rules.CLOCK_INITIAL and clock.due_at == minutes(10)
    (clock,) = rules.compute_clocks(levels=levels(), reported_at=T0, initial_level="IV")
    assert clock.due_at == minutes(30)


def test_the_plan_not_the_code_sets_the_minutes() -> None:
    (clock,) = rules.compute_clocks(
        levels=levels((5, 10, 45, 60)), reported_at=T0, initial_level="III"
    )
    assert clock.due_at == minutes(45)


def test_colour_turns_amber_then_red_and_stays_red() -> None:
    (clock,) = rules.compute_clocks(levels=levels(), reported_at=T0, initial_level="I")
    assert clock.state(minutes(6)) == rules.STATE_OK
    assert clock.state(minutes(7)) == rules.STATE_AMBER
    assert clock.state(minutes(10)) == rules.STATE_RED
    assert clock.state(minutes(95)) == rules.STATE_RED


def test_a_report_meets_the_clock_and_starts_the_follow_up() -> None:
    clocks = rules.compute_clocks(
        levels=levels(), reported_at=T0, initial_level="II", reports=[minutes(8)]
    )
    assert [c.kind for c in clocks] == [rules.CLOCK_INITIAL, rules.CLOCK_FOLLOWUP]
    assert clocks[0].met_at == minutes(8) and clocks[0].state(minutes(60)) == rules.STATE_MET
    assert clocks[1].due_at == minutes(8 + 60)
    assert rules.pending_clock(clocks) is clocks[1]


def test_raising_the_level_restarts_the_deadline_from_the_change() -> None:
    clocks = rules.compute_clocks(
        levels=levels(),
        reported_at=T0,
        initial_level="III",
        level_changes=[rules.LevelChange(minutes(4), "I")],
    )
    pending = rules.pending_clock(clocks)
    assert pending is not None and pending.level == "I" and pending.due_at == minutes(14)
    assert clocks[0].cancelled


def test_level_change_after_the_first_report_asks_for_a_new_report() -> None:
    clocks = rules.compute_clocks(
        levels=levels(),
        reported_at=T0,
        initial_level="II",
        reports=[minutes(5)],
        level_changes=[rules.LevelChange(minutes(20), "I")],
    )
    pending = rules.pending_clock(clocks)
    assert pending is not None
    assert pending.kind == rules.CLOCK_LEVEL_CHANGE and pending.due_at == minutes(30)


def test_resolving_stops_follow_ups_but_not_an_unmet_initial_report() -> None:
    clocks = rules.compute_clocks(
        levels=levels(),
        reported_at=T0,
        initial_level="I",
        reports=[minutes(5)],
        resolved_at=minutes(20),
    )
    assert rules.pending_clock(clocks) is None
    clocks = rules.compute_clocks(
        levels=levels(), reported_at=T0, initial_level="I", resolved_at=minutes(3)
    )
    pending = rules.pending_clock(clocks)
    assert pending is not None and pending.kind == rules.CLOCK_INITIAL
