"""Sync words as the user reads them: device states, roles, exchanges, peers, conflict tables."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from hisconsole.i18n import current_language as messages_language
from hisconsole.i18n import gettext
from hisconsole.services.sync import hub as hub_service
from hisconsole.services.sync import shared as sync_shared
from hisconsole.services.sync import status as status_service
from hisconsole.services.sync.shared import COUNTED

_REJECTED_NOTE = re.compile(r"\d+ event\(s\) rejected: .*?\.(?=; |$)")

#: Row colours of the devices table by state: (background, text).
STATE_COLOURS = {
    "quarantined": ("#FFE0B2", "#7A3E00"),
    "expired": ("#FFE0B2", "#7A3E00"),
    "revoked": ("#FFCDD2", "#B71C1C"),
    "this laptop": ("#E3F2FD", "#0D47A1"),
}
WARN_TEXT = "#7A3E00"
OK_TEXT = "#1B5E20"


def device_status_label(status: str) -> str:
    labels = {
        "this laptop": QCoreApplication.translate("SyncLabels", "This laptop"),
        "trusted": QCoreApplication.translate("SyncLabels", "Trusted (IT list)"),
        "accepted": QCoreApplication.translate("SyncLabels", "Accepted here"),
        "quarantined": QCoreApplication.translate("SyncLabels", "In quarantine"),
        "expired": QCoreApplication.translate("SyncLabels", "Trust expired"),
        "revoked": QCoreApplication.translate("SyncLabels", "Revoked"),
        "unknown": QCoreApplication.translate("SyncLabels", "Unknown"),
    }
    return labels.get(status, status)


def device_role_label(role: str) -> str:
    labels = {
        "operator": QCoreApplication.translate("SyncLabels", "Operator"),
        "plan-editor": QCoreApplication.translate("SyncLabels", "Plan editor"),
    }
    return labels.get(role, role)


def action_label(action: str) -> str:
    labels = {
        sync_shared.ACTION_EXPORT: QCoreApplication.translate("SyncLabels", "Bundle written"),
        sync_shared.ACTION_IMPORT: QCoreApplication.translate("SyncLabels", "Bundle read"),
        sync_shared.ACTION_HUB: QCoreApplication.translate("SyncLabels", "Hub sync"),
        sync_shared.ACTION_ACCEPT: QCoreApplication.translate("SyncLabels", "Device accepted"),
        sync_shared.ACTION_TRUST: QCoreApplication.translate("SyncLabels", "Trust list"),
    }
    return labels.get(action, action)


def table_label(table: str) -> str:
    labels = {
        "plan_items": QCoreApplication.translate("SyncLabels", "Plan item"),
        "contacts": QCoreApplication.translate("SyncLabels", "Contact"),
        "call_trees": QCoreApplication.translate("SyncLabels", "Call tree"),
    }
    return labels.get(table, table)


def short_id(device_id: str) -> str:
    return device_id[:8]


def peer_label(peer: str, names: dict[str, str]) -> str:
    """Who an exchange was with: a laptop (by name), the hub, a USB file, IT."""
    if peer == "(bundle)":
        return QCoreApplication.translate("SyncLabels", "USB file")
    if peer == "(IT)":
        return QCoreApplication.translate("SyncLabels", "IT department")
    if peer.startswith("hub:"):
        return QCoreApplication.translate("SyncLabels", "Hub {where}").format(where=peer[4:])
    name = names.get(peer)
    return f"{name} ({short_id(peer)})" if name else peer


def stage_label(stage: str) -> str:
    if stage == hub_service.STAGE_PUSH:
        return QCoreApplication.translate("SyncLabels", "Sending to the hub: %v of %m events")
    return QCoreApplication.translate("SyncLabels", "Taking in from the hub: %v of %m events")


def report_lines(report: sync_shared.IntakeReport) -> list[str]:
    """What the events received came to, one line per outcome that happened."""
    lines = []
    if report.applied:
        lines.append(
            QCoreApplication.translate(
                "SyncLabels", "{count} event(s) came in and were applied."
            ).format(count=report.applied)
        )
    if report.duplicates:
        lines.append(
            QCoreApplication.translate("SyncLabels", "{count} were already here.").format(
                count=report.duplicates
            )
        )
    if report.quarantined:
        lines.append(
            QCoreApplication.translate(
                "SyncLabels",
                "{count} are held in quarantine: their device is not trusted here yet. "
                "A commander can accept it on the Devices tab.",
            ).format(count=report.quarantined)
        )
    if report.rejected:
        reasons = "; ".join(
            f"{reason_label(reason)} ({n})" for reason, n in report.sorted_reasons()
        )
        lines.append(
            QCoreApplication.translate(
                "SyncLabels", "{count} were rejected (kept, never applied): {reasons}"
            ).format(count=report.rejected, reasons=reasons)
        )
    if report.pending:
        lines.append(
            QCoreApplication.translate(
                "SyncLabels",
                "{count} wait for earlier events from the same device; they are applied "
                "once those arrive.",
            ).format(count=report.pending)
        )
    if report.orphans:
        lines.append(
            QCoreApplication.translate(
                "SyncLabels",
                "{count} name something not on this laptop yet (an incident, a checklist step, "
                "a sheet …); they are kept and applied once it arrives.",
            ).format(count=report.orphans)
        )
    if report.from_future:
        lines.append(
            QCoreApplication.translate(
                "SyncLabels",
                "{count} carry a time far ahead of this laptop's clock: check the clocks "
                "of the laptops.",
            ).format(count=report.from_future)
        )
    if report.conflicting:
        lines.append(
            QCoreApplication.translate(
                "SyncLabels",
                "{count} differ from the copy held here under the same number (a laptop "
                "restored from an old backup?); the copies here were kept.",
            ).format(count=report.conflicting)
        )
    return lines


def reason_label(reason: sync_shared.Reason) -> str:
    """Why events were held back, from the reason's code and facts."""
    on = reason.on.isoformat() if reason.on else ""
    texts: dict[str, str] = {
        "revoked": QCoreApplication.translate(
            "SyncLabels", "device {device} was revoked by IT on {date}"
        ),
        "expired": QCoreApplication.translate(
            "SyncLabels", "the trust list's entry for device {device} expired on {date}"
        ),
        "not-listed": QCoreApplication.translate(
            "SyncLabels", "device {device} is not in the trust list"
        ),
        "lacks-role": QCoreApplication.translate(
            "SyncLabels", "'{kind}' needs the {role} role, which device {device} lacks"
        ),
        "event-id-taken": QCoreApplication.translate(
            "SyncLabels", "its event id is already used by another event"
        ),
        "waiting": QCoreApplication.translate(
            "SyncLabels", "waiting for event #{seq} of device {device}"
        ),
        "invalid": QCoreApplication.translate(
            "SyncLabels", "'{kind}' from device {device} cannot be applied: {detail}"
        ),
        "missing": QCoreApplication.translate(
            "SyncLabels",
            "'{kind}' from device {device} names {thing} {key}, which is not on this laptop "
            "(yet); it is applied once that arrives",
        ),
    }
    text = texts.get(reason.code)
    if text is None:
        return reason.record_text()
    return text.format(
        device=short_id(reason.device),
        date=on,
        kind=reason.kind,
        role=device_role_label(reason.role),
        seq=reason.seq,
        # Which field, what was expected: the catalogue below ui/ says it, in the
        # interface's language (the GUI sets it).
        detail=reason.detail if isinstance(reason.detail, str) else reason.detail.said(gettext),
        thing=thing_label(reason.thing),
        key=reason.key,
    )


