"""Shared by the incident services: an incident row read and checked inside a
transaction, and times as the services take and store them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from hisconsole.errors import N_
from hisconsole.services import incident_writes
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.errors import IncidentUnknown
from hisconsole.services.incident_clocks import iso as iso
from hisconsole.services.incident_writes import STATUS_OF
from hisconsole.store.models import Incident


def parse_time(value: str | dt.datetime | None, console: Console) -> dt.datetime:
    """A time the user gave (ISO text, local when without a zone; default: now) in UTC;
    a time in the future is refused."""
    if value is None:
        return console.now()
    if isinstance(value, dt.datetime):
        moment = value
    else:
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError as exc:
            raise ServiceError(
                N_("{value!r} is not a time; use e.g. 2026-11-25T14:05 or 2026-11-25T14:05+08:00"),
                value=value,
            ) from exc
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a time typed without a zone is local time
    if moment > console.now() + dt.timedelta(minutes=5):
        raise ServiceError(
            N_("{value} is in the future; enter when it actually happened."), value=value
        )
    return moment.astimezone(dt.UTC)


def get_incident(session: Session, incident_id: str) -> Incident:
    """The incident's row; an unknown id is refused."""
    row = session.get(Incident, incident_id)
    if row is None:
        raise IncidentUnknown(incident=incident_id)
    return row


def require_open(row: Incident) -> None:
    """Refuse to record anything more on a closed incident."""
    incident_writes.require_open(row.id, row.status)


def require_open_id(session: Session, incident_id: str) -> None:
    """:func:`require_open` for a write that needs nothing else of the incident: one
    column read on the connection instead of loading the whole row into the session."""
    status = session.connection().exec_driver_sql(STATUS_OF, (incident_id,)).scalar()
    incident_writes.require_open(incident_id, status)
