"""Every event is signed by its laptop over one canonical byte form."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from hisconsole.services import incidents
from hisconsole.services.console import Console
from hisconsole.services.maintenance import check
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.store.events import EventRecord, canonical_json
from hisconsole.store.models import Event
from hisconsole.sync.canonical import event_bytes, event_bytes_from_text, verify
from hisconsole.sync.intake import first_bad_signature
from tests.sync.conftest import load_plan

Laptops = Callable[..., Console]


def _records(console: Console) -> list[EventRecord]:
    with console.db.read() as session:
        rows = session.scalars(select(Event).order_by(Event.origin_seq)).all()
        return [EventRecord.from_row(r) for r in rows]


def test_every_event_written_is_signed_with_the_device_key(laptops: Laptops) -> None:
    a = laptops("A")
    load_plan(a)
    incidents.declare(a, level="II", title="急诊HIS中断 (emergency HIS down)", systems=["HIS"])

    records = _records(a)

    assert records and all(r.signature is not None for r in records)
    key = a.identity.public_key_bytes
    assert all(verify(key, r.signature or b"", event_bytes(r)) for r in records)
    assert first_bad_signature(records, {a.device_id: key}) is None


def test_the_signed_bytes_are_the_same_from_objects_or_stored_text(laptops: Laptops) -> None:
    a = laptops("A")
    load_plan(a)
    incidents.declare(a, level="I", title="数据中心断电 \u2014 generator 1.5 h", systems=["DC"])
    with a.db.read() as session:
        rows = session.scalars(select(Event)).all()
        for row in rows:
            record = EventRecord.from_row(row)
            assert event_bytes(record) == event_bytes_from_text(
                origin_id=row.origin_id,
                origin_seq=row.origin_seq,
                event_id=row.event_id,
                hlc=row.hlc,
                author=row.author,
                kind=row.kind,
                entity=row.entity,
                payload_json=row.payload,
                parents_json=row.parents,
                schema_version=row.schema_version,
            )


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=8,
)


@given(
    texts=st.tuples(*[_TEXT] * 6),
    numbers=st.tuples(st.integers(min_value=0), st.integers(min_value=0)),
    payload=st.dictionaries(_TEXT, _JSON, max_size=4),
    parents=st.lists(_TEXT, max_size=3),
)
def test_the_signed_bytes_from_stored_text_equal_the_canonical_form(
    texts: tuple[str, ...], numbers: tuple[int, int], payload: dict, parents: list[str]
) -> None:
    """Quotes, backslashes, control characters and any Unicode in the fields: the bytes
    built from stored text (check, exports) are the bytes the signature was made over."""
    origin, event_id, hlc, author, kind, entity = texts
    record = EventRecord(
        origin_id=origin,
        origin_seq=numbers[0],
        event_id=event_id,
        hlc=hlc,
        author=author,
        kind=kind,
        entity=entity,
        payload=payload,
        parents=tuple(parents),
        schema_version=numbers[1],
    )
    assert event_bytes(record) == event_bytes_from_text(
        origin_id=origin,
        origin_seq=numbers[0],
        event_id=event_id,
        hlc=hlc,
        author=author,
        kind=kind,
        entity=entity,
        payload_json=canonical_json(payload),
        parents_json=canonical_json(parents),
        schema_version=numbers[1],
    )


def test_changing_any_signed_field_breaks_the_signature(laptops: Laptops) -> None:
    a = laptops("A")
    load_plan(a)
    incident, _ = incidents.declare(a, level="III", title="LIS slow")
    record = _records(a)[-1]
    keys = {a.device_id: a.identity.public_key_bytes}
    changes = {
        "origin_seq": record.origin_seq + 1,
        "event_id": "00000000-0000-0000-0000-000000000000",
        "hlc": "999999999999999.000000",
        "author": "mallory",
        "kind": "incident.resolved",
        "entity": "incident:other",
        "payload": {**record.payload, "level": "IV"},
        "parents": ("x",),
        "schema_version": 2,
    }
    for name, value in changes.items():
        forged = dataclasses.replace(record, **{name: value})
        assert first_bad_signature([forged], keys) is not None, name
    assert incident in record.entity


def test_check_finds_an_event_altered_in_the_database_file(
    laptops: Laptops, tmp_path: Path
) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    incident, _ = incidents.declare(a, level="II", title="PACS down")
    bundles_service.export_bundle(a, tmp_path / "a.bundle")
    bundles_service.import_bundle(b, tmp_path / "a.bundle")
    assert check(a).ok and check(b).ok

    con = sqlite3.connect(b.db.path)
    con.execute("DROP TRIGGER events_immutable_update")
    con.execute("UPDATE events SET payload = replace(payload, 'PACS down', 'all fine')")
    con.commit()
    con.close()

    report = check(b)
    found = [p for p in report.problems if "signature" in p]
    assert len(found) == 1 and "signature does not match" in found[0]
    with b.db.read() as session:
        seq = session.scalar(select(Event.origin_seq).where(Event.kind == "incident.declared"))
    assert report.first_bad == {
        "device": a.device_id,
        "seq": seq,
        "kind": "incident.declared",
        "problem": "signature",
    }
    assert incident in incidents.show(b, incident)["id"]