def thing_label(thing: str) -> str:
    """What an event may name (event_schemas.REFERS), in the reader's words."""
    labels = {
        "incident": QCoreApplication.translate("SyncLabels", "incident"),
        "serial": QCoreApplication.translate("SyncLabels", "form serial"),
        "intake": QCoreApplication.translate("SyncLabels", "report received"),
        "message": QCoreApplication.translate("SyncLabels", "message"),
        "checklist step": QCoreApplication.translate("SyncLabels", "checklist step"),
        "call-out": QCoreApplication.translate("SyncLabels", "call-out"),
        "improvement item": QCoreApplication.translate("SyncLabels", "improvement item"),
        "roster shift": QCoreApplication.translate("SyncLabels", "roster sign-in"),
        "task": QCoreApplication.translate("SyncLabels", "task"),
        "period objective": QCoreApplication.translate("SyncLabels", "period objective"),
    }
    return labels.get(thing, thing)


def result_lines(result: sync_shared.ImportResult) -> list[str]:
    """What an exchange came to beyond its counts and the trust list serial: a trust list it
    carried that was not used, and devices whose events were not taken."""
    lines = []
    if result.trust_ignored:
        lines.append(
            QCoreApplication.translate(
                "SyncLabels", "The trust list it carries was ignored: {problem}."
            ).format(problem=result.trust_ignored)
        )
    if result.report.trust_refused:
        lines.append(
            QCoreApplication.translate(
                "SyncLabels", "The trust list it carries was not used: {problem}."
            ).format(problem=result.report.trust_refused)
        )
    for skipped in result.skipped:
        if skipped.problem == sync_shared.KEY_MISSING:
            text = QCoreApplication.translate(
                "SyncLabels", "The hub has no key for device {device}: its events were not taken."
            )
        elif skipped.problem == sync_shared.KEY_DAMAGED:
            text = QCoreApplication.translate(
                "SyncLabels",
                "The hub's key for device {device} is damaged or not that device's key "
                "({problem}): its events were not taken.",
            )
        else:
            text = QCoreApplication.translate(
                "SyncLabels",
                "An event of device {device} on the hub fails verification ({problem}): it "
                "and that device's later events were not taken.",
            )
        lines.append(text.format(device=short_id(skipped.device), problem=skipped.detail))
    return lines


