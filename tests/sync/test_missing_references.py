"""Events naming something that is not here (incident "NOPE", an unknown checklist step, a
sheet never issued): kept, listed with the reason, never applied as such, and never in the
way of later events; an event that merely arrived before what it names is applied as soon
as that arrives, and the end state is the same as in the usual order."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from hisconsole.services import alerts
from hisconsole.services.console import Console, Operator
from hisconsole.services.sync import devices as devices_service
from hisconsole.services.sync import status as status_service
from hisconsole.store.events import EventRecord
from hisconsole.store.models import Incident, IncidentEntry
from hisconsole.store.models import Operator as OperatorRow
from hisconsole.sync import intake
from hisconsole.sync.canonical import EventSigner
from tests.sync.conftest import Keys, device_id
from tests.sync.helpers import problems, snapshot
from tests.sync.test_poison_events import public_key_bytes

Laptops = Callable[..., Console]


class Device:
    """Signs events as one laptop (its own sequence numbers)."""

    def __init__(self, key: Ed25519PrivateKey, clock: Console) -> None:
        self.key = key
        self.id = device_id(key)
        self.sign = EventSigner(key)
        self.seqs = itertools.count(1)
        self.clock = clock

    def event(self, kind: str, payload: dict[str, Any], entity: str = "") -> EventRecord:
        record = EventRecord(
            origin_id=self.id,
            origin_seq=next(self.seqs),
            event_id=str(uuid.uuid4()),
            hlc=self.clock.clock.now().encode(),
            author="Li Lei",
            kind=kind,
            entity=entity or f"incident:{payload.get('id', '')}",
            payload=payload,
        )
        return EventRecord(**{**record.__dict__, "signature": self.sign(record)})


def receive(console: Console, records: list[EventRecord], *devices: Device) -> intake.IntakeReport:
    with console.db.write() as session:
        return intake.receive(
            session,
            records,
            here=intake.Receiver(console.device_id, console.clock, console.now()),
            source="test",
            keys={d.id: public_key_bytes(d.key) for d in devices},
            names={d.id: f"Laptop {d.id[:4]}" for d in devices},
        )


def declaration(a: Device, incident: str) -> EventRecord:
    return a.event(
        "incident.declared",
        {
            "id": incident,
            "title": "HIS down",
            "level": "III",
            "reported_at": "2026-12-05T03:00:00+00:00",
            "systems": ["HIS"],
        },
    )


def entries(console: Console, incident: str) -> list[str]:
    with console.db.read() as session:
        return list(
            session.scalars(
                select(IncidentEntry.kind)
                .where(IncidentEntry.incident_id == incident)
                .order_by(IncidentEntry.hlc)
            )
        )


def test_events_naming_what_is_not_here_are_held_listed_and_do_not_stop_the_rest(
    laptops: Laptops, keys: Keys
) -> None:
    b = laptops("B")
    a = Device(keys.devices["A"], b)
    nope = [
        a.event("incident.logged", {"id": "NOPE", "text": "a note for nothing"}),
        a.event("incident.level_changed", {"id": "NOPE", "level": "I"}),
        a.event(
            "forms.issued",
            {
                "prefix": "AAAA",
                "template": "registration",
                "first": 1,
                "count": 2,
                "incident": "NOPE",
            },
            entity="forms",
        ),
        a.event("checklist.ticked", {"item": "no-such-step", "done": True}, entity="x"),
        a.event("forms.status", {"serials": ["ZZZZ-000001"], "status": "entered"}, entity="x"),
    ]
    after = a.event("operator.signed_in", {"name": "Zhang Wei", "role": "scribe"}, entity="op")

    report = receive(b, [*nope, after], a)

    assert (report.applied, report.orphans, report.rejected) == (1, len(nope), 0)
    with b.db.read() as session:
        assert session.get(OperatorRow, "Zhang Wei") is not None  # the event after them
    assert entries(b, "NOPE") == []  # nothing of them applied
    status = status_service.sync_status(b)
    reasons = [o.reason for o in status.orphans]
    assert len(reasons) == len(nope)
    assert any(
        "'incident.logged' names incident 'NOPE', which is not here (yet)" in r for r in reasons
    )
    assert any("names checklist step 'no-such-step'" in r for r in reasons)
    assert any("names serial 'ZZZZ-000001'" in r for r in reasons)
    found = [x for x in alerts.current(b).alerts if x.kind == "events-not-applied"]
    assert [(x.params["orphans"], x.params["invalid"]) for x in found] == [(len(nope), 0)]
    assert "5 event(s) received are kept but not applied" in alerts.describe(found[0])
    assert problems(b) == []  # held events keep their place in A's sequence

    # Later events keep coming, and the orphans stay held (decided again, not counted again).
    more = receive(b, [a.event("operator.signed_in", {"name": "Li Na", "role": "scribe"})], a)
    assert (more.applied, more.orphans) == (1, 0)
    assert len(status_service.sync_status(b).orphans) == len(nope)


def test_an_event_that_arrives_before_what_it_names_is_applied_when_that_arrives(
    laptops: Laptops, keys: Keys
) -> None:
    b, c = laptops("B"), laptops("C")
    a = Device(keys.devices["A"], b)
    other = Device(keys.devices["C"], b)
    declared = declaration(a, "INC-1")
    log = other.event("incident.logged", {"id": "INC-1", "text": "HIS back at 03:40"})
    level = other.event("incident.level_changed", {"id": "INC-1", "level": "II"})

    # B: the log entry and level change first (from C), the declaration later (from A).
    early = receive(b, [log, level], other)
    assert (early.applied, early.orphans) == (0, 2)
    late = receive(b, [declared], a)
    assert (late.applied, late.orphans) == (3, 0)
    assert status_service.sync_status(b).orphans == []

    # C: the usual order. Both end the same.
    receive(c, [declared], a)
    receive(c, [log, level], other)
    with b.db.read() as session:
        assert session.get(Incident, "INC-1").level == "II"
    assert entries(b, "INC-1") == entries(c, "INC-1")
    assert snapshot(b) == snapshot(c)
    assert problems(b) == [] and problems(c) == []


def test_a_tick_waiting_for_its_step_waiting_for_its_incident_all_apply_in_turn(
    laptops: Laptops, keys: Keys
) -> None:
    b = laptops("B")
    a = Device(keys.devices["A"], b)
    declared = declaration(a, "INC-2")
    step = a.event(
        "checklist.items_added",
        {"id": "INC-2", "items": [{"item": "s1", "group": "it", "order": 1, "text": "Call IT"}]},
    )
    c_laptop = Device(keys.devices["C"], b)
    tick = c_laptop.event("checklist.ticked", {"item": "s1", "done": True})

    assert receive(b, [tick], c_laptop).orphans == 1
    report = receive(b, [declared, step], a)
    assert (report.applied, report.orphans) == (3, 0)
    assert status_service.sync_status(b).orphans == []


def test_events_naming_a_quarantined_laptops_incident_apply_when_it_is_accepted(
    laptops: Laptops, keys: Keys
) -> None:
    c = laptops("C")
    rogue = Device(keys.devices["R"], c)
    b = Device(keys.devices["B"], c)
    declared = declaration(rogue, "INC-R")
    note = b.event("incident.logged", {"id": "INC-R", "text": "seen on B"})

    report = receive(c, [declared, note], rogue, b)
    assert (report.quarantined, report.orphans, report.applied) == (1, 1, 0)

    c.operator = Operator("Commander C", "commander")
    accepted = devices_service.accept_device(c, rogue.id)

    assert accepted.report.applied == 2
    assert entries(c, "INC-R") == ["declared", "note"]
    assert status_service.sync_status(c).orphans == []
    assert problems(c) == []
