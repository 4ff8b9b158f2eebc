"""This laptop's event counter (origin_seq) stays gap-free and unique although the next
number is kept in memory between write transactions: whenever anything else may have
written (another console on the same folder, a write outside an EventWriter, a rolled
back transaction), the number is read from the log again."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select

from hisconsole.services import incidents
from hisconsole.services.console import Console
from hisconsole.store.events import EventRecord
from hisconsole.store.models import Event


def _seqs(console: Console) -> list[int]:
    with console.db.read() as session:
        return list(
            session.scalars(
                select(Event.origin_seq)
                .where(Event.origin_id == console.device_id)
                .order_by(Event.origin_seq)
            )
        )


def _open(data_dir: Path) -> Console:
    console = Console.open(data_dir)
    console.sign_in("Li Na", "scribe")
    return console


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(turns=st.lists(st.integers(0, 1), min_size=1, max_size=12))
def test_two_consoles_on_one_folder_never_reuse_or_skip_a_number(
    ready_data_dir: Path, turns: list[int]
):
    # Two consoles = two engines and connections, as two processes on the folder would be.
    consoles = [_open(ready_data_dir), _open(ready_data_dir)]
    try:
        incident, _ = incidents.declare(consoles[0], level="II", title="HIS down")
        for n, who in enumerate(turns):
            incidents.log(consoles[who], incident, f"entry {n}")
        seqs = _seqs(consoles[0])
        assert seqs == list(range(1, len(seqs) + 1))
        assert {e["text"] for e in incidents.show(consoles[1], incident)["log"]} >= {
            f"entry {n}" for n in range(len(turns))
        }
    finally:
        for console in consoles:
            console.close()


def _payload(incident: str, text: str) -> dict[str, object]:
    return {
        "id": incident,
        "text": text,
        "kind": "note",
        "group": None,
        "system": None,
        "corrects": None,
        "at": "2026-12-05T03:00:00+08:00",
    }


def test_a_rolled_back_transaction_leaves_no_gap(console: Console):
    console.sign_in("Li Na", "scribe")
    incident, _ = incidents.declare(console, level="II", title="HIS down")
    incidents.log(console, incident, "first")  # the next number is now kept
    with pytest.raises(RuntimeError), console.transaction() as tx:
        tx.emit("incident.logged", f"incident:{incident}", _payload(incident, "lost"))
        raise RuntimeError("the action failed after its event was written")
    incidents.log(console, incident, "kept")
    seqs = _seqs(console)
    assert seqs == list(range(1, len(seqs) + 1))
    assert [e["text"] for e in incidents.show(console, incident)["log"]][-2:] == ["first", "kept"]


def test_a_write_outside_the_event_writer_is_seen(console: Console):
    """An event of this device inserted on the same connection without an EventWriter
    (as a restore from a bundle could) moves the counter on."""
    console.sign_in("Li Na", "scribe")
    incident, _ = incidents.declare(console, level="II", title="HIS down")
    incidents.log(console, incident, "first")
    last = _seqs(console)[-1]
    by_hand = EventRecord(
        origin_id=console.device_id,
        origin_seq=last + 1,
        event_id=str(uuid.uuid4()),
        hlc=console.clock.now().encode(),
        author="Li Na",
        kind="incident.logged",
        entity=f"incident:{incident}",
        payload=_payload(incident, "by hand"),
        parents=(),
    )
    with console.db.write() as session:
        session.execute(insert(Event), by_hand.to_row())
    incidents.log(console, incident, "after")
    assert _seqs(console) == list(range(1, last + 3))
