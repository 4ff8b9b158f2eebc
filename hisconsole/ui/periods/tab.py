"""The Incident page's Periods tab: the current operational period, its objectives and
briefing, the periods before, and starting the next one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from hisconsole.domain import glossary
from hisconsole.domain import incidents as rules
from hisconsole.services import periods as period_service
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.incident.detail import CurrentId, IncidentDetail, group_name
from hisconsole.ui.partials.dialogs import button, open_dialog
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import table_view
from hisconsole.ui.periods.dialog import StartPeriodDialog
from hisconsole.ui.situation import date_time


class PeriodsTab(Tab):
    """The current period (number, until when, groups, briefing) with its objectives to tick,
    and every period before with what carried over.

    Signals: none.
    """

    def __init__(self, ctx: Context, current_id: CurrentId, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current_id = current_id
        self.detail: IncidentDetail | None = None
        box = QVBoxLayout(self)
        self.current_label = style.label("", self, delta=style.BODY_DELTA + 1, bold=True, wrap=True)
        self.current_label.setObjectName("CurrentPeriod")
        self.briefing_label = style.label("", self, wrap=True)
        box.addWidget(self.current_label)
        box.addWidget(self.briefing_label)
        self.objectives_model = RecordsModel(
            [
                Column(lambda: self.tr("Met"), lambda r: "", checked=lambda r: r["done"]),
                Column(lambda: self.tr("Objective"), lambda r: r["text"]),
                Column(lambda: self.tr("Set in period"), lambda r: str(r["set_in"] or "")),
                Column(
                    lambda: self.tr("Met at"),
                    lambda r: date_time(r["done_at"], seconds=False) if r["done"] else "",
                ),
            ],
            self,
        )
        self.objectives_model.toggled.connect(self._ticked)
        self.objectives_view = table_view(self.objectives_model, self, stretch=1, name="objectives")
        box.addWidget(self.objectives_view, 2)
        self.history_label = style.label("", self, bold=True)
        box.addWidget(self.history_label)
        self.history_model = RecordsModel(
            [
                Column(lambda: self.tr("Period"), lambda r: str(r["number"])),
                Column(lambda: self.tr("From"), lambda r: date_time(r["starts_at"], seconds=False)),
                Column(lambda: self.tr("Until"), lambda r: date_time(r["ends_at"], seconds=False)),
                Column(lambda: self.tr("Objectives"), self._objectives_summary),
                Column(lambda: self.tr("Carried over"), self._carried),
            ],
            self,
        )
        self.history_view = table_view(self.history_model, self, stretch=3, name="periods")
        box.addWidget(self.history_view, 1)
        buttons = QHBoxLayout()
        self.start_button = button("", self)
        self.start_button.clicked.connect(self.start_period)
        buttons.addWidget(self.start_button)
        self.status_label = style.label("", self, wrap=True)
        buttons.addWidget(self.status_label, 1)
        box.addLayout(buttons)

    def _objectives_summary(self, row: dict[str, Any]) -> str:
        met = sum(1 for o in row["objectives"] if o["done"])
        return self.tr("{met} of {total} met").format(met=met, total=len(row["objectives"]))

    def _carried(self, row: dict[str, Any]) -> str:
        return self.tr("{objectives} objective(s), {tasks} task(s)").format(
            objectives=len(row["carried_objectives"]), tasks=len(row["carried_tasks"])
        )

    def retranslate(self) -> None:
        self.start_button.setText(self.tr("Start next period…"))
        self.history_label.setText(self.tr("Periods"))
        for model in (self.objectives_model, self.history_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        self.show_detail(self.detail)

    def show_detail(self, detail: IncidentDetail | None) -> None:
        self.detail = detail
        is_open = detail is not None and detail.incident["status"] == rules.INCIDENT_OPEN
        self.start_button.setEnabled(is_open)
        rows = detail.periods if detail else []
        current = rows[-1] if rows else None
        self.history_model.set_rows(list(reversed(rows)))
        self.objectives_model.set_rows(current["objectives"] if current else [])
        if current is None:
            self.current_label.setText(
                self.tr("No operational period yet. Start one to set its objectives.")
            )
            self.briefing_label.hide()
            return
        groups = ", ".join(group_name(self.ctx, g) for g in current["groups"])
        words = self.tr("Period {number}: {start} – {end} ({hours} h)").format(
            number=current["number"],
            start=date_time(current["starts_at"], seconds=False),
            end=date_time(current["ends_at"], seconds=False),
            hours=current["length_hours"],
        )
        if current["overrun"]:
            words += " · " + self.tr("ended: brief and start the next period")
        if groups:
            words += " · " + self.tr("groups: {groups}").format(groups=groups)
        self.current_label.setText(words)
        style.set_colour(self.current_label, style.ERROR_TEXT if current["overrun"] else None)
        self.briefing_label.setText(self.tr("Briefing: {text}").format(text=current["briefing"]))
        self.briefing_label.setVisible(bool(current["briefing"]))

    def start_period(self) -> StartPeriodDialog | None:
        incident_id = self.current_id()
        if incident_id is None or self.detail is None:
            return None
        periods = self.detail.periods
        open_objectives = sum(
            1 for o in (periods[-1]["objectives"] if periods else []) if not o["done"]
        )
        open_tasks = sum(1 for t in self.detail.tasks if t["status"] == glossary.TASK_OPEN)
        dialog = StartPeriodDialog(
            self.ctx,
            incident_id,
            open_objectives=open_objectives,
            open_tasks=open_tasks,
            parent=self.window(),
        )
        open_dialog(dialog)
        return dialog

    def _ticked(self, row: int, done: bool) -> None:
        objective = self.objectives_model.row_data(row)["objective"]
        console = self.ctx.console
        self.ctx.runner.op(
            lambda: period_service.set_objective(console, objective, done), on_error=self.failed
        )
