"""Incident: running one incident (log, systems, checklists, messages, call-out) and after it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain import callout as callout_rules
from hisconsole.domain import incidents as rules
from hisconsole.domain.plan import GROUP_CODES, text
from hisconsole.services import incidents as incident_service
from hisconsole.services import response
from hisconsole.services.console import Console
from hisconsole.ui import actions, style
from hisconsole.ui.context import Context, PlanSnapshot
from hisconsole.ui.forms.dialogs import CloseIncidentDialog, close_incident
from hisconsole.ui.i18n import (
    call_status_label,
    incident_status_label,
    log_kind_label,
    phones_text,
    priority_label,
    system_status_label,
)
from hisconsole.ui.incident.replay import ReplayTab
from hisconsole.ui.incident.reports import ReportsBar
from hisconsole.ui.incident.review import ReviewTab
from hisconsole.ui.partials.dialogs import (
    AddStepDialog,
    MessageDialog,
    StartCalloutDialog,
    SystemStatusDialog,
    TextDialog,
    button,
    open_dialog,
)
from hisconsole.ui.partials.models import Column, LogFilter, LogModel, RecordsModel
from hisconsole.ui.partials.page import Page
from hisconsole.ui.partials.widgets import STATUS_COLOURS, exercise_mark
from hisconsole.ui.situation import (
    EXERCISE_MARK,
    Situation,
    clock_time,
    date_time,
    sorted_for_choice,
)

# The log kinds an operator chooses for an entry, and those the console records itself.
ENTRY_KINDS = ("note", "action", "decision")
_RECORDED = ("report", "status", "declared", "level", "resolved")
PRIORITY_COLOURS = {"urgent": "#B3261E", "medium": None, "informational": "#5F6368"}
CALL_COLOURS = {
    "reached": "#C8E6C9",
    "calling": "#FFF59D",
    "no-answer": "#FFCDD2",
    "left-message": "#FFE0B2",
    "declined": "#FFCDD2",
}


@dataclass
class IncidentDetail:
    """Everything the incident page shows about one incident, read in one go."""

    incident: dict[str, Any]
    checklist: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    callouts: list[dict[str, Any]] = field(default_factory=list)
    trees: list[dict[str, Any]] = field(default_factory=list)


def load_detail(console: Console, incident_id: str) -> IncidentDetail:
    """Read one incident in full (runs on the worker thread)."""
    return IncidentDetail(
        incident=incident_service.show(console, incident_id),
        checklist=response.checklist(console, incident_id),
        messages=response.messages(console, incident_id),
        callouts=response.callouts(console, incident_id),
        trees=response.call_trees(console),
    )


def table_view(model: Any, parent: QWidget, *, stretch: int, name: str) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    view.setFont(style.sized_font(view, 1))
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    view.setAccessibleName(name)
    view.setStyleSheet("QTableView::item { padding: 3px 6px; }")
    return view


def combo_with(items: list[tuple[str, Any]], parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for label, data in items:
        combo.addItem(label, data)
    return combo


class IncidentPage(Page):
    """One incident in full: choose it, change its level, report, resolve; seven tabs.

    Log (as HICS 214, append-only, with corrections and filters), Systems (as
    HICS 251, with the history of each change), Checklists (the playbook's
    steps per group), Messages (as HICS 213), Call-out (who has been
    reached, whom to call next), and after the incident: Review (timings,
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
        self.reports_bar = ReportsBar(ctx, self)
        self._layout.addLayout(top)
        self._layout.addLayout(summary)
        self._layout.addWidget(self.reports_bar)

        self.tabs = QTabWidget(self)
        self.tabs.setFont(style.sized_font(self.tabs, style.BODY_DELTA))
        self._layout.addWidget(self.tabs, 1)
        self._build_log_tab()
        self._build_systems_tab()
        self._build_checklist_tab()
        self._build_messages_tab()
        self._build_callout_tab()
        self.review_tab = ReviewTab(ctx)
        self.review_tab.incident_requested.connect(self.show_incident)
        self.tabs.addTab(self.review_tab, "")
        self.replay_tab = ReplayTab(ctx)
        self.tabs.addTab(self.replay_tab, "")

        ctx.situation.updated.connect(self._situation_updated)
        ctx.plan.updated.connect(self._plan_updated)
        self.retranslate()
        self._show_detail()

    def title(self) -> str:
        return self.tr("Incident")

    # -- tabs ---------------------------------------------------------------------------------

    def _build_log_tab(self) -> None:
        tab = QWidget()
        box = QVBoxLayout(tab)
        entry = QHBoxLayout()
        self.entry_kind = combo_with([("", k) for k in ENTRY_KINDS], tab)
        self.entry_group = combo_with([("", None), *(("", g) for g in GROUP_CODES)], tab)
        self.entry_system = combo_with([("", None)], tab)
        self.entry_edit = QLineEdit(tab)
        self.entry_edit.setObjectName("LogEntry")
        self.entry_edit.setFont(style.sized_font(self.entry_edit, style.BODY_DELTA + 1))
        self.entry_edit.returnPressed.connect(self.add_entry)
        self.entry_button = button("", tab)
        self.entry_button.clicked.connect(self.add_entry)
        for widget in (self.entry_kind, self.entry_group, self.entry_system):
            entry.addWidget(widget)
        entry.addWidget(self.entry_edit, 1)
        entry.addWidget(self.entry_button)
        box.addLayout(entry)

        filters = QHBoxLayout()
        self.filter_label = QLabel(tab)
        self.filter_edit = QLineEdit(tab)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_label.setBuddy(self.filter_edit)
        self.filter_group = combo_with([("", None), *(("", g) for g in GROUP_CODES)], tab)
        self.filter_system = combo_with([("", None)], tab)
        self.filter_kind = combo_with(
            [("", None), *(("", k) for k in (*ENTRY_KINDS, "correction", *_RECORDED))], tab
        )
        # Typing filters after a short pause, not on every key (100,000 entries).
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(250)
        self.filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self.filter_timer.start)
        for combo in (self.filter_group, self.filter_system, self.filter_kind):
            combo.currentIndexChanged.connect(self.apply_filter)
        filters.addWidget(self.filter_label)
        filters.addWidget(self.filter_edit, 1)
        for widget in (self.filter_group, self.filter_system, self.filter_kind):
            filters.addWidget(widget)
        box.addLayout(filters)

        self.log_model = LogModel(self)
        self.log_filter = LogFilter(self)
        self.log_filter.setSourceModel(self.log_model)
        self.log_view = table_view(self.log_filter, tab, stretch=LogModel.TEXT, name="log")
        header = self.log_view.horizontalHeader()
        # At 100,000 rows, sizing to contents would measure every row: fixed widths instead,
        # counted in digits of the table's font (they follow the text size and the locale's
        # date in the time column).
        metrics = self.log_view.fontMetrics()
        digit = metrics.horizontalAdvance("0")
        for column, chars in ((0, 5), (1, 17), (2, 13), (3, 13), (4, 19), (5, 7)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.log_view.setColumnWidth(column, digit * chars + 16)
        self.log_view.setWordWrap(False)
        self.log_view.verticalHeader().setDefaultSectionSize(metrics.height() + 12)
        self.log_view.doubleClicked.connect(self.correct)
        box.addWidget(self.log_view, 1)
        bottom = QHBoxLayout()
        self.log_count = style.label("", tab, colour=style.MUTED_TEXT)
        self.correct_button = button("", tab)
        self.correct_button.clicked.connect(self.correct)
        bottom.addWidget(self.log_count, 1)
        bottom.addWidget(self.correct_button)
        box.addLayout(bottom)
        self.log_tab = tab
        self.tabs.addTab(tab, "")

    def _build_systems_tab(self) -> None:
        tab = QWidget()
        box = QVBoxLayout(tab)
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
        self.systems_view = table_view(self.systems_model, tab, stretch=4, name="systems")
        self.systems_view.doubleClicked.connect(self.set_status)
        self.systems_view.selectionModel().currentRowChanged.connect(self._show_history)
        box.addWidget(self.systems_view, 3)
        buttons = QHBoxLayout()
        self.status_button = button("", tab)
        self.status_button.clicked.connect(self.set_status)
        self.recovered_button = button("", tab)
        self.recovered_button.clicked.connect(self.mark_recovered)
        buttons.addWidget(self.status_button)
        buttons.addWidget(self.recovered_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.history_label = style.label("", tab, delta=style.BODY_DELTA, bold=True)
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
        self.history_view = table_view(self.history_model, tab, stretch=3, name="status history")
        box.addWidget(self.history_view, 2)
        self.tabs.addTab(tab, "")

    def _build_checklist_tab(self) -> None:
        tab = QWidget()
        box = QVBoxLayout(tab)
        top = QHBoxLayout()
        self.checklist_group = combo_with([("", None), *(("", g) for g in GROUP_CODES)], tab)
        self.checklist_group.currentIndexChanged.connect(self._fill_checklist)
        self.checklist_progress = style.label("", tab, delta=style.BODY_DELTA, bold=True)
        top.addWidget(self.checklist_group)
        top.addWidget(self.checklist_progress, 1)
        box.addLayout(top)
        self.checklist_model = RecordsModel(
            [
                Column(lambda: self.tr("Done"), lambda r: "", checked=lambda r: r["done"]),
                Column(lambda: self.tr("Group"), lambda r: self._group_name(r["group"])),
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
        self.checklist_view = table_view(self.checklist_model, tab, stretch=2, name="checklist")
        # Steps are sentences: rows grow to the wrapped text as the column width changes.
        self.checklist_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        box.addWidget(self.checklist_view, 1)
        buttons = QHBoxLayout()
        self.tick_button = button("", tab)
        self.tick_button.clicked.connect(self.toggle_step)
        self.assign_button = button("", tab)
        self.assign_button.clicked.connect(self.assign_step)
        self.add_step_button = button("", tab)
        self.add_step_button.clicked.connect(self.add_step)
        for widget in (self.tick_button, self.assign_button, self.add_step_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.tabs.addTab(tab, "")

    def _build_messages_tab(self) -> None:
        tab = QWidget()
        box = QVBoxLayout(tab)
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
        self.messages_view = table_view(self.messages_model, tab, stretch=4, name="messages")
        self.messages_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        box.addWidget(self.messages_view, 1)
        buttons = QHBoxLayout()
        self.message_button = button("", tab)
        self.message_button.clicked.connect(self.new_message)
        self.reply_button = button("", tab)
        self.reply_button.clicked.connect(self.reply)
        buttons.addWidget(self.message_button)
        buttons.addWidget(self.reply_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.tabs.addTab(tab, "")

    def _build_callout_tab(self) -> None:
        tab = QWidget()
        box = QVBoxLayout(tab)
        top = QHBoxLayout()
        self.callout_combo = QComboBox(tab)
        self.callout_combo.currentIndexChanged.connect(self._fill_callout)
        self.start_callout_button = button("", tab)
        self.start_callout_button.clicked.connect(self.start_callout)
        self.callout_progress = style.label("", tab, delta=style.SECTION_DELTA, bold=True)
        top.addWidget(self.callout_combo, 1)
        top.addWidget(self.callout_progress)
        top.addWidget(self.start_callout_button)
        box.addLayout(top)
        self.callout_next = style.label("", tab, delta=style.BODY_DELTA + 2, wrap=True)
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
                Column(lambda: self.tr("Phones"), lambda r: phones_text(r["person"]["phones"])),
                Column(lambda: self.tr("Alternate"), lambda r: self._person(r["alternate"])),
                Column(
                    lambda: self.tr("Alternate status"),
                    lambda r: call_status_label(r["alternate_status"]) if r["escalated"] else "",
                    background=lambda r: (
                        CALL_COLOURS.get(r["alternate_status"]) if r["escalated"] else None
                    ),
                ),
                Column(lambda: self.tr("Last call"), lambda r: clock_time(r["last_attempt"])),
                Column(
                    lambda: self.tr("Escalates at"),
                    lambda r: clock_time(r["escalate_at"]) if not r["escalated"] else "",
                ),
            ],
            self,
        )
        self.callout_view = table_view(self.callout_model, tab, stretch=2, name="call-out")
        box.addWidget(self.callout_view, 1)
        buttons = QHBoxLayout()
        self.outcome_label = QLabel(tab)
        buttons.addWidget(self.outcome_label)
        self.outcome_buttons: dict[str, QPushButton] = {}
        for outcome in callout_rules.OUTCOMES:
            push = button("", tab)
            push.clicked.connect(lambda _checked=False, o=outcome: self.record_call(o))
            self.outcome_buttons[outcome] = push
            buttons.addWidget(push)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.tabs.addTab(tab, "")

    # -- language -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.choose_label.setText(self.tr("In&cident:"))
        self.incident_combo.setAccessibleName(self.tr("Incident"))
        self.level_button.setText(self.tr("Change level…"))
        self.report_button.setText(self.tr("Record upward report…"))
        self.resolve_button.setText(self.tr("Resolve…"))
        self.close_button.setText(self.tr("Close incident…"))
        for index, name in enumerate(
            (
                self.tr("Log"),
                self.tr("Systems"),
                self.tr("Checklists"),
                self.tr("Messages"),
                self.tr("Call-out"),
                self.tr("Review"),
                self.tr("Replay"),
            )
        ):
            self.tabs.setTabText(index, name)
        # Log.
        for index in range(self.entry_kind.count()):
            self.entry_kind.setItemText(index, log_kind_label(self.entry_kind.itemData(index)))
        self.entry_kind.setAccessibleName(self.tr("Entry kind"))
        self.entry_group.setAccessibleName(self.tr("Entry group"))
        self.entry_system.setAccessibleName(self.tr("Entry system"))
        self.entry_edit.setPlaceholderText(self.tr("Type a log entry and press Enter (Ctrl+L)"))
        self.entry_edit.setAccessibleName(self.tr("Log entry"))
        self.entry_button.setText(self.tr("Add to log"))
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter_edit.setPlaceholderText(self.tr("text in the entry, author or system"))
        self.filter_edit.setAccessibleName(self.tr("Filter the log"))
        self.filter_kind.setItemText(0, self.tr("All kinds"))
        for index in range(1, self.filter_kind.count()):
            self.filter_kind.setItemText(index, log_kind_label(self.filter_kind.itemData(index)))
        self.filter_system.setItemText(0, self.tr("All systems"))
        self.entry_system.setItemText(0, self.tr("(no system)"))
        self._group_items(self.entry_group, self.tr("(no group)"))
        self._group_items(self.filter_group, self.tr("All groups"))
        self._group_items(self.checklist_group, self.tr("All groups"))
        self.correct_button.setText(self.tr("Correct…"))
        self.correct_button.setAccessibleName(self.tr("Correct the selected log entry"))
        # Systems.
        self.status_button.setText(self.tr("Set status…"))
        self.recovered_button.setText(self.tr("Mark recovered"))
        # Checklists.
        self.tick_button.setText(self.tr("Tick / untick"))
        self.assign_button.setText(self.tr("Assign…"))
        self.add_step_button.setText(self.tr("Add step…"))
        # Messages.
        self.message_button.setText(self.tr("New message…"))
        self.reply_button.setText(self.tr("Reply…"))
        # Call-out.
        self.start_callout_button.setText(self.tr("Start call-out…"))
        self.outcome_label.setText(self.tr("Record call:"))
        for outcome, push in self.outcome_buttons.items():
            push.setText(call_status_label(outcome))
        self.callout_combo.setAccessibleName(self.tr("Call-out"))
        # Named for screen readers (the combos show only their choice).
        self.filter_group.setAccessibleName(self.tr("Show the entries of group"))
        self.filter_system.setAccessibleName(self.tr("Show the entries of system"))
        self.filter_kind.setAccessibleName(self.tr("Show the entries of kind"))
        self.checklist_group.setAccessibleName(self.tr("Show the steps of group"))
        for model in (
            self.log_model,
            self.systems_model,
            self.history_model,
            self.checklist_model,
            self.messages_model,
            self.callout_model,
        ):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        self._fill_choices()
        self._show_detail()

    def _group_items(self, combo: QComboBox, first: str) -> None:
        combo.setItemText(0, first)
        for index in range(1, combo.count()):
            combo.setItemText(index, self._group_name(combo.itemData(index)))

    def _group_name(self, code: str | None) -> str:
        snapshot = self.ctx.plan.snapshot
        for group in snapshot.section("groups") if snapshot else []:
            if group["code"] == code:
                return text(group["name"], self.ctx.lang)
        return code or ""

    def _person(self, person: dict[str, Any] | None) -> str:
        if not person:
            return ""
        return text(person.get("name"), self.ctx.lang) or person["key"]

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
        snapshot = self.ctx.plan.snapshot
        codes = [s["code"] for s in snapshot.section("systems")] if snapshot else []
        for combo in (self.entry_system, self.filter_system):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for code in codes:
                combo.addItem(code, code)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.log_model.group_names = {
            g["code"]: text(g["name"], self.ctx.lang)
            for g in (snapshot.section("groups") if snapshot else [])
        }
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
        for part in (self.reports_bar, self.review_tab, self.replay_tab):
            part.set_incident(detail.incident if detail else None)
        is_open = detail is not None and detail.incident["status"] == rules.INCIDENT_OPEN
        for widget in (
            self.level_button,
            self.report_button,
            self.resolve_button,
            self.entry_edit,
            self.entry_button,
            self.correct_button,
            self.status_button,
            self.recovered_button,
            self.tick_button,
            self.assign_button,
            self.add_step_button,
            self.message_button,
            self.reply_button,
            self.start_callout_button,
            *self.outcome_buttons.values(),
        ):
            widget.setEnabled(is_open)
        self.close_button.setVisible(
            detail is not None and detail.incident["status"] == rules.INCIDENT_RESOLVED
        )
        if detail is None:
            self.summary_label.setText(
                self.tr("No incident declared. Declare one on the dashboard (Ctrl+D).")
            )
            self.mark.hide()
            self.log_model.set_entries(None, [])
            for model in (
                self.systems_model,
                self.history_model,
                self.checklist_model,
                self.messages_model,
                self.callout_model,
            ):
                model.set_rows([])
            self.callout_combo.clear()
            self.callout_progress.setText("")
            self.callout_next.setText("")
            self._update_log_count()
            return
        incident = detail.incident
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
        self.log_model.set_entries(incident["id"], incident["log"])
        self._update_log_count()
        self._fill_systems()
        self._fill_checklist()
        self.messages_model.set_rows(detail.messages)
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

    # -- log ----------------------------------------------------------------------------------

    def focus_log_entry(self) -> None:
        """Quick entry from anywhere: the log tab, its entry box focused (Ctrl+L)."""
        self.tabs.setCurrentWidget(self.log_tab)
        self.entry_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.entry_edit.selectAll()

    def add_entry(self) -> None:
        incident_id = self.current_id()
        entry = self.entry_edit.text().strip()
        if incident_id is None or not entry:
            return
        console = self.ctx.console
        kind = self.entry_kind.currentData()
        group = self.entry_group.currentData()
        system = self.entry_system.currentData()
        self.entry_edit.clear()
        self.ctx.runner.op(
            lambda: incident_service.log(
                console, incident_id, entry, kind=kind, group=group, system=system
            ),
            on_error=lambda exc: self._entry_refused(entry, exc),
        )

    def _entry_refused(self, entry: str, exc: BaseException) -> None:
        # Nothing typed is lost: the text comes back to the box.
        if not self.entry_edit.text():
            self.entry_edit.setText(entry)
        self.ctx.runner.failed.emit(str(exc))
        self.log_count.setText(str(exc))

    def apply_filter(self) -> None:
        self.filter_timer.stop()
        self.log_filter.set_filter(
            text=self.filter_edit.text(),
            group=self.filter_group.currentData(),
            system=self.filter_system.currentData(),
            kind=self.filter_kind.currentData(),
        )
        self._update_log_count()

    def _update_log_count(self) -> None:
        total = self.log_model.rowCount()
        shown = self.log_filter.rowCount()
        if shown == total:
            self.log_count.setText(self.tr("{count} entries").format(count=total))
        else:
            self.log_count.setText(
                self.tr("Showing {shown} of {count} entries").format(shown=shown, count=total)
            )
        if not self.log_filter.is_filtering():
            self.log_view.scrollToBottom()

    def selected_entry(self) -> dict[str, Any] | None:
        index = self.log_view.currentIndex()
        if not index.isValid():
            return None
        return self.log_model.entry(self.log_filter.mapToSource(index).row())

    def select_log_row(self, source_row: int) -> None:
        index = self.log_filter.mapFromSource(self.log_model.index(source_row, 0))
        self.log_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def correct(self, _index: QModelIndex | None = None) -> TextDialog | None:
        """Correct the selected entry: a new entry that references it (the old one stays)."""
        entry = self.selected_entry()
        incident_id = self.current_id()
        if entry is None or incident_id is None or self.detail is None:
            return None
        if self.detail.incident["status"] != rules.INCIDENT_OPEN:
            return None
        console, entry_id = self.ctx.console, entry["entry"]
        number = self.log_model.number_of(entry_id)
        original = self.log_model.entry_text(entry)
        dialog = TextDialog(
            self.ctx,
            title=lambda: self.tr("Correct log entry"),
            caption=lambda: self.tr("&Correction:"),
            action=lambda: self.tr("Add correction"),
            intro=lambda: self.tr(
                "Entry #{number} stays in the log as it was; the correction is a new entry "
                "that refers to it.\n#{number} ({time}, {by}): {text}"
            ).format(number=number, time=date_time(entry["at"]), by=entry["by"], text=original),
            required=lambda: self.tr("Type the corrected text."),
            initial=entry["text"],
            run=lambda fixed: (
                lambda: incident_service.log(
                    console, incident_id, fixed, kind="correction", corrects=entry_id
                )
            ),
            parent=self.window(),
        )
        open_dialog(dialog)
        return dialog

    # -- systems ------------------------------------------------------------------------------

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
        for entry in detail.incident["log"] if detail else []:
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

    # -- checklists ---------------------------------------------------------------------------

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

    # -- messages -----------------------------------------------------------------------------

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

    # -- call-out -----------------------------------------------------------------------------

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
            for push in self.outcome_buttons.values():
                push.setEnabled(False)
            return
        current = self.callout_view.currentIndex().row()
        self.callout_model.set_rows(run["slots"])
        if 0 <= current < len(run["slots"]):
            self.callout_view.selectRow(current)
        self.callout_progress.setText(
            self.tr("Reached {reached} of {total}").format(
                reached=run["reached"], total=run["total"]
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
        for push in self.outcome_buttons.values():
            push.setEnabled(is_open)

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

    def record_call(self, outcome: str) -> None:
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
        self.ctx.runner.op(lambda: response.record_call(console, callout_id, key, outcome))

    # -- the incident as a whole --------------------------------------------------------------

    def _incident(self) -> dict[str, Any] | None:
        return self.detail.incident if self.detail else None

    def change_level(self) -> actions.LevelDialog | None:
        incident = self._incident()
        return actions.change_level(self.ctx, self.window(), incident) if incident else None

    def record_report(self) -> actions.UpwardReportDialog | None:
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
