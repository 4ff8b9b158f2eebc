"""The shift handover dialog (交接班): the sheet as it stands, made and saved as PDF in one
click, and acknowledged by the incoming commander."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hisconsole.i18n import PrintLanguage
from hisconsole.services import handover as handover_service
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.partials.dialogs import button
from hisconsole.ui.partials.pdf import PackPreview
from hisconsole.ui.runner import user_message
from hisconsole.ui.situation import date_time


class HandoverDialog(QDialog):
    """The handover sheet of one incident on screen (the PDF itself, in the interface
    language), with "Hand over…" (record it and save the PDF) and "Acknowledge" for the
    incoming commander signed in to the roster.

    Signals: those of QDialog.
    """

    def __init__(self, ctx: Context, incident_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HandoverDialog")
        self.ctx = ctx
        self.incident_id = incident_id
        self.current: handover_service.Preview | None = None
        self.resize(900, 760)
        layout = QVBoxLayout(self)
        self.intro_label = style.label("", self, wrap=True)
        layout.addWidget(self.intro_label)
        row = QHBoxLayout()
        self.incoming_label = QLabel(self)
        self.incoming_edit = QLineEdit(self)
        self.incoming_label.setBuddy(self.incoming_edit)
        self.incoming_edit.editingFinished.connect(self.reload)
        row.addWidget(self.incoming_label)
        row.addWidget(self.incoming_edit, 1)
        layout.addLayout(row)
        self.previous_label = style.label("", self, wrap=True, bold=True)
        self.previous_label.setObjectName("PreviousHandover")
        layout.addWidget(self.previous_label)
        self.preview = PackPreview(self)
        layout.addWidget(self.preview, 1)
        self.status_label = style.label("", self, wrap=True)
        layout.addWidget(self.status_label)
        buttons = QHBoxLayout()
        self.hand_over_button = button("", self)
        self.hand_over_button.clicked.connect(self.hand_over)
        self.acknowledge_button = button("", self)
        self.acknowledge_button.clicked.connect(self.acknowledge)
        self.close_button = button("", self)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.hand_over_button)
        buttons.addWidget(self.acknowledge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.retranslate()
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def sheet_language(self) -> PrintLanguage:
        """The sheet is shown and saved in the interface language."""
        return "zh" if self.ctx.lang == "zh" else "en"

    def reload(self) -> None:
        console, incident_id = self.ctx.console, self.incident_id
        incoming = self.incoming_edit.text().strip() or None
        lang = self.sheet_language()
        self.ctx.runner.query(
            lambda: handover_service.preview(console, incident_id, incoming=incoming, lang=lang),
            on_done=self._shown,
            on_error=self._failed,
        )

    def _shown(self, preview: handover_service.Preview) -> None:
        self.current = preview
        self.preview.show_pdf(preview.pdf)
        if not self.preview.page_count():
            self.preview.show_note(self.tr("The sheet is ready to save (no preview here)."))
        self._show_previous(preview.previous)

    def _show_previous(self, previous: dict[str, Any] | None) -> None:
        waiting = previous is not None and not previous["acknowledged_by"]
        self.acknowledge_button.setEnabled(waiting)
        if previous is None:
            self.previous_label.setText(self.tr("No handover yet for this incident."))
        elif waiting:
            self.previous_label.setText(
                self.tr(
                    "Sheet {handover} (handed over {time} by {person}) waits for the incoming "
                    "commander's acknowledgement."
                ).format(
                    handover=previous["handover"],
                    time=date_time(previous["prepared_at"], seconds=False),
                    person=previous["outgoing"] or previous["prepared_by"],
                )
            )
        else:
            self.previous_label.setText(
                self.tr("Last handover {handover} acknowledged by {person} at {time}.").format(
                    handover=previous["handover"],
                    person=previous["acknowledged_by"],
                    time=date_time(previous["acknowledged_at"], seconds=False),
                )
            )

    def _failed(self, exc: BaseException) -> None:
        self.status_label.setText(user_message(exc))
        style.set_colour(self.status_label, style.ERROR_TEXT)

    def _said(self, text: str) -> None:
        self.status_label.setText(text)
        style.set_colour(self.status_label, style.OK_TEXT)

    # -- acting -------------------------------------------------------------------------------

    def hand_over(self) -> None:
        """Record the handover and save its sheet as PDF (where the user chooses)."""
        name = f"handover-{self.incident_id}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the handover sheet"), name, self.tr("PDF (*.pdf)")
        )
        if not path:
            return
        console, incident_id = self.ctx.console, self.incident_id
        incoming = self.incoming_edit.text().strip() or None
        lang = self.sheet_language()
        out = Path(path)
        self.ctx.runner.op(
            lambda: handover_service.prepare(
                console, incident_id, incoming=incoming, out=out, lang=lang
            ),
            on_done=lambda made: self._handed_over(made, out),
            on_error=self._failed,
        )

    def _handed_over(self, made: handover_service.Prepared, out: Path) -> None:
        self._said(
            self.tr("Handed over: sheet {handover} saved to {path}.").format(
                handover=made.handover, path=str(out)
            )
        )
        self.reload()

    def acknowledge(self) -> None:
        console, incident_id = self.ctx.console, self.incident_id
        self.ctx.runner.op(
            lambda: handover_service.acknowledge(console, incident_id),
            on_done=lambda _changes: self._acknowledged(),
            on_error=self._failed,
        )

    def _acknowledged(self) -> None:
        self._said(
            self.tr("Acknowledged by {person}.").format(person=self.ctx.console.operator.name)
        )
        self.reload()

    # -- language -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Shift handover — {incident}").format(incident=self.incident_id)
        )
        self.intro_label.setText(
            self.tr(
                "The handover sheet as it stands now: open alerts and clocks, systems, open "
                "tasks and steps, messages awaiting a reply, call-out, paper, forms "
                "outstanding and who is on duty. Hand over to record it and save it as PDF; "
                "the incoming commander, signed in as commander, acknowledges it."
            )
        )
        self.incoming_label.setText(self.tr("&Incoming commander:"))
        self.hand_over_button.setText(self.tr("Hand over and save PDF…"))
        self.acknowledge_button.setText(self.tr("Acknowledge (incoming commander)"))
        self.close_button.setText(self.tr("Close"))
