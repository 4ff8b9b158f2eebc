"""How an activity-log entry reads (as the Log tab, the replay and the wall screen show it):
what the console recorded spelt out in the interface's language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from hisconsole.domain import glossary
from hisconsole.ui.i18n import cap_message_label, channel_label, format_time, system_status_label
from hisconsole.ui.roster.labels import roster_entry_text


def entry_text(row: dict[str, Any]) -> str:
    """The entry as the log shows it, with what the console recorded spelt out."""
    kind, data, body = row["kind"], row.get("data") or {}, row["text"]
    if kind == "status":
        status = system_status_label(data.get("status", ""))
        line = f"{row.get('system')}: {status}"
        if data.get("estimate"):
            line += " · " + QCoreApplication.translate("LogModel", "estimate {estimate}").format(
                estimate=data["estimate"]
            )
        return f"{line} — {body}" if body else line
    if kind == "level":
        line = f"{data.get('previous', '?')} → {data.get('level', '?')}"
        return f"{line}: {body}" if body else line
    if kind == "report":
        line = QCoreApplication.translate("LogModel", "To {recipient} by {channel}").format(
            recipient=data.get("recipient", ""), channel=channel_label(data.get("channel", ""))
        )
        return f"{line}: {body}" if body else line
    if kind == glossary.LOG_OVERRIDDEN:
        return overridden_text(data, row.get("system") or "")
    if kind == glossary.LOG_PLAYBOOK:
        return str(data.get("scenario", ""))
    if kind == glossary.LOG_ROSTER:
        return roster_entry_text(data, body)
    if kind == glossary.LOG_HANDOVER:
        if data.get("action") == "acknowledged":
            return QCoreApplication.translate(
                "LogModel", "Handover {handover} acknowledged by {person}"
            ).format(handover=data.get("handover", ""), person=data.get("by", ""))
        return QCoreApplication.translate(
            "LogModel", "Handover sheet {handover}: {outgoing} hands over to {incoming}"
        ).format(
            handover=data.get("handover", ""),
            outgoing=data.get("outgoing") or "—",
            incoming=data.get("incoming") or "—",
        )
    if kind == glossary.LOG_PERIOD:
        line = QCoreApplication.translate(
            "LogModel",
            "Period {number} started ({hours} h): {objectives} objective(s); carried over "
            "{carried_objectives} objective(s), {carried_tasks} task(s)",
        ).format(
            hours=data.get("length_hours", ""),
            **{
                k: data.get(k, "")
                for k in ("number", "objectives", "carried_objectives", "carried_tasks")
            },
        )
        return f"{line} — {body}" if body else line
    if kind == glossary.LOG_CAP:
        line = f"{cap_message_label(data.get('msg_type', ''))} {data.get('identifier', '')}"
        refs = [ref.split(",")[1] for ref in data.get("references", []) if ref.count(",") == 2]
        if refs:
            line += " · " + QCoreApplication.translate(
                "LogModel", "references {identifiers}"
            ).format(identifiers=", ".join(refs))
        return line
    if kind == "declared":
        systems = ", ".join(data.get("systems", []))
        line = QCoreApplication.translate("LogModel", "Level {level}: {title}").format(
            level=data.get("level", ""), title=body
        )
        return f"{line} ({systems})" if systems else line
    if row.get("corrects"):
        # The number of the entry corrected, found when the row was read (unknown: "?",
        # e.g. on the wall screen, which shows the last entries only).
        number = row.get("corrects_number")
        ref = QCoreApplication.translate("LogModel", "Corrects #{number}").format(
            number=number if number else "?"
        )
        return f"[{ref}] {body}"
    return str(body)


def overridden_text(data: dict[str, Any], system: str) -> str:
    """A decision sync replaced: what, by whom, on which laptop, and what replaced it."""

    def said(part: dict[str, str]) -> str:
        if data.get("register") in ("level", "state"):
            what = QCoreApplication.translate("LogModel", "level {level}").format(
                level=part.get("value", "")
            )
        else:
            what = f"{system} {system_status_label(part.get('value', ''))}"
        return QCoreApplication.translate(
            "LogModel", "{what} (set by {author} on {laptop} at {time})"
        ).format(
            what=what,
            author=part.get("author", ""),
            laptop=part.get("device_name") or part.get("device", ""),
            time=format_time(part.get("at"), with_date=True, year=False),
        )

    replaced, kept = data.get("replaced", {}), data.get("kept", {})
    if data.get("register") == "state":
        return QCoreApplication.translate(
            "LogModel",
            "{change} came after {author} resolved the incident on {laptop} at {time}: "
            "decided apart on two laptops, the incident stays resolved",
        ).format(
            change=said(replaced),
            author=kept.get("author", ""),
            laptop=kept.get("device_name") or kept.get("device", ""),
            time=format_time(kept.get("at"), with_date=True, year=False),
        )
    return QCoreApplication.translate(
        "LogModel",
        "Sync replaced {replaced} with {kept}: decided apart on two laptops, the later one counts",
    ).format(replaced=said(replaced), kept=said(kept))
