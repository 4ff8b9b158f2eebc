"""Events signed by a trusted laptop with payloads its kind does not expect: intake never
raises, they are kept (never applied) with the reason, and the events after them apply."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from hisconsole.domain import event_schemas
from hisconsole.domain.hlc import Stamp
from hisconsole.i18n import speaking
from hisconsole.services import alerts
from hisconsole.services.console import Console
from hisconsole.services.maintenance import check
from hisconsole.services.sync import status as status_service
from hisconsole.store import eventlog
from hisconsole.store.events import EventRecord
from hisconsole.store.models import Event, Operator
from hisconsole.store.sync_models import HeldEvent
from hisconsole.sync import intake
from hisconsole.sync.canonical import EventSigner
from tests.sync.conftest import Keys, device_id
from tests.unit.test_zh_lines import english

KINDS = [*sorted(event_schemas.SCHEMAS), "made.up.kind"]
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["I", "XIV", "NOPE", "2026-12-05T03:00:00+00:00", "abc", "\x00", ""]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
STAMPS = st.one_of(
    st.just(None),  # now
    st.integers(min_value=0, max_value=999_999_999_999_999),  # 1970 .. year 33658
)


def public_key_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@st.composite
def payloads(draw: st.DrawFn, kind: str) -> dict[str, Any]:
    """Mostly the kind's own field names with values of any JSON shape."""
    names = list(event_schemas.SCHEMAS[kind].fields) if kind in event_schemas.SCHEMAS else []
    chosen = draw(st.lists(st.sampled_from(names), unique=True)) if names else []
    payload = {name: draw(JSON) for name in chosen}
    payload.update(draw(st.dictionaries(st.text(max_size=6), JSON, max_size=2)))
    return payload


#: A clock stamp no date can show (year 33658): poisons an event of any kind.
IMPOSSIBLE_MS = 10**15 - 1


def broken(kind: str, payload: dict[str, Any]) -> tuple[dict[str, Any], int | None]:
    """``payload`` made sure not to fit: a field its kind requires removed, or (a kind this
    program does not know fits any object) an impossible stamp. Payload and stamp."""
    schema = event_schemas.SCHEMAS.get(kind)
    if schema is None:
        return payload, IMPOSSIBLE_MS
    required = next(name for name, rule in schema.fields.items() if rule.required)
    return {k: v for k, v in payload.items() if k != required}, None


