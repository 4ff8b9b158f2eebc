"""Making an event of this laptop and putting it in the log: the one way, whichever writer.

An event is checked against its kind's schema, stamped by the hybrid logical clock,
given the next sequence number of this device, signed with the device key and inserted
on the DB-API connection of a write transaction that holds the write lock (BEGIN
IMMEDIATE). The console's writer (``eventlog.EventWriter``, in an ORM session) and the
direct writer of activity-log entries (``store/direct.py``: the command line's
``incident log`` on the standard library's sqlite3 alone, the console's entry
transaction) go through here, so an event is made the same way by any of them.

No SQLAlchemy here: the direct append runs in a process that never imports it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from hisconsole.domain import event_schemas
from hisconsole.domain.hlc import HybridClock
from hisconsole.errors import N_, Said
from hisconsole.store.errors import StoreError
from hisconsole.store.events import COLUMNS, EVENT_FLAG_FROM_FUTURE, EventRecord

#: Signs an event written here: (record) -> Ed25519 signature over its canonical bytes.
Signer = Callable[[EventRecord], bytes]
#: Device id -> signer, registered when the device key is loaded (hisconsole.sync.identity).
_SIGNERS: dict[str, Signer] = {}

#: One event into the log: its columns (see events.COLUMNS), then this laptop's flags.
INSERT_EVENT = (
    f"INSERT INTO events ({', '.join(COLUMNS)}, flags) "
    f"VALUES ({', '.join('?' for _ in COLUMNS)}, ?)"
)
#: This device's last sequence number in the log (under the write lock: no race).
LAST_SEQ = "SELECT max(origin_seq) FROM events WHERE origin_id = ?"
#: The latest clock stamp in the log, where this laptop's clock resumes (stamps from the
#: future were not allowed to move it).
LAST_STAMP = f"SELECT max(hlc) FROM events WHERE flags & {EVENT_FLAG_FROM_FUTURE} = 0"


def register_signer(device_id: str, signer: Signer) -> None:
    """Sign every event this device writes from now on (the key lives in the sync layer)."""
    _SIGNERS[device_id] = signer


def signer_of(device_id: str) -> Signer | None:
    return _SIGNERS.get(device_id)


class EventRefused(StoreError):
    """An event to be written does not fit its kind's schema (most often a text longer
    than the log keeps); nothing of its transaction is written."""

    code = "event.refused"
    template = "Refused: {problem} ({kind}). Nothing was changed."


def random_uuid() -> str:
    """A random (version 4) UUID as text, as ``str(uuid.uuid4())`` makes it: the uuid
    module loads the platform module, which costs a one-entry process more than this."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40  # version 4
    raw[8] = raw[8] & 0x3F | 0x80  # the RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def append(
    connection: Any,
    kind: str,
    entity: str,
    payload: dict[str, Any],
    parents: Iterable[str],
    *,
    device_id: str,
    seq: int,
    author: str,
    clock: HybridClock,
    signer: Signer | None,
) -> EventRecord:
    """The event, checked against its kind's schema (EventRefused), stamped, signed and
    put in the log on ``connection`` (a DB-API connection in a write transaction; no
    flag: written here, now)."""
    problem = event_schemas.payload_problem(kind, payload)
    if problem is not None:
        raise EventRefused(kind=kind, problem=problem)
    fields = (device_id, seq, random_uuid(), clock.now().encode(), author, kind, entity)
    record = EventRecord(*fields, payload, tuple(parents))
    if signer is not None:
        record = EventRecord(*fields, payload, record.parents, signature=signer(record))
    connection.execute(INSERT_EVENT, (*record.values(), 0))
    return record


def next_seq(connection: Any, device_id: str) -> int:
    """This device's next sequence number, asked of the log (under the write lock)."""
    last = connection.execute(LAST_SEQ, (device_id,)).fetchone()[0]
    return int(last or 0) + 1


#: Key, in a connection's ``kept`` facts (SQLAlchemy's info of a pooled connection), of
#: this device's next sequence number as it was after that connection's last commit.
KEPT_SEQ = "hisconsole.next_seq"


class SeqCounter:
    """This device's sequence numbers in one write transaction on ``connection`` (a DB-API
    connection holding the write lock: BEGIN IMMEDIATE).

    ``kept``: facts that live as long as the connection. The next number is remembered
    there before each commit (:meth:`keep`) and reused by the connection's next write
    transaction only when nothing has written to the database since: not another
    connection or process (SQLite's data_version, which only others' commits change) and
    not this connection outside a counter (its total_changes). Otherwise, and without
    ``kept``, the log is asked (max query), so the numbers stay gap-free and race-free.
    """

    def __init__(self, connection: Any, device_id: str, kept: dict[Any, Any] | None) -> None:
        self._connection = connection
        self._device_id = device_id
        self._kept = kept
        self._version: int | None = None  # data_version when the first number was read
        self._next: int | None = None

    @property
    def next(self) -> int:
        """The number the next event takes (:meth:`advance` once it is written)."""
        if self._next is None:
            self._next = self._first()
        return self._next

    def advance(self) -> None:
        self._next = self.next + 1

    def _first(self) -> int:
        connection = self._connection
        if self._kept is not None:
            self._version = connection.execute("PRAGMA data_version").fetchone()[0]
            kept = self._kept.get(KEPT_SEQ)
            here = (self._version, connection.total_changes, self._device_id)
            if kept is not None and kept[:3] == here:
                return int(kept[3])
        return next_seq(connection, self._device_id)

    def keep(self) -> None:
        """Remember the next number for the connection's next write transaction, while the
        connection is still this writer's alone: right after the commit, or before it (a
        pooled connection may be lent to another writer once committed) and then
        :meth:`forget` if the commit fails. A transaction that fails before either leaves
        what was kept as it was: if it changed anything, total_changes moved on."""
        if self._kept is None or self._version is None or self._next is None:
            return
        here = (self._version, self._connection.total_changes, self._device_id)
        self._kept[KEPT_SEQ] = (*here, self._next)

    def forget(self) -> None:
        if self._kept is not None:
            self._kept.pop(KEPT_SEQ, None)


def applicable(record: EventRecord) -> Said | None:
    """Why ``record`` cannot be applied to the projections (None: it can)."""
    return stamp_problem(record) or event_schemas.payload_problem(record.kind, record.payload)


def stamp_problem(record: EventRecord) -> Said | None:
    """Why ``record``'s clock stamp keeps it from the projections (None: it is a date)."""
    try:
        wall_ms = int(record.hlc.split(".", 1)[0])
    except ValueError:
        return Said(N_("its clock stamp is not readable"))
    return event_schemas.stamp_problem(wall_ms)


class Appender(Protocol):
    """A write transaction that events are appended in: the console's
    ``eventlog.EventWriter`` or the direct ``store.direct.DirectWriter``. A service that
    needs no more than this runs unchanged in either."""

    def emit(
        self, kind: str, entity: str, payload: dict[str, Any], parents: Iterable[str] = ()
    ) -> EventRecord: ...

    def query_one(self, sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
        """The first row of a plain SQL read inside the transaction (None: no row)."""
        ...
