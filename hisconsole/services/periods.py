"""Operational periods of an incident (处置阶段): start the next one, mark objectives met,
read them all with what carried over.

The period length is the plan's (``reporting.period_hours``) unless given, else 12 h.
Starting a period records what is still open from before: objectives not met and
tasks not done; the open objectives stay on the new period's list until met.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from hisconsole.domain import glossary
from hisconsole.domain import periods as rules
from hisconsole.domain.plan import GROUP_CODES
from hisconsole.services import plan as plan_service
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.incident_rows import get_incident, iso, require_open
from hisconsole.store.models import Period, PeriodObjective, Task

AREA = "incident"


class ObjectivesMissing(ServiceError):
    code = "periods.objectives-missing"
    template = "Give the period at least one objective (--objective TEXT)."


class LengthOutOfRange(ServiceError):
    code = "periods.length-out-of-range"
    template = "A period lasts 1 to {most} hours, not {hours}."


class GroupUnknown(ServiceError):
    code = "periods.group-unknown"
    template = "Unknown group {group!r}; use {known}."


class ObjectiveUnknown(ServiceError):
    code = "periods.objective-unknown"
    template = "No objective {objective!r}. 'hisconsole incident periods ID' lists them."


class ObjectiveAlready(ServiceError):
    code = "periods.objective-already-met"
    template = "Objective {objective} is already met."


class ObjectiveNotMet(ServiceError):
    code = "periods.objective-not-met"
    template = "Objective {objective} is not met yet."


@dataclass(frozen=True)
class Started:
    """A period started: its id and number, what carried over, and what changed."""

    period: str
    number: int
    carried_objectives: list[str]
    carried_tasks: list[str]
    changes: ChangeSet


def _next_id(session: Any, model: Any, prefix: str) -> int:
    taken = session.scalars(select(model.id).where(model.id.like(f"{prefix}%"))).all()
    return 1 + max((int(t.rsplit("-", 1)[1]) for t in taken), default=0)


def start(
    console: Console,
    incident_id: str,
    objectives: Sequence[str],
    *,
    length_hours: int | None = None,
    groups: Sequence[str] = (),
    briefing: str = "",
) -> Started:
    """Start the incident's next operational period now."""
    texts = [" ".join(o.split()) for o in objectives if o.strip()]
    if not texts:
        raise ObjectivesMissing()
    if length_hours is None:
        length_hours = rules.period_hours(plan_service.current_document(console))
    if not 1 <= length_hours <= rules.MAX_PERIOD_HOURS:
        raise LengthOutOfRange(hours=length_hours, most=rules.MAX_PERIOD_HOURS)
    for group in groups:
        if group not in GROUP_CODES:
            raise GroupUnknown(group=group, known=", ".join(GROUP_CODES))
    now = console.now()
    with console.transaction() as tx:
        session = tx.session
        require_open(get_incident(session, incident_id))
        number = 1 + max(
            session.scalars(select(Period.number).where(Period.incident_id == incident_id)),
            default=0,
        )
        carried_objectives = list(
            session.scalars(
                select(PeriodObjective.id)
                .where(PeriodObjective.incident_id == incident_id, PeriodObjective.done == 0)
                .order_by(PeriodObjective.period_id, PeriodObjective.ord)
            )
        )
        carried_tasks = list(
            session.scalars(
                select(Task.id)
                .where(Task.incident_id == incident_id, Task.status == glossary.TASK_OPEN)
                .order_by(Task.due_at)
            )
        )
        device = console.device_code
        period_id = f"P-{device}-{_next_id(session, Period, f'P-{device}-')}"
        first = _next_id(session, PeriodObjective, f"O-{device}-")
        tx.emit(
            "period.started",
            f"incident:{incident_id}",
            {
                "id": incident_id,
                "period": period_id,
                "number": number,
                "starts_at": iso(now),
                "length_hours": length_hours,
                "objectives": [
                    {"objective": f"O-{device}-{first + i}", "text": text}
                    for i, text in enumerate(texts)
                ],
                "groups": list(dict.fromkeys(groups)),
                "briefing": briefing.strip(),
                "carried_objectives": carried_objectives,
                "carried_tasks": carried_tasks,
                "at": iso(now),
            },
        )
    return Started(period_id, number, carried_objectives, carried_tasks, ChangeSet({AREA}, 1))


def set_objective(console: Console, objective_id: str, done: bool = True) -> ChangeSet:
    """Mark an objective met (or not met after all)."""
    with console.transaction() as tx:
        row = tx.session.get(PeriodObjective, objective_id)
        if row is None:
            raise ObjectiveUnknown(objective=objective_id)
        require_open(get_incident(tx.session, row.incident_id))
        if bool(row.done) == done:
            raise (ObjectiveAlready if done else ObjectiveNotMet)(objective=objective_id)
        tx.emit(
            "period.objective_done",
            f"incident:{row.incident_id}",
            {
                "id": row.incident_id,
                "objective": objective_id,
                "done": done,
                "at": iso(console.now()),
            },
        )
    return ChangeSet({AREA}, 1)


def _objective(row: PeriodObjective, numbers: dict[str, int]) -> dict[str, Any]:
    return {
        "objective": row.id,
        "text": row.text,
        "set_in": numbers.get(row.period_id),
        "done": bool(row.done),
        "done_at": row.done_at or None,
        "done_by": row.done_by or None,
    }


def periods(console: Console, incident_id: str) -> list[dict[str, Any]]:
    """Every period of the incident in order, the current (last) one marked, each with its
    objectives (its own and those carried into it) and what carried over."""
    now = console.now()
    with console.db.read() as session:
        get_incident(session, incident_id)
        rows = session.scalars(
            select(Period)
            .where(Period.incident_id == incident_id)
            .order_by(Period.starts_at, Period.order_key)
        ).all()
        objectives = {
            o.id: o
            for o in session.scalars(
                select(PeriodObjective)
                .where(PeriodObjective.incident_id == incident_id)
                .order_by(PeriodObjective.ord)
            )
        }
    numbers = {r.id: r.number for r in rows}
    result = []
    for index, row in enumerate(rows):
        start_at = dt.datetime.fromisoformat(row.starts_at)
        end_at = rules.ends_at(start_at, row.length_hours)
        carried = json.loads(row.carried_objectives)
        own = [o for o in objectives.values() if o.period_id == row.id]
        listed = [objectives[c] for c in carried if c in objectives] + own
        result.append(
            {
                "period": row.id,
                "number": row.number,
                "starts_at": row.starts_at,
                "ends_at": iso(end_at),
                "length_hours": row.length_hours,
                "current": index == len(rows) - 1,
                "overrun": index == len(rows) - 1 and end_at <= now,
                "groups": json.loads(row.groups),
                "briefing": row.briefing,
                "started_by": row.started_by,
                "objectives": [_objective(o, numbers) for o in listed],
                "carried_objectives": carried,
                "carried_tasks": json.loads(row.carried_tasks),
            }
        )
    return result


def current(console: Console, incident_id: str) -> dict[str, Any] | None:
    """The period running now (the last started), if any."""
    found = periods(console, incident_id)
    return found[-1] if found else None
