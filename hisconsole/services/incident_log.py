"""Reading an incident's activity log in proportion to what changed: whole, in pages
for printing it, or only the entries added since the last read (the incident page)."""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import ColumnElement, Integer, bindparam, literal_column, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from hisconsole.collecting import collector_paused
from hisconsole.services.console import Console
from hisconsole.store import decisions
from hisconsole.store.models import IncidentEntry

_ENTRIES = IncidentEntry.__table__
# SQLite's rowid: it grows with every entry stored (entries are never deleted).
rowid: ColumnElement[int] = literal_column("incident_entries.rowid", Integer)
_LOG = (
    select(rowid.label("rowid"), _ENTRIES)
    .where(_ENTRIES.c.incident_id == bindparam("incident"))
    .order_by(_ENTRIES.c.hlc, _ENTRIES.c.event_id)
)
# Compiled once and run on the read transaction's DB-API cursor: a log of 100,000
# entries is read at about the speed of sqlite3 itself, and the worker thread lets
# the UI thread run between rows (sqlite3 releases the interpreter lock at each step;
# SQLAlchemy's compiled row processing holds it for a whole fetch).
_LOG_SQL = str(_LOG.compile(dialect=sqlite.dialect()))  # (incident)
_ADDED_SQL = str(_LOG.where(rowid > bindparam("after")).compile(dialect=sqlite.dialect()))
#: Rows fetched at a time when the log is streamed (``incident show`` of a huge log).
PAGE = 2000
#: A read of this many rows or more is left out of later garbage collections (_chunk):
#: below it, walking the rows once costs less than a frame.
FREEZE_AT = 5000


def _cursor(session: Session, sql: str, params: tuple[Any, ...]) -> sqlite3.Cursor:
    raw = session.connection().connection.dbapi_connection
    assert raw is not None  # checked out for this read transaction
    return cast(sqlite3.Cursor, raw.cursor()).execute(sql, params)


@dataclass(frozen=True)
class LogMark:
    """Where a reader of the log stands: the last row it read (SQLite's rowid grows with
    every entry stored) and the last entry in log order (clock stamp, id)."""

    rowid: int
    hlc: str
    event_id: str


@dataclass
class LogChunk:
    """Entries read from an incident's log, in log order.

    ``whole`` True: the log from its start (the reader starts again); False: only the
    entries stored after ``after``, all of which come after what was read before.
    ``mark`` is where the reader stands after this chunk (None: the log is empty).
    """

    incident_id: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    whole: bool = True
    after: LogMark | None = None
    mark: LogMark | None = None


def log_row(entry: IncidentEntry) -> dict[str, Any]:
    """One log entry (a row read through the ORM) as the services give it."""
    return _entry(
        entry.event_id,
        entry.at,
        entry.author,
        entry.kind,
        entry.group_code,
        entry.system,
        entry.text,
        entry.data,
        entry.corrects,
    )


#: Where each column is in a row of _LOG_SQL (plain tuples: the fastest rows sqlite3 gives).
_AT = {column.name: index for index, column in enumerate(_LOG.selected_columns)}


def _from_cursor(entries: Iterable[Any]) -> list[dict[str, Any]]:
    """``incident show``'s ``log`` items from rows of _LOG_SQL, in one comprehension (a
    function call per row costs as much as the rest: 100,000 rows at a time)."""
    ev, at, by, kind, group = (
        _AT["event_id"],
        _AT["at"],
        _AT["author"],
        _AT["kind"],
        _AT["group_code"],
    )
    system, text, data, corrects = _AT["system"], _AT["text"], _AT["data"], _AT["corrects"]
    loads = json.loads
    return [
        {
            "entry": e[ev],
            "at": e[at],
            "by": e[by],
            "kind": e[kind],
            "group": e[group],
            "system": e[system],
            "text": e[text],
            "data": {} if e[data] == "{}" else loads(e[data]),
            "corrects": e[corrects],
        }
        for e in entries
    ]


def _entry(
    event_id: str,
    at: str,
    author: str,
    kind: str,
    group: str | None,
    system: str | None,
    text: str,
    data: str,
    corrects: str | None,
) -> dict[str, Any]:
    """``incident show``'s ``log`` items."""
    return {
        "entry": event_id,
        "at": at,
        "by": author,
        "kind": kind,
        "group": group,
        "system": system,
        "text": text,
        # Most entries (operators' notes) carry no data: skip the parser for them.
        "data": {} if data == "{}" else json.loads(data),
        "corrects": corrects,
    }


def log_in(session: Session, incident_id: str) -> list[dict[str, Any]]:
    """The whole log, inside the caller's read transaction (devices not yet named)."""
    return _from_cursor(_cursor(session, _LOG_SQL, (incident_id,)))


