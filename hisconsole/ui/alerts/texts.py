"""Each alert kind in words, in the interface language (the CLI's English is in the service).

One function per kind, keyed by the kind; the fields are the alert's params.
A new kind (see ``hisconsole.services.alerts``) adds one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from hisconsole.domain.plan import text
from hisconsole.services.alerts import Alert
from hisconsole.ui.i18n import clock_kind_label, current_language
from hisconsole.ui.situation import clock_time


def _name(value: Any) -> str:
    """A plain value, or a name given in both languages: the interface's."""
    return text(value, current_language()) if isinstance(value, dict) else str(value)


def _table(table: str) -> str:
    labels = {
        "plan_items": QCoreApplication.translate("Alerts", "plan"),
        "contacts": QCoreApplication.translate("Alerts", "contact list"),
        "call_trees": QCoreApplication.translate("Alerts", "call tree"),
    }
    return labels.get(table, table)


def _report(p: dict[str, Any], words: str) -> str:
    return words.format(
        incident=p["incident"],
        report=clock_kind_label(p["report"]),
        level=p["level"],
        time=clock_time(p["due_at"]),
    )


TEXTS: dict[str, Callable[[dict[str, Any]], str]] = {
    "report-due-soon": lambda p: _report(
        p,
        QCoreApplication.translate("Alerts", "{incident}: {report} (level {level}) due at {time}"),
    ),
    "report-overdue": lambda p: _report(
        p,
        QCoreApplication.translate(
            "Alerts", "{incident}: {report} (level {level}) OVERDUE — was due at {time}"
        ),
    ),
    "escalation-due": lambda p: QCoreApplication.translate(
        "Alerts",
        "{incident}: {person} not reached within {wait} min — call the alternate {alternate}",
    ).format(
        incident=p["incident"],
        person=_name(p["person"]),
        wait=p["wait"],
        alternate=_name(p["alternate"]),
    ),
    "wave-short": lambda p: QCoreApplication.translate(
        "Alerts",
        "{incident}: call-out {tree}, wave {wave} reached {reached} of the {need} needed "
        "within {within} min — the next wave is being called; find more people",
    ).format(
        incident=p["incident"],
        tree=_name(p["tree"]),
        wave=p["wave"],
        reached=p["reached"],
        need=p["need"],
        within=p["within"],
    ),
    "paper-stock-low": lambda p: QCoreApplication.translate(
        "Alerts", "Paper stock low: {form} — {on_hand} sheets on hand, {need} needed for 8 hours"
    ).format(form=_name(p["form"]), on_hand=p["on_hand"], need=p["need"]),
    "paper-running-out": lambda p: QCoreApplication.translate(
        "Alerts",
        "Paper running out: {form} — {on_hand} sheets left at {per_hour} an hour: "
        "out at {time} (in {hours_left} h)",
    ).format(
        form=_name(p["form"]),
        on_hand=p["on_hand"],
        per_hour=p["per_hour"],
        hours_left=p["hours_left"],
        time=clock_time(p["runs_out_at"]),
    ),
    "sheets-not-printed": lambda p: QCoreApplication.translate(
        "Alerts",
        "{count} sheet(s) {first} … {last} not printed: job {job} on {printer} ({reason}). "
        "Reprint them or void them on the Forms page",
    ).format(**p),
    "conflict": lambda p: QCoreApplication.translate(
        "Alerts", "Conflict to resolve on the Sync page: {item} ({table}) has {count} values"
    ).format(item=p["item"], table=_table(p["table"]), count=p["count"]),
    "device-quarantined": lambda p: QCoreApplication.translate(
        "Alerts",
        "Laptop {device} quarantined: {events} record(s) and {bundles} unread sync bundle(s) "
        "held until a commander accepts it",
    ).format(device=p["device"], events=p["events"], bundles=p.get("bundles", 0)),
    "events-not-applied": lambda p: QCoreApplication.translate(
        "Alerts",
        "{count} record(s) received are kept but not applied: {invalid} not fit to apply, "
        "{orphans} naming something not on this laptop (yet) — see the Sync page",
    ).format(**p),
    "period-ended": lambda p: QCoreApplication.translate(
        "Alerts",
        "{incident}: operational period {number} ended at {time} — brief and start the next",
    ).format(incident=p["incident"], number=p["number"], time=clock_time(p["ends_at"])),
    "task-overdue": lambda p: QCoreApplication.translate(
        "Alerts", "{incident}: task {task} OVERDUE — was due at {time}: {text} ({owner})"
    ).format(
        incident=p["incident"],
        task=p["task"],
        time=clock_time(p["due_at"]),
        text=p["text"],
        owner=p["owner"],
    ),
}


def alert_text(item: Alert) -> str:
    """The alert in the interface language."""
    words = TEXTS.get(item.kind)
    return words(item.params) if words is not None else item.kind
