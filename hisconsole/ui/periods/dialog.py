"""Starting the next operational period: objectives, length, groups, briefing; it says what
will carry over."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPlainTextEdit, QSpinBox, QWidget

from hisconsole.domain import periods as period_rules
from hisconsole.domain.plan import GROUP_CODES
from hisconsole.services import periods as period_service
from hisconsole.ui.context import Context
from hisconsole.ui.incident.detail import group_name
from hisconsole.ui.partials.form_dialog import FormDialog


class StartPeriodDialog(FormDialog):
    """Start the incident's next operational period (as an incident action plan, HICS 202).

    Signals: those of QDialog.
    """

    def __init__(
        self,
        ctx: Context,
        incident_id: str,
        *,
        open_objectives: int,
        open_tasks: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("StartPeriodDialog")
        self.incident_id = incident_id
        self.open_objectives, self.open_tasks = open_objectives, open_tasks
        self.objectives_edit = QPlainTextEdit(self)
        self.objectives_edit.setTabChangesFocus(True)
        self.objectives_edit.setFixedHeight(110)
        self.length_spin = QSpinBox(self)
        self.length_spin.setRange(1, period_rules.MAX_PERIOD_HOURS)
        snapshot = ctx.plan.snapshot
        self.length_spin.setValue(
            period_rules.period_hours(snapshot.document if snapshot else None)
        )
        groups = QWidget(self)
        row = QHBoxLayout(groups)
        row.setContentsMargins(0, 0, 0, 0)
        self.group_boxes: dict[str, QCheckBox] = {}
        for code in GROUP_CODES:
            box = QCheckBox(group_name(ctx, code), groups)
            self.group_boxes[code] = box
            row.addWidget(box)
        row.addStretch(1)
        self.briefing_edit = QPlainTextEdit(self)
        self.briefing_edit.setTabChangesFocus(True)
        self.briefing_edit.setFixedHeight(80)
        self.add_row(lambda: self.tr("&Objectives (one a line):"), self.objectives_edit)
        self.add_row(lambda: self.tr("&Length (hours):"), self.length_spin)
        self.add_row(lambda: self.tr("Groups assigned:"), groups)
        self.add_row(lambda: self.tr("&Briefing:"), self.briefing_edit)
        self.retranslate()
        self.objectives_edit.setFocus()

    def operation(self) -> Callable[[], Any] | None:
        console, incident_id = self.ctx.console, self.incident_id
        objectives = self.objectives_edit.toPlainText().splitlines()
        hours = self.length_spin.value()
        groups = [code for code, box in self.group_boxes.items() if box.isChecked()]
        briefing = self.briefing_edit.toPlainText()
        return lambda: period_service.start(
            console, incident_id, objectives, length_hours=hours, groups=groups, briefing=briefing
        )

    def retranslate(self) -> None:
        super().retranslate()
        self.intro_label.setText(
            self.tr(
                "Still open from before, carried over: {objectives} objective(s) not met, "
                "{tasks} task(s) not done."
            ).format(objectives=self.open_objectives, tasks=self.open_tasks)
        )
        self.intro_label.show()
        self.setWindowTitle(self.tr("Start the next operational period"))
        self.ok_button.setText(self.tr("Start period"))