def read_since(console: Console, incident_id: str, after: LogMark | None) -> LogChunk:
    """The entries stored after ``after`` (the whole log when None).

    An entry from another laptop can belong before entries already read (its clock
    stamp is earlier): then the whole log is read again, so the reader never shows
    entries out of order.
    """
    with console.db.read() as session:
        if after is not None:
            added = _chunk(_cursor(session, _ADDED_SQL, (incident_id, after.rowid)), after)
            first = added.first
            if first is None or first > (after.hlc, after.event_id):
                name_devices(console, added.rows)
                return LogChunk(incident_id, added.rows, whole=False, after=after, mark=added.mark)
        whole = _chunk(_cursor(session, _LOG_SQL, (incident_id,)), None)
    name_devices(console, whole.rows)
    return LogChunk(incident_id, whole.rows, whole=True, mark=whole.mark)


@dataclass
class _Read:
    rows: list[dict[str, Any]]
    first: tuple[str, str] | None  # (clock stamp, id) of the first row read
    mark: LogMark | None


def _chunk(cursor: sqlite3.Cursor, after: LogMark | None) -> _Read:
    """The cursor's rows as the service's dicts, a page at a time.

    Each row is a dict holding a dict (``data``), so the cycle collector tracks it:
    made in the ordinary way, 100,000 of them set off full collections, each walking
    the whole heap with the interpreter lock held (the UI thread stood still for
    0.2-0.4 s, tests/bench/bench_log.py), and once read they made every later full
    collection that much longer. So the collector is paused while they are made, and
    a big read is then frozen (``gc.freeze``: the objects alive now are left out of
    every later collection) instead of being walked once when the collector resumes.
    The rows hold no cycles and are freed by reference counting as ever; the price is
    that a cycle elsewhere, alive at the freeze and dropped later, is never collected
    (small, and only at a read of FREEZE_AT rows or more)."""
    with collector_paused():
        read = _read_pages(cursor, after)
        if len(read.rows) >= FREEZE_AT:
            gc.freeze()
        return read


def _read_pages(cursor: sqlite3.Cursor, after: LogMark | None) -> _Read:
    rows: list[dict[str, Any]] = []
    first: tuple[str, str] | None = None
    mark = after
    hlc, event_id, rowid_at = _AT["hlc"], _AT["event_id"], _AT["rowid"]
    newest = after.rowid if after else 0
    while page := cursor.fetchmany(PAGE):
        if first is None:
            first = (page[0][hlc], page[0][event_id])
        rows += _from_cursor(page)
        newest = max(newest, max(e[rowid_at] for e in page))
        mark = LogMark(newest, page[-1][hlc], page[-1][event_id])
    return _Read(rows, first, mark)


def entries_of(
    console: Console,
    incident_id: str,
    kinds: tuple[str, ...],
    *,
    latest_kinds: tuple[str, ...] = (),
    latest: int = 0,
) -> list[dict[str, Any]]:
    """The log's entries of ``kinds`` and the last ``latest`` of ``latest_kinds``, in log
    order: the index on (incident, kind) finds them without reading the rest of a long
    log (a system's status changes, the CAP alerts sent, a report's last actions)."""
    params = {"incident": incident_id}
    with console.db.read() as session:
        rows = {}
        if kinds:
            every = _LOG.where(_ENTRIES.c.kind.in_(kinds))
            rows = {row[_AT["event_id"]]: row for row in session.execute(every, params)}
        if latest:
            last = (
                _LOG.where(_ENTRIES.c.kind.in_(latest_kinds))
                .order_by(None)
                .order_by(_ENTRIES.c.hlc.desc(), _ENTRIES.c.event_id.desc())
                .limit(latest)
            )
            rows.update((row[_AT["event_id"]], row) for row in session.execute(last, params))
    in_order = sorted(rows.values(), key=lambda row: (row[_AT["hlc"]], row[_AT["event_id"]]))
    found = _from_cursor(in_order)
    name_devices(console, found)
    return found


def iter_log(console: Console, incident_id: str) -> Iterator[dict[str, Any]]:
    """The whole log, read a page at a time (memory bounded by the page, not the log)."""
    with console.db.read() as session:
        cursor = _cursor(session, _LOG_SQL, (incident_id,))
        while page := cursor.fetchmany(PAGE):
            rows = _from_cursor(page)
            name_devices(console, rows)
            yield from rows


def name_devices(console: Console, log_rows: list[dict[str, Any]]) -> None:
    """Give the laptops named in overridden decisions their names (as the trust list says)."""
    said = [r["data"] for r in log_rows if r["kind"] == decisions.OVERRIDDEN]
    if not said:
        return
    from hisconsole.services.sync.devices import device_names

    names = device_names(console)
    for data in said:
        for part in (data["replaced"], data["kept"]):
            part["device_name"] = names.get(part["device"], "")
