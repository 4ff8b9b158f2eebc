"""The Incident page's Tasks tab: every task with its owner, group, due time and status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from hisconsole.domain import glossary
from hisconsole.domain import incidents as rules
from hisconsole.services import tasks as task_service
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.incident.detail import CurrentId, IncidentDetail, group_name
from hisconsole.ui.partials.dialogs import button, open_dialog
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import table_view
from hisconsole.ui.situation import date_time
from hisconsole.ui.tasks.dialog import TaskDialog, source_label

OVERDUE_COLOUR = "#B3261E"
DONE_COLOUR = style.MUTED_TEXT


class TasksTab(Tab):
    """The incident's tasks, open ones first, the overdue in red; new task, done, reopen.

    Signals: none.
    """

    def __init__(self, ctx: Context, current_id: CurrentId, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current_id = current_id
        self.detail: IncidentDetail | None = None
        box = QVBoxLayout(self)
        self.summary_label = style.label("", self, bold=True)
        box.addWidget(self.summary_label)
        self.tasks_model = RecordsModel(
            [
                Column(lambda: self.tr("Task"), lambda r: r["task"]),
                Column(lambda: self.tr("What"), lambda r: r["text"]),
                Column(lambda: self.tr("Owner"), lambda r: r["owner"]),
                Column(lambda: self.tr("Group"), lambda r: group_name(self.ctx, r["group"])),
                Column(lambda: self.tr("Due"), lambda r: date_time(r["due_at"], seconds=False)),
                Column(lambda: self.tr("Status"), self._status, foreground=self._colour),
                Column(
                    lambda: self.tr("From"),
                    lambda r: source_label(r["source"]) if r["source"] else "",
                ),
            ],
            self,
        )
        self.tasks_view = table_view(self.tasks_model, self, stretch=1, name="tasks")
        box.addWidget(self.tasks_view, 1)
        buttons = QHBoxLayout()
        self.new_button = button("", self)
        self.new_button.clicked.connect(self.new_task)
        self.done_button = button("", self)
        self.done_button.clicked.connect(self.toggle_done)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.done_button)
        self.status_label = style.label("", self, wrap=True)
        buttons.addWidget(self.status_label, 1)
        box.addLayout(buttons)

    def _status(self, row: dict[str, Any]) -> str:
        if row["status"] == glossary.TASK_DONE:
            return self.tr("Done {time} ({person})").format(
                time=date_time(row["done_at"], seconds=False), person=row["done_by"]
            )
        if row["overdue"]:
            return self.tr("OVERDUE")
        return self.tr("Open")

    @staticmethod
    def _colour(row: dict[str, Any]) -> str | None:
        if row["status"] == glossary.TASK_DONE:
            return DONE_COLOUR
        return OVERDUE_COLOUR if row["overdue"] else None

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New task…"))
        self.done_button.setText(self.tr("Done / reopen"))
        self.tasks_model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.tasks_model.columnCount() - 1
        )
        self.show_detail(self.detail)

    def show_detail(self, detail: IncidentDetail | None) -> None:
        self.detail = detail
        is_open = detail is not None and detail.incident["status"] == rules.INCIDENT_OPEN
        self.new_button.setEnabled(is_open)
        self.done_button.setEnabled(is_open)
        rows = detail.tasks if detail else []
        self.tasks_model.set_rows(rows)
        open_count = sum(1 for t in rows if t["status"] != glossary.TASK_DONE)
        overdue = sum(1 for t in rows if t["overdue"])
        self.summary_label.setText(
            self.tr("{open} open, {overdue} overdue, {done} done").format(
                open=open_count, overdue=overdue, done=len(rows) - open_count
            )
        )

    def new_task(self) -> TaskDialog | None:
        incident_id = self.current_id()
        if incident_id is None:
            return None
        dialog = TaskDialog(self.ctx, incident_id, None, self.window())
        open_dialog(dialog)
        return dialog

    def selected_task(self) -> dict[str, Any] | None:
        row = self.tasks_view.currentIndex().row()
        rows = self.tasks_model.rows()
        return rows[row] if 0 <= row < len(rows) else None

    def toggle_done(self) -> None:
        task = self.selected_task()
        if task is None:
            self.say(self.tr("Choose a task first."), "muted")
            return
        status = glossary.TASK_OPEN if task["status"] == glossary.TASK_DONE else glossary.TASK_DONE
        console, task_id = self.ctx.console, task["task"]
        self.ctx.runner.op(
            lambda: task_service.set_status(console, task_id, status),
            on_error=self.failed,
        )
