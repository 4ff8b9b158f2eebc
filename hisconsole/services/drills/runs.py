"""A drill run as read from the tables (the simulator's and the score card's view)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hisconsole.domain import drills as rules
from hisconsole.services.console import Console
from hisconsole.services.errors import ServiceError
from hisconsole.store.eventlog import EventWriter
from hisconsole.store.models import DrillInject, DrillRun

RUNNING, PAUSED, ENDED = "running", "paused", "ended"


class DrillUnknown(ServiceError):
    code = "drill.unknown"
    template = "No drill {drill!r}. 'hisconsole drill runs' lists them."


@dataclass(frozen=True)
class Run:
    """A drill run as read from the tables: what the simulator and the score card need."""

    id: str
    scenario: str
    script: dict[str, Any]
    calendar: str
    speed: int
    started_at: dt.datetime
    controls: list[tuple[dt.datetime, str]]
    incident: str
    ended_at: dt.datetime | None
    injects: list[dict[str, Any]]

    @property
    def segments(self) -> list[rules.Segment]:
        """The stretches of console time the drill ran (pauses cut them)."""
        return rules.segments_of(self.controls, self.ended_at)

    @property
    def state(self) -> str:
        if self.ended_at is not None:
            return ENDED
        segments = self.segments
        return RUNNING if segments and segments[-1].end is None else PAUSED

    def seconds(self, at: dt.datetime) -> float:
        """Drill seconds at console time ``at``."""
        return rules.drill_seconds(self.segments, self.speed, at)

    def minutes(self, at: dt.datetime | str | None) -> float | None:
        """Drill minutes at a console time (None stays None), to a tenth."""
        if at is None or at == "":
            return None
        moment = dt.datetime.fromisoformat(at) if isinstance(at, str) else at
        return round(self.seconds(moment) / 60, 1)

    @property
    def duration_seconds(self) -> float:
        return float(self.script["duration_minutes"]) * 60


def _parse(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def drill_time(session: Session, incident_id: str, now: dt.datetime) -> rules.DrillTime | None:
    """The clock of the drill ``incident_id`` was declared in, as of ``now`` (None for an
    incident that is not a drill's): its reporting clocks run on it."""
    row = session.scalar(
        select(DrillRun)
        .where(DrillRun.incident_id == incident_id, DrillRun.started_at != "")
        .limit(1)
    )
    if row is None:
        return None
    return rules.stored_drill_time(
        started_at=row.started_at,
        controls=row.controls,
        ended_at=row.ended_at,
        speed=row.speed,
        now=now,
    )


def read_run(session: Session, drill_id: str) -> Run:
    row = session.get(DrillRun, drill_id)
    if row is None or not row.started_at:
        raise DrillUnknown(drill=drill_id)
    injects = session.scalars(
        select(DrillInject)
        .where(DrillInject.drill_id == drill_id)
        .order_by(DrillInject.at_minutes, DrillInject.code)
    ).all()
    return Run(
        id=row.id,
        scenario=row.scenario,
        script=json.loads(row.script),
        calendar=row.calendar,
        speed=row.speed,
        started_at=_parse(row.started_at),
        controls=rules.stored_controls(row.controls),
        incident=row.incident_id,
        ended_at=_parse(row.ended_at) if row.ended_at else None,
        injects=[
            {
                "code": i.code,
                "at_minutes": i.at_minutes,
                "kind": i.kind,
                "data": json.loads(i.data),
                "source": i.source,
                "state": i.state,
                "delivered_at": i.delivered_at or None,
                "drill_seconds": i.drill_seconds,
                "refs": json.loads(i.refs),
            }
            for i in injects
        ],
    )


def read(console: Console, drill_id: str) -> Run:
    with console.db.read() as session:
        return read_run(session, drill_id)


# --- the team's declaration links the drill --------------------------------------------


def drill_of_reports(session: Session, intakes: Sequence[str]) -> str | None:
    """The drill whose injects made any of these reports (None: real reports)."""
    if not intakes:
        return None
    return session.scalar(
        select(DrillInject.drill_id).where(DrillInject.intake_id.in_(list(intakes))).limit(1)
    )


def link_drill(tx: EventWriter, drill_id: str, incident_id: str, at: str) -> None:
    """Within the declaration's transaction: the incident is the drill's."""
    tx.emit(
        "drill.linked",
        f"drill:{drill_id}",
        {"drill": drill_id, "incident": incident_id, "at": at},
    )


def drill_of(console: Console, drill_or_incident: str) -> str:
    """The drill id for a drill id or the id of the incident declared in it."""
    with console.db.read() as session:
        if session.get(DrillRun, drill_or_incident) is not None:
            return drill_or_incident
        found = session.scalar(
            select(DrillRun.id).where(DrillRun.incident_id == drill_or_incident).limit(1)
        )
    if found is None:
        raise DrillUnknown(drill=drill_or_incident)
    return found
