"""Making an event of this laptop and putting it in the log: the one way, whichever writer.

An event is checked against its kind's schema, stamped by the hybrid logical clock,
given the next sequence number of this device, signed with the device key and inserted
on the DB-API connection of a write transaction that holds the write lock (BEGIN
IMMEDIATE). The console's writer (``eventlog.EventWriter``, in an ORM session) and the
command line's direct append (``store/direct.py``, the standard library's sqlite3
alone) both go through here, so an event is made the same way by either.

No SQLAlchemy here: the direct append runs in a process that never imports it.
"""

from __future__ import annotations

import dataclasses
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
    record = EventRecord(
        origin_id=device_id,
        origin_seq=seq,
        event_id=random_uuid(),
        hlc=clock.now().encode(),
        author=author,
        kind=kind,
        entity=entity,
        payload=payload,
        parents=tuple(parents),
    )
    if signer is not None:
        record = dataclasses.replace(record, signature=signer(record))
    row = record.to_row()
    connection.execute(INSERT_EVENT, [*(row[name] for name in COLUMNS), 0])
    return record


def next_seq(connection: Any, device_id: str) -> int:
    """This device's next sequence number, asked of the log (under the write lock)."""
    last = connection.execute(LAST_SEQ, (device_id,)).fetchone()[0]
    return int(last or 0) + 1


def applicable(record: EventRecord) -> Said | None:
    """Why ``record`` cannot be applied to the projections (None: it can)."""
    try:
        wall_ms = int(record.hlc.split(".", 1)[0])
    except ValueError:
        return Said(N_("its clock stamp is not readable"))
    return event_schemas.stamp_problem(wall_ms) or event_schemas.payload_problem(
        record.kind, record.payload
    )


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
