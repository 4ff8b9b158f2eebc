"""Reports about an incident: PDF reports (initial, follow-up, final) and CAP 1.2 alerts."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from hisconsole.domain import cap as cap_rules
from hisconsole.domain.glossary import REPORT_KINDS
from hisconsole.errors import N_
from hisconsole.i18n import PrintLanguage
from hisconsole.services import incident_log, incidents, response, roster
from hisconsole.services import plan as plan_service
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.files import check_target, write_atomically
from hisconsole.store.models import CapMessage


def _levels(console: Console) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    doc = plan_service.require_document(console)
    return {lvl["code"]: lvl for lvl in doc["levels"]}, doc["meta"]["hospital"]


def cap_sender(console: Console) -> str:
    """This laptop's CAP sender (CAP forbids spaces and commas in it)."""
    return f"hisconsole-{console.device_id}@hospital.invalid"


def _issued(session: Any, incident_id: str) -> list[cap_rules.CapMessage]:
    """The CAP messages written for the incident on any laptop, oldest first."""
    rows = session.scalars(
        select(CapMessage)
        .where(CapMessage.incident_id == incident_id)
        .order_by(CapMessage.hlc, CapMessage.event_id)  # causal order, the same everywhere
    )
    return [cap_rules.CapMessage(r.sender, r.identifier, r.sent, r.msg_type) for r in rows]


@dataclass(frozen=True)
class CapWritten:
    """A CAP message written to a file and recorded."""

    message: cap_rules.CapMessage
    changes: ChangeSet


def write_cap(
    console: Console, incident_id: str, out: Path, msg_type: str | None = None
) -> CapWritten:
    """Write the incident's OASIS CAP 1.2 message to ``out`` and record that it went out.

    ``msg_type`` is ``alert``, ``update`` or ``cancel``; by default the first
    message is an Alert, later ones Updates, and a resolved incident's a Cancel.
    An Update or Cancel references every message written for the incident before,
    on any laptop. The record and the file are made together: if the file cannot
    be written, nothing is recorded.
    """
    if msg_type is not None and msg_type not in cap_rules.MSG_TYPES:
        raise ServiceError(
            N_("Unknown CAP message type {msg_type!r}; use {msg_types}."),
            msg_type=msg_type,
            msg_types=", ".join(cap_rules.MSG_TYPES),
        )
    out = check_target(out)  # a folder or a missing folder is refused before anything
    data = incidents.show(console, incident_id, with_log=False)
    levels, hospital = _levels(console)
    sender = cap_sender(console)
    with console.transaction() as tx:
        earlier = _issued(tx.session, incident_id)
        try:
            kind = cap_rules.msg_type(data, earlier, msg_type)
        except cap_rules.NothingToReference as exc:
            raise ServiceError(
                N_(
                    "There is no CAP alert for incident {incident_id} yet, so a CAP {type} "
                    "has nothing to refer to: write the Alert first (--type alert). Nothing "
                    "was written."
                ),
                incident_id=incident_id,
                type=str(exc),
            ) from exc
        sent = console.now()
        taken = {m.identifier for m in earlier if m.sender == sender}
        message = cap_rules.CapMessage(
            sender=sender,
            identifier=cap_rules.identifier(incident_id, kind, sent, taken),
            sent=cap_rules.cap_time(sent),
            msg_type=kind,
            references=tuple(m.reference for m in earlier) if kind != "Alert" else (),
        )
        document = cap_rules.build_alert(
            data,
            message=message,
            levels=levels,
            sender_name={
                "zh": f"{hospital['zh']} 应急指挥部",
                "en": f"{hospital['en']} emergency command",
            },
            area=hospital,
        )
        tx.emit(
            "incident.cap_issued",
            f"incident:{incident_id}",
            {
                "id": incident_id,
                "sender": message.sender,
                "identifier": message.identifier,
                "sent": message.sent,
                "msg_type": kind,
                "references": list(message.references),
            },
        )
        # Written inside the transaction: a file that cannot be written rolls the record back.
        write_atomically(out, document)
    return CapWritten(message, ChangeSet({"incident"}, 1))


def report_pdf(
    console: Console, incident_id: str, kind: str, lang: PrintLanguage = "both"
) -> bytes:
    """Initial, follow-up or final report of an incident as PDF bytes, in ``lang`` (zh, en,
    or both)."""
    from hisconsole.printing.incident_report import ACTION_KINDS, ACTIONS_SHOWN, render_report

    if kind not in REPORT_KINDS:
        raise ServiceError(
            N_("Unknown report kind {kind!r}; use {report_kinds}."),
            kind=kind,
            report_kinds=", ".join(REPORT_KINDS),
        )
    if kind == "final":
        data = incidents.show(console, incident_id)  # it prints the whole log
    else:
        # The last actions taken are all it shows of the log: read those (through the
        # index), not the whole log (a follow-up report of a long incident).
        data = incidents.show(console, incident_id, with_log=False)
        data["log"] = incident_log.entries_of(
            console, incident_id, (), latest_kinds=ACTION_KINDS, latest=ACTIONS_SHOWN
        )
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
        roster=roster.roster(console, incident_id),
        out=buffer,
        lang=lang,
    )
    return buffer.getvalue()


def write_report(
    console: Console, incident_id: str, kind: str, out: Path, lang: PrintLanguage = "both"
) -> None:
    write_atomically(out, report_pdf(console, incident_id, kind, lang))
