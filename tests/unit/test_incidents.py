"""Running an incident through the services, under a controllable clock."""

from __future__ import annotations

import pytest

from hisconsole.errors import KnownError
from hisconsole.services import incidents
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.maintenance import check
from tests.support import Clock


def test_level_ii_with_his_and_lis_down_from_declaration_to_resolution(
    timed: Console, clock: Clock
) -> None:
    inc_id, _ = incidents.declare(
        timed, level="II", title="HIS and LIS down", systems=["his", "LIS"]
    )
    assert inc_id == f"INC-20261125-{timed.device_code}-01"
    shown = incidents.show(timed, inc_id)
    assert [(s["code"], s["status"]) for s in shown["systems"]] == [
        ("HIS", "down"),
        ("LIS", "down"),
    ]
    (clock_row,) = shown["clocks"]
    assert clock_row["due_at"] == "2026-11-25T02:10:00+00:00" and clock_row["state"] == "ok"

    clock.advance(8)
    assert incidents.show(timed, inc_id)["clocks"][0]["state"] == "amber"
    incidents.log(timed, inc_id, "HIS vendor called, engineer on the way")
    clock.advance(1)
    incidents.change_level(timed, inc_id, "I", "EMR failing too")
    shown = incidents.show(timed, inc_id)
    assert shown["level"] == "I"
    assert [h["level"] for h in shown["level_history"]] == ["II", "I"]
    assert shown["clocks"][-1]["due_at"] == "2026-11-25T02:19:00+00:00"

    clock.advance(11)
    assert incidents.show(timed, inc_id)["clocks"][-1]["state"] == "red"
    incidents.record_report(
        timed, inc_id, recipient="Health commission duty office", channel="phone"
    )
    shown = incidents.show(timed, inc_id)
    assert shown["clocks"][-2]["met_at"] == "2026-11-25T02:20:00+00:00"
    assert shown["clocks"][-1]["kind"] == "followup"
    assert shown["clocks"][-1]["due_at"] == "2026-11-25T02:50:00+00:00"

    clock.advance(30)
    incidents.set_system_status(timed, inc_id, "LIS", "up", comment="restarted")
    incidents.resolve(timed, inc_id)
    shown = incidents.show(timed, inc_id)
    assert shown["status"] == "resolved"
    assert {s["code"]: s["status"] for s in shown["systems"]} == {"HIS": "up", "LIS": "up"}
    assert [e["by"] for e in shown["log"]] == ["Wang Fang"] * len(shown["log"])
    kinds = [e["kind"] for e in shown["log"]]
    assert kinds == ["declared", "note", "level", "report", "status", "status", "resolved"]
    assert check(timed).ok


def test_incident_ids_count_per_day_and_device(timed: Console, clock: Clock) -> None:
    first, _ = incidents.declare(timed, level="IV", title="Printer fleet offline")
    second, _ = incidents.declare(timed, level="III", title="PACS slow", exercise=True)
    assert first.endswith("-01") and second.endswith("-02")
    listed = {i["id"]: i for i in incidents.list_incidents(timed)}
    assert listed[second]["exercise"] is True and listed[first]["exercise"] is False


def test_corrections_reference_the_entry_and_never_edit_it(timed: Console) -> None:
    inc_id, _ = incidents.declare(timed, level="III", title="LIS interface down", systems=["LIS"])
    incidents.log(timed, inc_id, "Lab switched to paper at 02:15")
    wrong = incidents.show(timed, inc_id)["log"][-1]
    incidents.log(timed, inc_id, "Lab switched to paper at 02:25", corrects=wrong["entry"])
    log = incidents.show(timed, inc_id)["log"]
    assert log[-2]["text"] == "Lab switched to paper at 02:15"
    assert log[-1]["kind"] == "correction" and log[-1]["corrects"] == wrong["entry"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"level": "V", "title": "x"}, "not a warning level"),
        ({"level": "II", "title": "   "}, "title"),
        ({"level": "II", "title": "x", "systems": ["SAP"]}, "Unknown system"),
        ({"level": "II", "title": "x", "scenario": "alien-invasion"}, "Unknown scenario"),
        ({"level": "II", "title": "x", "reported_at": "yesterday"}, "not a time"),
        ({"level": "II", "title": "x", "reported_at": "2030-01-01T00:00+00:00"}, "future"),
    ],
)
def test_bad_declarations_are_refused_and_change_nothing(
    timed: Console, kwargs: dict, message: str
) -> None:
    with pytest.raises(KnownError, match=message):
        incidents.declare(timed, **kwargs)
    assert incidents.list_incidents(timed) == []


