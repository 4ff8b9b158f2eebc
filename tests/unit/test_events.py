"""The event codec: one list of columns for every table that stores events, and the
record, stored row and bundle line agree with each other."""

from __future__ import annotations

import json
import types

from hypothesis import given
from hypothesis import strategies as st

from hisconsole.store.events import COLUMNS, SIGNED_FIELDS, EventRecord, StoredEvent
from hisconsole.store.models import Event
from hisconsole.store.sync_models import HeldEvent
from hisconsole.sync import hub

texts = st.text(max_size=40)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=12,
)
records = st.builds(
    EventRecord,
    origin_id=st.text("abcdefghijklmnopqrstuvwxyz234567", min_size=16, max_size=16),
    origin_seq=st.integers(1, 2**53 - 1),
    event_id=st.uuids().map(str),
    hlc=st.text("0123456789.", min_size=22, max_size=22),
    author=texts,
    kind=st.sampled_from(["incident.declared", "contact.set", "forms.issued"]),
    entity=texts,
    payload=st.dictionaries(texts, json_values, max_size=5),
    parents=st.lists(st.uuids().map(str), max_size=3).map(tuple),
    schema_version=st.integers(1, 3),
    signature=st.binary(min_size=64, max_size=64),
)


def test_every_table_that_stores_events_has_the_codec_columns() -> None:
    assert set(COLUMNS) <= {c.name for c in Event.__table__.columns}
    assert set(COLUMNS) <= {c.name for c in HeldEvent.__table__.columns}
    assert set(COLUMNS) <= {c.name for c in hub.events.columns}
    assert tuple(c for c in COLUMNS if c != "signature") == SIGNED_FIELDS


@given(records)
def test_a_record_comes_back_from_its_row(record: EventRecord) -> None:
    row = record.to_row()
    assert tuple(sorted(row)) == tuple(sorted(COLUMNS))
    assert EventRecord.from_row(types.SimpleNamespace(**row)) == record
    assert record.signature is not None
    stored = StoredEvent.from_row(types.SimpleNamespace(**row), record.signature)
    assert stored.to_row() == row


@given(records)
def test_a_bundle_line_is_the_signed_fields_and_the_signature(record: EventRecord) -> None:
    assert record.signature is not None
    stored = StoredEvent.from_row(types.SimpleNamespace(**record.to_row()), record.signature)
    line = json.loads(stored.as_line())
    signature = line.pop("signature")
    assert line == record.signed_fields()
    assert set(line) == set(SIGNED_FIELDS)
    assert stored.as_line() == json.dumps(
        {**record.signed_fields(), "signature": signature},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
