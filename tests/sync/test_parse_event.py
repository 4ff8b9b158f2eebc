"""The intake's quick parse of an event gives what the strict one-check-at-a-time parse
gives: the same record, the same stored row (byte for byte), the same signed bytes, and
for anything malformed the same refusal."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from hisconsole.domain import event_schemas
from hisconsole.errors import Said
from hisconsole.store.events import EventRecord
from hisconsole.sync import intake
from hisconsole.sync.canonical import b64, event_bytes, verify
from hisconsole.sync.errors import SyncError
from tests.sync.conftest import device_id

_KEY = Ed25519PrivateKey.generate()
_ORIGIN = device_id(_KEY)

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=12,
)


def _signed(payload: dict[str, Any], parents: list[str], text: str) -> dict[str, Any]:
    record = EventRecord(
        origin_id=_ORIGIN,
        origin_seq=7,
        event_id="0f6a2c1e-1111-4222-8333-944445555666",
        hlc="1764000000000.00000003",
        author=f"值班员 {text}",
        kind="incident.logged",
        entity=f"incident:{text}",
        payload=payload,
        parents=tuple(parents),
    )
    obj: dict[str, Any] = record.signed_fields()
    obj["signature"] = b64(_KEY.sign(event_bytes(record)))
    return obj


def _outcome(parse: Any, obj: Any) -> tuple[str, Any]:
    try:
        record = parse(obj, "bundle: event 1")
    except SyncError as exc:
        return "refused", str(exc)
    return "parsed", (record, record.values(), event_bytes(record))


@settings(max_examples=150)
@given(
    payload=st.dictionaries(st.text(max_size=8), _json, max_size=5),
    parents=st.lists(st.text(max_size=36), max_size=3),
    text=st.text(max_size=20),
)
def test_a_well_formed_event_parses_to_the_same_row_and_signed_bytes(
    payload: dict[str, Any], parents: list[str], text: str
) -> None:
    obj = _signed(payload, parents, text)

    record = intake.parse_event(obj, "bundle: event 1")
    strict = intake._parse_strict(obj, "bundle: event 1")

    assert record.payload_json is not None  # the quick path was taken
    assert record == strict
    assert record.values() == strict.values()
    assert event_bytes(record) == event_bytes(strict)
    public = _KEY.public_key().public_bytes_raw()
    assert verify(public, strict.signature or b"", event_bytes(record))


_FIELDS = [*EventRecord.__dataclass_fields__][:11]
_odd = (
    _json
    | st.just("")
    | st.just("x" * 40)
    | st.just(True)
    | st.just(2**53)
    | st.just(0)
    | st.just("1764000000000.0000000x")
    | st.just(b64(b"\0" * 63))
)


@settings(max_examples=300)
@given(name=st.sampled_from(_FIELDS), value=_odd, drop=st.booleans())
def test_a_malformed_event_is_refused_with_the_strict_checks_words(
    name: str, value: Any, drop: bool
) -> None:
    obj = _signed({"id": "INC-1", "text": "检验科 LIS"}, [], "INC-1")
    if drop:
        del obj[name]
    else:
        obj[name] = value

    quick = _outcome(intake.parse_event, obj)
    strict = _outcome(intake._parse_strict, obj)

    assert quick[0] == strict[0]
    if quick[0] == "refused":
        assert quick[1] == strict[1]
    else:
        assert quick[1][0] == strict[1][0]
        assert quick[1][1:] == strict[1][1:]


@pytest.mark.parametrize("obj", [None, [], "event", 3])
def test_what_is_not_an_event_is_refused(obj: Any) -> None:
    with pytest.raises(SyncError, match="is not an event"):
        intake.parse_event(obj, "bundle: event 1")


def test_a_record_made_elsewhere_encodes_its_payload_itself() -> None:
    obj = _signed({"text": "急诊"}, ["p1"], "x")
    record = intake.parse_event(obj, "bundle: event 1")
    bare = dataclasses.replace(record, payload_json=None)

    assert bare.values() == record.values()
    assert event_bytes(bare) == event_bytes(record)


def _calendar_says(wall_ms: int) -> Said | None:
    """The stamp check as the calendar answers it (what the quick range must agree with)."""
    try:
        year = dt.datetime.fromtimestamp(wall_ms / 1000, tz=dt.UTC).year
    except (OverflowError, OSError, ValueError):
        return Said(event_schemas.STAMP_NOT_DATE)
    low, high = event_schemas.STAMP_YEARS
    return None if low <= year <= high else Said(event_schemas.STAMP_NOT_DATE)


_EDGES = [0, 253402214400000, 253402300799999, 253402300800000]


@given(
    wall_ms=st.integers(-(10**16), 10**16)
    | st.sampled_from(_EDGES).flatmap(lambda e: st.integers(e - 2, e + 2))
)
def test_the_quick_stamp_range_agrees_with_the_calendar(wall_ms: int) -> None:
    assert event_schemas.stamp_problem(wall_ms) == _calendar_says(wall_ms)
