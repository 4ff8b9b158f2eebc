"""What the Incident page and its tabs read about one incident, and the names they show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QComboBox

from hisconsole.domain import glossary
from hisconsole.domain.plan import text
from hisconsole.services import contacts as contacts_service
from hisconsole.services import incident_log, periods, response, roster, tasks
from hisconsole.services import incidents as incident_service
from hisconsole.services.console import Console
from hisconsole.ui.context import Context
from hisconsole.ui.situation import date_time

#: The incident the page has chosen (None when there is none); the tabs act on it.
CurrentId = Callable[[], str | None]


@dataclass
class IncidentDetail:
    """Everything the incident page shows about one incident, read in one go.

    ``incident["log"]`` is empty: the Log and Replay tabs read the log by position
    (ui/partials/log_model.py)."""

    incident: dict[str, Any]
    checklist: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    callouts: list[dict[str, Any]] = field(default_factory=list)
    trees: list[dict[str, Any]] = field(default_factory=list)
    roster: dict[str, Any] | None = None
    tasks: list[dict[str, Any]] = field(default_factory=list)
    periods: list[dict[str, Any]] = field(default_factory=list)
    #: Each contact's data (name, plan role): whom to offer when signing in to a post.
    people: list[dict[str, Any]] = field(default_factory=list)
    #: The log's declaration and system status entries (the Systems tab's history).
    status_entries: list[dict[str, Any]] = field(default_factory=list)
    #: A CAP alert about the incident has been sent (the next one updates it).
    cap_sent: bool = False


def load_detail(console: Console, incident_id: str) -> IncidentDetail:
    """Read one incident, without its log: the read does not grow with the length of
    the log (worker thread)."""
    incident = incident_service.show(console, incident_id, with_log=False)
    # The first moment shown with its date loads the locale's calendar (20-90 ms): here,
    # on the worker, rather than on the UI thread while the page paints the log.
    date_time(incident["reported_at"])
    # Found through the index on (incident, kind), not by walking the page's whole log.
    marked = incident_log.entries_of(
        console, incident_id, (glossary.LOG_DECLARED, glossary.LOG_STATUS, glossary.LOG_CAP)
    )
    return IncidentDetail(
        incident=incident,
        checklist=response.checklist(console, incident_id),
        messages=response.messages(console, incident_id),
        callouts=response.callouts(console, incident_id),
        trees=contacts_service.call_trees(console),
        roster=roster.roster(console, incident_id),
        tasks=tasks.tasks(console, incident_id),
        periods=periods.periods(console, incident_id),
        people=list(contacts_service.contacts_by_key(console).values()),
        status_entries=[e for e in marked if e["kind"] != glossary.LOG_CAP],
        cap_sent=any(e["kind"] == glossary.LOG_CAP for e in marked),
    )


def group_name(ctx: Context, code: str | None) -> str:
    snapshot = ctx.plan.snapshot
    for group in snapshot.section("groups") if snapshot else []:
        if group["code"] == code:
            return text(group["name"], ctx.lang)
    return code or ""


def group_items(ctx: Context, combo: QComboBox, first: str) -> None:
    combo.setItemText(0, first)
    for index in range(1, combo.count()):
        combo.setItemText(index, group_name(ctx, combo.itemData(index)))


def person_name(ctx: Context, person: dict[str, Any] | None) -> str:
    if not person:
        return ""
    return text(person.get("name"), ctx.lang) or person["key"]
