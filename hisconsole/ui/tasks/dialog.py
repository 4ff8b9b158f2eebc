"""The dialog that records a task: what, who, which group, due when (and where it came from)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QWidget

from hisconsole.domain.plan import GROUP_CODES
from hisconsole.services import tasks as task_service
from hisconsole.ui.context import Context
from hisconsole.ui.incident.detail import group_name
from hisconsole.ui.partials.dialogs import edited_time, local_qdatetime, now_edit, open_dialog
from hisconsole.ui.partials.form_dialog import FormDialog

#: What a task is made from: (source, its id, the text to start from).
Source = tuple[str, str, str]


class TaskDialog(FormDialog):
    """Record a task of an incident; made from a log entry, a message or a checklist step,
    it starts with that text and keeps where it came from.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        ctx: Context,
        incident_id: str,
        source: Source | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("TaskDialog")
        self.incident_id = incident_id
        self.source = source
        self.text_edit = QLineEdit(source[2] if source else "", self)
        self.owner_edit = QLineEdit(self)
        self.group_combo = QComboBox(self)
        self.group_combo.addItem("", None)
        for code in GROUP_CODES:
            self.group_combo.addItem(group_name(ctx, code), code)
        self.due_edit = now_edit(ctx, self)
        # Due in an hour unless said otherwise.
        self.due_edit.setDateTime(local_qdatetime(ctx.console.now() + dt.timedelta(hours=1)))
        self.add_row(lambda: self.tr("&Task:"), self.text_edit)
        self.add_row(lambda: self.tr("&Owner:"), self.owner_edit)
        self.add_row(lambda: self.tr("&Group:"), self.group_combo)
        self.add_row(lambda: self.tr("&Due:"), self.due_edit)
        self.retranslate()
        (self.owner_edit if source else self.text_edit).setFocus()

    def operation(self) -> Callable[[], Any] | None:
        due = edited_time(self.due_edit, True)
        assert due is not None
        console, incident_id = self.ctx.console, self.incident_id
        values = {
            "owner": self.owner_edit.text(),
            "due": due,
            "group": self.group_combo.currentData(),
            "source": self.source[0] if self.source else None,
            "ref": self.source[1] if self.source else None,
        }
        text = self.text_edit.text()
        return lambda: task_service.add(console, incident_id, text, **values)

    def retranslate(self) -> None:
        super().retranslate()
        self.group_combo.setItemText(0, self.tr("(no group)"))
        if self.source is not None:
            self.intro_label.setText(source_label(self.source[0]))
            self.intro_label.show()
        self.setWindowTitle(self.tr("New task"))
        self.ok_button.setText(self.tr("Record task"))


def source_label(source: str) -> str:
    """Where a task came from, as the dialog and the Tasks tab say it."""
    labels = {
        "log": QCoreApplication.translate("Tasks", "Made from an activity-log entry"),
        "message": QCoreApplication.translate("Tasks", "Made from a message"),
        "checklist": QCoreApplication.translate("Tasks", "Made from a checklist step"),
    }
    return labels.get(source, source)


def make_task_action(
    view: QAbstractItemView,
    ctx: Context,
    incident_id: Callable[[], str | None],
    chosen: Callable[[], Source | None],
) -> QAction:
    """A "Make a task…" entry in ``view``'s context menu: a task from the row chosen.
    (Its text is set by ``task_action_text`` in the owner's ``retranslate``.)"""
    action = QAction(task_action_text(), view)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.addAction(action)

    def make() -> None:
        incident, source = incident_id(), chosen()
        if incident is not None and source is not None:
            open_dialog(TaskDialog(ctx, incident, source, view.window()))

    action.triggered.connect(make)
    return action


def task_action_text() -> str:
    return QCoreApplication.translate("Tasks", "Make a task…")
