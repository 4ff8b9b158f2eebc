"""Call-out waves that need N responses, under the controllable clock."""

from __future__ import annotations

from typing import Any

import pytest

from hisconsole.cli import main
from hisconsole.services import calltrees, contacts, incidents, response
from hisconsole.services.console import Console, ServiceError
from tests.support import Clock

# Wave 1: three duty engineers; wave 2: whom each of them would call.
NODES = [
    {"contact": "c09", "children": [{"contact": "c01"}]},
    {"contact": "c10", "children": [{"contact": "c02"}]},
    {"contact": "c11", "children": [{"contact": "c03"}]},
]


def start(console: Console, need: int = 2, within: int = 10) -> str:
    contacts.save_call_tree(
        console,
        {
            "code": "waves",
            "name": {"zh": "技术支持组到场", "en": "Tech group on site"},
            "wait_minutes": 5,
            "nodes": NODES,
            "levels": [{"need": need, "within_minutes": within}],
        },
    )
    incident, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    response.start_callout(console, incident, "waves")
    return incident


def run(console: Console, incident: str) -> dict[str, Any]:
    (callout,) = response.callouts(console, incident)
    return callout


def next_people(callout: dict[str, Any]) -> list[str]:
    return [n["person"]["key"] for n in callout["next"]]


def test_wave_2_starts_when_wave_1_reached_fewer_than_n_in_m_minutes(
    timed: Console, clock: Clock
) -> None:
    incident = start(timed)
    callout = run(timed, incident)
    wave1, wave2 = callout["waves"]
    assert (wave1["need"], wave1["reached"], wave1["state"]) == (2, 0, "running")
    assert wave2["state"] == "waiting"
    assert next_people(callout) == ["c09", "c10", "c11"]
    clock.advance(2)
    cid = callout["callout"]
    response.record_call(timed, cid, "c09", "coming", eta_minutes=20)
    response.record_call(timed, cid, "c10", "no-answer")
    response.record_call(timed, cid, "c11", "declined")
    clock.advance(7.9)  # 9.9 minutes in: one reached, the wave still has time
    callout = run(timed, incident)
    assert (callout["waves"][0]["reached"], callout["waves"][0]["state"]) == (1, "running")
    assert "c02" not in next_people(callout) and "c03" not in next_people(callout)
    assert "c01" in next_people(callout)  # c09 was reached: their cascade goes on
    clock.advance(0.1)  # 10 minutes: short of 2
    callout = run(timed, incident)
    wave1, wave2 = callout["waves"]
    assert (wave1["reached"], wave1["state"]) == (1, "short")
    assert wave2["state"] == "running" and wave2["started_at"] == wave1["deadline"]
    # Wave 2 is called at once, whoever above them was reached.
    assert {"c01", "c02", "c03"} <= set(next_people(callout))
    coming = next(s for s in callout["slots"] if s["person"]["key"] == "c09")
    assert (coming["status"], coming["eta_minutes"]) == ("coming", 20)


def test_a_wave_that_is_met_in_time_does_not_start_the_next_one(
    timed: Console, clock: Clock
) -> None:
    incident = start(timed)
    cid = run(timed, incident)["callout"]
    clock.advance(3)
    response.record_call(timed, cid, "c09", "reached")
    response.record_call(timed, cid, "c10", "coming", eta_minutes=15)
    clock.advance(30)
    callout = run(timed, incident)
    assert (callout["waves"][0]["reached"], callout["waves"][0]["state"]) == (2, "met")
    people = next_people(callout)
    assert "c01" in people and "c02" in people and "c03" not in people  # c11 not reached


def test_wave_rules_are_checked_and_set_from_the_command_line(
    timed: Console, capsys: pytest.CaptureFixture[str]
) -> None:
    start(timed)
    with pytest.raises(ServiceError, match="wave 1 calls 3 people: it cannot need 4"):
        calltrees.set_wave(timed, "waves", 1, need=4, within_minutes=10)
    with pytest.raises(ServiceError, match="An ETA goes with 'coming'"):
        response.record_call(timed, "x", "c09", "reached", eta_minutes=5)
    base = ["--data-dir", str(timed.data_dir)]
    assert main([*base, "calltree", "wave", "waves", "2", "--need", "1", "--within", "5"]) == 0
    assert "Wave 2 of waves needs 1 reached within 5 min" in capsys.readouterr().out
    saved = next(t for t in contacts.call_trees(timed) if t["code"] == "waves")
    assert saved["levels"] == [
        {"need": 2, "within_minutes": 10},
        {"need": 1, "within_minutes": 5},
    ]
    assert main([*base, "calltree", "wave", "waves", "2"]) == 0
    saved = next(t for t in contacts.call_trees(timed) if t["code"] == "waves")
    assert saved["levels"] == [{"need": 2, "within_minutes": 10}]


def test_a_short_wave_is_an_alert_until_late_answers_make_up_the_need(
    timed: Console, clock: Clock
) -> None:
    from hisconsole.services import alerts

    incident = start(timed)
    cid = run(timed, incident)["callout"]

    def wave_alerts() -> list[alerts.Alert]:
        return [a for a in alerts.current(timed).alerts if a.kind == "wave-short"]

    response.record_call(timed, cid, "c09", "coming")
    clock.advance(9.9)
    assert wave_alerts() == []  # still running: not yet short
    clock.advance(0.1)
    (short,) = wave_alerts()
    assert short.severity == "urgent" and short.incident == incident
    assert (short.params["reached"], short.params["need"], short.params["wave"]) == (1, 2, 1)
    assert alerts.describe(short) == (
        f"{incident}: call-out Tech group on site, wave 1 reached 1 of the 2 needed within 10 min: "
        "the next wave is being called; find more people"
    )
    clock.advance(3)
    response.record_call(timed, cid, "c10", "coming")  # late, but the need is made up
    assert wave_alerts() == []
