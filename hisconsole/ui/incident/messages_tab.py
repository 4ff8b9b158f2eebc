"""The Incident page's Messages tab (as HICS 213): messages, their priority and replies."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QVBoxLayout, QWidget

from hisconsole.domain import incidents as rules
from hisconsole.services import response
from hisconsole.ui.context import Context
from hisconsole.ui.i18n import priority_label
from hisconsole.ui.incident.detail import CurrentId, IncidentDetail
from hisconsole.ui.partials.dialogs import MessageDialog, TextDialog, button, open_dialog
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import table_view
from hisconsole.ui.situation import clock_time
from hisconsole.ui.tasks.dialog import make_task_action, task_action_text

PRIORITY_COLOURS = {"urgent": "#B3261E", "medium": None, "informational": "#5F6368"}


class MessagesTab(Tab):
    """The incident's messages; write a new one or record a reply.

    Signals: none.
    """

    def __init__(self, ctx: Context, current_id: CurrentId, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current_id = current_id
        box = QVBoxLayout(self)
        self.messages_model = RecordsModel(
            [
                Column(lambda: self.tr("Time"), lambda r: clock_time(r["at"])),
                Column(lambda: self.tr("From"), lambda r: r["sender"]),
                Column(lambda: self.tr("To"), lambda r: r["recipient"]),
                Column(
                    lambda: self.tr("Priority"),
                    lambda r: priority_label(r["priority"]),
                    foreground=lambda r: PRIORITY_COLOURS.get(r["priority"]),
                ),
                Column(lambda: self.tr("Message"), lambda r: r["text"]),
                Column(
                    lambda: self.tr("Reply required"),
                    lambda r: self.tr("Yes") if r["reply_required"] else self.tr("No"),
                ),
                Column(lambda: self.tr("Reply"), lambda r: r["reply"] or ""),
                Column(
                    lambda: self.tr("Replied by"),
                    lambda r: (
                        f"{r['replied_by']} {clock_time(r['replied_at'])}" if r["reply"] else ""
                    ),
                ),
            ],
            self,
        )
        self.messages_view = table_view(self.messages_model, self, stretch=4, name="messages")
        self.messages_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        box.addWidget(self.messages_view, 1)
        self.task_action = make_task_action(
            self.messages_view, ctx, current_id, lambda: self._task_source()
        )
        buttons = QHBoxLayout()
        self.message_button = button("", self)
        self.message_button.clicked.connect(self.new_message)
        self.reply_button = button("", self)
        self.reply_button.clicked.connect(self.reply)
        buttons.addWidget(self.message_button)
        buttons.addWidget(self.reply_button)
        buttons.addStretch(1)
        box.addLayout(buttons)

    def retranslate(self) -> None:
        self.message_button.setText(self.tr("New message…"))
        self.reply_button.setText(self.tr("Reply…"))
        self.task_action.setText(task_action_text())
        self.messages_model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.messages_model.columnCount() - 1
        )

    def show_detail(self, detail: IncidentDetail | None) -> None:
        is_open = detail is not None and detail.incident["status"] == rules.INCIDENT_OPEN
        for widget in (self.message_button, self.reply_button):
            widget.setEnabled(is_open)
        self.messages_model.set_rows(detail.messages if detail else [])

    def _task_source(self) -> tuple[str, str, str] | None:
        row = self.messages_view.currentIndex().row()
        rows = self.messages_model.rows()
        if not 0 <= row < len(rows):
            return None
        message = rows[row]
        return "message", message["id"], f"{message['sender']}: {message['text']}"

    def new_message(self) -> MessageDialog | None:
        incident_id = self.current_id()
        if incident_id is None:
            return None
        dialog = MessageDialog(self.ctx, incident_id, self.window())
        open_dialog(dialog)
        return dialog

    def reply(self) -> TextDialog | None:
        row = self.messages_view.currentIndex().row()
        rows = self.messages_model.rows()
        if not 0 <= row < len(rows):
            return None
        message = rows[row]
        console, message_id = self.ctx.console, message["id"]
        dialog = TextDialog(
            self.ctx,
            title=lambda: self.tr("Reply to message"),
            caption=lambda: self.tr("&Reply:"),
            action=lambda: self.tr("Record reply"),
            intro=lambda: f"{message['sender']} → {message['recipient']}: {message['text']}",
            required=lambda: self.tr("The reply is empty."),
            run=lambda answer: lambda: response.reply_message(console, message_id, answer),
            parent=self.window(),
        )
        open_dialog(dialog)
        return dialog
