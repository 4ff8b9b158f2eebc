"""Shift handover (交接班): the sheet that tells the next commander what is open, and the
incoming commander's acknowledgement.

The sheet is read from the state at the moment it is made: open alerts and reporting
clocks, systems and their estimates, open tasks and checklist steps, messages awaiting
a reply, call-out progress, paper stock and when it runs out, forms outstanding, the
current period and its open objectives, who is on duty and who comes next, and the
previous handover with whether it was acknowledged. Making it is recorded (an event);
the incoming commander (signed in to the roster as commander) acknowledges it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select

from hisconsole.domain import glossary
from hisconsole.domain import incidents as rules
from hisconsole.i18n import PrintLanguage, in_every_language
from hisconsole.services import alerts, forms, incidents, periods, response, roster, tasks
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.files import check_target, write_atomically
from hisconsole.services.incident_rows import get_incident, iso, require_open
from hisconsole.store.models import Handover

AREA = "incident"


class NothingToAcknowledge(ServiceError):
    code = "handover.nothing-to-acknowledge"
    template = "Incident {incident} has no handover sheet waiting to be acknowledged."


class CommanderNotSignedIn(ServiceError):
    code = "handover.no-commander"
    template = (
        "Nobody is signed in as commander of {incident}: the incoming commander signs in "
        "first ('hisconsole roster sign-in commander --person NAME'), then acknowledges."
    )


class NotTheCommander(ServiceError):
    code = "handover.not-the-commander"
    template = "Only the commander on duty ({commander}) acknowledges the handover, not {person}."


class OwnHandover(ServiceError):
    code = "handover.own"
    template = "{person} handed over this sheet; the incoming commander acknowledges it."


@dataclass(frozen=True)
class Prepared:
    """A handover sheet made: its id, its content, and what changed."""

    handover: str
    sheet: dict[str, Any]
    changes: ChangeSet


def _handover_row(row: Handover) -> dict[str, Any]:
    return {
        "handover": row.id,
        "prepared_at": row.prepared_at,
        "prepared_by": row.prepared_by,
        "outgoing": row.outgoing or None,
        "incoming": row.incoming or None,
        "acknowledged_by": row.acknowledged_by or None,
        "acknowledged_at": row.acknowledged_at or None,
    }


def handovers(console: Console, incident_id: str) -> list[dict[str, Any]]:
    """The incident's handover sheets, oldest first, each with its acknowledgement."""
    with console.db.read() as session:
        rows = session.scalars(
            select(Handover)
            .where(Handover.incident_id == incident_id)
            .order_by(Handover.prepared_at, Handover.id)
        ).all()
        return [_handover_row(r) for r in rows]


def sheet(console: Console, incident_id: str, *, incoming: str | None = None) -> dict[str, Any]:
    """What the handover sheet says now (read-only: nothing is recorded)."""
    shown = incidents.show(console, incident_id, with_log=False)
    summary = {k: shown[k] for k in ("id", "title", "level", "status", "exercise", "reported_at")}
    now_on = roster.roster(console, incident_id)
    commander = next(
        (p["person"] for p in now_on["posts"] if p["role"] == glossary.COMMANDER), None
    )
    found = [a for a in alerts.current(console).alerts if a.incident in (None, incident_id)]
    all_tasks = tasks.tasks(console, incident_id)
    steps = response.checklist(console, incident_id)
    waiting = [
        m for m in response.messages(console, incident_id) if m["reply_required"] and not m["reply"]
    ]
    period = periods.current(console, incident_id)
    previous = handovers(console, incident_id)
    result = {
        "incident": summary,
        "prepared_at": iso(console.now()),
        "prepared_by": console.operator.name,
        "outgoing": commander,
        "incoming": " ".join(incoming.split()) if incoming else None,
        "period": period,
        "roster": now_on["posts"],
        "alerts": [
            {
                "key": a.key,
                "kind": a.kind,
                "severity": a.severity,
                "since": a.since,
                # In both languages: the sheet prints in Chinese, English or both.
                "text": in_every_language(partial(alerts.describe, a)),
                "acknowledged_by": a.acknowledged_by,
            }
            for a in found
        ],
        "clocks": [c for c in shown["clocks"] if not rules.is_settled(c["state"])],
        "systems": shown["systems"],
        "tasks": [t for t in all_tasks if t["status"] == glossary.TASK_OPEN],
        "checklist": [s for s in steps if not s["done"]],
        "checklist_done": sum(1 for s in steps if s["done"]),
        "messages": waiting,
        "callouts": [
            {
                "callout": run["callout"],
                "title": run["title"],
                "tree": run["tree"],
                "reached": run["reached"],
                "total": run["total"],
                "next": [(e["person"] or {}).get("name") for e in run["next"]],
            }
            for run in response.callouts(console, incident_id)
        ],
        "paper": [p for p in forms.stock(console) if p["on_hand"] is not None or p["per_hour"]],
        "forms_outstanding": forms.outstanding_summary(console, incident_id),
        "previous": previous[-1] if previous else None,
    }
    result["counts"] = {
        "alerts": len(result["alerts"]),
        "tasks": len(result["tasks"]),
        "overdue_tasks": sum(1 for t in result["tasks"] if t["overdue"]),
        "checklist": len(result["checklist"]),
        "messages": len(waiting),
        "forms_outstanding": sum(int(r.get("count", 0)) for r in result["forms_outstanding"]),
    }
    return result


