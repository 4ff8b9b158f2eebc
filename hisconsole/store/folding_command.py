"""Folding a long outage's events into their tables: roster, tasks, periods, handovers.

Insensitive to the order events arrive in from other laptops: a sign-out or a task's
status that arrives before what it changes is found again when that comes.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hisconsole.domain import event_schemas, glossary
from hisconsole.store.events import EventRecord
from hisconsole.store.folding import (
    dumps,
    handles,
    hlc_time,
    insert_new,
    later,
    log_entry,
    lww,
    named_by,
)
from hisconsole.store.models import (
    Event,
    Handover,
    Period,
    PeriodObjective,
    RosterShift,
    Task,
)

SIGNED_OUT = "roster.signed_out"
TASK_STATUS = "task.status"
OBJECTIVE_DONE = "period.objective_done"

# What the events of a long outage name (event_schemas.REFERS), and where each is found.
named_by("roster shift", RosterShift.event_id)
named_by("task", Task.id)
named_by("period objective", PeriodObjective.id)
named_by("handover", Handover.id)


def _arrived_before(
    session: Session, kind: str, field: str, target: str
) -> list[tuple[dict[str, Any], str, str, str]]:
    """Events of ``kind`` already in the log whose ``field`` names ``target`` (they came
    before what they change): (payload, HLC, origin, author) of each that fits its schema."""
    rows = session.execute(
        select(Event.payload, Event.hlc, Event.origin_id, Event.author).where(
            Event.kind == kind, Event.payload.contains(f'"{target}"')
        )
    ).all()
    found = []
    for payload, hlc, origin, author in rows:
        data = json.loads(payload)
        if data.get(field) == target and event_schemas.payload_problem(kind, data) is None:
            found.append((data, hlc, origin, author))
    return found


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
    row = session.get(RosterShift, record.event_id)
    if row is not None:
        for out, hlc, origin, author in _arrived_before(
            session, SIGNED_OUT, "shift", record.event_id
        ):
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


# --- tasks -----------------------------------------------------------------------------------


def _set_status(row: Task, status: dict[str, Any], at: str, author: str, key: str) -> None:
    later(row, "status_key", key, status=status["status"], status_at=at, status_by=author)


@handles("task.added")
def _task_added(session: Session, record: EventRecord) -> None:
    p = record.payload
    at = p.get("at") or hlc_time(record.hlc)
    insert_new(
        session,
        Task,
        {
            "id": p["task"],
            "incident_id": p["id"],
            "text": p["text"],
            "owner": p["owner"],
            "group_code": p.get("group") or "",
            "due_at": p["due"],
            "source": p.get("source") or "",
            "source_ref": p.get("ref") or "",
            "created_at": at,
            "created_by": record.author,
            "status": "open",
            "status_at": at,
            "status_by": record.author,
            "status_key": "",
        },
    )
    row = session.get(Task, p["task"])
    if row is not None:
        for status, hlc, origin, author in _arrived_before(session, TASK_STATUS, "task", p["task"]):
            _set_status(row, status, status.get("at") or hlc_time(hlc), author, f"{hlc}|{origin}")
        session.flush()


@handles(TASK_STATUS)
def _task_status(session: Session, record: EventRecord) -> None:
    p = record.payload
    row = session.get(Task, p["task"])
    if row is not None:
        _set_status(row, p, p.get("at") or hlc_time(record.hlc), record.author, lww(record))
        session.flush()


# --- operational periods -----------------------------------------------------------------


def _objective_done(
    row: PeriodObjective, done: dict[str, Any], at: str, author: str, key: str
) -> None:
    met = bool(done["done"])
    later(row, "done_key", key, done=met, done_at=at if met else "", done_by=author if met else "")


@handles("period.started")
def _period_started(session: Session, record: EventRecord) -> None:
    p = record.payload
    at = p.get("at") or hlc_time(record.hlc)
    insert_new(
        session,
        Period,
        {
            "id": p["period"],
            "incident_id": p["id"],
            "number": int(p["number"]),
            "starts_at": p["starts_at"],
            "length_hours": int(p["length_hours"]),
            "briefing": p.get("briefing") or "",
            "groups": dumps(p.get("groups") or []),
            "carried_objectives": dumps(p.get("carried_objectives") or []),
            "carried_tasks": dumps(p.get("carried_tasks") or []),
            "started_by": record.author,
            "order_key": lww(record),
        },
    )
    objectives = [
        {
            "id": item["objective"],
            "incident_id": p["id"],
            "period_id": p["period"],
            "ord": index,
            "text": item["text"],
            "done": False,
            "done_at": "",
            "done_by": "",
            "done_key": "",
        }
        for index, item in enumerate(p["objectives"])
    ]
    if objectives:
        insert_new(session, PeriodObjective, objectives)
    for item in p["objectives"]:
        row = session.get(PeriodObjective, item["objective"])
        if row is None:
            continue
        for done, hlc, origin, author in _arrived_before(
            session, OBJECTIVE_DONE, "objective", item["objective"]
        ):
            _objective_done(row, done, done.get("at") or hlc_time(hlc), author, f"{hlc}|{origin}")
    session.flush()
    log_entry(
        session,
        record,
        glossary.LOG_PERIOD,
        text=p.get("briefing") or "",
        at=at,
        data={
            "number": int(p["number"]),
            "length_hours": int(p["length_hours"]),
            "objectives": len(p["objectives"]),
            "carried_objectives": len(p.get("carried_objectives") or []),
            "carried_tasks": len(p.get("carried_tasks") or []),
        },
    )


@handles(OBJECTIVE_DONE)
def _period_objective_done(session: Session, record: EventRecord) -> None:
    p = record.payload
    row = session.get(PeriodObjective, p["objective"])
    if row is not None:
        _objective_done(row, p, p.get("at") or hlc_time(record.hlc), record.author, lww(record))
        session.flush()


# --- shift handovers -------------------------------------------------------------------------


@handles("handover.prepared")
def _handover_prepared(session: Session, record: EventRecord) -> None:
    p = record.payload
    at = p.get("at") or hlc_time(record.hlc)
    insert_new(
        session,
        Handover,
        {
            "id": p["handover"],
            "incident_id": p["id"],
            "prepared_at": at,
            "prepared_by": record.author,
            "outgoing": p.get("outgoing") or "",
            "incoming": p.get("incoming") or "",
            "period_id": p.get("period") or "",
            "counts": dumps(p.get("counts") or {}),
            "acknowledged_by": "",
            "acknowledged_at": "",
            "ack_key": "",
        },
    )
    log_entry(
        session,
        record,
        glossary.LOG_HANDOVER,
        at=at,
        data={
            "action": "prepared",
            "handover": p["handover"],
            "outgoing": p.get("outgoing") or "",
            "incoming": p.get("incoming") or "",
        },
    )


@handles("handover.acknowledged")
def _handover_acknowledged(session: Session, record: EventRecord) -> None:
    p = record.payload
    at = p.get("at") or hlc_time(record.hlc)
    row = session.get(Handover, p["handover"])
    key = lww(record)
    # Acknowledged on two laptops: the first acknowledgement is kept.
    if row is not None and (not row.ack_key or key < row.ack_key):
        row.acknowledged_by, row.acknowledged_at, row.ack_key = p["by"], at, key
        session.flush()
    log_entry(
        session,
        record,
        glossary.LOG_HANDOVER,
        at=at,
        data={"action": "acknowledged", "handover": p["handover"], "by": p["by"]},
    )
