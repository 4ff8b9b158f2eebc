"""Incident: running one incident (log, systems, checklists, messages, call-out) and after it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QWidget

from hisconsole.domain import incidents as rules
from hisconsole.domain.plan import text
from hisconsole.ui import actions, style
from hisconsole.ui.context import Context, PlanSnapshot
from hisconsole.ui.forms.dialogs import CloseIncidentDialog, close_incident
from hisconsole.ui.handover.dialog import HandoverDialog
from hisconsole.ui.i18n import clock_judgement, clock_kind_label, incident_status_label
from hisconsole.ui.incident.callout_tab import CalloutTab
from hisconsole.ui.incident.checklist_tab import ChecklistTab
from hisconsole.ui.incident.detail import IncidentDetail, load_detail
from hisconsole.ui.incident.log_tab import LogTab
from hisconsole.ui.incident.messages_tab import MessagesTab
from hisconsole.ui.incident.replay import ReplayTab
from hisconsole.ui.incident.reports import ReportsBar
from hisconsole.ui.incident.review import ReviewTab
from hisconsole.ui.incident.systems_tab import SystemsTab
from hisconsole.ui.partials.dialogs import (
    LevelDialog,
    TextDialog,
    UpwardReportDialog,
    button,
    open_dialog,
)
from hisconsole.ui.partials.page import Page
from hisconsole.ui.partials.widgets import exercise_mark
from hisconsole.ui.periods.tab import PeriodsTab
from hisconsole.ui.roster.tab import RosterTab
from hisconsole.ui.situation import (
    EXERCISE_MARK,
    Situation,
    clock_state,
    clock_time,
    date_time,
    sorted_for_choice,
)
from hisconsole.ui.tasks.tab import TasksTab


class IncidentPage(Page):
    """One incident in full: choose it, change its level, report, resolve; ten tabs.

    Log (as HICS 214, append-only, with corrections and filters), Systems (as
    HICS 251, with the history of each change), Checklists (the playbook's
    steps per group), Tasks (owner, group, due time; overdue ones are alerts), Messages
    (as HICS 213), Call-out (who has been
    reached, whom to call next), Roster (who holds which command post, as HICS
    203/207), Periods (the operational periods, their objectives and briefings), and after
    the incident: Review (timings,
    lessons, improvement items) and Replay. The reports bar saves or prints
    the initial, follow-up and final reports and the CAP alert.

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail: IncidentDetail | None = None
        self._loading = False
        self._again = False
        self._wanted: str | None = None

        # -- the incident and what can be done to it ---------------------------------------
        self.choose_label = QLabel(self)
        self.choose_label.setFont(style.sized_font(self.choose_label, style.BODY_DELTA))
        self.incident_combo = QComboBox(self)
        self.incident_combo.setFont(style.sized_font(self.incident_combo, style.BODY_DELTA))
        # The summary line below shows the whole title: the chooser may be narrower.
        self.incident_combo.setMinimumContentsLength(24)
        self.choose_label.setBuddy(self.incident_combo)
        self.incident_combo.currentIndexChanged.connect(self._incident_chosen)
        self.level_button = button("", self)
        self.level_button.clicked.connect(self.change_level)
        self.report_button = button("", self)
        self.report_button.clicked.connect(self.record_report)
        self.resolve_button = button("", self)
        self.resolve_button.clicked.connect(self.resolve)
        # Shown once the incident is resolved: closing checks the paper forms are back.
        self.close_button = button("", self)
        self.close_button.clicked.connect(self.close_incident)
        self.close_button.hide()
        self.handover_button = button("", self)
        self.handover_button.setObjectName("HandoverButton")
        self.handover_button.clicked.connect(self.hand_over)
        top = QHBoxLayout()
        top.addWidget(self.choose_label)
        top.addWidget(self.incident_combo, 1)
        top.addWidget(self.level_button)
        top.addWidget(self.report_button)
        top.addWidget(self.resolve_button)
        top.addWidget(self.close_button)
        self.summary_label = style.label("", self, delta=style.BODY_DELTA + 1, bold=True, wrap=True)
        self.mark = exercise_mark(self)
        self.mark.hide()
        summary = QHBoxLayout()
        summary.addWidget(self.summary_label, 1)
        summary.addWidget(self.mark)
        summary.addWidget(self.handover_button)
        # Each upward report judged as the plan's rule does: on time, N min late, missed.
        self.clocks_label = style.label("", self, delta=style.BODY_DELTA, wrap=True)
        self.clocks_label.setObjectName("UpwardReports")
        self.reports_bar = ReportsBar(ctx, self)
        self._layout.addLayout(top)
        self._layout.addLayout(summary)
        self._layout.addWidget(self.clocks_label)
        self._layout.addWidget(self.reports_bar)

        self.tabs = QTabWidget(self)
        self.tabs.setFont(style.sized_font(self.tabs, style.BODY_DELTA))
        self._layout.addWidget(self.tabs, 1)
        self.log_tab = LogTab(ctx, self.current_id)
        self.systems_tab = SystemsTab(ctx, self.current_id)
        self.checklist_tab = ChecklistTab(ctx, self.current_id)
        self.tasks_tab = TasksTab(ctx, self.current_id)
        self.messages_tab = MessagesTab(ctx, self.current_id)
        self.callout_tab = CalloutTab(ctx, self.current_id)
        self.roster_tab = RosterTab(ctx, self.current_id)
        self.periods_tab = PeriodsTab(ctx, self.current_id)
        self.review_tab = ReviewTab(ctx)
        self.review_tab.incident_requested.connect(self.show_incident)
        self.replay_tab = ReplayTab(ctx)
        for tab in (
            self.log_tab,
            self.systems_tab,
            self.checklist_tab,
            self.tasks_tab,
            self.messages_tab,
            self.callout_tab,
            self.roster_tab,
            self.periods_tab,
            self.review_tab,
            self.replay_tab,
        ):
            self.tabs.addTab(tab, "")

        ctx.situation.updated.connect(self._situation_updated)
        ctx.plan.updated.connect(self._plan_updated)
        self.retranslate()
        # Built when first shown, after the situation was read: the incident's detail now.
        self.reload()

    def title(self) -> str:
        return self.tr("Incident")

    def _live_tabs(
        self,
    ) -> tuple[
        LogTab, SystemsTab, ChecklistTab, TasksTab, MessagesTab, CalloutTab, RosterTab, PeriodsTab
    ]:
        """The tabs that run a live incident (Review and Replay look back at one)."""
        return (
            self.log_tab,
            self.systems_tab,
            self.checklist_tab,
            self.tasks_tab,
            self.messages_tab,
            self.callout_tab,
            self.roster_tab,
            self.periods_tab,
        )

    # -- language -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.choose_label.setText(self.tr("In&cident:"))
        self.incident_combo.setAccessibleName(self.tr("Incident"))
        self.level_button.setText(self.tr("Change level…"))
        self.report_button.setText(self.tr("Record upward report…"))
        self.resolve_button.setText(self.tr("Resolve…"))
        self.close_button.setText(self.tr("Close incident…"))
        self.handover_button.setText(self.tr("Shift handover…"))
        for index, name in enumerate(
            (
                self.tr("Log"),
                self.tr("Systems"),
                self.tr("Checklists"),
                self.tr("Tasks"),
                self.tr("Messages"),
                self.tr("Call-out"),
                self.tr("Roster"),
                self.tr("Periods"),
                self.tr("Review"),
                self.tr("Replay"),
            )
        ):
            self.tabs.setTabText(index, name)
        for tab in self._live_tabs():
            tab.retranslate()
        self._fill_choices()
        self._show_detail()

    # -- which incident -----------------------------------------------------------------------

    def current_id(self) -> str | None:
        value = self.incident_combo.currentData()
        return value if isinstance(value, str) else None

    def show_incident(self, incident_id: str) -> None:
        """Show ``incident_id`` (once it is known: a just-declared one arrives with the reload)."""
        self._wanted = incident_id
        index = self.incident_combo.findData(incident_id)
        if index >= 0:
            self.incident_combo.setCurrentIndex(index)

    def _situation_updated(self, _situation: Situation) -> None:
        self._fill_choices()
        self.reload()

    def _plan_updated(self, _snapshot: PlanSnapshot) -> None:
        self.log_tab.plan_updated(self.ctx.plan.snapshot)
        self.retranslate()

    def _fill_choices(self) -> None:
        incidents = sorted_for_choice(self.ctx.situation.situation.incidents)
        current = self._wanted or self.current_id()
        self.incident_combo.blockSignals(True)
        self.incident_combo.clear()
        for incident in incidents:
            mark = f"  [{EXERCISE_MARK}]" if incident["exercise"] else ""
            self.incident_combo.addItem(
                self.tr("{id} · level {level} · {status} — {title}").format(
                    id=incident["id"],
                    level=incident["level"],
                    status=incident_status_label(incident["status"]),
                    title=incident["title"],
                )
                + mark,
                incident["id"],
            )
        if not incidents:
            self.incident_combo.addItem(self.tr("No incident declared"), None)
        index = self.incident_combo.findData(current) if current else -1
        self.incident_combo.setCurrentIndex(max(0, index))
        self.incident_combo.blockSignals(False)
        if self.current_id() == self._wanted:
            self._wanted = None
        if self.detail is not None and self.detail.incident["id"] != self.current_id():
            self.reload()

    def _incident_chosen(self) -> None:
        self._wanted = None
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        incident_id = self.current_id()
        # The log tab reads its list itself: what was added, or another incident's log.
        self.log_tab.reload(incident_id)
        if incident_id is None:
            self.detail = None
            self._show_detail()
            return
        if self._loading:
            self._again = True
            return
        self._loading = True
        console = self.ctx.console
        self.ctx.runner.query(
            lambda: load_detail(console, incident_id),
            on_done=self._loaded,
            on_error=self._load_failed,
        )

    def _loaded(self, detail: IncidentDetail) -> None:
        self._loading = False
        if self._again or detail.incident["id"] != self.current_id():
            self._again = False
            self.reload()
            if detail.incident["id"] != self.current_id():
                return
        self.detail = detail
        self._show_detail()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._again = False
        self.detail = None
        self._show_detail()
        self.summary_label.setText(str(exc))

    def _show_detail(self) -> None:
        detail = self.detail
        self.reports_bar.set_incident(
            detail.incident if detail else None, cap_sent=detail is not None and detail.cap_sent
        )
        for part in (self.review_tab, self.replay_tab):
            part.set_incident(detail.incident if detail else None)
        is_open = detail is not None and detail.incident["status"] == rules.INCIDENT_OPEN
        for widget in (
            self.level_button,
            self.report_button,
            self.resolve_button,
            self.handover_button,
        ):
            widget.setEnabled(is_open)
        self.close_button.setVisible(
            detail is not None and detail.incident["status"] == rules.INCIDENT_RESOLVED
        )
        for tab in self._live_tabs():
            tab.show_detail(detail)
        if detail is None:
            self.summary_label.setText(
                self.tr("No incident declared. Declare one on the dashboard (Ctrl+D).")
            )
            self.mark.hide()
            self.clocks_label.hide()
            return
        incident = detail.incident
        self.clocks_label.setText(self.reports_text(incident["clocks"]))
        self.clocks_label.setVisible(bool(self.clocks_label.text()))
        snapshot = self.ctx.plan.snapshot
        levels = {lvl["code"]: lvl for lvl in (snapshot.section("levels") if snapshot else [])}
        name = text(levels.get(incident["level"], {}).get("name"), self.ctx.lang)
        self.summary_label.setText(
            self.tr(
                "Level {level} · {name} — {title} · {status} · first reported {reported}"
            ).format(
                level=incident["level"],
                name=name,
                title=incident["title"],
                status=incident_status_label(incident["status"]),
                reported=date_time(incident["reported_at"]),
            )
        )
        self.mark.setVisible(bool(incident["exercise"]))

    def reports_text(self, clocks: list[dict[str, Any]]) -> str:
        """The incident's upward reports in one line: each judged, or when it is due."""
        now = self.ctx.console.now()
        parts = []
        for clock in clocks:
            report = clock_kind_label(clock["kind"])
            if clock["state"] == rules.STATE_CANCELLED:
                continue  # replaced before it fell due: nothing was owed
            if rules.is_settled(clock["state"]):
                words = self.tr("{report} {judgement}").format(
                    report=report, judgement=clock_judgement(clock)
                )
            elif clock_state(clock, now)[0] == rules.STATE_RED:
                words = self.tr("{report} OVERDUE since {time}").format(
                    report=report, time=clock_time(clock["due_at"])
                )
            else:
                words = self.tr("{report} due at {time}").format(
                    report=report, time=clock_time(clock["due_at"])
                )
            parts.append(words)
        if not parts:
            return ""
        return self.tr("Upward reports: {reports}").format(reports=" · ".join(parts))

    def focus_log_entry(self) -> None:
        """Quick entry from anywhere: the log tab, its entry box focused (Ctrl+L)."""
        self.tabs.setCurrentWidget(self.log_tab)
        self.log_tab.focus_entry()

    # -- the incident as a whole --------------------------------------------------------------

    def _incident(self) -> dict[str, Any] | None:
        return self.detail.incident if self.detail else None

    def change_level(self) -> LevelDialog | None:
        incident = self._incident()
        return actions.change_level(self.ctx, self.window(), incident) if incident else None

    def record_report(self) -> UpwardReportDialog | None:
        incident = self._incident()
        return actions.record_report(self.ctx, self.window(), incident) if incident else None

    def resolve(self) -> TextDialog | None:
        incident = self._incident()
        return actions.resolve(self.ctx, self.window(), incident) if incident else None

    def close_incident(self) -> CloseIncidentDialog | None:
        """Close a resolved incident (refused while paper sheets are outstanding, unless
        the commander overrides with a reason)."""
        incident = self._incident()
        if incident is None or incident["status"] != rules.INCIDENT_RESOLVED:
            return None
        return close_incident(self.ctx, self.window(), incident)

    def hand_over(self) -> HandoverDialog | None:
        """The shift handover sheet of the incident shown (交接班)."""
        incident = self._incident()
        if incident is None:
            return None
        dialog = HandoverDialog(self.ctx, incident["id"], self.window())
        open_dialog(dialog)
        return dialog
