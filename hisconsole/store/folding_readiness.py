"""Readiness between outages: resource checks and contact verification answers.

Both are histories: every check is kept (who, when, result), and readers take the
latest by time, so the order events arrive in does not matter.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from hisconsole.store.events import EventRecord
from hisconsole.store.folding import handles, insert_new
from hisconsole.store.models import ContactCheck, ResourceCheck


@handles("resource.checked")
def _resource_checked(session: Session, record: EventRecord) -> None:
    p = record.payload
    insert_new(
        session,
        ResourceCheck,
        {
            "event_id": record.event_id,
            "code": p["code"],
            "result": p["result"],
            "note": p.get("note") or "",
            "author": record.author,
            "at": p["at"],
        },
    )


@handles("contact.verified")
def _contact_verified(session: Session, record: EventRecord) -> None:
    p = record.payload
    insert_new(
        session,
        ContactCheck,
        {
            "event_id": record.event_id,
            "contact_key": p["key"],
            "result": p["result"],
            "note": p.get("note") or "",
            "author": record.author,
            "at": p["at"],
        },
    )
