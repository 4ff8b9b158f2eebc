"""After-action review: timings, what went well or badly, improvement items.

Improvement items stay open across incidents until done, and can name the plan
section they change so the next plan version picks them up.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select

from hisconsole.domain import glossary
from hisconsole.domain import incidents as rules
from hisconsole.errors import N_
from hisconsole.services import incident_log, incidents
from hisconsole.services import plan as plan_service
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.errors import print_language
from hisconsole.services.files import write_atomically
from hisconsole.services.incident_rows import get_incident
from hisconsole.store.models import Improvement, Review

AREA = "incident"


def timings(incident: dict[str, Any]) -> list[dict[str, Any]]:
    """Milestones from detection to closing, each with minutes since detection.

    Each upward report that was owed is a milestone ("initial report", "followup
    report", "level-change report") carrying its clock: due time, state (on-time,
    late, missed, or still running) and ``late_seconds``, so the review judges it
    by the plan's rule as the reports do.
    """
    start = dt.datetime.fromisoformat(incident["reported_at"])
    points: list[tuple[str, str | None, dict[str, Any] | None]] = [
        ("detected", incident["reported_at"], None),
        ("declared", incident["declared_at"], None),
    ]
    for clock in incident["clocks"]:
        if clock["state"] != rules.STATE_CANCELLED:
            points.append((f"{clock['kind']} report", clock["met_at"], _judged(clock)))
    restored: dict[str, str] = {}
    for entry in incident["log"]:
        if entry["kind"] == "status" and entry["system"]:
            if entry["data"]["status"] == "up":
                restored[entry["system"]] = entry["at"]
            else:
                restored.pop(entry["system"], None)
    for system in incident["systems"]:
        points.append((f"{system['code']} restored", restored.get(system["code"]), None))
    points += [
        ("resolved", incident.get("resolved_at"), None),
        ("closed", incident.get("closed_at"), None),
    ]
    return [
        {
            "milestone": name,
            "at": at,
            "minutes": round((dt.datetime.fromisoformat(at) - start).total_seconds() / 60, 1)
            if at
            else None,
            "clock": clock,
        }
        for name, at, clock in points
    ]


def _judged(clock: dict[str, Any]) -> dict[str, Any]:
    return {key: clock[key] for key in ("kind", "level", "due_at", "state", "late_seconds")}


def review(console: Console, incident_id: str) -> dict[str, Any]:
    """The review of an incident. A drill's is timed on the drill's clock (its speed and
    pauses taken out), as its score card is, and says so (``drill``)."""
    from hisconsole.services.drills.score import on_drill_clock

    drilled = on_drill_clock(console, incident_id)
    data = drilled
    if data is None:
        # The timings need the systems' status changes, not the whole log (the index on
        # (incident, kind) finds them in a log of any length).
        data = incidents.show(console, incident_id, with_log=False)
        data["log"] = incident_log.entries_of(console, incident_id, (glossary.LOG_STATUS,))
    with console.db.read() as session:
        row = session.get(Review, incident_id)
        items = session.scalars(
            select(Improvement).where(Improvement.incident_id == incident_id)
        ).all()
    return {
        "incident": incident_id,
        "drill": drilled["drill"] if drilled else None,
        "timings": timings(data),
        "went_well": row.went_well if row else "",
        "went_badly": row.went_badly if row else "",
        "improvements": [_item(i) for i in items],
    }


def note(console: Console, incident_id: str, *, went_well: str, went_badly: str) -> ChangeSet:
    with console.transaction() as tx:
        get_incident(tx.session, incident_id)
        tx.emit(
            "review.noted",
            f"incident:{incident_id}",
            {"id": incident_id, "went_well": went_well.strip(), "went_badly": went_badly.strip()},
        )
    return ChangeSet({AREA}, 1)


def add_improvement(
    console: Console,
    incident_id: str,
    text: str,
    *,
    owner: str,
    due: str,
    plan_section: str = "",
) -> str:
    if not text.strip() or not owner.strip():
        raise ServiceError(N_("An improvement item needs a text and an owner."))
    section = plan_section.strip()
    if section and section not in plan_sections(console):
        raise PlanSectionUnknown(section=section)
    try:
        dt.date.fromisoformat(due)
    except ValueError as exc:
        raise ServiceError(N_("Due date {due!r} is not a date like 2027-01-31."), due=due) from exc
    item = str(uuid.uuid4())
    with console.transaction() as tx:
        get_incident(tx.session, incident_id)
        tx.emit(
            "improvement.added",
            f"incident:{incident_id}",
            {
                "id": incident_id,
                "item": item,
                "text": text.strip(),
                "owner": owner.strip(),
                "due": due,
                "plan_section": plan_section.strip(),
                "at": console.now().isoformat(timespec="seconds"),
            },
        )
    return item


class PlanSectionUnknown(ServiceError):
    code = "review.plan-section-unknown"
    template = (
        "The plan has no section or item {section!r}; use a section (e.g. scenarios) or an "
        "item (e.g. scenarios/his-down)."
    )


def plan_sections(console: Console) -> dict[str, dict[str, str]]:
    """What an improvement item can name as the part of the plan it changes: every
    section (``scenarios``) and item (``scenarios/his-down``), each with its name in
    Chinese and English."""
    from hisconsole.domain.plan import LIST_SECTIONS, SINGLE_SECTIONS, item_key
    from hisconsole.i18n import translator
    from hisconsole.printing.words import LABELS

    doc = plan_service.require_document(console)
    names: dict[str, dict[str, str]] = {}
    for section in (*SINGLE_SECTIONS, *LIST_SECTIONS):
        label = LABELS.get(section, section)
        names[section] = {lang: translator(lang).gettext(label) for lang in ("zh", "en")}
    for section in LIST_SECTIONS:
        for item in doc.get(section, []):
            name = item.get("name")
            names[item_key(section, item["code"])] = (
                dict(name) if isinstance(name, dict) else {"zh": item["code"], "en": item["code"]}
            )
    return names


def review_pdf(console: Console, incident_id: str, lang: str = "zh") -> bytes:
    """The after-action review as a document: timings against the plan, what went well
    and badly, and the improvement items (整改项) with owners, due dates and the plan
    section each changes; ``lang`` zh, en or both."""
    import io

    from hisconsole.printing.drill_documents import render_review

    data = review(console, incident_id)
    incident = incidents.show(console, incident_id, with_log=False)
    out = io.BytesIO()
    render_review(
        data,
        incident,
        lang=print_language(lang),
        hospital=plan_service.require_document(console)["meta"]["hospital"],
        printed_at=console.now().astimezone(),
        out=out,
        plan_sections=plan_sections(console),
    )
    return out.getvalue()


def write_review_pdf(console: Console, incident_id: str, path: Path, lang: str = "zh") -> None:
    write_atomically(path, review_pdf(console, incident_id, lang))


def complete(console: Console, item: str, done: bool = True) -> ChangeSet:
    with console.transaction() as tx:
        row = tx.session.get(Improvement, item)
        if row is None:
            raise ServiceError(N_("No such improvement item."))
        tx.emit(
            "improvement.done",
            f"incident:{row.incident_id}",
            {
                "id": row.incident_id,
                "item": item,
                "done": done,
                "at": console.now().isoformat(timespec="seconds"),
            },
        )
    return ChangeSet({AREA}, 1)


def open_improvements(console: Console) -> list[dict[str, Any]]:
    """Every improvement not yet done, from every incident, soonest due first."""
    with console.db.read() as session:
        rows = session.scalars(
            select(Improvement).where(Improvement.done == 0).order_by(Improvement.due)
        ).all()
    return [_item(r) for r in rows]


def _item(row: Improvement) -> dict[str, Any]:
    return {
        "item": row.id,
        "incident": row.incident_id,
        "text": row.text,
        "owner": row.owner,
        "due": row.due,
        "plan_section": row.plan_section,
        "done": bool(row.done),
        "done_at": row.done_at,
        "created_by": row.created_by,
    }