def test_actions_on_unknown_or_closed_incidents_are_refused(timed: Console) -> None:
    with pytest.raises(ServiceError, match="No incident"):
        incidents.log(timed, "INC-19990101-XXXX-01", "hello")
    inc_id, _ = incidents.declare(timed, level="IV", title="Test")
    with pytest.raises(ServiceError, match="already at level IV"):
        incidents.change_level(timed, inc_id, "IV")
    with pytest.raises(ServiceError, match="channel"):
        incidents.record_report(timed, inc_id, recipient="x", channel="pigeon")
    incidents.resolve(timed, inc_id)
    with pytest.raises(ServiceError, match="already resolved"):
        incidents.resolve(timed, inc_id)


def test_reported_at_in_the_past_starts_the_clock_then(timed: Console) -> None:
    inc_id, _ = incidents.declare(
        timed, level="III", title="Network slow", reported_at="2026-11-25T01:45:00+00:00"
    )
    shown = incidents.show(timed, inc_id)
    assert shown["clocks"][0]["due_at"] == "2026-11-25T02:15:00+00:00"
    assert shown["clocks"][0]["remaining_seconds"] == 15 * 60


def test_show_without_the_log_keeps_the_clocks_and_history(timed: Console) -> None:
    inc, _ = incidents.declare(timed, level="III", title="Slow PACS", systems=["PACS"])
    incidents.log(timed, inc, "Vendor called")
    incidents.change_level(timed, inc, "II", "worse")
    incidents.record_report(timed, inc, recipient="HQ", channel="sms")
    full = incidents.show(timed, inc)
    light = incidents.show(timed, inc, with_log=False)
    assert light["log"] == [] and len(full["log"]) == 4
    assert light["clocks"] == full["clocks"] and light["level_history"] == full["level_history"]
    assert light["systems"] == full["systems"]


def test_a_report_made_after_the_deadline_is_late_in_the_json(timed: Console, clock: Clock) -> None:
    """The walk in issue 13: level II declared 15 min after the report came in, upward
    report recorded 5 min 10 s after the deadline."""
    inc, _ = incidents.declare(
        timed, level="II", title="HIS down", reported_at="2026-11-25T01:45:00+00:00"
    )
    assert incidents.show(timed, inc)["clocks"][0]["state"] == "red"
    clock.advance(0.5)
    incidents.record_report(
        timed, inc, recipient="Health commission", channel="phone", at="2026-11-25T02:00:10+00:00"
    )
    initial, followup = incidents.show(timed, inc)["clocks"]
    assert initial["state"] == "late" and initial["late_seconds"] == 5 * 60 + 10
    assert initial["met_at"] == "2026-11-25T02:00:10+00:00"
    assert followup["state"] == "ok" and followup["late_seconds"] == 0
    # Resolving with the follow-up not yet due: it was not owed.
    incidents.resolve(timed, inc)
    assert [c["state"] for c in incidents.show(timed, inc)["clocks"]] == ["late", "cancelled"]


def test_resolving_settles_an_unmade_report_as_missed(timed: Console, clock: Clock) -> None:
    inc, _ = incidents.declare(timed, level="I", title="Data centre power")
    clock.advance(12)
    incidents.resolve(timed, inc)
    (initial,) = incidents.show(timed, inc)["clocks"]
    assert initial["state"] == "missed" and initial["ended_at"] == "2026-11-25T02:12:00+00:00"
