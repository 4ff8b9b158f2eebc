"""Opening the incident dialogs from anywhere (dashboard, incident page, menus)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from hisconsole.services import incidents as incident_service
from hisconsole.services import response
from hisconsole.ui.context import Context
from hisconsole.ui.partials.dialogs import (
    AttachDialog,
    DeclareDialog,
    IntakeDialog,
    LevelDialog,
    TextDialog,
    UpwardReportDialog,
    open_dialog,
)


def _tr(text: object) -> Callable[[], str]:
    """A text translated when shown (so that an open dialog follows a language switch).

    ``text`` comes from QT_TRANSLATE_NOOP, which marks it for lupdate; its stubs say object."""
    return lambda: QCoreApplication.translate("IncidentActions", str(text))


def declare(ctx: Context, parent: QWidget, report: dict[str, Any] | None = None) -> DeclareDialog:
    dialog = DeclareDialog(ctx, parent, report=report)
    open_dialog(dialog)
    return dialog


def log_report(ctx: Context, parent: QWidget) -> IntakeDialog:
    dialog = IntakeDialog(ctx, parent)
    open_dialog(dialog)
    return dialog


def attach(
    ctx: Context, parent: QWidget, report: dict[str, Any], incidents: list[dict[str, Any]]
) -> AttachDialog:
    dialog = AttachDialog(ctx, report, incidents, parent)
    open_dialog(dialog)
    return dialog


def dismiss(ctx: Context, parent: QWidget, report: dict[str, Any]) -> TextDialog:
    console, report_id = ctx.console, report["id"]
    dialog = TextDialog(
        ctx,
        title=_tr(QT_TRANSLATE_NOOP("IncidentActions", "Close report as no incident")),
        caption=_tr(QT_TRANSLATE_NOOP("IncidentActions", "&Reason:")),
        action=_tr(QT_TRANSLATE_NOOP("IncidentActions", "Close report")),
        intro=lambda: f"{report['reporter']} ({report['department']}): {report['what']}",
        required=_tr(
            QT_TRANSLATE_NOOP("IncidentActions", "Give the reason why this is not an incident.")
        ),
        run=lambda reason: lambda: response.dismiss_report(console, report_id, reason),
        parent=parent,
    )
    open_dialog(dialog)
    return dialog


def change_level(ctx: Context, parent: QWidget, incident: dict[str, Any]) -> LevelDialog:
    dialog = LevelDialog(ctx, incident, parent)
    open_dialog(dialog)
    return dialog


def record_report(ctx: Context, parent: QWidget, incident: dict[str, Any]) -> UpwardReportDialog:
    dialog = UpwardReportDialog(ctx, incident, parent)
    open_dialog(dialog)
    return dialog


def resolve(ctx: Context, parent: QWidget, incident: dict[str, Any]) -> TextDialog:
    console, incident_id = ctx.console, incident["id"]
    not_up = [s["code"] for s in incident.get("systems", []) if s["status"] in ("down", "degraded")]

    def intro() -> str:
        if not not_up:
            return QCoreApplication.translate(
                "IncidentActions", "Every system of {id} is recorded as recovered."
            ).format(id=incident_id)
        return QCoreApplication.translate(
            "IncidentActions",
            "Not yet recorded as recovered: {systems}. Resolving records them as restored now.",
        ).format(systems=", ".join(not_up))

    dialog = TextDialog(
        ctx,
        title=_tr(QT_TRANSLATE_NOOP("IncidentActions", "Resolve incident")),
        caption=_tr(QT_TRANSLATE_NOOP("IncidentActions", "Closing &note:")),
        action=_tr(QT_TRANSLATE_NOOP("IncidentActions", "Resolve")),
        intro=intro,
        run=lambda note: lambda: incident_service.resolve(console, incident_id, note=note),
        parent=parent,
    )
    open_dialog(dialog)
    return dialog