def field_line(field: str, value: str) -> str:
    """One field of a value: "Phone numbers: mobile 139 …"."""
    return QCoreApplication.translate("SyncLabels", "{field}: {value}").format(
        field=field, value=value
    )


def history_note(entry: status_service.Exchange) -> str:
    """An exchange's notes without what its count columns already say, in the interface
    language (a record written before notes were kept as codes: its English text, with the
    notes the console wrote itself translated)."""
    if entry.notes:
        return "; ".join(
            note.text(messages_language()) for note in entry.notes if note.code not in COUNTED
        )
    note = entry.note
    counted = sync_shared.count_notes(
        sync_shared.IntakeReport(
            quarantined=entry.quarantined, pending=entry.pending, from_future=entry.from_future
        )
    )
    for said in counted:
        note = note.replace(said.text("en"), "")
    note = _REJECTED_NOTE.sub("", note)
    parts = [p.strip() for p in note.split("; ") if p.strip()]
    shown = []
    for part in parts:
        if part == sync_shared.STOPPED_NOTE:
            part = QCoreApplication.translate(
                "SyncLabels", "Stopped on request; the next sync carries on from there."
            )
        elif match := re.fullmatch(r"trust list serial (\d+)", part):
            part = QCoreApplication.translate("SyncLabels", "Trust list serial {serial}").format(
                serial=match.group(1)
            )
        elif match := re.fullmatch(r"pinned IT key (\S+)", part):
            part = QCoreApplication.translate("SyncLabels", "IT key {fingerprint} pinned").format(
                fingerprint=match.group(1)
            )
        elif match := re.fullmatch(r"accepted by (.+)", part):
            part = QCoreApplication.translate("SyncLabels", "Accepted by {name}").format(
                name=match.group(1)
            )
        elif match := re.fullmatch(r"Trust list updated to serial (\d+)\.", part):
            part = QCoreApplication.translate(
                "SyncLabels", "The trust list was updated to serial {serial}."
            ).format(serial=match.group(1))
        shown.append(part)
    return "; ".join(shown)
