"""Appending events and reading them back: the single way anything changes.

How one event of this laptop is made and inserted is store/appending.py's, shared with
the command line's direct append (store/direct.py); here, the console's writer in an ORM
session, foreign events, reading the log and rebuilding the projections."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hisconsole.domain.hlc import ZERO, HybridClock, Stamp
from hisconsole.store import appending, projections
from hisconsole.store.events import COLUMNS, EventRecord
from hisconsole.store.models import Event
from hisconsole.store.sync_models import EventOrder


class EventWriter:
    """Appends this laptop's events inside one write transaction and applies each
    to the projections at once, so the log and the current tables never disagree."""

    def __init__(self, session: Session, *, device_id: str, author: str, clock: HybridClock):
        self.session = session
        self.device_id = device_id
        self.author = author
        self.clock = clock
        self._raw: Any = None  # the transaction's DB-API connection, once the lock is held
        self._seq: appending.SeqCounter | None = None
        self._signer = appending.signer_of(device_id)
        self.written: list[EventRecord] = []

    def emit(
        self,
        kind: str,
        entity: str,
        payload: dict[str, Any],
        parents: Iterable[str] = (),
    ) -> EventRecord:
        raw = self._connection()
        assert self._seq is not None  # made with the connection
        record = appending.append(
            raw,
            kind,
            entity,
            payload,
            parents,
            device_id=self.device_id,
            seq=self._seq.next,
            author=self.author,
            clock=self.clock,
            signer=self._signer,
        )
        self._seq.advance()
        projections.apply(self.session, record)
        self.written.append(record)
        return record

    def query_one(self, sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
        """The first row of a plain SQL read in this transaction, which sees everything
        written in it (the session's pending changes are flushed first)."""
        self.session.flush()
        row = self._connection().execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def _connection(self) -> Any:
        """The DB-API connection of this transaction (BEGIN IMMEDIATE: the write lock held)."""
        if self._raw is None:
            pooled = self.session.connection().connection
            self._raw = pooled.dbapi_connection
            assert self._raw is not None  # checked out for this transaction
            self._seq = appending.SeqCounter(self._raw, self.device_id, pooled.info)
        return self._raw

    def keep_seq(self) -> None:
        """Remember the next sequence number for this connection's next write transaction
        (before the commit; see ``appending.SeqCounter``)."""
        if self._seq is not None:
            self._seq.keep()

    def forget_seq(self) -> None:
        if self._seq is not None:
            self._seq.forget()


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
    # The DB-API connection of the caller's transaction, plain tuples: an import inserts
    # thousands of events at once, and SQLAlchemy's per-row parameter work costs more
    # than SQLite's insert.
    raw: Any = session.connection().connection.dbapi_connection
    raw.executemany(appending.INSERT_EVENT, [(*r.values(), flags) for r, flags in records])
    projections.apply_all(session, [record for record, _flags in records], checked=checked)


def last_stamp(session: Session) -> Stamp:
    """The latest HLC stamp in the log (where this laptop's clock resumes)."""
    value = session.connection().exec_driver_sql(appending.LAST_STAMP).scalar()
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
