"""Tasks of an incident beyond its checklists: who, which group, due when, done or not.

A task is typed, or made from an activity-log entry, a message or a checklist step
(the source is kept, so the task says where it came from). An open task past its
due time is an alert (services/alerts.py) until someone marks it done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from hisconsole.domain import glossary
from hisconsole.domain import tasks as rules
from hisconsole.domain.plan import GROUP_CODES
from hisconsole.errors import N_
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.incident_rows import get_incident, iso, require_open
from hisconsole.store.models import ChecklistItem, IncidentEntry, IncidentMessage, Task

AREA = "incident"


class TaskEmpty(ServiceError):
    code = "tasks.empty"
    template = "Say what the task is."


class OwnerMissing(ServiceError):
    code = "tasks.owner-missing"
    template = "Say who owns the task (--owner NAME)."


class GroupUnknown(ServiceError):
    code = "tasks.group-unknown"
    template = "Unknown group {group!r}; use {known}."


class DueInPast(ServiceError):
    code = "tasks.due-in-past"
    template = "The due time {due} has already passed; give a time still to come."


class TaskUnknown(ServiceError):
    code = "tasks.unknown"
    template = "No task {task!r}. 'hisconsole tasks ID' lists an incident's tasks."


class TaskAlreadyDone(ServiceError):
    code = "tasks.already-done"
    template = "Task {task} is already done."


class TaskAlreadyOpen(ServiceError):
    code = "tasks.already-open"
    template = "Task {task} is already open."


class SourceUnknown(ServiceError):
    code = "tasks.source-unknown"
    template = "Nothing to make a task from: {source}:{ref} is not in incident {incident}."


@dataclass(frozen=True)
class Added:
    """A task recorded: its id and what changed."""

    task: str
    changes: ChangeSet


_SOURCE_TABLES: dict[str, Any] = {
    "log": (IncidentEntry, IncidentEntry.event_id),
    "message": (IncidentMessage, IncidentMessage.id),
    "checklist": (ChecklistItem, ChecklistItem.id),
}


def add(
    console: Console,
    incident_id: str,
    text: str,
    *,
    owner: str,
    due: str | dt.datetime,
    group: str | None = None,
    source: str | None = None,
    ref: str | None = None,
) -> Added:
    """Record a task; ``source``/``ref`` name the log entry, message or checklist step it
    was made from. ``due``: a time, or text as ``domain.tasks.parse_due`` reads it."""
    text = " ".join(text.split())
    owner = " ".join(owner.split())
    if not text:
        raise TaskEmpty()
    if not owner:
        raise OwnerMissing()
    if group and group not in GROUP_CODES:
        raise GroupUnknown(group=group, known=", ".join(GROUP_CODES))
    now = console.now()
    moment = due if isinstance(due, dt.datetime) else rules.parse_due(due, now)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    if moment < now - dt.timedelta(minutes=1):
        raise DueInPast(due=iso(moment))
    if source is not None and source not in glossary.TASK_SOURCES:
        raise ServiceError(
            N_("Unknown source {source!r}; use {task_sources}."),
            source=source,
            task_sources=", ".join(glossary.TASK_SOURCES),
        )
    with console.transaction() as tx:
        require_open(get_incident(tx.session, incident_id))
        if source is not None:
            model, key = _SOURCE_TABLES[source]
            found = tx.session.scalar(select(model).where(key == ref))
            if found is None or found.incident_id != incident_id:
                raise SourceUnknown(source=source, ref=ref, incident=incident_id)
        prefix = f"T-{console.device_code}-"
        taken = tx.session.scalars(select(Task.id).where(Task.id.like(f"{prefix}%"))).all()
        number = 1 + max((int(t.rsplit("-", 1)[1]) for t in taken), default=0)
        task_id = f"{prefix}{number}"
        tx.emit(
            "task.added",
            f"incident:{incident_id}",
            {
                "id": incident_id,
                "task": task_id,
                "text": text,
                "owner": owner,
                "due": iso(moment),
                "group": group,
                "source": source,
                "ref": ref,
                "at": iso(now),
            },
        )
    return Added(task_id, ChangeSet({AREA}, 1))


def set_status(console: Console, task_id: str, status: str = glossary.TASK_DONE) -> ChangeSet:
    """Mark a task done (or open again)."""
    if status not in glossary.TASK_STATUSES:
        raise ServiceError(
            N_("Unknown status {status!r}; use {task_statuses}."),
            status=status,
            task_statuses=", ".join(glossary.TASK_STATUSES),
        )
    with console.transaction() as tx:
        row = tx.session.get(Task, task_id)
        if row is None:
            raise TaskUnknown(task=task_id)
        require_open(get_incident(tx.session, row.incident_id))
        if row.status == status:
            already = TaskAlreadyDone if status == glossary.TASK_DONE else TaskAlreadyOpen
            raise already(task=task_id)
        tx.emit(
            "task.status",
            f"incident:{row.incident_id}",
            {"id": row.incident_id, "task": task_id, "status": status, "at": iso(console.now())},
        )
    return ChangeSet({AREA}, 1)


def _row(row: Task, now: dt.datetime) -> dict[str, Any]:
    due = dt.datetime.fromisoformat(row.due_at)
    return {
        "task": row.id,
        "incident": row.incident_id,
        "text": row.text,
        "owner": row.owner,
        "group": row.group_code or None,
        "due_at": row.due_at,
        "status": row.status,
        "overdue": rules.is_overdue(row.status, due, now),
        "source": row.source or None,
        "ref": row.source_ref or None,
        "created_at": row.created_at,
        "created_by": row.created_by,
        "done_at": row.status_at if row.status == glossary.TASK_DONE else None,
        "done_by": row.status_by if row.status == glossary.TASK_DONE else None,
    }


def tasks(console: Console, incident_id: str | None = None) -> list[dict[str, Any]]:
    """An incident's tasks (every incident's when None), open first, soonest due first."""
    now = console.now()
    with console.db.read() as session:
        query = select(Task)
        if incident_id is not None:
            get_incident(session, incident_id)
            query = query.where(Task.incident_id == incident_id)
        rows = [_row(r, now) for r in session.scalars(query)]
    return sorted(rows, key=lambda t: (t["status"] == glossary.TASK_DONE, t["due_at"], t["task"]))
