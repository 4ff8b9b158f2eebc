"""After-action review: timings from the log, improvements that outlive the incident."""

from __future__ import annotations

import pytest

from hisconsole.services import incidents, review
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.maintenance import check
from tests.support import Clock


def test_review_timings_and_improvements_across_incidents(console: Console) -> None:
    inc, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS", "LIS"])
    incidents.record_report(console, inc, recipient="HQ", channel="phone")
    incidents.set_system_status(console, inc, "LIS", "up")
    incidents.resolve(console, inc)
    result = review.review(console, inc)
    names = [t["milestone"] for t in result["timings"]]
    assert names == [
        "detected",
        "declared",
        "initial report",
        "HIS restored",
        "LIS restored",
        "resolved",
        "closed",
    ]
    assert all(t["at"] for t in result["timings"][:-1]) and result["timings"][-1]["at"] is None
    assert result["timings"][2]["clock"]["state"] == "on-time"
    review.note(console, inc, went_well="Paper forms were ready", went_badly="Call tree outdated")
    item = review.add_improvement(
        console,
        inc,
        "Update the IT on-call tree",
        owner="Zhang Wei",
        due="2027-01-15",
        plan_section="groups/tech",
    )
    later, _ = incidents.declare(console, level="IV", title="Printer fleet")
    assert [i["item"] for i in review.open_improvements(console)] == [item]
    review.complete(console, item)
    assert review.open_improvements(console) == []
    shown = review.review(console, inc)
    assert shown["went_badly"] == "Call tree outdated" and shown["improvements"][0]["done"]
    assert later and check(console).ok


def test_improvements_need_owner_and_a_real_date(console: Console) -> None:
    inc, _ = incidents.declare(console, level="IV", title="x")
    with pytest.raises(ServiceError, match="not a date"):
        review.add_improvement(console, inc, "Fix", owner="A", due="next week")
    with pytest.raises(ServiceError, match="owner"):
        review.add_improvement(console, inc, "Fix", owner=" ", due="2027-01-01")


def test_review_timings_judge_each_report_against_the_plan(timed: Console, clock: Clock) -> None:
    inc, _ = incidents.declare(timed, level="II", title="HIS down")
    clock.advance(14)
    incidents.record_report(timed, inc, recipient="HQ", channel="phone")
    clock.advance(61)  # the follow-up (60 min at level II) falls due unmade
    incidents.resolve(timed, inc)
    reports = [t for t in review.review(timed, inc)["timings"] if t["clock"]]
    assert [(t["milestone"], t["minutes"]) for t in reports] == [
        ("initial report", 14.0),
        ("followup report", None),
    ]
    assert [(t["clock"]["state"], t["clock"]["late_seconds"]) for t in reports] == [
        ("late", 4 * 60),
        ("missed", 0),
    ]
