"""Operational periods: length from the plan, objectives, what carries over, the alert."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hisconsole.cli.entry import main
from hisconsole.domain import periods as rules
from hisconsole.services import alerts, incidents, periods, tasks
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from tests.support import Clock


def test_the_plan_sets_the_period_length_else_twelve_hours() -> None:
    assert rules.period_hours({"reporting": {}}) == 12
    assert rules.period_hours({"reporting": {"period_hours": 8}}) == 8
    assert rules.period_hours(None) == 12


def test_open_objectives_and_tasks_carry_over(timed: Console, clock: Clock) -> None:
    doc = plan_service.current_document(timed)
    assert doc is not None
    doc["reporting"]["period_hours"] = 10
    plan_service.import_document(timed, doc)
    inc, _ = incidents.declare(timed, level="I", title="Ransomware", systems=["HIS"])
    first = periods.start(
        timed, inc, ["Wards on paper", "Restore HIS"], groups=["tech"], briefing="HIS encrypted"
    )
    assert (first.number, first.carried_objectives, first.carried_tasks) == (1, [], [])
    (one,) = periods.periods(timed, inc)
    assert (one["length_hours"], one["ends_at"]) == (10, "2026-11-25T12:00:00+00:00")
    met, still = one["objectives"]
    periods.set_objective(timed, met["objective"])
    task = tasks.add(timed, inc, "Call the vendor", owner="Wang", due="+20h").task
    done = tasks.add(timed, inc, "Print MAR", owner="Li", due="+1h").task
    tasks.set_status(timed, done)

    assert not [a for a in alerts.current(timed).alerts if a.kind == "period-ended"]
    clock.advance(10 * 60)
    (ended,) = [a for a in alerts.current(timed).alerts if a.kind == "period-ended"]
    assert ended.params == {"incident": inc, "number": 1, "ends_at": "2026-11-25T12:00:00+00:00"}

    second = periods.start(timed, inc, ["Back-entry plan"], length_hours=12)
    assert (second.number, second.carried_objectives, second.carried_tasks) == (
        2,
        [still["objective"]],
        [task],
    )
    assert not [a for a in alerts.current(timed).alerts if a.kind == "period-ended"]
    now = periods.current(timed, inc)
    assert now is not None and now["current"] and not now["overrun"]
    assert [(o["text"], o["set_in"], o["done"]) for o in now["objectives"]] == [
        ("Restore HIS", 1, False),
        ("Back-entry plan", 2, False),
    ]
    log = [e for e in incidents.show(timed, inc)["log"] if e["kind"] == "period"]
    assert incidents.describe_entry(log[1]) == (
        "Operational period 2 started (12 h): 1 objective(s), 1 objective(s) and 1 task(s) "
        "carried over"
    )


def test_refusals_change_nothing(timed: Console) -> None:
    inc, _ = incidents.declare(timed, level="II", title="HIS", systems=["HIS"])
    with pytest.raises(periods.ObjectivesMissing):
        periods.start(timed, inc, ["  "])
    with pytest.raises(periods.LengthOutOfRange):
        periods.start(timed, inc, ["x"], length_hours=200)
    with pytest.raises(periods.GroupUnknown):
        periods.start(timed, inc, ["x"], groups=["it"])
    with pytest.raises(periods.ObjectiveUnknown):
        periods.set_objective(timed, "O-NOPE-1")
    assert periods.periods(timed, inc) == []
    periods.start(timed, inc, ["x"])
    objective = periods.periods(timed, inc)[0]["objectives"][0]["objective"]
    with pytest.raises(periods.ObjectiveNotMet):
        periods.set_objective(timed, objective, done=False)


def test_period_cli(ready_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = ["--data-dir", str(ready_data_dir)]
    assert main([*d, "--json", "incident", "declare", "--level", "II", "--title", "HIS"]) == 0
    inc = json.loads(capsys.readouterr().out)["id"]
    args = [*d, "--json", "incident", "period", inc, "--objective", "A", "--objective", "B"]
    assert main([*args, "--length", "6", "--group", "hq", "--briefing", "Night"]) == 0
    period = json.loads(capsys.readouterr().out)
    assert (period["number"], period["length_hours"], period["groups"], period["briefing"]) == (
        1,
        6,
        ["hq"],
        "Night",
    )
    assert [o["text"] for o in period["objectives"]] == ["A", "B"]
    objective = period["objectives"][0]["objective"]
    assert main([*d, "--json", "incident", "objective", objective]) == 0
    assert json.loads(capsys.readouterr().out) == {"objective": objective, "done": True}
    assert main([*d, "--json", "incident", "periods", inc]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["objectives"][0]["done"] is True and listed["current"] is True
    assert main([*d, "incident", "period", inc]) == 1
    assert "at least one objective" in capsys.readouterr().err
