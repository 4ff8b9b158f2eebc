"""One write transaction on the standard library's sqlite3 alone, for a process that
appends an event and exits (the command line's ``incident log``).

Importing SQLAlchemy, the ORM models and the projections costs such a process several
times its write, so this opens the same file with the same checks (``db.check_file``),
the same pragmas (WAL, synchronous=FULL: a commit reported done survives a power cut)
and the same BEGIN IMMEDIATE, makes each event through ``store/appending.py`` like the
console's writer, and applies its projection with the row makers the console's
projections use (``entry_rows.ENTRY_MAKERS``). Only a database at this program's schema
head that can be written is opened here; anything else is the console's to handle (an
upgrade, a read-only folder).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from hisconsole.domain.hlc import ZERO, HybridClock, Stamp
from hisconsole.store import appending, db, errors
from hisconsole.store.entry_rows import ENTRY_MAKERS, ENTRY_TABLE
from hisconsole.store.events import EventRecord


class DirectStore:
    """The console database of one data folder, opened without SQLAlchemy."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection

    @classmethod
    def open(cls, data_dir: Path) -> DirectStore | None:
        """The database of ``data_dir``, checked as the console checks it (a missing,
        foreign, damaged or newer one is refused the same way); None when it needs the
        console: an upgrade is due, or the folder is read-only."""
        path, revision, read_only = db.check_file(data_dir)
        if revision != db.SCHEMA_HEAD or read_only:
            return None
        with _translated(path):
            return cls(path, db.connect_for_writing(path))

    def meta(self) -> dict[str, str]:
        """This database's local facts (device id and name, the last operator …)."""
        with _translated(self.path):
            return dict(self._connection.execute("SELECT key, value FROM meta").fetchall())

    def last_stamp(self) -> Stamp:
        """The latest clock stamp in the log (where this laptop's clock resumes)."""
        with _translated(self.path):
            value = self._connection.execute(appending.LAST_STAMP).fetchone()[0]
        return Stamp.decode(value) if value else ZERO

    @contextlib.contextmanager
    def transaction(
        self, *, device_id: str, author: str, clock: HybridClock
    ) -> Iterator[DirectWriter]:
        """One write transaction (BEGIN IMMEDIATE); its events are durable once the block
        exits, and nothing of it is written if the block raises."""
        connection = self._connection
        with _translated(self.path):
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield DirectWriter(connection, device_id=device_id, author=author, clock=clock)
            except BaseException:
                connection.rollback()
                raise
            connection.commit()

    def close(self) -> None:
        self._connection.close()


class DirectWriter:
    """Appends this laptop's events in a :meth:`DirectStore.transaction`, each applied to
    the projections at once (the kinds of ``ENTRY_MAKERS``: activity-log lines)."""

    def __init__(
        self, connection: sqlite3.Connection, *, device_id: str, author: str, clock: HybridClock
    ) -> None:
        self._connection = connection
        self.device_id = device_id
        self.author = author
        self.clock = clock
        self._signer = appending.signer_of(device_id)
        self._next_seq: int | None = None
        self.written: list[EventRecord] = []

    def emit(
        self, kind: str, entity: str, payload: dict[str, Any], parents: Iterable[str] = ()
    ) -> EventRecord:
        make = ENTRY_MAKERS.get(kind)
        if make is None:  # a caller's mistake: its projection is the console's alone
            raise LookupError(f"the direct append cannot apply {kind!r} events")
        if self._next_seq is None:
            self._next_seq = appending.next_seq(self._connection, self.device_id)
        record = appending.append(
            self._connection,
            kind,
            entity,
            payload,
            parents,
            device_id=self.device_id,
            seq=self._next_seq,
            author=self.author,
            clock=self.clock,
            signer=self._signer,
        )
        self._next_seq += 1
        if appending.applicable(record) is None:  # as projections.apply decides
            row = make(record)
            # Insert-or-ignore, as the console's projections insert these rows.
            self._connection.execute(
                f"INSERT OR IGNORE INTO {ENTRY_TABLE} ({', '.join(row)}) "
                f"VALUES ({', '.join(':' + name for name in row)})",
                row,
            )
        self.written.append(record)
        return record

    def query_one(self, sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
        row = self._connection.execute(sql, params).fetchone()
        return tuple(row) if row is not None else None


@contextlib.contextmanager
def _translated(path: Path) -> Iterator[None]:
    """SQLite's and the disk's failures as the console reports them (locked, full …)."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        known = errors.translate(exc, path)
        if known is None:
            raise
        raise known from exc
