"""Activity-log entries written on a DB-API connection alone: in a process that appends an
entry and exits (the command line's ``incident log``: :class:`DirectStore`), and in the
console on its database's own connection (``Console.entry_transaction``), where an ORM
session would cost an entry more than its durable commit (:class:`DirectWriter`).

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
import functools
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
    """Appends this laptop's events in a write transaction on a DB-API connection (the
    command line's :meth:`DirectStore.transaction`, the console's
    ``Console.entry_transaction``), each applied to the projections at once (the kinds of
    ``ENTRY_MAKERS``: activity-log lines). ``kept``: see ``appending.SeqCounter``."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        *,
        device_id: str,
        author: str,
        clock: HybridClock,
        kept: dict[Any, Any] | None = None,
    ) -> None:
        self._connection = connection
        self.device_id = device_id
        self.author = author
        self.clock = clock
        self._signer = appending.signer_of(device_id)
        self._seq = appending.SeqCounter(connection, device_id, kept)
        self.written: list[EventRecord] = []

    def emit(
        self, kind: str, entity: str, payload: dict[str, Any], parents: Iterable[str] = ()
    ) -> EventRecord:
        make = ENTRY_MAKERS.get(kind)
        if make is None:  # a caller's mistake: its projection is the console's alone
            raise LookupError(f"the direct append cannot apply {kind!r} events")
        record = appending.append(
            self._connection,
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
        # As projections.apply decides; its payload was checked as it was made.
        if appending.stamp_problem(record) is None:
            row = make(record)
            # Insert-or-ignore, as the console's projections insert these rows.
            self._connection.execute(_insert_entry(tuple(row)), row)
        self.written.append(record)
        return record

    def query_one(self, sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
        row = self._connection.execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def keep_seq(self) -> None:
        """Once committed: see ``appending.SeqCounter.keep``."""
        self._seq.keep()


@functools.cache
def _insert_entry(columns: tuple[str, ...]) -> str:
    """The insert-or-ignore of an activity-log line with these columns."""
    names = ", ".join(columns)
    return f"INSERT OR IGNORE INTO {ENTRY_TABLE} ({names}) VALUES (:{', :'.join(columns)})"


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
