"""The window's first look: the open incidents with their levels and reporting clocks, the
plan's warning levels and its version, read before the console opens.

The window paints these first; the console (SQLAlchemy, the models, the device key) is
opened after the first paint, and its full read replaces them. The truth is the same:
the rows the full read uses, read with sqlite3 (store/first_look.py), and the clocks
computed by the same code (services/incident_clocks.py; a drill's incident's on the
drill's time, domain/drills.py stored_drill_time)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hisconsole import logs
from hisconsole.domain import glossary
from hisconsole.domain import incidents as rules
from hisconsole.domain.drills import stored_drill_time
from hisconsole.domain.hlc import wall_clock_ms
from hisconsole.domain.plan import join_items
from hisconsole.services.incident_clocks import history_and_clocks
from hisconsole.store import first_look as rows
from hisconsole.store.location import database_path


@dataclass(frozen=True)
class FirstLook:
    """What the window shows before the console has opened."""

    plan_version: int | None
    #: The plan's warning levels (its ``levels`` section); empty without a plan.
    levels: list[dict[str, Any]] = field(default_factory=list)
    #: The open incidents, newest declared first, each as ``incidents.show(…,
    #: with_log=False)`` gives it, without the systems: the summary, ``level_history``
    #: and ``clocks``. Empty while the console holds no plan (the full read cannot show
    #: incidents then either).
    active: list[dict[str, Any]] = field(default_factory=list)


def read(data_dir: Path, now: dt.datetime | None = None) -> FirstLook | None:
    """The first look at ``data_dir``'s database, the clocks judged at ``now`` (default: the
    console's clock source). None when there is no database or it cannot be read this
    way (damaged, not a console's, a schema to migrate): opening the console says why,
    or migrates it, and the window shows its full read."""
    path = database_path(data_dir)
    if not path.is_file():
        return None
    moment = now or dt.datetime.fromtimestamp(wall_clock_ms() / 1000, tz=dt.UTC)
    try:
        with closing(rows.connect_read_only(path)) as db:
            return _read(db, moment)
    except sqlite3.Error as exc:
        logs.logger.info("first look at %s skipped: %s", path, exc)
        return None


def _read(db: sqlite3.Connection, now: dt.datetime) -> FirstLook:
    version = rows.plan_version(db)
    if not rows.has_plan(db):
        return FirstLook(version)
    doc = join_items(rows.plan_section(db, "levels"))
    active = []
    drills = rows.drills_of_incidents(db, rules.INCIDENT_OPEN)
    for row in rows.incidents_in(db, rules.INCIDENT_OPEN):
        incident: dict[str, Any] = row._asdict()
        del incident["level_event"]
        drill = drills.get(row.id)
        path = rules.decision_path(
            row.level_event, rows.decision_parents(db, row.id, rules.LEVEL_DECISION_KINDS)
        )
        incident["level_history"], incident["clocks"] = history_and_clocks(
            doc,
            reported_at=row.reported_at,
            level=row.level,
            resolved_at=row.resolved_at,
            entries=rows.clock_entries(db, row.id, glossary.CLOCK_LOG_KINDS),
            path=path,
            now=now,
            # A drill's incident: its clocks run on the drill's time, as in the full read.
            drill=stored_drill_time(**drill._asdict(), now=now) if drill else None,
        )
        active.append(incident)
    return FirstLook(version, doc["levels"], active)
