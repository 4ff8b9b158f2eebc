"""Reports about an incident: PDF reports (initial, follow-up, final) and CAP 1.2 alerts."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from hisconsole.domain.cap import build_alert
from hisconsole.services import incidents, response
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.files import write_atomically


def _levels(console: Console) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    doc = plan_service.require_document(console)
    return {lvl["code"]: lvl for lvl in doc["levels"]}, doc["meta"]["hospital"]


def cap_alert(console: Console, incident_id: str) -> bytes:
    """The OASIS CAP 1.2 alert for the incident as it stands now."""
    data = incidents.show(console, incident_id)
    levels, hospital = _levels(console)
    return build_alert(
        data,
        levels=levels,
        sender=f"hisconsole-{console.device_id}@hospital.invalid",
        sender_name={
            "zh": f"{hospital['zh']} 应急指挥部",
            "en": f"{hospital['en']} emergency command",
        },
        area=hospital,
        sent=console.now(),
    )


def write_cap(console: Console, incident_id: str, out: Path) -> None:
    write_atomically(out, cap_alert(console, incident_id))


def report_pdf(console: Console, incident_id: str, kind: str) -> bytes:
    """Initial, follow-up or final report of an incident as PDF bytes."""
    from hisconsole.printing.incident_report import KINDS, render_report

    if kind not in KINDS:
        raise ServiceError(f"Unknown report kind {kind!r}; use {', '.join(KINDS)}.")
    data = incidents.show(console, incident_id)
    levels, hospital = _levels(console)
    buffer = io.BytesIO()
    render_report(
        data,
        kind=kind,
        levels=levels,
        hospital=hospital,
        printed_at=console.now().astimezone(),
        describe=incidents.describe_entry,
        checklist=response.checklist(console, incident_id),
        messages=response.messages(console, incident_id),
        out=buffer,
    )
    return buffer.getvalue()


def write_report(console: Console, incident_id: str, kind: str, out: Path) -> None:
    write_atomically(out, report_pdf(console, incident_id, kind))
