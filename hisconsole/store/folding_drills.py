"""Folding drill events into the drill tables (drill runs and their injects).

Insensitive to arrival order (a pause may arrive before the start from another laptop's
controller); every value settled by (HLC, origin) or first-wins.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from hisconsole.store.events import EventRecord
from hisconsole.store.folding import Handler, dumps, handles, hlc_time, lww
from hisconsole.store.models import DrillInject, DrillRun

PENDING, DELIVERED, SKIPPED = "pending", "delivered", "skipped"


def _handles(*kinds: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        # The store's sessions do not flush by themselves: each handler's changes are
        # written before the next event (or a query) reads the tables.
        def apply(session: Session, record: EventRecord) -> None:
            fn(session, record)
            session.flush()

        handles(*kinds)(apply)
        return fn

    return register


def _at(record: EventRecord) -> str:
    return str(record.payload.get("at") or hlc_time(record.hlc))


def _run(session: Session, drill: str) -> DrillRun:
    """The run's row; a placeholder when an event arrived before the drill's start."""
    row = session.get(DrillRun, drill)
    if row is None:
        row = DrillRun(
            id=drill,
            scenario="",
            script="{}",
            calendar="",
            speed=1,
            started_at="",
            started_by="",
            controls="[]",
            incident_id="",
            incident_key="",
            ended_at="",
            score="",
            score_key="",
        )
        session.add(row)
        session.flush()
    return row


def _inject(session: Session, drill: str, data: dict[str, Any], source: str) -> DrillInject:
    row = session.get(DrillInject, (drill, data["code"]))
    if row is None:
        row = DrillInject(
            drill_id=drill,
            code=data["code"],
            at_minutes=float(data.get("at_minutes", 0)),
            kind=str(data.get("kind", "")),
            data=dumps(data),
            source=source,
            state=PENDING,
            state_key="",
            delivered_at="",
            drill_seconds=None,
            refs="{}",
            intake_id="",
        )
        session.add(row)
        session.flush()
    return row


@_handles("drill.started")
def _started(session: Session, record: EventRecord) -> None:
    p = record.payload
    row = _run(session, p["drill"])
    row.scenario = p["scenario"]
    row.script = dumps(p["script"])
    row.calendar = p.get("calendar") or ""
    row.speed = int(p["speed"])
    row.started_at = p["at"]
    row.started_by = record.author
    controls = json.loads(row.controls)
    if not any(c[1] == "started" for c in controls):
        row.controls = dumps(sorted([*controls, [p["at"], "started"]]))
    for data in p["script"].get("injects", []):
        _inject(session, p["drill"], data, "script")


@_handles("drill.paused", "drill.resumed")
def _paused(session: Session, record: EventRecord) -> None:
    p = record.payload
    row = _run(session, p["drill"])
    action = record.kind.split(".", 1)[1]
    controls = json.loads(row.controls)
    entry = [_at(record), action]
    if entry not in controls:
        row.controls = dumps(sorted([*controls, entry]))


@_handles("drill.inject_added")
def _added(session: Session, record: EventRecord) -> None:
    p = record.payload
    _run(session, p["drill"])
    _inject(session, p["drill"], p["inject"], "added")


def _settle(row: DrillInject, record: EventRecord, state: str, **values: Any) -> None:
    # Delivered or skipped, the earliest decision stands (an inject arrives only once).
    key = lww(record)
    if row.state != PENDING and row.state_key and row.state_key <= key:
        return
    row.state = state
    row.state_key = key
    for name, value in values.items():
        setattr(row, name, value)


@_handles("drill.inject_skipped")
def _skipped(session: Session, record: EventRecord) -> None:
    p = record.payload
    row = session.get(DrillInject, (p["drill"], p["inject"]))
    if row is not None:
        _settle(row, record, SKIPPED, delivered_at=_at(record))


@_handles("drill.injected")
def _injected(session: Session, record: EventRecord) -> None:
    p = record.payload
    _run(session, p["drill"])
    row = _inject(session, p["drill"], p["data"], "script")
    refs = p.get("refs") or {}
    _settle(
        row,
        record,
        DELIVERED,
        delivered_at=_at(record),
        drill_seconds=float(p["drill_seconds"]),
        refs=dumps(refs),
        intake_id=str(refs.get("intake", "")),
    )


@_handles("drill.linked")
def _linked(session: Session, record: EventRecord) -> None:
    p = record.payload
    row = _run(session, p["drill"])
    key = lww(record)
    # The first incident declared for the drill is its incident.
    if not row.incident_key or key < row.incident_key:
        row.incident_id = p["incident"]
        row.incident_key = key


@_handles("drill.ended")
def _ended(session: Session, record: EventRecord) -> None:
    row = _run(session, record.payload["drill"])
    at = _at(record)
    if not row.ended_at or at < row.ended_at:
        row.ended_at = at


@_handles("drill.scored")
def _scored(session: Session, record: EventRecord) -> None:
    p = record.payload
    row = _run(session, p["drill"])
    key = lww(record)
    if key > row.score_key:
        row.score = dumps(p["card"])
        row.score_key = key
