"""The response around an incident: intake, messages (HICS 213), checklists, call-out."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hisconsole.domain import callout as callout_rules
from hisconsole.domain import glossary
from hisconsole.domain.plan import GROUP_CODES
from hisconsole.errors import N_
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.contact_rows import call_trees, contacts_by_key
from hisconsole.services.drills.runs import drill_of_reports, link_drill
from hisconsole.services.errors import ChannelUnknown
from hisconsole.services.incident_rows import get_incident, iso, parse_time, require_open
from hisconsole.store.eventlog import EventWriter
from hisconsole.store.models import (
    Callout,
    CalloutAttempt,
    ChecklistItem,
    IncidentMessage,
    Intake,
)

AREA = "incident"
PRIORITIES = ("urgent", "medium", "informational")
# --- intake (信息收集) ---------------------------------------------------------------


def receive_report(
    console: Console,
    *,
    reporter: str,
    department: str,
    what: str,
    channel: str = "phone",
    systems: list[str] | None = None,
    received_at: str | dt.datetime | None = None,
) -> str:
    """Log a report from a department at once, before anything is declared."""
    if not what.strip():
        raise ServiceError(N_("Say what was reported."))
    if channel not in glossary.REPORT_CHANNELS:
        raise ChannelUnknown(channel=channel, known=", ".join(glossary.REPORT_CHANNELS))
    moment = parse_time(received_at, console)
    intake_id = f"RPT-{moment.astimezone():%Y%m%d-%H%M%S}-{console.device_code}"
    with console.transaction() as tx:
        if tx.session.get(Intake, intake_id) is not None:
            intake_id += f"-{uuid.uuid4().hex[:4]}"
        tx.emit(
            "intake.received",
            f"intake:{intake_id}",
            {
                "intake": intake_id,
                "reporter": reporter.strip(),
                "department": department.strip(),
                "what": what.strip(),
                "channel": channel,
                "systems": [s.upper() for s in systems or []],
                "received_at": iso(moment),
            },
        )
    return intake_id


def _open_intake(session: Session, intake_id: str) -> Intake:
    row = session.get(Intake, intake_id)
    if row is None:
        raise ServiceError(N_("No report {intake_id!r}."), intake_id=intake_id)
    if row.status != "open":
        raise ServiceError(
            N_("Report {intake_id} was already assessed ({status})."),
            intake_id=intake_id,
            status=row.status,
        )
    return row


def declare_from_report(
    console: Console,
    intake_id: str,
    *,
    level: str,
    title: str,
    scenario: str | None = None,
    exercise: bool = False,
) -> str:
    """Declare an incident from a report; the report's receipt time starts the clock."""
    from hisconsole.services import incidents

    with console.db.read() as session:
        row = _open_intake(session, intake_id)
        systems, received = json.loads(row.systems), row.received_at
        drill = drill_of_reports(session, [intake_id])
    new_id, _ = incidents.declare(
        console,
        level=level,
        title=title,
        systems=systems,
        scenario=scenario,
        exercise=exercise or drill is not None,
        reported_at=received,
    )
    with console.transaction() as tx:
        tx.emit(
            "intake.assessed",
            f"intake:{intake_id}",
            {"intake": intake_id, "outcome": "declared", "incident": new_id},
        )
        if drill is not None:
            link_drill(tx, drill, new_id, iso(console.now()))
    return new_id


def declare_with_reports(
    console: Console,
    reports: Sequence[str],
    *,
    level: str,
    title: str,
    systems: Sequence[str] = (),
    scenario: str | None = None,
    exercise: bool = False,
    reported_at: str | dt.datetime | None = None,
) -> str:
    """Declare an incident and take in the waiting reports that led to it.

    The reporting clock starts when the first of them was received (the plan's
    deadlines run from receiving the report), unless ``reported_at`` is given.
    A report that is not waiting refuses the whole declaration; nothing is recorded.
    """
    from hisconsole.services import incidents

    with console.db.read() as session:
        received = [_open_intake(session, intake_id).received_at for intake_id in reports]
        # A drill's reports make the incident the drill's: an exercise, whatever was ticked.
        drill = drill_of_reports(session, reports)
    new_id, _ = incidents.declare(
        console,
        level=level,
        title=title,
        systems=systems,
        scenario=scenario,
        exercise=exercise or drill is not None,
        reported_at=reported_at or (min(received) if received else None),
    )
    with console.transaction() as tx:
        for intake_id in reports:
            row = _open_intake(tx.session, intake_id)
            tx.emit(
                "intake.assessed",
                f"intake:{intake_id}",
                {"intake": intake_id, "outcome": "declared", "incident": new_id},
            )
            _log_report(tx, console, new_id, row)
        if drill is not None:
            link_drill(tx, drill, new_id, iso(console.now()))
    return new_id


