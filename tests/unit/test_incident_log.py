"""Reading an incident's log: streamed a page at a time, and the entries of some kinds
(the incident page's reads by position: test_log_window.py)."""

from __future__ import annotations

from hisconsole.services import incident_log, incidents
from hisconsole.services.console import Console


def declared(console: Console) -> str:
    console.sign_in("Wang Fang", "it-duty")
    incident_id, _ = incidents.declare(console, level="II", title="HIS down")
    return incident_id


def test_the_whole_log_streams_a_page_at_a_time(console: Console, monkeypatch) -> None:
    incident_id = declared(console)
    for n in range(7):
        incidents.log(console, incident_id, f"entry {n}")
    monkeypatch.setattr(incident_log, "PAGE", 3)
    assert (
        list(incident_log.iter_log(console, incident_id))
        == incidents.show(console, incident_id)["log"]
    )


def test_the_entries_of_some_kinds_are_those_of_the_whole_log(console: Console) -> None:
    incident_id = declared(console)
    incidents.log(console, incident_id, "Paper forms out")
    incidents.set_system_status(console, incident_id, "HIS", "degraded", comment="slow")
    incidents.log(console, incident_id, "Runner sent to ward 3")
    incidents.set_system_status(console, incident_id, "HIS", "up", comment="back")
    whole = incidents.show(console, incident_id)["log"]
    kinds = ("declared", "status")
    found = incident_log.entries_of(console, incident_id, kinds)
    assert found == [row for row in whole if row["kind"] in kinds]
    assert [row["data"].get("status") for row in found] == [None, "degraded", "up"]


def test_the_last_entries_of_some_kinds_come_with_the_others_in_log_order(
    console: Console,
) -> None:
    incident_id = declared(console)
    for n in range(5):
        incidents.log(console, incident_id, f"note {n}")
    incidents.set_system_status(console, incident_id, "HIS", "degraded", comment="slow")
    incidents.log(console, incident_id, "note 5")
    whole = incidents.show(console, incident_id)["log"]
    found = incident_log.entries_of(
        console, incident_id, ("declared", "status"), latest_kinds=("note", "status"), latest=2
    )
    assert [row["kind"] for row in found] == ["declared", "status", "note"]
    assert found == [row for row in whole if row["entry"] in {r["entry"] for r in found}]
    assert found[-1]["text"] == "note 5"
