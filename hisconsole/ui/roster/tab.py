"""The Incident page's Roster tab: the org chart, every shift, signing in and out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from hisconsole.domain import incidents as rules
from hisconsole.domain.plan import text
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.incident.detail import CurrentId, IncidentDetail
from hisconsole.ui.partials.dialogs import button, open_dialog
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import table_view
from hisconsole.ui.roster.chart import OrgChart, group_names
from hisconsole.ui.roster.dialogs import RosterSignInDialog, RosterSignOutDialog
from hisconsole.ui.roster.labels import roster_role_label
from hisconsole.ui.situation import date_time


class RosterTab(Tab):
    """Who holds which post now (the org chart, as HICS 207) and every shift (as HICS 203).

    Signals: none.
    """

    def __init__(self, ctx: Context, current_id: CurrentId, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current_id = current_id
        self.detail: IncidentDetail | None = None
        box = QVBoxLayout(self)
        # In a scroll area: on a small screen the chart scrolls rather than being squeezed.
        self.chart = OrgChart()
        chart_area = QScrollArea(self)
        chart_area.setWidgetResizable(True)
        chart_area.setFrameShape(QFrame.Shape.NoFrame)
        chart_area.setWidget(self.chart)
        box.addWidget(chart_area, 1)
        self.history_label = style.label("", self, bold=True)
        box.addWidget(self.history_label)
        self.history_model = RecordsModel(
            [
                Column(lambda: self.tr("Post"), lambda r: roster_role_label(r["role"])),
                Column(lambda: self.tr("Person"), lambda r: r["person"]),
                Column(lambda: self.tr("Signed in"), lambda r: date_time(r["signed_in_at"])),
                Column(lambda: self.tr("Until"), self._until),
                Column(lambda: self.tr("Note"), lambda r: r["note"]),
            ],
            self,
        )
        self.history_view = table_view(self.history_model, self, stretch=4, name="roster")
        box.addWidget(self.history_view, 2)
        buttons = QHBoxLayout()
        self.sign_in_button = button("", self)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.sign_out_button = button("", self)
        self.sign_out_button.clicked.connect(self.sign_out)
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        box.addLayout(buttons)

    def _until(self, row: dict[str, Any]) -> str:
        if row["ended"] == "relieved":
            return self.tr("{time}, relieved by {person}").format(
                time=date_time(row["signed_out_at"]), person=row["relieved_by"]
            )
        if row["ended"] == "signed-out":
            return self.tr("{time}, signed out").format(time=date_time(row["signed_out_at"]))
        return self.tr("on duty")

    def retranslate(self) -> None:
        self.sign_in_button.setText(self.tr("Sign in…"))
        self.sign_out_button.setText(self.tr("Sign out…"))
        self.history_label.setText(self.tr("Shifts"))
        self.history_model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.history_model.columnCount() - 1
        )
        self.show_detail(self.detail)

    def show_detail(self, detail: IncidentDetail | None) -> None:
        self.detail = detail
        is_open = detail is not None and detail.incident["status"] != rules.INCIDENT_CLOSED
        self.sign_in_button.setEnabled(is_open)
        roster = detail.roster if detail else None
        held = any(p["person"] for p in (roster or {}).get("posts", []))
        self.sign_out_button.setEnabled(is_open and held)
        self.chart.set_roster(roster, group_names(self.ctx))
        self.history_model.set_rows(list(reversed((roster or {}).get("history", []))))

    def people(self) -> list[tuple[str, str | None]]:
        """(name, plan role) of each contact, for the sign-in dialog's person field."""
        detail = self.detail
        return [
            (text(p.get("name"), self.ctx.lang), p.get("plan_role"))
            for p in (detail.people if detail else [])
            if text(p.get("name"), self.ctx.lang)
        ]

    def sign_in(self, role: str | None = None) -> RosterSignInDialog | None:
        incident_id = self.current_id()
        if incident_id is None or self.detail is None:
            return None
        dialog = RosterSignInDialog(
            self.ctx,
            incident_id,
            self.detail.roster,
            role if isinstance(role, str) else None,
            self.window(),
            people=self.people(),
        )
        open_dialog(dialog)
        return dialog

    def sign_out(self) -> RosterSignOutDialog | None:
        incident_id = self.current_id()
        if incident_id is None or self.detail is None:
            return None
        dialog = RosterSignOutDialog(self.ctx, incident_id, self.detail.roster, None, self.window())
        open_dialog(dialog)
        return dialog
