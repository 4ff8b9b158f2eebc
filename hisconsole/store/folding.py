"""The registry of projection handlers and the rules they share.

A handler folds one event kind into the projection tables (``@handles("kind")``).
The rules every handler uses live here: last writer wins by (HLC, origin),
first writer wins, insert-or-ignore. Each feature's handlers may sit in their own
module (``store/folding_<feature>.py``) importing only this one; ``projections``
imports them so they are registered before any event is applied.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from hisconsole.domain.hlc import stamp_time
from hisconsole.store import entry_rows
from hisconsole.store.events import EventRecord
from hisconsole.store.models import IncidentEntry

Handler = Callable[[Session, EventRecord], None]
HANDLERS: dict[str, Handler] = {}


def handles(*kinds: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        for kind in kinds:
            HANDLERS[kind] = fn
        return fn

    return register


#: Kind of thing an event may name (event_schemas.REFERS) -> the projection column of its ids.
#: A feature whose events name its own things registers them with :func:`named_by`.
NAMED: dict[str, Any] = {}


def named_by(what: str, column: Any) -> None:
    """Things of kind ``what`` are here when ``column`` holds their id."""
    NAMED[what] = column


def first_missing(
    session: Session, named: list[tuple[str, str]], present: set[tuple[str, str]]
) -> tuple[str, str] | None:
    """The first of ``named`` ((kind of thing, id)) not in the projections, or None.

    ``present`` caches what was found (things are never taken out of the projections
    while events come in), so a bundle of many events naming one incident asks once."""
    wanted = [n for n in named if n not in present and n[0] in NAMED]
    by_what: dict[str, set[str]] = {}
    for what, key in wanted:
        by_what.setdefault(what, set()).add(key)
    for what, keys in by_what.items():
        column = NAMED[what]
        for start in range(0, len(keys), 500):
            chunk = sorted(keys)[start : start + 500]
            present.update(
                (what, k) for k in session.scalars(select(column).where(column.in_(chunk)))
            )
    return next((n for n in wanted if n not in present), None)


def dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


#: ISO-8601 UTC time of an HLC stamp's wall clock.
hlc_time = stamp_time


def lww(record: EventRecord) -> str:
    return f"{record.hlc}|{record.origin_id}"


def later(row: Any, key_field: str, key: str, **values: Any) -> bool:
    """Last writer wins on ``row``'s fields kept under ``key_field``: set ``values`` (and the
    key) when ``key`` is later than the one the row holds. False if the row is missing or
    already holds a later (or the same) write."""
    if row is None or key <= getattr(row, key_field):
        return False
    for name, value in values.items():
        setattr(row, name, value)
    setattr(row, key_field, key)
    return True


def keep(
    session: Session,
    model: Any,
    ident: dict[str, Any],
    key_field: str,
    key: str,
    *,
    first_wins: bool = False,
    **values: Any,
) -> None:
    """One row per ``ident`` (its primary key): created by the first write to arrive, then
    overwritten by a later one (``first_wins``: by an earlier one), whatever the order."""
    row = session.get(model, tuple(ident.values()))
    if row is None:
        session.add(model(**ident, **values, **{key_field: key}))
    elif first_wins and key < getattr(row, key_field):
        for name, value in {**values, key_field: key}.items():
            setattr(row, name, value)
    elif not first_wins:
        later(row, key_field, key, **values)
    session.flush()


#: Insert-or-ignore statements, compiled once per table: applying an event again (a
#: replay, a rebuild check) leaves the row it made as it is.
INSERT_NEW: dict[Any, Any] = {}


#: (model, column keys) -> the same insert-or-ignore as plain SQLite SQL with named
#: parameters, or None where a column needs SQLAlchemy (a type that converts its values,
#: a default made in Python).
_PLAIN_INSERT: dict[tuple[Any, tuple[str, ...]], str | None] = {}


def insert_new(session: Session, model: Any, rows: dict[str, Any] | list[dict[str, Any]]) -> None:
    connection = session.connection()
    if isinstance(rows, list) and len(rows) > 1:
        keys = tuple(rows[0])
        plain = _PLAIN_INSERT.get((model, keys), "")
        if plain == "":
            plain = _PLAIN_INSERT[(model, keys)] = _plain_insert(model, keys, connection.dialect)
        head = rows[0].keys()
        if plain is not None and all(row.keys() == head for row in rows):
            # A batch (a sync's run of log entries …) goes to the DB-API connection of the
            # transaction as it is: SQLAlchemy's per-row parameter work costs more than
            # SQLite's insert.
            raw: Any = connection.connection.dbapi_connection
            raw.executemany(plain, rows)
            return
    statement = INSERT_NEW.get(model)
    if statement is None:
        # On the table, run on the connection: the ORM's bulk-insert path adds nothing
        # here (the rows are plain column values) and costs more than the INSERT.
        statement = INSERT_NEW[model] = insert(model.__table__).prefix_with("OR IGNORE")
    connection.execute(statement, rows)


def _plain_insert(model: Any, keys: tuple[str, ...], dialect: Any) -> str | None:
    table = model.__table__
    if not set(keys) <= set(table.c.keys()):
        return None
    for column in table.c:
        if column.key in keys:
            if column.type._cached_bind_processor(dialect) is not None:
                return None
        elif column.default is not None:
            return None
    names = ", ".join(f'"{table.c[key].name}"' for key in keys)
    params = ", ".join(f":{key}" for key in keys)
    return f'INSERT OR IGNORE INTO "{table.name}" ({names}) VALUES ({params})'


#: New projection rows made from one event alone: (model, row) pairs.
Rows = list[tuple[Any, dict[str, Any]]]
RowMaker = Callable[[EventRecord], Rows]
#: Kinds whose projection only adds rows made from the event itself (insert-or-ignore,
#: reading nothing), so a run of them can be applied in any grouping with the same result:
#: ``projections.apply_all`` gathers a run and inserts each table's rows at once.
ROW_MAKERS: dict[str, RowMaker] = {}


def adds_rows(*kinds: str) -> Callable[[RowMaker], RowMaker]:
    """Register ``kinds`` as only adding the rows ``fn`` makes (also as their handler)."""

    def register(fn: RowMaker) -> RowMaker:
        def handler(session: Session, record: EventRecord) -> None:
            for model, row in fn(record):
                insert_new(session, model, row)

        for kind in kinds:
            ROW_MAKERS[kind] = fn
            HANDLERS[kind] = handler
        return fn

    return register


def entry_row(record: EventRecord, kind: str, **fields: Any) -> tuple[Any, dict[str, Any]]:
    """The line ``record`` adds to its incident's activity log (``payload["id"]``), as a
    (model, row) pair (the row: ``entry_rows.entry_row``, keyword ``fields`` as there)."""
    return IncidentEntry, entry_rows.entry_row(record, kind, **fields)


def log_entry(session: Session, record: EventRecord, kind: str, **fields: Any) -> None:
    """Add the activity-log line ``record`` makes (``entry_row``'s fields)."""
    insert_new(session, *entry_row(record, kind, **fields))
