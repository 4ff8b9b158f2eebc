"""Folding a long outage's events into their tables: the command roster.

Insensitive to the order events arrive in from other laptops: a sign-out that
arrives before its sign-in is found again when the sign-in comes.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from hisconsole.domain import event_schemas, glossary
from hisconsole.store.events import EventRecord
from hisconsole.store.folding import handles, hlc_time, insert_new, log_entry, lww
from hisconsole.store.models import Event, RosterShift

SIGNED_OUT = "roster.signed_out"


def _sign_out(row: RosterShift, at: str, author: str, key: str) -> None:
    # Two laptops signing the same shift out: the earliest sign-out is kept.
    if not row.out_key or key < row.out_key:
        row.signed_out_at, row.signed_out_by, row.out_key = at, author, key


@handles("roster.signed_in")
def _roster_signed_in(session: Session, record: EventRecord) -> None:
    p = record.payload
    at = p.get("at") or hlc_time(record.hlc)
    insert_new(
        session,
        RosterShift,
        {
            "event_id": record.event_id,
            "incident_id": p["id"],
            "role": p["role"],
            "person": p["person"],
            "signed_in_at": at,
            "signed_in_by": record.author,
            "order_key": lww(record),
            "relieves": p.get("relieves") or "",
            "note": p.get("note") or "",
            "signed_out_at": "",
            "signed_out_by": "",
            "out_key": "",
        },
    )
    log_entry(
        session,
        record,
        glossary.LOG_ROSTER,
        text=p.get("note") or "",
        at=at,
        data={
            "action": "in",
            "role": p["role"],
            "person": p["person"],
            "relieves": p.get("relieves") or "",
        },
    )
    # Its sign-out may have arrived first (from another laptop), when there was no
    # shift to end: end it now.
    earlier = session.execute(
        select(Event.payload, Event.hlc, Event.origin_id, Event.author).where(
            Event.kind == SIGNED_OUT, Event.payload.contains(f'"{record.event_id}"')
        )
    ).all()
    row = session.get(RosterShift, record.event_id)
    for payload, hlc, origin, author in earlier:
        out = json.loads(payload)
        if row is None or out.get("shift") != record.event_id:
            continue
        if event_schemas.payload_problem(SIGNED_OUT, out) is None:
            _sign_out(row, out.get("at") or hlc_time(hlc), author, f"{hlc}|{origin}")
    session.flush()


@handles(SIGNED_OUT)
def _roster_signed_out(session: Session, record: EventRecord) -> None:
    p = record.payload
    at = p.get("at") or hlc_time(record.hlc)
    row = session.get(RosterShift, p["shift"])
    if row is not None:
        _sign_out(row, at, record.author, lww(record))
        session.flush()
    log_entry(
        session,
        record,
        glossary.LOG_ROSTER,
        at=at,
        data={"action": "out", "role": p["role"], "person": p.get("person") or ""},
    )