def test_intake_never_raises_and_the_rest_still_applies(
    laptops: Callable[..., Console], keys: Keys
) -> None:
    """Every example sends a fuzzed event, one made sure to be poisoned and a well-formed
    one, in that order: the poisoned one is always held with why, the well-formed one
    always applies, and the fuzzed one is applied exactly when it fits (or held until
    what it names arrives). Nothing here depends on what hypothesis happens to draw."""
    b = laptops("B")
    key = keys.devices["A"]
    a_id = device_id(key)
    sign = EventSigner(key)
    seqs = itertools.count(1)
    outcomes = {"applied": 0, "held": 0, "poisoned": 0}

    def event(kind: str, payload: dict[str, Any], wall_ms: int | None) -> EventRecord:
        stamp = Stamp(wall_ms if wall_ms is not None else b.clock.now().wall_ms, 0).encode()
        record = EventRecord(
            origin_id=a_id,
            origin_seq=next(seqs),
            event_id=str(uuid.uuid4()),
            hlc=stamp,
            author="Fuzz",
            kind=kind,
            entity=f"fuzz:{kind}",
            payload=payload,
        )
        return EventRecord(**{**record.__dict__, "signature": sign(record)})

    def problem(record: EventRecord) -> str | None:
        return event_schemas.payload_problem(record.kind, record.payload) or (
            event_schemas.stamp_problem(int(record.hlc.split(".", 1)[0]))
        )

    def fate(session: Session, record: EventRecord) -> tuple[bool, str | None]:
        """(in the log, the reason it is held or None)."""
        stored = session.scalar(select(Event.kind).where(Event.event_id == record.event_id))
        held = session.scalar(select(HeldEvent.reason).where(HeldEvent.event_id == record.event_id))
        return stored is not None, held

    @settings(
        max_examples=250,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(kind=st.sampled_from(KINDS), data=st.data(), wall_ms=STAMPS)
    def one(kind: str, data: st.DataObject, wall_ms: int | None) -> None:
        payload = data.draw(payloads(kind))
        fuzzed = event(kind, payload, wall_ms)
        poisoned = event(kind, *broken(kind, payload))
        name = f"Operator {poisoned.origin_seq}"
        good = event("operator.signed_in", {"name": name, "role": "scribe"}, None)
        assert problem(poisoned) is not None and problem(good) is None
        with b.db.write() as session:
            intake.receive(
                session,
                [fuzzed, poisoned, good],
                here=intake.Receiver(b.device_id, b.clock, b.now()),
                source="fuzz",
                keys={a_id: public_key_bytes(key)},
                names={a_id: "Laptop A"},
            )
        with b.db.read() as session:
            assert session.get(Operator, name) is not None  # the event after them applied
            assert fate(session, good) == (True, None)
            in_log, held = fate(session, poisoned)
            assert not in_log and held is not None and f"'{kind}' cannot be applied" in held
            in_log, held = fate(session, fuzzed)
        outcomes["poisoned"] += 1
        # Kept either way: applied because it fits, or held with the reason.
        assert in_log != (held is not None)
        if problem(fuzzed) is not None:
            assert held is not None and f"'{kind}' cannot be applied" in held
            outcomes["held"] += 1
        elif held is not None:
            # It fits but names something not here: held until it is.
            assert f"'{kind}' names " in held and "which is not here (yet)" in held
            assert event_schemas.references(kind, fuzzed.payload)
            outcomes["held"] += 1
        else:
            outcomes["applied"] += 1

    one()
    # What was applied rebuilds to the same state, and the log checks out.
    report = check(b)
    assert report.ok, report.problems
    with b.db.write() as session:
        assert eventlog.rebuild(session) > 0
    # sync --status lists the held events with their reason.
    rejected = status_service.sync_status(b).rejected
    assert any("cannot be applied" in r.reason for r in rejected)
    print(f"poison events: {outcomes}")


ISSUE_SHAPES: list[tuple[str, dict[str, Any]]] = [
    ("incident.declared", {}),
    ("forms.issued", {}),
    ("incident.logged", {"id": "X", "text": {"an": "object"}}),
    ("plan.published", {"version": "abc"}),
    ("incident.level_changed", {"id": "X", "level": "XIV"}),
    ("forms.issued", {"prefix": "A", "template": "mar", "first": 1, "count": 10**12}),
    ("incident.logged", {"id": "X", "text": "x" * 200_000}),
    ("checklist.items_added", {"id": "X", "items": [{"item": 1}]}),
]


def test_the_issues_shapes_are_held_with_a_reason(
    laptops: Callable[..., Console], keys: Keys
) -> None:
    b = laptops("B")
    key = keys.devices["A"]
    a_id = device_id(key)
    sign = EventSigner(key)
    records = []
    for seq, (kind, payload) in enumerate(ISSUE_SHAPES, start=1):
        record = EventRecord(
            origin_id=a_id,
            origin_seq=seq,
            event_id=str(uuid.uuid4()),
            hlc=b.clock.now().encode(),
            author="Mallory",
            kind=kind,
            entity="x",
            payload=payload,
        )
        records.append(EventRecord(**{**record.__dict__, "signature": sign(record)}))
    with b.db.write() as session:
        report = intake.receive(
            session,
            records,
            here=intake.Receiver(b.device_id, b.clock, b.now()),
            source="test",
            keys={a_id: public_key_bytes(key)},
            names={a_id: "Laptop A"},
        )
    assert report.rejected == len(ISSUE_SHAPES) and report.applied == 0
    rejected = status_service.sync_status(b).rejected
    assert len(rejected) == len(ISSUE_SHAPES)
    reasons = " | ".join(r.reason for r in rejected)
    assert "'id' is missing" in reasons and "'level' is not one of I, II, III, IV" in reasons
    assert "'version' is not a whole number" in reasons
    # In Chinese the reason says which field and what was expected in Chinese too, the
    # field's name as the event spells it; nothing of the validator's English is left.
    with speaking("zh"):
        said = [r.said_reason() for r in rejected]
    shown = " | ".join(said)
    assert "字段“id”缺失" in shown and "字段“level”不是 I, II, III, IV 之一" in shown, shown
    assert "字段“version”不是整数" in shown and "字段“text”超过 20000 个字符" in shown, shown
    assert "字段“items[0].item”不是文本" in shown, shown
    assert [english(line) for line in said] == [[]] * len(said), said
    with speaking("en"):
        assert "'items[0].item' is not text" in " | ".join(r.said_reason() for r in rejected)
    (held,) = [x for x in alerts.current(b).alerts if x.kind == "events-not-applied"]
    assert (held.params["invalid"], held.params["orphans"]) == (len(ISSUE_SHAPES), 0)
