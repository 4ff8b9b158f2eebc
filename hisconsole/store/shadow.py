"""Rebuilding the projections beside the live ones, in one read snapshot, to compare them.

``hisconsole check`` must neither change the database nor hold its write lock. A
read-only connection opens a read transaction (in WAL mode a snapshot: other consoles
go on writing) and creates an empty TEMP twin of every projection table, with the same
columns, keys and indexes. SQLite resolves a table name to the TEMP schema first, so a
rebuild through the ordinary handlers reads the log as of the snapshot and writes only
the twins; the live tables stay readable as ``main.<table>``. Nothing is copied but the
rebuilt projections, which SQLite keeps in temporary files, not in this process.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from hisconsole.errors import N_
from hisconsole.store import db as store_db
from hisconsole.store import errors
from hisconsole.store.models import PROJECTIONS

_CREATE_TABLE = re.compile(r"^\s*CREATE\s+TABLE\s+", re.IGNORECASE)
_CREATE_INDEX = re.compile(r"^\s*CREATE\s+(UNIQUE\s+)?INDEX\s+(IF\s+NOT\s+EXISTS\s+)?", re.I)
#: Rows read at once while comparing.
_FETCH = 5000


@contextlib.contextmanager
def shadow_session(path: Path) -> Iterator[Session]:
    """A session on a read snapshot of the database at ``path`` whose projection tables
    are empty TEMP twins (see the module's description). Changes nothing; the snapshot and
    the twins go when the block ends."""
    try:
        con = store_db.connect_read_only(path)
    except sqlite3.Error as exc:
        raise errors.translate(exc, path) or errors.StoreError(
            N_("Cannot read {path} to compare it with a rebuild ({exc})."), path=path, exc=exc
        ) from exc
    con.isolation_level = None  # transactions as issued below, not the driver's own
    engine = create_engine("sqlite://", creator=lambda: con, poolclass=StaticPool)
    try:
        with engine.connect() as conn:
            # Rebuilt rows go to temporary files, never into this process's memory.
            con.execute("PRAGMA temp_store=FILE")
            con.execute("BEGIN")
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts
            _twin_projections(con)
            with Session(bind=conn) as session:
                yield session
    finally:
        with contextlib.suppress(sqlite3.Error):
            con.execute("ROLLBACK")
        engine.dispose()
        con.close()


def _twin_projections(con: sqlite3.Connection) -> None:
    names = [model.__tablename__ for model in PROJECTIONS]
    marks = ", ".join("?" for _ in names)
    rows = con.execute(
        f"SELECT type, sql FROM main.sqlite_master WHERE tbl_name IN ({marks}) "
        "AND sql IS NOT NULL ORDER BY type DESC",  # tables before their indexes
        names,
    ).fetchall()
    for kind, sql in rows:
        if kind == "table":
            con.execute(_CREATE_TABLE.sub("CREATE TEMP TABLE ", sql, count=1))
        elif kind == "index":
            con.execute(_CREATE_INDEX.sub(lambda m: f"CREATE {m[1] or ''}INDEX temp.", sql, 1))


@dataclass(frozen=True)
class Difference:
    """A projection table whose live rows differ from its rebuild."""

    table: str
    #: Rows the rebuild has that the live table lacks.
    missing: int
    #: Rows the live table has that the rebuild does not.
    extra: int


def compare(
    session: Session, *, progress: Callable[[int, int], None] | None = None
) -> list[Difference]:
    """Compare every live projection table with its rebuilt twin (after a rebuild in a
    :func:`shadow_session`): both sides read side by side in primary-key order, a few
    thousand rows at a time, so memory stays flat however large the tables; only a table
    whose rows differ is compared again by SQLite (EXCEPT) to count what is missing and
    extra."""
    raw: Any = session.connection().connection.dbapi_connection
    differences: list[Difference] = []
    for done, model in enumerate(PROJECTIONS):
        if progress is not None:
            progress(done, len(PROJECTIONS))
        table = cast(Table, model.__table__)
        columns = ", ".join(f'"{c.name}"' for c in table.columns)
        order = ", ".join(f'"{c.name}"' for c in table.primary_key.columns) or columns
        name = f'"{model.__tablename__}"'
        if _same(
            raw.execute(f"SELECT {columns} FROM main.{name} ORDER BY {order}"),
            raw.execute(f"SELECT {columns} FROM temp.{name} ORDER BY {order}"),
        ):
            continue
        missing = _count(
            raw, f"SELECT {columns} FROM temp.{name} EXCEPT SELECT {columns} FROM main.{name}"
        )
        extra = _count(
            raw, f"SELECT {columns} FROM main.{name} EXCEPT SELECT {columns} FROM temp.{name}"
        )
        differences.append(Difference(model.__tablename__, missing, extra))
    if progress is not None:
        progress(len(PROJECTIONS), len(PROJECTIONS))
    return differences


def _same(live: sqlite3.Cursor, rebuilt: sqlite3.Cursor) -> bool:
    """Whether two queries give the same rows in the same order (compared as Python values,
    as SQLite's EXCEPT compares them), read a chunk at a time."""
    try:
        while True:
            rows = live.fetchmany(_FETCH)
            if rows != rebuilt.fetchmany(_FETCH):
                return False
            if not rows:
                return True
    finally:
        live.close()
        rebuilt.close()


def _count(raw: sqlite3.Connection, query: str) -> int:
    return int(raw.execute(f"SELECT count(*) FROM ({query})").fetchone()[0])