def _log_report(tx: EventWriter, console: Console, incident_id: str, row: Intake) -> None:
    tx.emit(
        "incident.logged",
        f"incident:{incident_id}",
        {
            "id": incident_id,
            "kind": "note",
            "group": None,
            "system": None,
            "corrects": None,
            "at": iso(console.now()),
            "text": f"Report {row.id} from {row.reporter} ({row.department}): {row.what}",
        },
    )


def attach_report(console: Console, intake_id: str, incident_id: str) -> ChangeSet:
    with console.transaction() as tx:
        row = _open_intake(tx.session, intake_id)
        require_open(get_incident(tx.session, incident_id))
        tx.emit(
            "intake.assessed",
            f"intake:{intake_id}",
            {"intake": intake_id, "outcome": "attached", "incident": incident_id},
        )
        _log_report(tx, console, incident_id, row)
    return ChangeSet({AREA}, 2)


def dismiss_report(console: Console, intake_id: str, reason: str) -> ChangeSet:
    if not reason.strip():
        raise ServiceError(N_("Give the reason why this is not an incident."))
    with console.transaction() as tx:
        _open_intake(tx.session, intake_id)
        tx.emit(
            "intake.assessed",
            f"intake:{intake_id}",
            {"intake": intake_id, "outcome": "no-incident", "reason": reason.strip()},
        )
    return ChangeSet({AREA}, 1)


def reports(console: Console, *, open_only: bool = False) -> list[dict[str, Any]]:
    query = select(Intake).order_by(Intake.received_at.desc())
    if open_only:
        query = query.where(Intake.status == "open")
    with console.db.read() as session:
        return [
            {
                "id": r.id,
                "received_at": r.received_at,
                "reporter": r.reporter,
                "department": r.department,
                "channel": r.channel,
                "what": r.what,
                "systems": json.loads(r.systems),
                "status": r.status,
                "incident": r.incident_id,
                "reason": r.reason,
                "logged_by": r.logged_by,
            }
            for r in session.scalars(query)
        ]


# --- messages (HICS 213) ----------------------------------------------------------


def send_message(
    console: Console,
    incident_id: str,
    *,
    sender: str,
    recipient: str,
    text: str,
    priority: str = "medium",
    reply_required: bool = False,
) -> str:
    if priority not in PRIORITIES:
        raise ServiceError(
            N_("Unknown priority {priority!r}; use {priorities}."),
            priority=priority,
            priorities=", ".join(PRIORITIES),
        )
    if not text.strip() or not recipient.strip():
        raise ServiceError(N_("A message needs a recipient and a text."))
    message_id = str(uuid.uuid4())
    with console.transaction() as tx:
        require_open(get_incident(tx.session, incident_id))
        tx.emit(
            "message.sent",
            f"incident:{incident_id}",
            {
                "id": incident_id,
                "message": message_id,
                "sender": sender.strip(),
                "recipient": recipient.strip(),
                "text": text.strip(),
                "priority": priority,
                "reply_required": reply_required,
                "at": iso(console.now()),
            },
        )
    return message_id


def reply_message(console: Console, message_id: str, reply: str) -> ChangeSet:
    if not reply.strip():
        raise ServiceError(N_("The reply is empty."))
    with console.transaction() as tx:
        row = tx.session.get(IncidentMessage, message_id)
        if row is None:
            raise ServiceError(N_("No such message."))
        tx.emit(
            "message.replied",
            f"incident:{row.incident_id}",
            {
                "id": row.incident_id,
                "message": message_id,
                "reply": reply.strip(),
                "at": iso(console.now()),
            },
        )
    return ChangeSet({AREA}, 1)


