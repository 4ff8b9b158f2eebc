"""The Incident page's Systems tab (as HICS 251): each system's status and its history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from hisconsole.domain import incidents as rules
from hisconsole.domain.plan import text
from hisconsole.services import incidents as incident_service
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.i18n import system_status_label
from hisconsole.ui.incident.detail import CurrentId, IncidentDetail
from hisconsole.ui.partials.dialogs import SystemStatusDialog, button, open_dialog
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import table_view
from hisconsole.ui.partials.widgets import STATUS_COLOURS
from hisconsole.ui.situation import date_time


class SystemsTab(Tab):
    """Every system of the plan with its status in this incident, and the history of changes.

    Signals: none.
    """

    def __init__(self, ctx: Context, current_id: CurrentId, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current_id = current_id
        self.detail: IncidentDetail | None = None
        box = QVBoxLayout(self)
        self.systems_model = RecordsModel(
            [
                Column(lambda: self.tr("System"), lambda r: r["code"]),
                Column(lambda: self.tr("Name"), lambda r: r["name"]),
                Column(
                    lambda: self.tr("Status"),
                    lambda r: system_status_label(r["status"]) if r["status"] else self.tr("—"),
                    foreground=lambda r: STATUS_COLOURS.get(r["status"], (None, None))[1],
                    background=lambda r: STATUS_COLOURS.get(r["status"], (None, None))[0],
                ),
                Column(lambda: self.tr("Since"), lambda r: date_time(r["since"])),
                Column(lambda: self.tr("Comment"), lambda r: r["comment"]),
                Column(lambda: self.tr("Repair estimate"), lambda r: r["estimate"]),
            ],
            self,
        )
        self.systems_view = table_view(self.systems_model, self, stretch=4, name="systems")
        self.systems_view.doubleClicked.connect(self.set_status)
        self.systems_view.selectionModel().currentRowChanged.connect(self._show_history)
        box.addWidget(self.systems_view, 3)
        buttons = QHBoxLayout()
        self.status_button = button("", self)
        self.status_button.clicked.connect(self.set_status)
        self.recovered_button = button("", self)
        self.recovered_button.clicked.connect(self.mark_recovered)
        buttons.addWidget(self.status_button)
        buttons.addWidget(self.recovered_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.history_label = style.label("", self, delta=style.BODY_DELTA, bold=True)
        box.addWidget(self.history_label)
        self.history_model = RecordsModel(
            [
                Column(lambda: self.tr("Time"), lambda r: date_time(r["at"])),
                Column(lambda: self.tr("System"), lambda r: r["system"] or ""),
                Column(
                    lambda: self.tr("Status"),
                    lambda r: system_status_label(r["data"].get("status", "")),
                ),
                Column(lambda: self.tr("Comment"), lambda r: r["text"]),
                Column(lambda: self.tr("Repair estimate"), lambda r: r["data"].get("estimate", "")),
                Column(lambda: self.tr("By"), lambda r: r["by"]),
            ],
            self,
        )
        self.history_view = table_view(self.history_model, self, stretch=3, name="status history")
        box.addWidget(self.history_view, 2)

    def retranslate(self) -> None:
        self.status_button.setText(self.tr("Set status…"))
        self.recovered_button.setText(self.tr("Mark recovered"))
        for model in (self.systems_model, self.history_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)

    def show_detail(self, detail: IncidentDetail | None) -> None:
        self.detail = detail
        is_open = detail is not None and detail.incident["status"] == rules.INCIDENT_OPEN
        for widget in (self.status_button, self.recovered_button):
            widget.setEnabled(is_open)
        if detail is None:
            self.systems_model.set_rows([])
            self.history_model.set_rows([])
            return
        self._fill_systems()

    def _fill_systems(self) -> None:
        detail = self.detail
        snapshot = self.ctx.plan.snapshot
        if detail is None:
            return
        recorded = {s["code"]: s for s in detail.incident["systems"]}
        rows = []
        for system in snapshot.section("systems") if snapshot else []:
            state = recorded.get(system["code"], {})
            rows.append(
                {
                    "code": system["code"],
                    "name": text(system["name"], self.ctx.lang),
                    "status": state.get("status", ""),
                    "since": state.get("since"),
                    "comment": state.get("comment", ""),
                    "estimate": state.get("estimate", ""),
                }
            )
        current = self.systems_view.currentIndex().row()
        self.systems_model.set_rows(rows)
        if 0 <= current < len(rows):
            self.systems_view.selectRow(current)
        self._show_history()

    def selected_system(self) -> dict[str, Any] | None:
        row = self.systems_view.currentIndex().row()
        rows = self.systems_model.rows()
        return rows[row] if 0 <= row < len(rows) else None

    def _show_history(self, *_args: object) -> None:
        detail = self.detail
        system = self.selected_system()
        entries = []
        for entry in detail.status_entries if detail else []:
            if entry["kind"] == "status":
                entries.append(entry)
            elif entry["kind"] == "declared":
                # Declaring records the affected systems as down from the first report.
                note = self.tr("declared")
                for code in entry["data"].get("systems", []):
                    entries.append(
                        {
                            **entry,
                            "at": entry["data"].get("reported_at", entry["at"]),
                            "system": code,
                            "text": note,
                            "data": {"status": "down", "estimate": ""},
                        }
                    )
        if system is not None:
            entries = [e for e in entries if e["system"] == system["code"]]
            self.history_label.setText(self.tr("History of {system}").format(system=system["code"]))
        else:
            self.history_label.setText(self.tr("History of every system"))
        self.history_model.set_rows(list(reversed(entries)))

    def set_status(self, _index: QModelIndex | None = None) -> SystemStatusDialog | None:
        incident_id = self.current_id()
        if incident_id is None or not self.status_button.isEnabled():
            return None
        systems = [(r["code"], r["name"]) for r in self.systems_model.rows()]
        dialog = SystemStatusDialog(
            self.ctx, incident_id, systems, self.selected_system(), self.window()
        )
        open_dialog(dialog)
        return dialog

    def mark_recovered(self) -> None:
        incident_id, system = self.current_id(), self.selected_system()
        if incident_id is None or system is None:
            return
        console, code, comment = self.ctx.console, system["code"], self.tr("recovered")
        self.ctx.runner.op(
            lambda: incident_service.set_system_status(
                console, incident_id, code, "up", comment=comment
            )
        )
