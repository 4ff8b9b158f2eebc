"""Reporting clocks follow the plan's minutes, not constants in the code."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from hisconsole.domain import incidents as rules
from hisconsole.domain.plan import Level

T0 = dt.datetime(2026, 11, 25, 3, 0, tzinfo=dt.UTC)
SECONDS_10 = dt.timedelta(seconds=10)


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
    assert clocks[0].met_at == minutes(8) and clocks[0].state(minutes(60)) == rules.STATE_ON_TIME
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
    # Replaced before it fell due: nothing was owed on it.
    assert clocks[0].ended_at == minutes(4)
    assert clocks[0].state(minutes(60)) == rules.STATE_CANCELLED


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


def test_resolving_ends_a_follow_up_not_yet_due() -> None:
    clocks = rules.compute_clocks(
        levels=levels(),
        reported_at=T0,
        initial_level="I",
        reports=[minutes(5)],
        resolved_at=minutes(20),
    )
    assert rules.pending_clock(clocks) is None
    assert [c.state(minutes(99)) for c in clocks] == [rules.STATE_ON_TIME, rules.STATE_CANCELLED]


def test_a_report_after_the_due_time_is_late_by_how_much() -> None:
    (initial, _followup) = rules.compute_clocks(
        levels=levels(), reported_at=T0, initial_level="II", reports=[minutes(15) + SECONDS_10]
    )
    assert initial.state(minutes(60)) == rules.STATE_LATE
    assert initial.late_seconds() == 5 * 60 + 10


def test_a_report_at_the_due_time_is_on_time() -> None:
    (initial, _followup) = rules.compute_clocks(
        levels=levels(), reported_at=T0, initial_level="II", reports=[minutes(10)]
    )
    assert initial.state(minutes(10)) == rules.STATE_ON_TIME and initial.late_seconds() == 0


def test_a_clock_replaced_after_it_fell_due_was_missed() -> None:
    clocks = rules.compute_clocks(
        levels=levels(),
        reported_at=T0,
        initial_level="II",
        level_changes=[rules.LevelChange(minutes(25), "I")],
    )
    assert clocks[0].state(minutes(26)) == rules.STATE_MISSED
    assert clocks[1].kind == rules.CLOCK_INITIAL and clocks[1].due_at == minutes(35)


def test_resolving_before_a_due_report_was_made_settles_it_as_missed() -> None:
    # The follow-up was overdue when the incident was resolved.
    clocks = rules.compute_clocks(
        levels=levels(),
        reported_at=T0,
        initial_level="I",
        reports=[minutes(5)],
        resolved_at=minutes(50),
    )
    assert [c.state(minutes(50)) for c in clocks] == [rules.STATE_ON_TIME, rules.STATE_MISSED]
    # The initial report was never made: resolving settles it too (nothing stays red).
    (initial,) = rules.compute_clocks(
        levels=levels(), reported_at=T0, initial_level="I", resolved_at=minutes(3)
    )
    assert initial.state(minutes(90)) == rules.STATE_MISSED
    assert rules.pending_clock([initial]) is None


def test_a_report_dated_before_the_resolution_still_counts() -> None:
    (initial,) = rules.compute_clocks(
        levels=levels(),
        reported_at=T0,
        initial_level="I",
        reports=[minutes(8)],
        resolved_at=minutes(9),
    )[:1]
    assert initial.state(minutes(20)) == rules.STATE_ON_TIME


@given(
    report_after=st.floats(min_value=0, max_value=600),
    level=st.sampled_from(["I", "II", "III", "IV"]),
)
def test_every_made_report_is_on_time_exactly_when_made_by_the_due_time(
    report_after: float, level: str
) -> None:
    clocks = rules.compute_clocks(
        levels=levels(), reported_at=T0, initial_level=level, reports=[minutes(report_after)]
    )
    initial = clocks[0]
    assert initial.met_at is not None
    expected = rules.STATE_ON_TIME if initial.met_at <= initial.due_at else rules.STATE_LATE
    assert initial.state(minutes(1000)) == expected
    assert initial.late_seconds() == max(0, int((initial.met_at - initial.due_at).total_seconds()))
    assert rules.is_settled(initial.state(minutes(1000)))


def test_a_report_and_a_level_change_in_the_same_second_keep_the_log_order() -> None:
    at = minutes(12)  # the initial report (due at 10) is late
    report_first = rules.compute_clocks(
        levels=levels(),
        reported_at=T0,
        initial_level="II",
        reports=[rules.ReportMade(at, seq=1)],
        level_changes=[rules.LevelChange(at, "I", seq=2)],
    )
    assert [(c.kind, c.state(at)) for c in report_first] == [
        (rules.CLOCK_INITIAL, rules.STATE_LATE),
        (rules.CLOCK_FOLLOWUP, rules.STATE_CANCELLED),
        (rules.CLOCK_LEVEL_CHANGE, rules.STATE_OK),
    ]
    change_first = rules.compute_clocks(
        levels=levels(),
        reported_at=T0,
        initial_level="II",
        reports=[rules.ReportMade(at, seq=2)],
        level_changes=[rules.LevelChange(at, "I", seq=1)],
    )
    assert [(c.kind, c.state(at)) for c in change_first] == [
        (rules.CLOCK_INITIAL, rules.STATE_MISSED),
        (rules.CLOCK_INITIAL, rules.STATE_ON_TIME),
        (rules.CLOCK_FOLLOWUP, rules.STATE_OK),
    ]
