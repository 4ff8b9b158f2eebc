"""Writing to an incident with no more than an ``Appender`` (store/appending.py): the
open-incident check and the activity-log entry.

Shared by the console's services (``incidents.log``, ``incident_rows.require_open_id``)
and the command line's direct append (services/quick_log.py), so an entry is checked
and recorded one way whichever writer takes it. No SQLAlchemy here.
"""

from __future__ import annotations

from typing import Any

from hisconsole.domain import glossary
from hisconsole.domain import incidents as rules
from hisconsole.errors import N_
from hisconsole.services.errors import IncidentClosed, IncidentUnknown, ServiceError
from hisconsole.store.appending import Appender
from hisconsole.store.events import EventRecord

#: An incident's status (no row: no such incident).
STATUS_OF = "SELECT status FROM incidents WHERE id = ?"
#: The incident an activity-log entry belongs to.
ENTRY_INCIDENT = "SELECT incident_id FROM incident_entries WHERE event_id = ?"


def require_open(incident_id: str, status: str | None) -> None:
    """Refuse to record anything on an unknown incident (``status`` None) or a closed one."""
    if status is None:
        raise IncidentUnknown(incident=incident_id)
    if status == rules.INCIDENT_CLOSED:
        raise IncidentClosed(incident=incident_id)


def entry_text(text: str, kind: str) -> str:
    """The text of a new log entry of ``kind`` as it is kept (trimmed); an empty text or
    an unknown kind is refused before anything is opened."""
    text = text.strip()
    if not text:
        raise ServiceError(N_("The log entry is empty."))
    if kind not in (*glossary.WRITTEN_LOG_KINDS, glossary.LOG_CORRECTION):
        raise ServiceError(N_("Unknown log entry kind {kind!r}."), kind=kind)
    return text


def write_entry(
    tx: Appender,
    incident_id: str,
    text: str,
    *,
    kind: str,
    at: str,
    group: str | None = None,
    system: str | None = None,
    corrects: str | None = None,
) -> EventRecord:
    """Append the entry (``text`` from :func:`entry_text`) to an open incident's log; a
    correction names an entry of the same incident. ``at``: now, as stored (ISO UTC)."""
    row = tx.query_one(STATUS_OF, (incident_id,))
    require_open(incident_id, row[0] if row is not None else None)
    if corrects is not None:
        target = tx.query_one(ENTRY_INCIDENT, (corrects,))
        if target is None or target[0] != incident_id:
            raise ServiceError(
                N_("No log entry {corrects} in incident {incident_id} to correct."),
                corrects=corrects,
                incident_id=incident_id,
            )
        kind = glossary.LOG_CORRECTION
    payload: dict[str, Any] = {
        "id": incident_id,
        "text": text,
        "kind": kind,
        "group": group,
        "system": system,
        "corrects": corrects,
        "at": at,
    }
    return tx.emit("incident.logged", f"incident:{incident_id}", payload)
