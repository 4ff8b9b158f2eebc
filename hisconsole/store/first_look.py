"""The few rows the window shows at its first paint, read with the standard library's
sqlite3 on a read-only connection, before SQLAlchemy and the models are imported (they
cost several times a bare window's start). The same tables and the same order as the
ORM reads (services/incidents.py, services/plan.py, store/decisions.py); a test holds
them equal (tests/unit/test_first_look.py)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from hisconsole.store.location import APPLICATION_ID


class IncidentRow(NamedTuple):
    id: str
    title: str
    level: str
    status: str
    exercise: bool
    scenario: str | None
    reported_at: str
    declared_at: str
    declared_by: str
    resolved_at: str | None
    closed_at: str | None
    level_event: str


class EntryRow(NamedTuple):
    """A log entry as the reporting clocks read it (services/incident_clocks.ClockEntry)."""

    event_id: str
    kind: str
    at: str
    author: str
    text: str
    data: str


class DrillRow(NamedTuple):
    """The drill an incident was declared in, as its clock reads it (domain.drills
    stored_drill_time)."""

    started_at: str
    controls: str
    ended_at: str
    speed: int


class NotOurs(sqlite3.DatabaseError):
    """The file is a SQLite database, but not a HIS Console one."""


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change ``path`` (nor create it); refuses a file that is
    not a HIS Console database."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        (app_id,) = db.execute("PRAGMA application_id").fetchone()
        if app_id != APPLICATION_ID:
            raise NotOurs(f"application_id {app_id:#x}")
    except BaseException:
        db.close()
        raise
    return db


def incidents_in(db: sqlite3.Connection, status: str) -> list[IncidentRow]:
    """The incidents in ``status``, newest declared first (as incidents.list_incidents)."""
    rows = db.execute(
        "SELECT id, title, level, status, exercise, scenario, reported_at, declared_at,"
        " declared_by, resolved_at, closed_at, level_event FROM incidents"
        " WHERE status = ? ORDER BY declared_at DESC",
        (status,),
    ).fetchall()
    return [IncidentRow._make((*row[:4], bool(row[4]), *row[5:])) for row in rows]


def drills_of_incidents(db: sqlite3.Connection, status: str) -> dict[str, DrillRow]:
    """The drills the incidents in ``status`` were declared in, by incident id (one
    query; as services/drills/runs.drill_time reads them)."""
    rows = db.execute(
        "SELECT incident_id, started_at, controls, ended_at, speed FROM drill_runs"
        " WHERE started_at != '' AND incident_id IN (SELECT id FROM incidents WHERE status = ?)",
        (status,),
    ).fetchall()
    return {incident_id: DrillRow(*rest) for incident_id, *rest in rows}


def clock_entries(db: sqlite3.Connection, incident_id: str, kinds: Sequence[str]) -> list[EntryRow]:
    """The incident's log entries of ``kinds`` in log order (stamp, then event id)."""
    marks = ", ".join("?" * len(kinds))
    rows = db.execute(
        "SELECT event_id, kind, at, author, text, data FROM incident_entries"
        f" WHERE incident_id = ? AND kind IN ({marks}) ORDER BY hlc, event_id",
        (incident_id, *kinds),
    ).fetchall()
    return [EntryRow(*row) for row in rows]


def decision_parents(
    db: sqlite3.Connection, incident_id: str, kinds: Sequence[str]
) -> dict[str, list[str]]:
    """The parents each of the incident's events of ``kinds`` names, by event id."""
    marks = ", ".join("?" * len(kinds))
    rows = db.execute(
        f"SELECT event_id, parents FROM events WHERE entity = ? AND kind IN ({marks})",
        (f"incident:{incident_id}", *kinds),
    ).fetchall()
    return {event_id: json.loads(parents) for event_id, parents in rows}


def plan_section(db: sqlite3.Connection, section: str) -> list[tuple[str, int, dict[str, object]]]:
    """The current items of one plan section as (section, order, data): for a conflicted
    item, the latest value (as plan.current_document)."""
    latest: dict[str, tuple[str, int, dict[str, object]]] = {}
    for key, order, data in db.execute(
        "SELECT key, ord, data FROM plan_items WHERE section = ? ORDER BY key, hlc", (section,)
    ):
        latest[key] = (section, order, json.loads(data))
    return list(latest.values())


def has_plan(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM plan_items LIMIT 1").fetchone() is not None


def plan_version(db: sqlite3.Connection) -> int | None:
    """The latest published version of the plan, if any."""
    (version,) = db.execute("SELECT max(version) FROM plan_versions").fetchone()
    return int(version) if version is not None else None
