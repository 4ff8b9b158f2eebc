"""The lines events add to an incident's activity log, as plain rows.

The console's projections insert them through SQLAlchemy (``folding.entry_row``); the
command line's direct append (``store/direct.py``) inserts the same rows with the standard
library's sqlite3. One maker per kind serves both, so an entry reads the same whichever
process wrote it. No SQLAlchemy here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hisconsole.domain.hlc import stamp_time
from hisconsole.store.events import EventRecord, canonical_json

#: The activity log's table (``models.IncidentEntry``).
ENTRY_TABLE = "incident_entries"


def entry_row(
    record: EventRecord,
    kind: str,
    *,
    text: str = "",
    at: str | None = None,
    group: str | None = None,
    system: str | None = None,
    corrects: str | None = None,
    data: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The line ``record`` adds to its incident's activity log (``payload["id"]``)."""
    return {
        "event_id": record.event_id,
        "incident_id": record.payload["id"],
        "hlc": record.hlc,
        "at": at or record.payload.get("at") or stamp_time(record.hlc),
        "author": record.author,
        "kind": kind,
        "group_code": group,
        "system": system,
        "text": text,
        "data": canonical_json(data) if data else "{}",
        "corrects": corrects,
    }


def logged_row(record: EventRecord) -> dict[str, Any]:
    """The line an ``incident.logged`` event adds (an operator's note, action, decision or
    correction)."""
    p = record.payload
    return entry_row(
        record,
        p.get("kind", "note"),
        text=p["text"],
        group=p.get("group"),
        system=p.get("system"),
        corrects=p.get("corrects"),
    )


#: Kinds whose whole projection is activity-log lines made from the event alone.
ENTRY_MAKERS: dict[str, Callable[[EventRecord], dict[str, Any]]] = {
    "incident.logged": logged_row,
}
