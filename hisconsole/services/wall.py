"""What the wall display (a projector in the command centre) shows beside the situation:
each open incident's current operational period and the latest lines of its log."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from hisconsole.domain import incidents as rules
from hisconsole.services import periods
from hisconsole.services.console import Console
from hisconsole.services.incident_log import log_row
from hisconsole.store.models import Incident, IncidentEntry

#: How many log lines the wall shows per incident.
LOG_LINES = 6


@dataclass
class WallExtras:
    """Per open incident: its current period (None before the first) and latest log lines,
    newest first."""

    periods: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    logs: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def extras(console: Console, count: int = LOG_LINES) -> WallExtras:
    """Read the wall's extras for every open incident (the log read is ``count`` rows, not
    the whole log)."""
    result = WallExtras()
    with console.db.read() as session:
        open_ids = list(
            session.scalars(select(Incident.id).where(Incident.status == rules.INCIDENT_OPEN))
        )
        for incident_id in open_ids:
            rows = session.execute(
                select(IncidentEntry.__table__)
                .where(IncidentEntry.incident_id == incident_id)
                .order_by(IncidentEntry.hlc.desc(), IncidentEntry.event_id.desc())
                .limit(count)
            ).mappings()
            result.logs[incident_id] = [log_row(r) for r in rows]  # type: ignore[arg-type]
    for incident_id in open_ids:
        result.periods[incident_id] = periods.current(console, incident_id)
    return result
