"""The Incident page's Checklists tab: the playbook's steps per group, ticked as they are done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QVBoxLayout, QWidget

from hisconsole.domain import incidents as rules
from hisconsole.domain.plan import GROUP_CODES, text
from hisconsole.services import incidents as incident_service
from hisconsole.services import plan as plan_service
from hisconsole.services import response
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.incident.detail import CurrentId, IncidentDetail, group_items, group_name
from hisconsole.ui.partials.dialogs import AddStepDialog, TextDialog, button, open_dialog
from hisconsole.ui.partials.form_dialog import FormDialog
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import combo_with, table_view
from hisconsole.ui.situation import clock_time
from hisconsole.ui.tasks.dialog import make_task_action, task_action_text


class ChecklistTab(Tab):
    """The incident's checklist steps, for one group or all; tick, assign, add a step.

    Signals: none.
    """

    def __init__(self, ctx: Context, current_id: CurrentId, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current_id = current_id
        self.detail: IncidentDetail | None = None
        box = QVBoxLayout(self)
        top = QHBoxLayout()
        self.checklist_group = combo_with([("", None), *(("", g) for g in GROUP_CODES)], self)
        self.checklist_group.currentIndexChanged.connect(self._fill_checklist)
        self.checklist_progress = style.label("", self, delta=style.BODY_DELTA, bold=True)
        top.addWidget(self.checklist_group)
        top.addWidget(self.checklist_progress, 1)
        box.addLayout(top)
        # Declared without a playbook: said, with the way to choose one.
        self.no_playbook = QWidget(self)
        row = QHBoxLayout(self.no_playbook)
        row.setContentsMargins(0, 0, 0, 0)
        self.no_playbook_label = style.label(
            "", self.no_playbook, wrap=True, colour=style.ERROR_TEXT, delta=style.BODY_DELTA
        )
        self.choose_playbook_button = button("", self.no_playbook)
        self.choose_playbook_button.clicked.connect(self.choose_playbook)
        row.addWidget(self.no_playbook_label, 1)
        row.addWidget(self.choose_playbook_button)
        self.no_playbook.hide()
        box.addWidget(self.no_playbook)
        self.checklist_model = RecordsModel(
            [
                Column(lambda: self.tr("Done"), lambda r: "", checked=lambda r: r["done"]),
                Column(lambda: self.tr("Group"), lambda r: group_name(self.ctx, r["group"])),
                Column(lambda: self.tr("Step"), lambda r: text(r["text"], self.ctx.lang)),
                Column(lambda: self.tr("Assigned to"), lambda r: r["assignee"] or ""),
                Column(
                    lambda: self.tr("Done at"),
                    lambda r: clock_time(r["done_at"]) if r["done"] else "",
                ),
                Column(
                    lambda: self.tr("Done by"),
                    lambda r: (r["done_by"] or "") if r["done"] else "",
                ),
            ],
            self,
        )
        self.checklist_model.toggled.connect(self._ticked)
        self.checklist_view = table_view(self.checklist_model, self, stretch=2, name="checklist")
        # Steps are sentences: rows grow to the wrapped text as the column width changes.
        self.checklist_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        box.addWidget(self.checklist_view, 1)
        self.task_action = make_task_action(
            self.checklist_view, ctx, current_id, lambda: self._task_source()
        )
        buttons = QHBoxLayout()
        self.tick_button = button("", self)
        self.tick_button.clicked.connect(self.toggle_step)
        self.assign_button = button("", self)
        self.assign_button.clicked.connect(self.assign_step)
        self.add_step_button = button("", self)
        self.add_step_button.clicked.connect(self.add_step)
        for widget in (self.tick_button, self.assign_button, self.add_step_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        box.addLayout(buttons)

    def retranslate(self) -> None:
        group_items(self.ctx, self.checklist_group, self.tr("All groups"))
        self.tick_button.setText(self.tr("Tick / untick"))
        self.assign_button.setText(self.tr("Assign…"))
        self.add_step_button.setText(self.tr("Add step…"))
        self.task_action.setText(task_action_text())
        self.no_playbook_label.setText(
            self.tr(
                "This incident follows no playbook, so it has no checklist steps from the plan."
            )
        )
        self.choose_playbook_button.setText(self.tr("Choose playbook…"))
        self.checklist_group.setAccessibleName(self.tr("Show the steps of group"))
        self.checklist_model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.checklist_model.columnCount() - 1
        )

    def show_detail(self, detail: IncidentDetail | None) -> None:
        self.detail = detail
        is_open = detail is not None and detail.incident["status"] == rules.INCIDENT_OPEN
        for widget in (self.tick_button, self.assign_button, self.add_step_button):
            widget.setEnabled(is_open)
        self.no_playbook.setVisible(
            detail is not None and is_open and not detail.incident.get("scenario")
        )
        if detail is None:
            self.checklist_model.set_rows([])
            return
        self._fill_checklist()

    def _fill_checklist(self) -> None:
        items = self.detail.checklist if self.detail else []
        group = self.checklist_group.currentData()
        shown = [i for i in items if group is None or i["group"] == group]
        self.checklist_model.set_rows(shown)
        done = sum(1 for i in shown if i["done"])
        self.checklist_progress.setText(
            self.tr("Done {done} of {total}").format(done=done, total=len(shown))
        )

    def selected_step(self) -> dict[str, Any] | None:
        row = self.checklist_view.currentIndex().row()
        rows = self.checklist_model.rows()
        return rows[row] if 0 <= row < len(rows) else None

    def _task_source(self) -> tuple[str, str, str] | None:
        step = self.selected_step()
        if step is None:
            return None
        return "checklist", step["item"], text(step["text"], self.ctx.lang)

    def _ticked(self, row: int, done: bool) -> None:
        self._tick(self.checklist_model.row_data(row), done)

    def _tick(self, step: dict[str, Any], done: bool) -> None:
        console, item = self.ctx.console, step["item"]
        self.ctx.runner.op(lambda: response.tick(console, item, done))

    def toggle_step(self) -> None:
        step = self.selected_step()
        if step is not None:
            self._tick(step, not step["done"])

    def assign_step(self) -> TextDialog | None:
        step = self.selected_step()
        if step is None:
            return None
        console, item = self.ctx.console, step["item"]
        dialog = TextDialog(
            self.ctx,
            title=lambda: self.tr("Assign step"),
            caption=lambda: self.tr("&Assign to:"),
            action=lambda: self.tr("Assign"),
            intro=lambda: text(step["text"], self.ctx.lang),
            required=lambda: self.tr("Name the person the step is assigned to."),
            initial=step["assignee"] or "",
            run=lambda name: lambda: response.assign(console, item, name),
            parent=self.window(),
        )
        open_dialog(dialog)
        return dialog

    def add_step(self) -> AddStepDialog | None:
        incident_id = self.current_id()
        if incident_id is None:
            return None
        dialog = AddStepDialog(
            self.ctx, incident_id, self.checklist_group.currentData(), self.window()
        )
        open_dialog(dialog)
        return dialog

    def choose_playbook(self) -> PlaybookChoiceDialog | None:
        if self.detail is None:
            return None
        dialog = PlaybookChoiceDialog(self.ctx, self.detail.incident, self.window())
        open_dialog(dialog)
        return dialog


class PlaybookChoiceDialog(FormDialog):
    """Choose the plan's playbook for an incident declared without one (the one the plan
    gives for its systems comes first); its steps join the checklist."""

    def __init__(
        self, ctx: Context, incident: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("PlaybookChoiceDialog")
        self.incident_id = incident["id"]
        snapshot = ctx.plan.snapshot
        scenarios = snapshot.section("scenarios") if snapshot else []
        self.scenario_combo = QComboBox(self)
        for scenario in scenarios:
            self.scenario_combo.addItem(text(scenario["name"], ctx.lang), scenario["code"])
        proposed = plan_service.propose_scenario(
            {"scenarios": scenarios}, [s["code"] for s in incident.get("systems", [])]
        )
        self.scenario_combo.setCurrentIndex(max(0, self.scenario_combo.findData(proposed)))
        self.add_row(lambda: self.tr("&Playbook:"), self.scenario_combo)
        self.level = incident["level"]
        self.intro_label.show()
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        console, incident_id = self.ctx.console, self.incident_id
        scenario = self.scenario_combo.currentData()
        return lambda: incident_service.choose_playbook(console, incident_id, scenario)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Choose playbook"))
        self.intro_label.setText(
            self.tr(
                "The playbook's steps for level {level} join the checklist; the plan's "
                "playbook for the incident's systems is chosen first."
            ).format(level=self.level)
        )
        self.ok_button.setText(self.tr("Follow this playbook"))
