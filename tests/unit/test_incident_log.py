"""Reading an incident's log in proportion to what changed: the entries added since a
reader's mark, the whole log again when another laptop's entry belongs earlier, and the
whole log streamed a page at a time."""

from __future__ import annotations

import gc
import uuid

from hisconsole.services import incident_log, incidents
from hisconsole.services.console import Console
from hisconsole.store.eventlog import append_foreign
from hisconsole.store.events import EventRecord


def declared(console: Console) -> str:
    console.sign_in("Wang Fang", "it-duty")
    incident_id, _ = incidents.declare(console, level="II", title="HIS down")
    return incident_id


def texts(chunk: incident_log.LogChunk) -> list[str]:
    return [row["text"] for row in chunk.rows if row["kind"] == "note"]


def test_a_reader_gets_only_the_entries_added_since_its_mark(console: Console) -> None:
    incident_id = declared(console)
    incidents.log(console, incident_id, "Paper forms out")
    first = incident_log.read_since(console, incident_id, None)
    assert first.whole and texts(first) == ["Paper forms out"]
    assert first.rows == incidents.show(console, incident_id)["log"]

    nothing = incident_log.read_since(console, incident_id, first.mark)
    assert not nothing.whole and nothing.rows == [] and nothing.mark == first.mark

    incidents.log(console, incident_id, "Runner sent to ward 3")
    incidents.log(console, incident_id, "Lab results by phone")
    added = incident_log.read_since(console, incident_id, first.mark)
    assert not added.whole and added.after == first.mark
    assert texts(added) == ["Runner sent to ward 3", "Lab results by phone"]
    whole = incidents.show(console, incident_id)["log"]
    assert first.rows + added.rows == whole
    assert added.mark is not None and added.mark.event_id == whole[-1]["entry"]


def test_an_earlier_entry_from_another_laptop_makes_the_reader_read_it_all(
    console: Console,
) -> None:
    incident_id = declared(console)
    incidents.log(console, incident_id, "Paper forms out")
    first = incident_log.read_since(console, incident_id, None)
    assert first.mark is not None
    # Written on another laptop before ours (an earlier clock stamp), arriving now.
    earlier = EventRecord(
        origin_id="f" * 32,
        origin_seq=1,
        event_id=str(uuid.uuid4()),
        hlc="0" * 24,
        author="Li Na",
        kind="incident.logged",
        entity=f"incident:{incident_id}",
        payload={
            "id": incident_id,
            "text": "Wards told by phone",
            "kind": "note",
            "group": None,
            "system": None,
            "corrects": None,
            "at": "2026-01-01T00:00:00+00:00",
        },
    )
    with console.db.write() as session:
        append_foreign(session, [(earlier, 0)])
    again = incident_log.read_since(console, incident_id, first.mark)
    assert again.whole  # never shown out of order: the reader starts again
    assert texts(again) == ["Wards told by phone", "Paper forms out"]
    assert again.rows == incidents.show(console, incident_id)["log"]


def test_the_whole_log_streams_a_page_at_a_time(console: Console, monkeypatch) -> None:
    incident_id = declared(console)
    for n in range(7):
        incidents.log(console, incident_id, f"entry {n}")
    monkeypatch.setattr(incident_log, "PAGE", 3)
    assert (
        list(incident_log.iter_log(console, incident_id))
        == incidents.show(console, incident_id)["log"]
    )


def test_a_big_read_is_left_out_of_later_collections(console: Console, monkeypatch) -> None:
    """A read of FREEZE_AT rows or more is frozen (gc.freeze): no full collection walks
    it again (each would hold the interpreter lock, and with it the UI, for as long as
    the walk takes). The collector runs again afterwards, and a small read is not frozen."""
    incident_id = declared(console)
    for n in range(4):
        incidents.log(console, incident_id, f"entry {n}")
    gc.unfreeze()
    try:
        small = incident_log.read_since(console, incident_id, None)
        assert gc.get_freeze_count() == 0 and gc.isenabled()
        monkeypatch.setattr(incident_log, "FREEZE_AT", len(small.rows))
        big = incident_log.read_since(console, incident_id, None)
        assert gc.get_freeze_count() > 0 and gc.isenabled()
        assert big.rows == small.rows and texts(big) == [f"entry {n}" for n in range(4)]
    finally:
        gc.unfreeze()  # the rest of the test run collects as ever


def test_the_entries_of_some_kinds_are_those_of_the_whole_log(console: Console) -> None:
    incident_id = declared(console)
    incidents.log(console, incident_id, "Paper forms out")
    incidents.set_system_status(console, incident_id, "HIS", "degraded", comment="slow")
    incidents.log(console, incident_id, "Runner sent to ward 3")
    incidents.set_system_status(console, incident_id, "HIS", "up", comment="back")
    whole = incident_log.read_since(console, incident_id, None).rows
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
    whole = incident_log.read_since(console, incident_id, None).rows
    found = incident_log.entries_of(
        console, incident_id, ("declared", "status"), latest_kinds=("note", "status"), latest=2
    )
    assert [row["kind"] for row in found] == ["declared", "status", "note"]
    assert found == [row for row in whole if row["entry"] in {r["entry"] for r in found}]
    assert found[-1]["text"] == "note 5"