def messages(console: Console, incident_id: str) -> list[dict[str, Any]]:
    with console.db.read() as session:
        rows = session.scalars(
            select(IncidentMessage)
            .where(IncidentMessage.incident_id == incident_id)
            .order_by(IncidentMessage.at)
        )
        return [
            {
                "id": r.id,
                "at": r.at,
                "sender": r.sender,
                "recipient": r.recipient,
                "priority": r.priority,
                "text": r.text,
                "reply_required": bool(r.reply_required),
                "reply": r.reply,
                "replied_by": r.replied_by,
                "replied_at": r.replied_at,
                "logged_by": r.logged_by,
            }
            for r in rows
        ]


# --- checklists -------------------------------------------------------------------


def add_step(console: Console, incident_id: str, group: str, text: str) -> str:
    if group not in GROUP_CODES:
        raise ServiceError(
            N_("Unknown group {group!r}; use {group_codes}."),
            group=group,
            group_codes=", ".join(GROUP_CODES),
        )
    if not text.strip():
        raise ServiceError(N_("The step is empty."))
    item_id = f"{incident_id}/added/{uuid.uuid4().hex[:8]}"
    with console.transaction() as tx:
        require_open(get_incident(tx.session, incident_id))
        count = len(
            list(
                tx.session.scalars(
                    select(ChecklistItem.id).where(ChecklistItem.incident_id == incident_id)
                )
            )
        )
        tx.emit(
            "checklist.items_added",
            f"incident:{incident_id}",
            {
                "id": incident_id,
                "items": [
                    {
                        "item": item_id,
                        "group": group,
                        "order": 1000 + count,
                        "text": {"zh": text.strip(), "en": text.strip()},
                        "source": "added",
                    }
                ],
            },
        )
    return item_id


def _item(session: Session, item_id: str) -> ChecklistItem:
    row = session.get(ChecklistItem, item_id)
    if row is None:
        raise ServiceError(N_("No checklist step {item_id!r}."), item_id=item_id)
    return row


def tick(console: Console, item_id: str, done: bool = True) -> ChangeSet:
    with console.transaction() as tx:
        row = _item(tx.session, item_id)
        tx.emit(
            "checklist.ticked",
            f"incident:{row.incident_id}",
            {"id": row.incident_id, "item": item_id, "done": done, "at": iso(console.now())},
        )
    return ChangeSet({AREA}, 1)


def assign(console: Console, item_id: str, assignee: str) -> ChangeSet:
    with console.transaction() as tx:
        row = _item(tx.session, item_id)
        tx.emit(
            "checklist.assigned",
            f"incident:{row.incident_id}",
            {"id": row.incident_id, "item": item_id, "assignee": assignee.strip()},
        )
    return ChangeSet({AREA}, 1)


def checklist(console: Console, incident_id: str) -> list[dict[str, Any]]:
    with console.db.read() as session:
        rows = session.scalars(
            select(ChecklistItem)
            .where(ChecklistItem.incident_id == incident_id)
            .order_by(ChecklistItem.group_code, ChecklistItem.ord)
        )
        order = {code: i for i, code in enumerate(GROUP_CODES)}
        items = [
            {
                "item": r.id,
                "group": r.group_code,
                "order": r.ord,
                "text": json.loads(r.text),
                "source": r.source,
                "assignee": r.assignee,
                "done": bool(r.done),
                "done_at": r.done_at,
                "done_by": r.done_by,
            }
            for r in rows
        ]
    return sorted(items, key=lambda i: (order.get(i["group"], 9), i["order"]))


# --- call-out -------------------------------------------------------------------------


def start_callout(console: Console, incident_id: str, tree_code: str) -> str:
    trees = {t["code"]: t for t in call_trees(console)}
    tree = trees.get(tree_code)
    if tree is None:
        raise ServiceError(
            N_("No call tree {tree_code!r}; the console has {known}."),
            tree_code=tree_code,
            known=", ".join(trees) or "none",
        )
    callout_id = str(uuid.uuid4())
    with console.transaction() as tx:
        require_open(get_incident(tx.session, incident_id))
        tx.emit(
            "callout.started",
            f"incident:{incident_id}",
            {
                "id": incident_id,
                "callout": callout_id,
                "tree": tree_code,
                "title": tree.get("name", {}),
                "nodes": tree["nodes"],
                "levels": tree.get("levels", []),
                "wait_minutes": int(tree.get("wait_minutes", callout_rules.DEFAULT_WAIT_MINUTES)),
                "at": iso(console.now()),
            },
        )
    return callout_id


