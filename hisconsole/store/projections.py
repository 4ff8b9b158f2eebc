"""Folding events into the current tables.

Each handler is deterministic and insensitive to the order in which events
arrive from other laptops: "register" entities (plan items, contacts, call
trees) keep every value not superseded by a later event's ``parents`` (two
survivors are a conflict to resolve); low-stakes fields keep the value with
the highest (HLC, origin). Unknown kinds are kept in the log and skipped here,
so a newer program applies them after an upgrade and rebuild.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, exists, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from hisconsole.domain import event_schemas, glossary
from hisconsole.store import (  # noqa: F401  (register handlers)
    folding_alerts,
    folding_command,
    folding_drills,
    folding_numbers,
    folding_readiness,
)
from hisconsole.store.appending import applicable as applicable
from hisconsole.store.decisions import settle_level, settle_resolution, settle_status
from hisconsole.store.entry_rows import ENTRY_MAKERS
from hisconsole.store.events import EventRecord
from hisconsole.store.folding import (
    HANDLERS,
    ROW_MAKERS,
    Rows,
    adds_rows,
    first_missing,
    handles,
    hlc_time,
    named_by,
)
from hisconsole.store.folding import dumps as _dumps
from hisconsole.store.folding import entry_row as _entry_row
from hisconsole.store.folding import insert_new as _insert_new
from hisconsole.store.folding import keep as _keep
from hisconsole.store.folding import later as _later
from hisconsole.store.folding import lww as _lww
from hisconsole.store.models import (
    PROJECTIONS,
    Callout,
    CalloutAttempt,
    CallTree,
    CapMessage,
    ChecklistItem,
    Contact,
    Event,
    FormSerial,
    FormStock,
    Improvement,
    Incident,
    IncidentEntry,
    IncidentMessage,
    IncidentSystem,
    Intake,
    Operator,
    PlanItem,
    PlanVersion,
    Review,
)
from hisconsole.store.sync_models import EventOrder


def apply(session: Session, record: EventRecord) -> None:
    """Apply one event from the log. An event that does not fit its kind's schema or carries
    an impossible stamp (held back on intake, but a log may hold one from an older program)
    changes nothing: projections never raise on a foreign event."""
    handler = HANDLERS.get(record.kind)
    if handler is not None and applicable(record) is None:
        handler(session, record)


#: Rows gathered before they are inserted (bounds the memory a long run takes).
_BATCH_ROWS = 2000


def apply_all(session: Session, records: Iterable[EventRecord], *, checked: bool = False) -> int:
    """Apply events in the order given, with the same result as :func:`apply` on each.

    A run of events whose kinds only add rows made from the event itself (ROW_MAKERS) is
    gathered and each table's rows go in with one executemany; any other event first
    inserts what was gathered, then applies alone, so every handler sees the state the
    events before it made. ``checked``: the caller has found every record
    :func:`applicable` already (the intake does, to hold back those that are not).
    Returns the number of events taken.
    """
    gathered: dict[Any, list[dict[str, Any]]] = {}
    size = count = 0

    def insert_gathered() -> None:
        nonlocal size
        for model, rows in gathered.items():
            _insert_new(session, model, rows)
        gathered.clear()
        size = 0

    for record in records:
        count += 1
        handler = HANDLERS.get(record.kind)
        if handler is None or (not checked and applicable(record) is not None):
            continue
        make = ROW_MAKERS.get(record.kind)
        if make is None:
            insert_gathered()
            handler(session, record)
            continue
        for model, row in make(record):
            gathered.setdefault(model, []).append(row)
            size += 1
        if size >= _BATCH_ROWS:
            insert_gathered()
    insert_gathered()
    return count


def missing_reference(
    session: Session, record: EventRecord, present: set[tuple[str, str]]
) -> tuple[str, str] | None:
    """(kind of thing, id) of the first thing ``record`` names that is not here (None: all
    are, or it names nothing). ``present``: see :func:`folding.first_missing`."""
    named = event_schemas.references(record.kind, record.payload)
    return first_missing(session, named, present) if named else None


def clear(session: Session) -> None:
    for model in PROJECTIONS:
        session.execute(delete(model))


def _superseded(session: Session, record: EventRecord) -> bool:
    """True if a later event of the same entity already names this one as a parent."""
    return bool(
        session.scalar(
            select(
                exists().where(
                    Event.entity == record.entity,
                    Event.parents.contains(f'"{record.event_id}"'),
                )
            )
        )
    )


def _register(session: Session, model: Any, key: str, record: EventRecord, **values: Any) -> None:
    """Multi-value register update: drop the values this event supersedes, add its own."""
    if record.parents:
        session.execute(delete(model).where(model.key == key, model.event_id.in_(record.parents)))
    if values and not _superseded(session, record):
        session.execute(
            insert(model).values(key=key, event_id=record.event_id, hlc=record.hlc, **values)
        )


@handles("plan.item.set", "plan.item.removed")
def _plan_item(session: Session, record: EventRecord) -> None:
    p = record.payload
    values: dict[str, Any] = {}
    if record.kind == "plan.item.set":
        values = {
            "section": p["section"],
            "ord": int(p["order"]),
            "data": _dumps(p["data"]),
            "author": record.author,
        }
    _register(session, PlanItem, p["key"], record, **values)


@handles("plan.published")
def _plan_published(session: Session, record: EventRecord) -> None:
    p = record.payload
    values = {
        "version": int(p["version"]),
        "event_id": record.event_id,
        "hlc": record.hlc,
        "author": record.author,
        "note": p.get("note", ""),
        "document": _dumps(p["document"]),
    }
    # Two editors publishing the same version number at once: every laptop keeps
    # the one with the lowest (stamp, event id), whatever order they arrive in.
    statement = sqlite_insert(PlanVersion).values(**values)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[PlanVersion.version],
            set_={k: statement.excluded[k] for k in values if k != "version"},
            where=(statement.excluded.hlc < PlanVersion.hlc)
            | (
                (statement.excluded.hlc == PlanVersion.hlc)
                & (statement.excluded.event_id < PlanVersion.event_id)
            ),
        )
    )


@handles("contact.set", "contact.removed")
def _contact(session: Session, record: EventRecord) -> None:
    data = record.payload.get("data")
    values = {"data": _dumps(data)} if record.kind == "contact.set" else {}
    _register(session, Contact, record.payload["key"], record, **values)


@handles("calltree.set", "calltree.removed")
def _call_tree(session: Session, record: EventRecord) -> None:
    data = record.payload.get("data")
    values = {"data": _dumps(data)} if record.kind == "calltree.set" else {}
    _register(session, CallTree, record.payload["key"], record, **values)


@handles("operator.signed_in")
def _operator(session: Session, record: EventRecord) -> None:
    p = record.payload
    row = session.get(Operator, p["name"])
    stamp = (record.hlc, record.origin_id)
    if row is None:
        session.add(
            Operator(name=p["name"], role=p["role"], hlc=record.hlc, device_id=record.origin_id)
        )
    elif stamp > (row.hlc, row.device_id):
        row.role, row.hlc, row.device_id = p["role"], record.hlc, record.origin_id
    session.flush()


def snapshot(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    """Every projection row, sorted, for comparing incremental state with a rebuild."""
    result: dict[str, list[tuple[Any, ...]]] = {}
    for model in PROJECTIONS:
        columns = list(model.__table__.columns)
        rows = session.execute(select(*columns).order_by(*columns)).all()
        result[model.__tablename__] = [tuple(r) for r in rows]
    return result


# --- incidents -----------------------------------------------------------------


def _replay_earlier(session: Session, record: EventRecord, condition: Any) -> None:
    """Re-apply events matching ``condition`` that this laptop received before ``record``.

    Handlers skip an event whose subject does not exist yet; when the subject
    appears, this applies those events in their arrival order. Handlers are
    idempotent, so replaying is safe.
    """
    mine = (
        select(EventOrder.pos)
        .where(EventOrder.origin_id == record.origin_id, EventOrder.origin_seq == record.origin_seq)
        .scalar_subquery()
    )
    rows = session.scalars(
        select(Event)
        .join(
            EventOrder,
            (EventOrder.origin_id == Event.origin_id) & (EventOrder.origin_seq == Event.origin_seq),
        )
        .where(condition, EventOrder.pos < mine, Event.event_id != record.event_id)
        .order_by(EventOrder.pos)
    ).all()
    for row in rows:
        apply(session, EventRecord.from_row(row))


def _entry(session: Session, record: EventRecord, kind: str, **fields: Any) -> None:
    _insert_new(session, *_entry_row(record, kind, **fields))


def _set_system(
    session: Session, record: EventRecord, system: str, status: str, since: str, **extra: str
) -> None:
    _keep(
        session,
        IncidentSystem,
        {"incident_id": record.payload["id"], "system": system},
        "hlc",
        _lww(record),
        status=status,
        since=since,
        comment=extra.get("comment", ""),
        estimate=extra.get("estimate", ""),
    )


@handles("incident.declared")
def _incident_declared(session: Session, record: EventRecord) -> None:
    p = record.payload
    if session.get(Incident, p["id"]) is not None:
        return
    session.add(
        Incident(
            id=p["id"],
            event_id=record.event_id,
            title=p["title"],
            scenario=p.get("scenario"),
            exercise=bool(p.get("exercise", False)),
            level=p["level"],
            level_hlc=_lww(record),
            level_event=record.event_id,
            reported_at=p["reported_at"],
            declared_at=p.get("at") or hlc_time(record.hlc),
            declared_by=record.author,
            status="open",
        )
    )
    session.flush()
    _entry(
        session,
        record,
        "declared",
        text=p["title"],
        data={
            "level": p["level"],
            "systems": p.get("systems", []),
            "scenario": p.get("scenario"),
            "exercise": bool(p.get("exercise", False)),
            "reported_at": p["reported_at"],
        },
    )
    for system in p.get("systems", []):
        _set_system(session, record, system, "down", p["reported_at"])
    # Changes to this incident that arrived before it (e.g. from a device accepted
    # later) were skipped then: apply them now, in the order they arrived.
    _replay_earlier(session, record, Event.entity == record.entity)
    settle_level(session, p["id"])
    for system in p.get("systems", []):
        settle_status(session, p["id"], system)


@handles("incident.level_changed")
def _incident_level(session: Session, record: EventRecord) -> None:
    p = record.payload
    row = session.get(Incident, p["id"])
    if row is None:
        return
    previous = p.get("previous")
    if previous is None and record.parents:
        # Not said (older programs): the level of the decision it changed, never the level
        # on arrival, which depends on the order events came in.
        named = session.scalar(select(Event.payload).where(Event.event_id == record.parents[0]))
        previous = json.loads(named).get("level") if named else None
    settle_level(session, p["id"])  # the level now, from every decision (order-free)
    settle_resolution(session, p["id"])
    _entry(
        session,
        record,
        "level",
        text=p.get("reason", ""),
        data={"level": p["level"], "previous": previous or ""},
    )


@handles("incident.playbook_chosen")
def _incident_playbook(session: Session, record: EventRecord) -> None:
    p = record.payload
    row = session.get(Incident, p["id"])
    if row is None:
        return
    _entry(session, record, glossary.LOG_PLAYBOOK, data={"scenario": p["scenario"]})
    # Chosen apart on two laptops: every laptop keeps the earliest choice.
    chosen = session.execute(
        select(Event.payload, Event.hlc, Event.origin_id).where(
            Event.entity == record.entity, Event.kind == record.kind
        )
    ).all()
    first = min(chosen, key=lambda c: (c.hlc, c.origin_id))
    declared = session.scalar(select(Event.payload).where(Event.event_id == row.event_id))
    if not json.loads(declared or "{}").get("scenario"):
        row.scenario = json.loads(first.payload)["scenario"]
        session.flush()


@adds_rows(*ENTRY_MAKERS)
def _entry_only(record: EventRecord) -> Rows:
    # The same row the direct append (store/direct.py) writes for these kinds.
    return [(IncidentEntry, ENTRY_MAKERS[record.kind](record))]


@handles("incident.system_status")
def _incident_system(session: Session, record: EventRecord) -> None:
    p = record.payload
    since = p.get("at") or hlc_time(record.hlc)
    _set_system(
        session,
        record,
        p["system"],
        p["status"],
        since,
        comment=p.get("comment", ""),
        estimate=p.get("estimate", ""),
    )
    settle_status(session, p["id"], p["system"])
    _entry(
        session,
        record,
        "status",
        text=p.get("comment", ""),
        at=since,
        system=p["system"],
        data={"status": p["status"], "estimate": p.get("estimate", "")},
    )


@adds_rows("incident.report_recorded")
def _incident_report(record: EventRecord) -> Rows:
    p = record.payload
    return [
        _entry_row(
            record,
            "report",
            text=p.get("summary", ""),
            at=p["at"],
            data={
                "recipient": p.get("recipient", ""),
                "channel": p.get("channel", ""),
            },
        )
    ]


@handles("incident.resolved", "incident.closed")
def _incident_status(session: Session, record: EventRecord) -> None:
    p = record.payload
    row = session.get(Incident, p["id"])
    if row is None:
        return
    at = p.get("at") or hlc_time(record.hlc)
    if record.kind == "incident.resolved":
        row.resolved_at = min(row.resolved_at or at, at)
        if row.status == "open":
            row.status = "resolved"
        _entry(session, record, "resolved", text=p.get("note", ""), at=at)
        session.flush()
        settle_resolution(session, p["id"])
    else:
        row.closed_at = min(row.closed_at or at, at)
        row.status = "closed"
        row.resolved_at = row.resolved_at or at
        _entry(session, record, "closed", text=p.get("reason", ""), at=at)
    session.flush()


@adds_rows("incident.cap_issued")
def _cap_issued(record: EventRecord) -> Rows:
    p = record.payload
    message = {
        "event_id": record.event_id,
        "incident_id": p["id"],
        "sender": p["sender"],
        "identifier": p["identifier"],
        "sent": p["sent"],
        "msg_type": p["msg_type"],
        "author": record.author,
        "hlc": record.hlc,
    }
    entry = _entry_row(
        record,
        glossary.LOG_CAP,
        at=p["sent"],
        data={
            "msg_type": p["msg_type"],
            "identifier": p["identifier"],
            "sender": p["sender"],
            "sent": p["sent"],
            "references": p.get("references", []),
        },
    )
    return [(CapMessage, message), entry]


# --- downtime forms ----------------------------------------------------------------

#: How far a sheet got; a later status never goes back to an earlier one.
FORM_STATUS_RANK = {"issued": 0, "returned": 1, "entered": 2, "void": 2, "verified": 3}


@handles("forms.issued")
def _forms_issued(session: Session, record: EventRecord) -> None:
    p = record.payload
    at = p.get("at") or hlc_time(record.hlc)
    rows = [
        {
            "serial": f"{p['prefix']}-{number:06d}",
            "template": p["template"],
            "template_version": int(p.get("template_version", 1)),
            "incident_id": p.get("incident"),
            "department": p.get("department", ""),
            "issued_at": at,
            "issued_by": record.author,
            "device_id": record.origin_id,
            "status": "issued",
            "status_key": f"0|{_lww(record)}",
            "status_at": at,
            "status_by": record.author,
            "his_ref": "",
            "reason": "",
            "lang": p.get("lang", "zh"),
            # Issued as a print job: it is "sent" until the job's end is recorded.
            "print_state": "sent" if p.get("job") else "",
            "print_key": f"{_print_key(0, 'sent', record)}" if p.get("job") else "",
            "print_job": p.get("job", ""),
            "print_reason": "",
            "reprints": 0,
        }
        for number in range(int(p["first"]), int(p["first"]) + int(p["count"]))
    ]
    if rows:
        _insert_new(session, FormSerial, rows)
        # Back-entries of these sheets that arrived before their issue: apply them now.
        _replay_earlier(
            session,
            record,
            Event.kind.in_(("forms.status", "forms.print_state"))
            & Event.payload.contains(f'"{p["prefix"]}-'),
        )


@handles("forms.status")
def _forms_status(session: Session, record: EventRecord) -> None:
    p = record.payload
    status = p["status"]
    key = f"{FORM_STATUS_RANK[status]}|{_lww(record)}"
    at = p.get("at") or hlc_time(record.hlc)
    for row in session.scalars(select(FormSerial).where(FormSerial.serial.in_(p["serials"]))):
        _later(
            row,
            "status_key",
            key,
            status=status,
            status_at=at,
            status_by=record.author,
            his_ref=p.get("his_ref", "") or row.his_ref,
            reason=p.get("reason", ""),
        )
    session.flush()


#: Within one print (the first, or reprint n), its end outranks its sending.
PRINT_STATE_RANK = {"sent": 0, "printed": 1, "not-printed": 1}


def _print_key(reprint: int, state: str, record: EventRecord) -> str:
    """A later reprint wins; within one print, its end wins over its sending; then the clock."""
    return f"{reprint:04d}|{PRINT_STATE_RANK[state]}|{_lww(record)}"


@handles("forms.print_state")
def _forms_print_state(session: Session, record: EventRecord) -> None:
    p = record.payload
    reprint = int(p.get("reprint", 0))
    key = _print_key(reprint, p["state"], record)
    for row in session.scalars(select(FormSerial).where(FormSerial.serial.in_(p["serials"]))):
        _later(
            row,
            "print_key",
            key,
            print_state=p["state"],
            print_job=p.get("job", "") or row.print_job,
            print_reason=p.get("reason", ""),
            reprints=max(row.reprints, reprint),
        )
    session.flush()


# --- intake, messages, checklists, call-outs -------------------------------------

INTAKE_RANK = {"open": 0, "declared": 1, "attached": 1, "no-incident": 1}


@adds_rows("intake.received")
def _intake_received(record: EventRecord) -> Rows:
    p = record.payload
    row = dict(
        id=p["intake"],
        received_at=p["received_at"],
        logged_by=record.author,
        reporter=p.get("reporter", ""),
        department=p.get("department", ""),
        channel=p.get("channel", ""),
        what=p.get("what", ""),
        systems=_dumps(p.get("systems", [])),
        status="open",
        status_key=f"0|{_lww(record)}",
        incident_id=None,
        reason="",
    )
    return [(Intake, row)]


@handles("intake.assessed")
def _intake_assessed(session: Session, record: EventRecord) -> None:
    p = record.payload
    key = f"{INTAKE_RANK[p['outcome']]}|{_lww(record)}"
    if _later(
        session.get(Intake, p["intake"]),
        "status_key",
        key,
        status=p["outcome"],
        incident_id=p.get("incident"),
        reason=p.get("reason", ""),
    ):
        session.flush()


@adds_rows("message.sent")
def _message_sent(record: EventRecord) -> Rows:
    p = record.payload
    row = dict(
        id=p["message"],
        incident_id=p["id"],
        at=p.get("at") or hlc_time(record.hlc),
        logged_by=record.author,
        sender=p.get("sender", ""),
        recipient=p.get("recipient", ""),
        priority=p.get("priority", "medium"),
        text=p["text"],
        reply_required=bool(p.get("reply_required", False)),
        reply="",
        replied_by="",
        replied_at="",
        reply_key="",
    )
    return [(IncidentMessage, row)]


@handles("message.replied")
def _message_replied(session: Session, record: EventRecord) -> None:
    p = record.payload
    if _later(
        session.get(IncidentMessage, p["message"]),
        "reply_key",
        _lww(record),
        reply=p["reply"],
        replied_by=p.get("replied_by") or record.author,
        replied_at=p.get("at") or hlc_time(record.hlc),
    ):
        session.flush()


@adds_rows("checklist.items_added")
def _checklist_added(record: EventRecord) -> Rows:
    p = record.payload
    return [
        (
            ChecklistItem,
            {
                "id": item["item"],
                "incident_id": p["id"],
                "group_code": item["group"],
                "ord": int(item["order"]),
                "text": _dumps(item["text"]),
                "source": item.get("source", "playbook"),
                "assignee": "",
                "assignee_key": "",
                "done": False,
                "done_at": "",
                "done_by": "",
                "done_key": "",
            },
        )
        for item in p["items"]
    ]


@handles("checklist.assigned", "checklist.ticked")
def _checklist_update(session: Session, record: EventRecord) -> None:
    p = record.payload
    row = session.get(ChecklistItem, p["item"])
    if row is None:
        return
    key = _lww(record)
    if record.kind == "checklist.assigned":
        _later(row, "assignee_key", key, assignee=p["assignee"])
    else:
        _later(
            row,
            "done_key",
            key,
            done=bool(p["done"]),
            done_at=(p.get("at") or hlc_time(record.hlc)) if p["done"] else "",
            done_by=record.author if p["done"] else "",
        )
    session.flush()


@adds_rows("callout.started")
def _callout_started(record: EventRecord) -> Rows:
    p = record.payload
    row = dict(
        id=p["callout"],
        incident_id=p["id"],
        tree=p["tree"],
        title=_dumps(p.get("title", {})),
        wait_minutes=int(p["wait_minutes"]),
        started_at=p.get("at") or hlc_time(record.hlc),
        started_by=record.author,
        nodes=_dumps(p["nodes"]),
        levels=_dumps(p.get("levels", [])),
    )
    return [(Callout, row)]


@adds_rows("callout.call")
def _callout_call(record: EventRecord) -> Rows:
    p = record.payload
    row = dict(
        event_id=record.event_id,
        callout_id=p["callout"],
        person=p["person"],
        outcome=p["outcome"],
        at=p.get("at") or hlc_time(record.hlc),
        hlc=record.hlc,
        author=record.author,
        note=p.get("note", ""),
        eta_minutes=p.get("eta_minutes"),
    )
    return [(CalloutAttempt, row)]


# --- after-action review ------------------------------------------------------------


@handles("review.noted")
def _review(session: Session, record: EventRecord) -> None:
    p = record.payload
    _keep(
        session,
        Review,
        {"incident_id": p["id"]},
        "hlc",
        _lww(record),
        went_well=p.get("went_well", ""),
        went_badly=p.get("went_badly", ""),
        author=record.author,
    )


@adds_rows("improvement.added")
def _improvement_added(record: EventRecord) -> Rows:
    p = record.payload
    row = dict(
        id=p["item"],
        incident_id=p["id"],
        text=p["text"],
        owner=p.get("owner", ""),
        due=p.get("due", ""),
        plan_section=p.get("plan_section", ""),
        created_at=p.get("at") or hlc_time(record.hlc),
        created_by=record.author,
        done=False,
        done_at="",
        done_key="",
    )
    return [(Improvement, row)]


@handles("improvement.done")
def _improvement_done(session: Session, record: EventRecord) -> None:
    p = record.payload
    done = bool(p.get("done", True))
    if _later(
        session.get(Improvement, p["item"]),
        "done_key",
        _lww(record),
        done=done,
        done_at=(p.get("at") or hlc_time(record.hlc)) if done else "",
    ):
        session.flush()


@handles("forms.stock_counted")
def _stock_counted(session: Session, record: EventRecord) -> None:
    p = record.payload
    _keep(
        session,
        FormStock,
        {"template": p["template"]},
        "key",
        _lww(record),
        counted=int(p["count"]),
        counted_at=p.get("at") or hlc_time(record.hlc),
        counted_by=record.author,
    )


# --- what events name (event_schemas.REFERS): where each kind of thing is found ----------

named_by(event_schemas.INCIDENT, Incident.id)
named_by("serial", FormSerial.serial)
named_by("intake", Intake.id)
named_by("message", IncidentMessage.id)
named_by("checklist step", ChecklistItem.id)
named_by("call-out", Callout.id)
named_by("improvement item", Improvement.id)
