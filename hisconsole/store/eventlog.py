"""Appending events and reading them back: the single way anything changes."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from hisconsole.domain import event_schemas
from hisconsole.domain.hlc import ZERO, HybridClock, Stamp
from hisconsole.store import projections
from hisconsole.store.errors import StoreError
from hisconsole.store.events import COLUMNS, EventRecord
from hisconsole.store.models import EVENT_FLAG_FROM_FUTURE, Event
from hisconsole.store.sync_models import EventOrder

#: Signs an event written here: (record) -> Ed25519 signature over its canonical bytes.
Signer = Callable[[EventRecord], bytes]
#: Device id -> signer, registered when the device key is loaded (hisconsole.sync.identity).
_SIGNERS: dict[str, Signer] = {}


def register_signer(device_id: str, signer: Signer) -> None:
    """Sign every event this device writes from now on (the key lives in the sync layer)."""
    _SIGNERS[device_id] = signer


def _compiled_insert(model: Any) -> tuple[str, tuple[str, ...]]:
    """The INSERT of a whole row of ``model``'s table as SQLite SQL with positional
    parameters, compiled once, and the column names in parameter order."""
    table = model.__table__
    compiled = insert(table).compile(
        dialect=sqlite.dialect(), column_keys=[c.key for c in table.columns]
    )
    assert compiled.positiontup is not None
    return str(compiled), tuple(compiled.positiontup)


#: The event INSERT, compiled once: an append runs it on the DB-API connection of its
#: transaction directly (the ORM's bulk-insert path and cache-key work cost more than
#: the statement itself).
_INSERT_EVENT, _INSERT_EVENT_KEYS = _compiled_insert(Event)
#: Key, in the pooled SQLite connection's info, of this device's next sequence number as
#: it was after that connection's last commit through an EventWriter.
_NEXT_SEQ = "hisconsole.next_seq"


class EventWriter:
    """Appends this laptop's events inside one write transaction and applies each
    to the projections at once, so the log and the current tables never disagree."""

    def __init__(self, session: Session, *, device_id: str, author: str, clock: HybridClock):
        self.session = session
        self.device_id = device_id
        self.author = author
        self.clock = clock
        self._next_seq: int | None = None
        self._seen: tuple[Any, ...] | None = None  # (info, data_version, connection)
        self._raw: Any = None  # the transaction's DB-API connection, once the lock is held
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
            self._next_seq = self._first_seq()
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
        row = {**record.to_row(), "flags": 0}  # no flag: written here, now
        self._raw.execute(_INSERT_EVENT, [row[key] for key in _INSERT_EVENT_KEYS])
        self._next_seq += 1
        projections.apply(self.session, record)
        self.written.append(record)
        return record

    def _first_seq(self) -> int:
        """This device's next sequence number, read under the write lock (BEGIN IMMEDIATE).

        The number kept after this connection's last commit is reused only when nothing
        has written to the database since: not another connection or process (SQLite's
        data_version, which only others' commits change) and not this connection outside
        an EventWriter (its total_changes). Otherwise the log is asked (max query), so
        the counter stays gap-free and race-free.
        """
        fairy = self.session.connection().connection
        raw = fairy.dbapi_connection
        assert raw is not None  # checked out for this transaction
        version = raw.execute("PRAGMA data_version").fetchone()[0]
        self._seen = (fairy.info, version, raw)
        self._raw = raw
        kept = fairy.info.get(_NEXT_SEQ)
        if kept is not None and kept[:3] == (version, raw.total_changes, self.device_id):
            return int(kept[3])
        current = self.session.scalar(
            select(func.max(Event.origin_seq)).where(Event.origin_id == self.device_id)
        )
        return (current or 0) + 1

    def keep_seq(self) -> None:
        """Remember the next sequence number for this connection's next write transaction.

        Called at the end of the transaction, before its commit, while the connection
        and the lock are still this writer's alone; if the commit then fails, the
        caller calls :meth:`forget_seq`.
        """
        if self._seen is None or self._next_seq is None:
            return
        info, version, raw = self._seen
        info[_NEXT_SEQ] = (version, raw.total_changes, self.device_id, self._next_seq)

    def forget_seq(self) -> None:
        if self._seen is not None:
            self._seen[0].pop(_NEXT_SEQ, None)


class EventRefused(StoreError):
    """An event to be written does not fit its kind's schema (most often a text longer
    than the log keeps); nothing of its transaction is written."""

    code = "event.refused"
    template = "Refused: {problem} ({kind}). Nothing was changed."


#: Core (the table, not the mapped class): one executemany for a batch of foreign events.
_INSERT_EVENTS = insert(cast(Table, Event.__table__))


def append_foreign(
    session: Session, records: Sequence[tuple[EventRecord, int]], *, checked: bool = False
) -> None:
    """Insert events written on other laptops, keeping their origin, sequence number,
    id, clock stamp and signature, and apply them to the projections in the order given.

    Callers pass events in the order the sending laptop applied them (a causal order:
    an incident's declaration before its level changes), not sorted by clock stamp: a
    stamp far in the future is flagged instead of moving the clock, so stamps alone
    may put an effect before its cause. The log records this order (event_order) and
    :func:`rebuild` replays it, so a rebuild always equals the incremental state.

    ``records`` pairs each event with its local flags (EVENT_FLAG_*). The caller has
    verified the signatures and that each origin's sequence stays gap-free (``checked``:
    and that each event is applicable); it owns the transaction, so the log and the
    projections change together or not at all.
    """
    if not records:
        return
    rows = [{**r.to_row(), "flags": flags} for r, flags in records]
    session.connection().execute(_INSERT_EVENTS, rows)
    projections.apply_all(session, [record for record, _flags in records], checked=checked)


def last_stamp(session: Session) -> Stamp:
    """The latest HLC stamp in the log (where this laptop's clock resumes)."""
    value = session.scalar(
        select(func.max(Event.hlc)).where(Event.flags.op("&")(EVENT_FLAG_FROM_FUTURE) == 0)
    )
    return Stamp.decode(value) if value else ZERO


def iter_events(session: Session) -> Iterator[EventRecord]:
    """Every event in the order this laptop applied it (causal; see append_foreign)."""
    # Columns, not mapped objects: a rebuild reads every event once and keeps none.
    rows = session.execute(
        select(*(getattr(Event, name) for name in COLUMNS))
        .join(
            EventOrder,
            (EventOrder.origin_id == Event.origin_id) & (EventOrder.origin_seq == Event.origin_seq),
        )
        .order_by(EventOrder.pos)
        .execution_options(yield_per=2000)
    )
    for row in rows:
        yield EventRecord.from_row(row)


def rebuild(session: Session, *, progress: Callable[[int], None] | None = None) -> int:
    """Recompute every projection from the log; returns the number of events applied.
    ``progress`` hears the number of events applied so far, every few thousand."""
    projections.clear(session)
    events: Iterable[EventRecord] = iter_events(session)
    if progress is not None:
        events = _counted(events, progress)
    return projections.apply_all(session, events)


def _counted(
    events: Iterable[EventRecord], progress: Callable[[int], None]
) -> Iterator[EventRecord]:
    done = 0
    for done, record in enumerate(events, start=1):
        if done % 2000 == 0:
            progress(done)
        yield record
    progress(done)


def event_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Event)) or 0)