def record_call(
    console: Console,
    callout_id: str,
    person: str,
    outcome: str,
    note: str = "",
    *,
    eta_minutes: int | None = None,
) -> ChangeSet:
    """Record a call's outcome; ``coming`` may carry the ETA in minutes (an acknowledgement)."""
    if outcome not in callout_rules.OUTCOMES:
        raise ServiceError(
            N_("Unknown outcome {outcome!r}; use {outcomes}."),
            outcome=outcome,
            outcomes=", ".join(callout_rules.OUTCOMES),
        )
    if eta_minutes is not None and (
        outcome != callout_rules.COMING or not 0 <= eta_minutes <= 1440
    ):
        raise ServiceError(N_("An ETA goes with 'coming', in minutes from now (0 to 1440)."))
    with console.transaction() as tx:
        row = tx.session.get(Callout, callout_id)
        if row is None:
            raise ServiceError(N_("No such call-out."))
        people = {s.person for s in callout_rules.flatten(json.loads(row.nodes))} | {
            s.alternate for s in callout_rules.flatten(json.loads(row.nodes)) if s.alternate
        }
        if person not in people:
            raise ServiceError(N_("{person!r} is not in this call tree."), person=person)
        tx.emit(
            "callout.call",
            f"incident:{row.incident_id}",
            {
                "id": row.incident_id,
                "callout": callout_id,
                "person": person,
                "outcome": outcome,
                "note": note.strip(),
                "at": iso(console.now()),
                **({"eta_minutes": eta_minutes} if eta_minutes is not None else {}),
            },
        )
    return ChangeSet({AREA}, 1)


def callouts(console: Console, incident_id: str) -> list[dict[str, Any]]:
    """Each call-out of the incident with per-person state, progress and whom to call next."""
    now = console.now()
    people = contacts_by_key(console)
    with console.db.read() as session:
        runs = session.scalars(
            select(Callout).where(Callout.incident_id == incident_id).order_by(Callout.started_at)
        ).all()
        attempts = {
            run.id: [
                callout_rules.Attempt(
                    a.person, a.outcome, dt.datetime.fromisoformat(a.at), a.eta_minutes
                )
                for a in session.scalars(
                    select(CalloutAttempt).where(CalloutAttempt.callout_id == run.id)
                )
            ]
            for run in runs
        }
    result = []
    for run in runs:
        state = callout_rules.compute(
            json.loads(run.nodes),
            attempts[run.id],
            wait_minutes=run.wait_minutes,
            now=now,
            started=dt.datetime.fromisoformat(run.started_at),
            levels=json.loads(run.levels or "[]"),
        )

        def person(key: str | None) -> dict[str, Any] | None:
            if key is None:
                return None
            data = people.get(key, {})
            return {
                "key": key,
                "name": data.get("name", {"zh": key, "en": key}),
                "position": data.get("position", {}),
                "phones": data.get("phones", []),
            }

        result.append(
            {
                "callout": run.id,
                "tree": run.tree,
                "title": json.loads(run.title),
                "wait_minutes": run.wait_minutes,
                "started_at": run.started_at,
                "reached": state.reached,
                "total": state.total,
                "waves": [
                    {
                        "wave": w.depth + 1,
                        "size": w.size,
                        "need": w.need,
                        "within_minutes": w.within_minutes,
                        "reached": w.reached,
                        "state": w.state,
                        "started_at": iso(w.started_at) if w.started_at else None,
                        "deadline": iso(w.deadline) if w.deadline else None,
                    }
                    for w in state.waves
                ],
                "slots": [
                    {
                        "path": s.path,
                        "person": person(s.person),
                        "alternate": person(s.alternate),
                        "status": s.status,
                        "escalated": s.escalated,
                        "alternate_status": s.alternate_status,
                        "to_call": s.to_call,
                        "escalate_at": iso(s.escalate_at) if s.escalate_at else None,
                        "wave": s.depth + 1,
                        "eta_minutes": s.eta_minutes,
                        "last_attempt": iso(s.last_attempt) if s.last_attempt else None,
                    }
                    for s in state.slots
                ],
                "next": [{"path": s.path, "person": person(s.to_call)} for s in state.next_calls()],
            }
        )
    return result
