"""Drill scenarios: every problem reported with where it is (like the plan's), the
bundled ones valid against the bundled plan, one per playbook."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hisconsole.domain import drills as rules
from hisconsole.services import plan as plan_service
from hisconsole.services.drills import scenarios


def _good() -> dict:
    return copy.deepcopy(scenarios.load("his-down"))


def _problems(doc: object) -> list[str]:
    with pytest.raises(rules.DrillInvalid) as caught:
        rules.validate(doc, "x.yaml")
    return [str(p) for p in caught.value.problems]


def test_every_problem_is_listed_with_its_place() -> None:
    doc = _good()
    doc["injects"][0]["at_minutes"] = -1
    doc["injects"][2]["status"] = "exploded"
    doc["injects"][3]["colour"] = "red"
    doc["objectives"][0]["minutes"] = 0
    doc["objectives"].append({"code": "odd", "kind": "be-brave"})
    doc["injects"][4]["at_minutes"] = 500
    assert _problems(doc) == [
        "injects[0] (ward5-orders).at_minutes: must be minutes from 0 to 1440, not -1",
        "injects[2] (his-down-status).status: must be one of up, degraded, down, na, not "
        "'exploded'",
        "injects[3] (vendor-estimate).colour: is not a known field",
        "objectives[0] (declare).minutes: must be minutes above 0, at most 1440, not 0",
        "objectives[7] (odd).kind: must be one of declared-within, initial-report-on-time, "
        "followups-on-time, callout-reached, forms-issued, checklist-done, backentry-done, not "
        "'be-brave'",
        "injects[4] (first-callback).at_minutes: comes after the drill's end (60 minutes)",
    ]


def test_a_scenario_without_a_report_is_refused() -> None:
    doc = _good()
    doc["injects"] = [i for i in doc["injects"] if i["kind"] != "report"]
    assert "injects: must hold at least one report: the team declares from it" in _problems(doc)


def test_not_a_scenario() -> None:
    assert _problems({"format": "hisconsole-plan"}) == [
        "format: must be 'hisconsole-drill': this is not a HIS Console drill scenario"
    ]
    assert _problems([1, 2]) == ["(document): must be a mapping"]


def test_file_errors_say_where(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: hisconsole-drill\ninjects: [\n", encoding="utf-8")
    with pytest.raises(rules.DrillInvalid) as caught:
        scenarios.read_file(broken)
    assert str(broken) in str(caught.value)
    assert caught.value.problems[0].location.startswith("line ")
    with pytest.raises(rules.DrillInvalid, match="cannot be read"):
        scenarios.read_file(tmp_path / "missing.yaml")
    with pytest.raises(scenarios.ScenarioUnknown, match="his-down"):
        scenarios.load("no-such-drill")


def test_playbook_and_systems_must_be_the_plans() -> None:
    doc = _good()
    doc["playbook"] = "alien-invasion"
    doc["injects"][0]["systems"] = ["HIS", "WARP"]
    plan = plan_service.read_document(plan_service.default_plan_path())
    with pytest.raises(rules.DrillInvalid) as caught:
        rules.check_against_plan(doc, plan, "x")
    assert [str(p) for p in caught.value.problems] == [
        "playbook: refers to unknown scenarios code 'alien-invasion'",
        "injects[0] (ward5-orders): refers to unknown systems code 'WARP'",
    ]


def test_one_bundled_scenario_per_playbook() -> None:
    plan = plan_service.read_document(plan_service.default_plan_path())
    bundled = scenarios.bundled()
    assert sorted(d["playbook"] for d in bundled) == sorted(s["code"] for s in plan["scenarios"])
    for doc in bundled:
        rules.check_against_plan(doc, plan, doc["code"])
        assert {"zh", "en"} <= set(doc["name"])


_VALUES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=5)
    | st.lists(st.integers(), max_size=2)
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    where=st.sampled_from(["injects", "objectives", ""]),
    field=st.sampled_from(
        [
            "at_minutes",
            "kind",
            "text",
            "system",
            "status",
            "outcome",
            "minutes",
            "percent",
            "wards",
            "code",
            "level",
            "duration_minutes",
            "from",
        ]
    ),
    value=_VALUES,
)
def test_any_value_anywhere_is_judged_not_crashed(where: str, field: str, value: object) -> None:
    doc = _good()
    target = doc[where][0] if where else doc
    target[field] = value
    try:
        rules.validate(doc)
    except rules.DrillInvalid as exc:
        assert all(p.location and p.message for p in exc.problems)


def test_drill_time_runs_at_speed_and_stops_when_paused() -> None:
    import datetime as dt

    t0 = dt.datetime(2026, 11, 25, 2, 0, tzinfo=dt.UTC)
    sec = dt.timedelta(seconds=1)
    segments = [rules.Segment(t0, t0 + 10 * sec), rules.Segment(t0 + 20 * sec, None)]
    assert rules.drill_seconds(segments, 60, t0 + 5 * sec) == 300
    assert rules.drill_seconds(segments, 60, t0 + 15 * sec) == 600  # paused: frozen
    assert rules.drill_seconds(segments, 60, t0 + 25 * sec) == 900


def test_partly_is_within_twice_the_time_or_half_the_share() -> None:
    assert [rules.judge_within(m, 5) for m in (4, 5, 7, 10, 11, None)] == [
        "met",
        "met",
        "partly",
        "partly",
        "not-met",
        "not-met",
    ]
    assert [rules.judge_share(m, 80) for m in (80, 40, 39.9, None)] == [
        "met",
        "partly",
        "not-met",
        "not-met",
    ]
    assert rules.judge_share(10, 80, later=90) == "partly"


def test_bundled_yaml_reads_as_written() -> None:
    path = scenarios.bundled_dir() / "his-down.yaml"
    assert scenarios.read_file(path) == yaml.safe_load(path.read_text("utf-8"))
