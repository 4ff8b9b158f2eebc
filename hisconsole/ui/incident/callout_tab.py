"""The Incident page's Call-out tab: who has been reached over a call tree, whom to call next."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from hisconsole.domain import incidents as rules
from hisconsole.domain.plan import text
from hisconsole.services import response
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.i18n import call_status_label, phones_text
from hisconsole.ui.incident.detail import CurrentId, IncidentDetail, person_name
from hisconsole.ui.partials.callout import OutcomeBar, wave_lines
from hisconsole.ui.partials.dialogs import StartCalloutDialog, button, open_dialog
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import table_view
from hisconsole.ui.situation import clock_time

CALL_COLOURS = {
    "reached": "#C8E6C9",
    "calling": "#FFF59D",
    "no-answer": "#FFCDD2",
    "left-message": "#FFE0B2",
    "declined": "#FFCDD2",
    "coming": "#A5D6A7",
}


class CalloutTab(Tab):
    """The incident's call-outs: one chosen, its slots, whom to call next, and call outcomes.

    Signals: none.
    """

    def __init__(self, ctx: Context, current_id: CurrentId, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current_id = current_id
        self.detail: IncidentDetail | None = None
        box = QVBoxLayout(self)
        top = QHBoxLayout()
        self.callout_combo = QComboBox(self)
        self.callout_combo.currentIndexChanged.connect(self._fill_callout)
        self.start_callout_button = button("", self)
        self.start_callout_button.clicked.connect(self.start_callout)
        self.callout_progress = style.label("", self, delta=style.SECTION_DELTA, bold=True)
        top.addWidget(self.callout_combo, 1)
        top.addWidget(self.callout_progress)
        top.addWidget(self.start_callout_button)
        box.addLayout(top)
        self.callout_next = style.label("", self, delta=style.BODY_DELTA + 2, wrap=True)
        self.callout_next.setObjectName("CalloutNext")
        box.addWidget(self.callout_next)
        self.callout_model = RecordsModel(
            [
                Column(
                    lambda: self.tr("Person"),
                    lambda r: "    " * r["path"].count(".") + self._person(r["person"]),
                ),
                Column(
                    lambda: self.tr("Status"),
                    lambda r: call_status_label(r["status"]),
                    background=lambda r: CALL_COLOURS.get(r["status"]),
                ),
                # When the alternate is to be called: beside the status, never cut off.
                Column(
                    lambda: self.tr("Escalates at"),
                    lambda r: clock_time(r["escalate_at"]) if not r["escalated"] else "",
                ),
                Column(lambda: self.tr("Alternate"), lambda r: self._person(r["alternate"])),
                Column(
                    lambda: self.tr("Alternate status"),
                    lambda r: call_status_label(r["alternate_status"]) if r["escalated"] else "",
                    background=lambda r: (
                        CALL_COLOURS.get(r["alternate_status"]) if r["escalated"] else None
                    ),
                ),
                Column(lambda: self.tr("Last call"), lambda r: clock_time(r["last_attempt"])),
                # Last and stretched: a long list of numbers wraps instead of pushing
                # the other columns out of sight.
                Column(lambda: self.tr("Phones"), lambda r: phones_text(r["person"]["phones"])),
            ],
            self,
        )
        self.callout_view = table_view(
            self.callout_model, self, stretch=6, name="call-out", fit_rows=True
        )
        box.addWidget(self.callout_view, 1)
        self.outcomes = OutcomeBar(self)
        self.outcomes.recorded.connect(self.record_call)
        self.outcome_buttons = self.outcomes.buttons
        buttons = QHBoxLayout()
        buttons.addWidget(self.outcomes)
        buttons.addStretch(1)
        box.addLayout(buttons)

    def _person(self, person: dict[str, Any] | None) -> str:
        return person_name(self.ctx, person)

    def retranslate(self) -> None:
        self.start_callout_button.setText(self.tr("Start call-out…"))
        self.callout_combo.setAccessibleName(self.tr("Call-out"))
        self.callout_model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.callout_model.columnCount() - 1
        )

    def show_detail(self, detail: IncidentDetail | None) -> None:
        self.detail = detail
        is_open = detail is not None and detail.incident["status"] == rules.INCIDENT_OPEN
        self.start_callout_button.setEnabled(is_open)
        self.outcomes.set_enabled(is_open)
        if detail is None:
            self.callout_model.set_rows([])
            self.callout_combo.clear()
            self.callout_progress.setText("")
            self.callout_next.setText("")
            return
        current_callout = self.callout_combo.currentData()
        self.callout_combo.blockSignals(True)
        self.callout_combo.clear()
        for run in detail.callouts:
            self.callout_combo.addItem(
                self.tr("{tree} — started {time}").format(
                    tree=text(run.get("title"), self.ctx.lang) or run["tree"],
                    time=clock_time(run["started_at"]),
                ),
                run["callout"],
            )
        if not detail.callouts:
            self.callout_combo.addItem(self.tr("No call-out started"), None)
        index = self.callout_combo.findData(current_callout)
        self.callout_combo.setCurrentIndex(index if index >= 0 else self.callout_combo.count() - 1)
        self.callout_combo.blockSignals(False)
        self._fill_callout()

    def current_callout(self) -> dict[str, Any] | None:
        callout_id = self.callout_combo.currentData()
        runs = self.detail.callouts if self.detail else []
        return next((r for r in runs if r["callout"] == callout_id), None)

    def _fill_callout(self) -> None:
        run = self.current_callout()
        if run is None:
            self.callout_model.set_rows([])
            self.callout_progress.setText("")
            self.callout_next.setText(
                self.tr("Start a call-out over a call tree to see whom to call next.")
            )
            self.outcomes.set_enabled(False)
            return
        current = self.callout_view.currentIndex().row()
        self.callout_model.set_rows(run["slots"])
        if 0 <= current < len(run["slots"]):
            self.callout_view.selectRow(current)
        self.callout_progress.setText(
            "\n".join(
                [
                    self.tr("Reached {reached} of {total}").format(
                        reached=run["reached"], total=run["total"]
                    ),
                    *wave_lines(run),
                ]
            )
        )
        lines = []
        slots = {s["path"]: s for s in run["slots"]}
        for entry in run["next"][:3]:
            person = entry["person"] or {}
            slot = slots.get(entry["path"], {})
            name = self._person(person)
            if slot.get("escalated"):
                name = self.tr("{name} (alternate for {original})").format(
                    name=name, original=self._person(slot.get("person"))
                )
            lines.append(
                self.tr("Call next: {name}   {phones}").format(
                    name=name, phones=phones_text(person.get("phones", []))
                )
            )
        if not lines:
            lines.append(self.tr("Everyone has been reached."))
        self.callout_next.setText("\n".join(lines))
        is_open = self.detail is not None and self.detail.incident["status"] == rules.INCIDENT_OPEN
        self.outcomes.set_enabled(is_open)

    def start_callout(self) -> StartCalloutDialog | None:
        incident_id = self.current_id()
        if incident_id is None or self.detail is None:
            return None
        dialog = StartCalloutDialog(self.ctx, incident_id, self.detail.trees, self.window())
        open_dialog(dialog)
        return dialog

    def select_call(self, path: str) -> None:
        for row, slot in enumerate(self.callout_model.rows()):
            if slot["path"] == path:
                self.callout_view.selectRow(row)
                return

    def record_call(self, outcome: str, eta_minutes: int | None = None) -> None:
        """Record a call to whoever is to be called for the selected slot (the alternate once
        escalated); without a selection, to the first person to call next."""
        run = self.current_callout()
        if run is None:
            return
        row = self.callout_view.currentIndex().row()
        slots = run["slots"]
        if 0 <= row < len(slots):
            slot = slots[row]
            person = (
                slot["alternate"] if slot["escalated"] and slot["alternate"] else slot["person"]
            )
        elif run["next"]:
            person = run["next"][0]["person"]
        else:
            return
        console, callout_id, key = self.ctx.console, run["callout"], person["key"]
        self.ctx.runner.op(
            lambda: response.record_call(console, callout_id, key, outcome, eta_minutes=eta_minutes)
        )
