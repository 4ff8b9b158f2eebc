"""Appending events and reading them back: the single way anything changes."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from hisconsole.domain import event_schemas
from hisconsole.domain.hlc import ZERO, HybridClock, Stamp
from hisconsole.store import projections
from hisconsole.store.errors import StoreError
from hisconsole.store.events import EventRecord
from hisconsole.store.models import EVENT_FLAG_FROM_FUTURE, Event
from hisconsole.store.sync_models import EventOrder

#: Signs an event written here: (record) -> Ed25519 signature over its canonical bytes.
Signer = Callable[[EventRecord], bytes]
#: Device id -> signer, registered when the device key is loaded (hisconsole.sync.identity).
_SIGNERS: dict[str, Signer] = {}


def register_signer(device_id: str, signer: Signer) -> None:
    """Sign every event this device writes from now on (the key lives in the sync layer)."""
    _SIGNERS[device_id] = signer


_INSERT_EVENT = insert(Event)


class EventWriter:
    """Appends this laptop's events inside one write transaction and applies each
    to the projections at once, so the log and the current tables never disagree."""

    def __init__(self, session: Session, *, device_id: str, author: str, clock: HybridClock):
        self.session = session
        self.device_id = device_id
        self.author = author
        self.clock = clock
        self._next_seq: int | None = None
        self._signer = _SIGNERS.get(device_id)
        self.written: list[EventRecord] = []

    def emit(
        self,
        kind: str,
        entity: str,
        payload: dict[str, Any],
        parents: Iterable[str] = (),
    ) -> EventRecord:
        problem = event_schemas.payload_problem(kind, payload)
        if problem is not None:
            raise EventRefused(kind=kind, problem=problem)
        if self._next_seq is None:
            current = self.session.scalar(
                select(func.max(Event.origin_seq)).where(Event.origin_id == self.device_id)
            )
            self._next_seq = (current or 0) + 1
        record = EventRecord(
            origin_id=self.device_id,
            origin_seq=self._next_seq,
            event_id=str(uuid.uuid4()),
            hlc=self.clock.now().encode(),
            author=self.author,
            kind=kind,
            entity=entity,
            payload=payload,
            parents=tuple(parents),
        )
        if self._signer is not None:
            record = dataclasses.replace(record, signature=self._signer(record))
        # One constant statement with parameters: SQLAlchemy compiles it once.
        self.session.execute(_INSERT_EVENT, record.to_row())
        self._next_seq += 1
        projections.apply(self.session, record)
        self.written.append(record)
        return record


class EventRefused(StoreError):
    """An event to be written does not fit its kind's schema (most often a text longer
    than the log keeps); nothing of its transaction is written."""

    code = "event.refused"
    template = "Refused: {problem} ({kind}). Nothing was changed."


def append_foreign(session: Session, records: Sequence[tuple[EventRecord, int]]) -> None:
    """Insert events written on other laptops, keeping their origin, sequence number,
    id, clock stamp and signature, and apply them to the projections in the order given.

    Callers pass events in the order the sending laptop applied them (a causal order:
    an incident's declaration before its level changes), not sorted by clock stamp: a
    stamp far in the future is flagged instead of moving the clock, so stamps alone
    may put an effect before its cause. The log records this order (event_order) and
    :func:`rebuild` replays it, so a rebuild always equals the incremental state.

    ``records`` pairs each event with its local flags (EVENT_FLAG_*). The caller has
    verified the signatures and that each origin's sequence stays gap-free; it owns
    the transaction, so the log and the projections change together or not at all.
    """
    if not records:
        return
    rows = [{**r.to_row(), "flags": flags} for r, flags in records]
    session.execute(insert(Event), rows)
    for record, _flags in records:
        projections.apply(session, record)


def last_stamp(session: Session) -> Stamp:
    """The latest HLC stamp in the log (where this laptop's clock resumes)."""
    value = session.scalar(
        select(func.max(Event.hlc)).where(Event.flags.op("&")(EVENT_FLAG_FROM_FUTURE) == 0)
    )
    return Stamp.decode(value) if value else ZERO


def iter_events(session: Session) -> Iterator[EventRecord]:
    """Every event in the order this laptop applied it (causal; see append_foreign)."""
    rows = session.scalars(
        select(Event)
        .join(
            EventOrder,
            (EventOrder.origin_id == Event.origin_id) & (EventOrder.origin_seq == Event.origin_seq),
        )
        .order_by(EventOrder.pos)
        .execution_options(yield_per=2000)
    )
    for row in rows:
        yield EventRecord.from_row(row)


def rebuild(session: Session) -> int:
    """Recompute every projection from the log; returns the number of events applied."""
    projections.clear(session)
    count = 0
    for record in iter_events(session):
        projections.apply(session, record)
        count += 1
    return count


def event_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Event)) or 0)
