"""The Forms page's work off the UI thread: reading what it shows, saving packs and reports,
adding the hospital's own templates. Qt-free: every function here runs on the runner's worker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hisconsole.domain.forms import FormTemplate, TemplateInvalid
from hisconsole.services import forms as forms_service
from hisconsole.services import incidents as incident_service
from hisconsole.services.console import ChangeSet, Console
from hisconsole.services.files import write_atomically
from hisconsole.ui.situation import Done

AREA = forms_service.AREA


@dataclass
class FormTemplates:
    """The templates that loaded, and the files that did not (with every problem)."""

    templates: dict[str, FormTemplate] = field(default_factory=dict)
    problems: list[TemplateInvalid] = field(default_factory=list)


@dataclass
class SheetsSnapshot:
    """Every incident (summary) and every sheet issued on this console, read at ``read_at``."""

    incidents: list[dict[str, Any]] = field(default_factory=list)
    sheets: list[dict[str, Any]] = field(default_factory=list)
    read_at: dt.datetime | None = None


def load_templates(console: Console) -> FormTemplates:
    templates, problems = forms_service.templates(console)
    return FormTemplates(templates, problems)


def load_sheets(console: Console) -> SheetsSnapshot:
    return SheetsSnapshot(
        incidents=incident_service.list_incidents(console),
        sheets=forms_service.sheets(console),
        read_at=console.now(),
    )


def age_hours(issued_at: str, now: dt.datetime) -> float:
    """Hours since a sheet was issued."""
    moment = dt.datetime.fromisoformat(issued_at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return max((now - moment).total_seconds() / 3600, 0.0)


def prepare(
    console: Console,
    items: list[tuple[str, int]],
    *,
    incident: str | None,
    lang: str,
    progress: Callable[[int, int], bool],
    department: str = "",
) -> forms_service.PreparedPack | None:
    """Render a pack (nothing recorded); None when the user cancelled it on the way.

    A cancel is an answer, not an error: the runner reports errors it does not
    know as bugs.
    """
    try:
        return forms_service.prepare_pack(
            console, items, incident=incident, lang=lang, progress=progress, department=department
        )
    except forms_service.PrintCancelled:
        return None


def save_pack(
    console: Console, pack: forms_service.PreparedPack, path: Path, pdf: bytes | None = None
) -> Done:
    """Write the pack's PDF (or ``pdf``, a document holding it such as the kit) whole and
    synced, and only then record its sheets as issued."""
    write_atomically(path, pack.pdf if pdf is None else pdf)
    serials = forms_service.record_pack(console, pack)
    return Done(serials, ChangeSet({AREA}, len(pack.items)))


def save_report(console: Console, incident: str | None, path: Path, lang: str) -> Path:
    """The back-entry report in the interface's language."""
    write_atomically(path, forms_service.backentry_report_pdf(console, incident, lang))
    return path


def try_add_template(console: Console, source: Path) -> FormTemplate | TemplateInvalid:
    """``add_template``, with a template that fails its checks as the answer (not an error)."""
    try:
        return forms_service.add_template(console, source)
    except TemplateInvalid as exc:
        return exc
