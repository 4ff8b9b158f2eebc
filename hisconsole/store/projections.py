"""Folding events into the current tables.

Each handler is deterministic and insensitive to the order in which events
arrive from other laptops: "register" entities (plan items, contacts, call
trees) keep every value not superseded by a later event's ``parents`` (two
survivors are a conflict to resolve); low-stakes fields keep the value with
the highest (HLC, origin). Unknown kinds are kept in the log and skipped here,
so a newer program applies them after an upgrade and rebuild.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, exists, insert, select
from sqlalchemy.orm import Session

from hisconsole.store.models import (
    PROJECTIONS,
    CallTree,
    Contact,
    Event,
    Operator,
    PlanItem,
    PlanVersion,
)

if TYPE_CHECKING:
    from hisconsole.store.eventlog import EventRecord

Handler = Callable[[Session, "EventRecord"], None]
HANDLERS: dict[str, Handler] = {}


def handles(*kinds: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        for kind in kinds:
            HANDLERS[kind] = fn
        return fn

    return register


def apply(session: Session, record: EventRecord) -> None:
    handler = HANDLERS.get(record.kind)
    if handler is not None:
        handler(session, record)


def clear(session: Session) -> None:
    for model in PROJECTIONS:
        session.execute(delete(model))


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _superseded(session: Session, record: EventRecord) -> bool:
    """True if a later event of the same entity already names this one as a parent."""
    return bool(
        session.scalar(
            select(
                exists().where(
                    Event.entity == record.entity,
                    Event.parents.contains(f'"{record.event_id}"'),
                )
            )
        )
    )


def _register(session: Session, model: Any, key: str, record: EventRecord, **values: Any) -> None:
    """Multi-value register update: drop the values this event supersedes, add its own."""
    if record.parents:
        session.execute(delete(model).where(model.key == key, model.event_id.in_(record.parents)))
    if values and not _superseded(session, record):
        session.execute(
            insert(model).values(key=key, event_id=record.event_id, hlc=record.hlc, **values)
        )


@handles("plan.item.set", "plan.item.removed")
def _plan_item(session: Session, record: EventRecord) -> None:
    p = record.payload
    values: dict[str, Any] = {}
    if record.kind == "plan.item.set":
        values = {
            "section": p["section"],
            "ord": int(p["order"]),
            "data": _dumps(p["data"]),
            "author": record.author,
        }
    _register(session, PlanItem, p["key"], record, **values)


@handles("plan.published")
def _plan_published(session: Session, record: EventRecord) -> None:
    p = record.payload
    session.execute(
        insert(PlanVersion)
        .values(
            version=int(p["version"]),
            event_id=record.event_id,
            hlc=record.hlc,
            author=record.author,
            note=p.get("note", ""),
            document=_dumps(p["document"]),
        )
        .prefix_with("OR IGNORE")
    )


@handles("contact.set", "contact.removed")
def _contact(session: Session, record: EventRecord) -> None:
    data = record.payload.get("data")
    values = {"data": _dumps(data)} if record.kind == "contact.set" else {}
    _register(session, Contact, record.payload["key"], record, **values)


@handles("calltree.set", "calltree.removed")
def _call_tree(session: Session, record: EventRecord) -> None:
    data = record.payload.get("data")
    values = {"data": _dumps(data)} if record.kind == "calltree.set" else {}
    _register(session, CallTree, record.payload["key"], record, **values)


@handles("operator.signed_in")
def _operator(session: Session, record: EventRecord) -> None:
    p = record.payload
    row = session.get(Operator, p["name"])
    stamp = (record.hlc, record.origin_id)
    if row is None:
        session.add(
            Operator(name=p["name"], role=p["role"], hlc=record.hlc, device_id=record.origin_id)
        )
    elif stamp > (row.hlc, row.device_id):
        row.role, row.hlc, row.device_id = p["role"], record.hlc, record.origin_id
    session.flush()


def snapshot(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    """Every projection row, sorted, for comparing incremental state with a rebuild."""
    result: dict[str, list[tuple[Any, ...]]] = {}
    for model in PROJECTIONS:
        columns = list(model.__table__.columns)
        rows = session.execute(select(*columns).order_by(*columns)).all()
        result[model.__tablename__] = [tuple(r) for r in rows]
    return result
