"""Reading an incident's activity log: whole (``incident show``), a page at a time (a
huge log streamed), or the entries of some kinds (found through the index on incident and
kind). The incident page reads it by position (services/log_window.py)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any, cast

from sqlalchemy import ColumnElement, Integer, bindparam, literal_column, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

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
#: The columns of a log row, in the order AT gives (the rowid first), as SQL.
COLUMNS = ", ".join(
    "rowid" if column.name == "rowid" else f"incident_entries.{column.name}"
    for column in _LOG.selected_columns
)
#: Rows fetched at a time when the log is streamed (``incident show`` of a huge log).
PAGE = 2000


def _cursor(session: Session, sql: str, params: tuple[Any, ...]) -> sqlite3.Cursor:
    raw = session.connection().connection.dbapi_connection
    assert raw is not None  # checked out for this read transaction
    return cast(sqlite3.Cursor, raw.cursor()).execute(sql, params)


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
AT = {column.name: index for index, column in enumerate(_LOG.selected_columns)}


def from_rows(entries: Iterable[Any]) -> list[dict[str, Any]]:
    """``incident show``'s ``log`` items from rows of _LOG_SQL, in one comprehension (a
    function call per row costs as much as the rest: 100,000 rows at a time)."""
    ev, at, by, kind, group = (
        AT["event_id"],
        AT["at"],
        AT["author"],
        AT["kind"],
        AT["group_code"],
    )
    system, text, data, corrects = AT["system"], AT["text"], AT["data"], AT["corrects"]
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
    return from_rows(_cursor(session, _LOG_SQL, (incident_id,)))


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
            rows = {row[AT["event_id"]]: row for row in session.execute(every, params)}
        if latest:
            last = (
                _LOG.where(_ENTRIES.c.kind.in_(latest_kinds))
                .order_by(None)
                .order_by(_ENTRIES.c.hlc.desc(), _ENTRIES.c.event_id.desc())
                .limit(latest)
            )
            rows.update((row[AT["event_id"]], row) for row in session.execute(last, params))
    in_order = sorted(rows.values(), key=lambda row: (row[AT["hlc"]], row[AT["event_id"]]))
    found = from_rows(in_order)
    name_devices(console, found)
    return found


def iter_log(console: Console, incident_id: str) -> Iterator[dict[str, Any]]:
    """The whole log, read a page at a time (memory bounded by the page, not the log)."""
    with console.db.read() as session:
        cursor = _cursor(session, _LOG_SQL, (incident_id,))
        while page := cursor.fetchmany(PAGE):
            rows = from_rows(page)
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
