"""Replaying an incident shows each step as it stood then."""

from __future__ import annotations

from hisconsole.domain.replay import STATE_KINDS, Timeline
from hisconsole.services import incidents
from hisconsole.services.console import Console


def test_replay_steps_through_the_incident_as_it_happened(console: Console) -> None:
    inc, _ = incidents.declare(console, level="III", title="LIS down", systems=["LIS"])
    incidents.change_level(console, inc, "II", "spreading")
    incidents.set_system_status(console, inc, "LIS", "degraded")
    incidents.record_report(console, inc, recipient="HQ", channel="phone")
    incidents.resolve(console, inc)
    log = incidents.show(console, inc)["log"]
    changes = [(place, entry) for place, entry in enumerate(log) if entry["kind"] in STATE_KINDS]
    timeline = Timeline.of(len(log), changes)
    steps = [timeline.state_at(place) for place in range(len(log))]
    assert [f.level for f in steps] == ["III", "II", "II", "II", "II", "II"]
    assert [f.systems["LIS"] for f in steps] == ["down", "down", "degraded", "degraded", "up", "up"]
    assert [f.reports_made for f in steps][-1] == 1
    assert steps[-1].status == "resolved" and steps[0].status == "open"