def prepare(
    console: Console,
    incident_id: str,
    *,
    incoming: str | None = None,
    out: Path | None = None,
    lang: PrintLanguage = "both",
) -> Prepared:
    """Make the handover sheet and record that it was made; with ``out``, write it there as
    PDF first (a file that cannot be written records nothing)."""
    from hisconsole.printing.handover import render

    if out is not None:
        out = check_target(out)
    with console.db.read() as session:
        require_open(get_incident(session, incident_id))
    content = sheet(console, incident_id, incoming=incoming)
    with console.transaction() as tx:
        prefix = f"H-{console.device_code}-"
        taken = tx.session.scalars(select(Handover.id).where(Handover.id.like(f"{prefix}%")))
        handover_id = f"{prefix}{1 + max((int(t.rsplit('-', 1)[1]) for t in taken), default=0)}"
        content["handover"] = handover_id
        if out is not None:
            # Inside the transaction: a file that cannot be written leaves no record behind.
            write_atomically(out, render(content, lang))
        tx.emit(
            "handover.prepared",
            f"incident:{incident_id}",
            {
                "id": incident_id,
                "handover": handover_id,
                "outgoing": content["outgoing"],
                "incoming": content["incoming"],
                "period": content["period"]["period"] if content["period"] else None,
                "counts": content["counts"],
                "at": content["prepared_at"],
            },
        )
    return Prepared(handover_id, content, ChangeSet({AREA}, 1))


@dataclass(frozen=True)
class Preview:
    """The sheet as it would be made now, its PDF, and the latest sheet made before."""

    sheet: dict[str, Any]
    pdf: bytes
    previous: dict[str, Any] | None


def preview(
    console: Console, incident_id: str, *, incoming: str | None = None, lang: PrintLanguage = "zh"
) -> Preview:
    """The handover sheet now, as PDF, without recording anything (to look at on screen)."""
    from hisconsole.printing.handover import render

    content = sheet(console, incident_id, incoming=incoming)
    return Preview(content, render(content, lang), content["previous"])


def acknowledge(console: Console, incident_id: str, person: str | None = None) -> ChangeSet:
    """The incoming commander acknowledges the latest handover sheet (an event: it shows in
    the log and on the next sheet)."""
    name = " ".join((person or console.operator.name).split())
    with console.transaction() as tx:
        require_open(get_incident(tx.session, incident_id))
        latest = tx.session.scalars(
            select(Handover)
            .where(Handover.incident_id == incident_id)
            .order_by(Handover.prepared_at.desc(), Handover.id.desc())
            .limit(1)
        ).first()
        if latest is None or latest.acknowledged_by:
            raise NothingToAcknowledge(incident=incident_id)
        commander = roster.commander_in(tx.session, incident_id)
        if commander is None:
            raise CommanderNotSignedIn(incident=incident_id)
        if commander != name:
            raise NotTheCommander(commander=commander, person=name)
        if latest.outgoing == name:
            raise OwnHandover(person=name)
        tx.emit(
            "handover.acknowledged",
            f"incident:{incident_id}",
            {"id": incident_id, "handover": latest.id, "by": name, "at": iso(console.now())},
        )
    return ChangeSet({AREA}, 1)
