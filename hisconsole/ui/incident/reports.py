"""The incident's reports on the Incident page: initial, follow-up and final PDF, and the CAP alert.

The PDFs hold Chinese and English in one document; they are saved where the
user chooses or printed on a system printer. A CAP 1.2 message (Alert, Update
or Cancel) is saved as XML and recorded, so later ones reference it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from hisconsole.domain.glossary import REPORT_KINDS
from hisconsole.services import reports
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.i18n import LANGUAGE_NAMES, cap_message_label
from hisconsole.ui.partials.dialogs import button, open_dialog
from hisconsole.ui.partials.files import ask_save_path, writer
from hisconsole.ui.partials.print_flow import PrintDialog
from hisconsole.ui.runner import user_message

#: The PDF reports, in the order of an incident's life.
CAP = "cap"
# CAP message types, in the order an incident uses them.
CAP_TYPES = ("alert", "update", "cancel")


class ReportsBar(QWidget):
    """A row of buttons making the chosen incident's reports, and a line saying what came of it.

    Each report button opens a menu: save as PDF, or print. "CAP message…" opens a
    menu of OASIS CAP 1.2 messages: the Alert, or (once one went out) an Update or
    a Cancel referencing the messages written before. The files are made and
    written on the runner's worker; a path that cannot be written is said on the
    line, nothing else changes.

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.incident_id: str | None = None
        self.caption = QLabel(self)
        self.caption.setFont(style.sized_font(self.caption, 1))
        self.buttons: dict[str, QPushButton] = {}
        self.save_actions: dict[str, QAction] = {}
        self.print_actions: dict[str, QAction] = {}
        # The caption and the outcome line sit above the buttons: in one row they made the
        # page wider than a 1366-pixel screen in longer languages.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.caption)
        outer.addLayout(top)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        for kind in REPORT_KINDS:
            push = button("", self)
            push.setObjectName(f"report_{kind}")
            menu = QMenu(push)
            save = menu.addAction("")
            save.triggered.connect(lambda _checked=False, k=kind: self.save_report(k))
            printing = menu.addAction("")
            printing.triggered.connect(lambda _checked=False, k=kind: self.print_report(k))
            push.setMenu(menu)
            self.buttons[kind] = push
            self.save_actions[kind] = save
            self.print_actions[kind] = printing
            layout.addWidget(push)
        self.cap_button = button("", self)
        self.cap_button.setObjectName("report_cap")
        cap_menu = QMenu(self.cap_button)
        self.cap_actions: dict[str, QAction] = {}
        for msg_type in CAP_TYPES:
            action = cap_menu.addAction("")
            action.triggered.connect(lambda _checked=False, t=msg_type: self.save_cap(t))
            self.cap_actions[msg_type] = action
        self.cap_button.setMenu(cap_menu)
        self.cap_sent = False
        self.buttons[CAP] = self.cap_button
        layout.addWidget(self.cap_button)
        layout.addStretch(1)
        self.status_label = style.label("", self, delta=1, colour=style.MUTED_TEXT, wrap=True)
        top.addWidget(self.status_label, 1)
        self.retranslate()
        self.set_incident(None)

    # -- language -----------------------------------------------------------------------------

    def report_name(self, kind: str) -> str:
        names = {
            "initial": self.tr("Initial report"),
            "followup": self.tr("Follow-up report"),
            "final": self.tr("Final report"),
            CAP: self.tr("CAP message"),
        }
        return names[kind]

    def retranslate(self) -> None:
        # A report is written in the interface's language.
        self.caption.setText(
            self.tr("Reports ({language}):").format(language=LANGUAGE_NAMES[self.ctx.lang])
        )
        for kind, push in self.buttons.items():
            push.setText(self.tr("{report}…").format(report=self.report_name(kind)))
        for kind in REPORT_KINDS:
            self.save_actions[kind].setText(self.tr("Save as PDF…"))
            self.print_actions[kind].setText(self.tr("Print…"))
            self.buttons[kind].setToolTip(
                self.tr("In Chinese and English, one document: save it as PDF, or print it")
            )
        self.cap_button.setToolTip(
            self.tr("Save an OASIS CAP 1.2 message (XML) about the incident for other systems")
        )
        self.cap_actions["alert"].setText(self.tr("Alert (the first message)…"))
        self.cap_actions["update"].setText(self.tr("Update (references the earlier messages)…"))
        self.cap_actions["cancel"].setText(self.tr("Cancel (all clear, or sent in error)…"))
        self._explain_cap()

    def _explain_cap(self) -> None:
        # An Update or Cancel must reference a message that went out.
        why = "" if self.cap_sent else self.tr("No CAP Alert for this incident went out yet")
        for msg_type in ("update", "cancel"):
            self.cap_actions[msg_type].setEnabled(self.cap_sent)
            self.cap_actions[msg_type].setToolTip(why)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the incident -------------------------------------------------------------------------

    def set_incident(self, incident: dict[str, Any] | None, *, cap_sent: bool = False) -> None:
        """Make the reports of ``incident`` (None: no incident chosen, nothing to make);
        ``cap_sent``: a CAP alert about it has been sent (the next one updates it)."""
        new_id = incident["id"] if incident else None
        if new_id != self.incident_id:
            self.say("")
        self.incident_id = new_id
        self.cap_sent = incident is not None and cap_sent
        self._explain_cap()
        for push in self.buttons.values():
            push.setEnabled(new_id is not None)

    def say(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        colour = style.ERROR_TEXT if error else style.MUTED_TEXT
        self.status_label.setStyleSheet(f"color: {colour};")

    # -- saving -------------------------------------------------------------------------------

    def _stamp(self) -> str:
        return self.ctx.console.now().astimezone().strftime("%Y%m%d-%H%M")

    def save_report(self, kind: str) -> None:
        """Ask where to save the ``kind`` report, then write its PDF there."""
        incident_id = self.incident_id
        if incident_id is None:
            return
        name = self.report_name(kind)
        path = ask_save_path(
            self.window(),
            self.ctx,
            title=self.tr("{report}: save as PDF").format(report=name),
            suggested=f"{incident_id}-{kind}-report-{self._stamp()}.pdf",
            filters=[(self.tr("PDF files"), ".pdf")],
        )
        if path is None:
            return
        console = self.ctx.console
        lang = self.ctx.lang  # the report follows the interface's language
        self._write(name, path, lambda: reports.report_pdf(console, incident_id, kind, lang))

    def save_cap(self, msg_type: str) -> None:
        """Ask where to save a CAP message of ``msg_type``, then write and record it."""
        incident_id = self.incident_id
        if incident_id is None:
            return
        name = cap_message_label(msg_type)
        path = ask_save_path(
            self.window(),
            self.ctx,
            title=self.tr("{message}: save as XML").format(message=name),
            suggested=f"{incident_id}-cap-{msg_type}-{self._stamp()}.xml",
            filters=[(self.tr("CAP messages (XML)"), ".xml")],
        )
        if path is None:
            return
        console = self.ctx.console
        self.say(self.tr("Writing {file}…").format(file=path.name))
        self.ctx.runner.op(
            lambda: reports.write_cap(console, incident_id, path, msg_type),
            on_done=lambda written: self.say(
                self.tr("{message} {identifier} saved: {path}").format(
                    message=name, identifier=written.message.identifier, path=path
                )
            ),
            on_error=lambda exc: self._failed(name, exc),
        )

    def _write(self, name: str, path: Path, produce: Callable[[], bytes]) -> None:
        self.say(self.tr("Writing {file}…").format(file=path.name))
        self.ctx.runner.query(
            writer(path, produce),
            on_done=lambda saved: self.say(
                self.tr("{report} saved: {path}").format(report=name, path=saved)
            ),
            on_error=lambda exc: self._failed(name, exc),
        )

    def _failed(self, name: str, exc: BaseException) -> None:
        self.say(
            self.tr("{report} not saved. {reason}").format(report=name, reason=user_message(exc)),
            error=True,
        )

    # -- printing -----------------------------------------------------------------------------

    def print_report(self, kind: str) -> None:
        """Print the ``kind`` report (the PDF itself) on a printer chosen in a dialog."""
        incident_id = self.incident_id
        if incident_id is None:
            return
        name = self.report_name(kind)
        console, lang = self.ctx.console, self.ctx.lang
        dialog = PrintDialog(
            self.ctx,
            self.window(),
            title=self.tr("{report}: print").format(report=name),
            make=lambda: reports.report_pdf(console, incident_id, kind, lang),
        )
        open_dialog(dialog)
