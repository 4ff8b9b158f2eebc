"""The Drills page (应急演练): start a drill from a scenario or the drill calendar, and the
controller of the drill that runs: its clock, what arrived, what comes next; pause,
resume, skip, add an inject, end, and the score card."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from hisconsole.domain.plan import text
from hisconsole.services.drills import calendar as drill_calendar
from hisconsole.services.drills import run as drills
from hisconsole.services.drills import scenarios
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.drills.dialogs import AddInjectDialog, ScoreCardDialog, inject_state_label
from hisconsole.ui.i18n import format_date
from hisconsole.ui.partials.page import Page
from hisconsole.ui.situation import EXERCISE_MARK

#: How often the controller looks at the clock (ms). The drill's own clock decides what
#: arrives; this only decides how soon after its time an inject shows.
TICK_MS = 500


class DrillsPage(Page):
    """Start a drill; control the running one.

    Signals: none.
    """

    areas = frozenset({"drill", "plan"})

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.drill: str | None = None
        self.state: dict[str, Any] | None = None
        self._busy = False
        self.score_dialog: ScoreCardDialog | None = None

        form = QFormLayout()
        self.scenario_box = QComboBox(self)
        self.scenario_box.setObjectName("DrillScenario")
        self.calendar_box = QComboBox(self)
        self.calendar_box.setObjectName("DrillCalendar")
        self.speed_box = QSpinBox(self)
        self.speed_box.setRange(1, 60)
        self.speed_box.setPrefix("×")
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("StartDrill")
        self.start_button.clicked.connect(self.start)
        self.scenario_label = style.label("")
        self.calendar_label = style.label("")
        self.speed_label = style.label("")
        for label, field in (
            (self.scenario_label, self.scenario_box),
            (self.calendar_label, self.calendar_box),
            (self.speed_label, self.speed_box),
        ):
            label.setBuddy(field)
        form.addRow(self.scenario_label, self.scenario_box)
        form.addRow(self.calendar_label, self.calendar_box)
        form.addRow(self.speed_label, self.speed_box)
        self._layout.addLayout(form)
        self._layout.addWidget(self.start_button)

        self.status = style.label("", self, delta=2, bold=True, wrap=True)
        self.status.setObjectName("DrillStatus")
        self.clock_label = style.label("", self, delta=4, bold=True)
        self.clock_label.setObjectName("DrillClock")
        self.next_label = style.label("", self, wrap=True)
        self.next_label.setObjectName("DrillNext")
        self._layout.addWidget(self.status)
        self._layout.addWidget(self.clock_label)
        self._layout.addWidget(self.next_label)

        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("DrillInjects")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self._layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.pause_button = QPushButton(self)
        self.pause_button.setObjectName("PauseDrill")
        self.pause_button.clicked.connect(self.pause_or_resume)
        self.skip_button = QPushButton(self)
        self.skip_button.setObjectName("SkipInject")
        self.skip_button.clicked.connect(self.skip_selected)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("AddInject")
        self.add_button.clicked.connect(self.add_inject)
        self.end_button = QPushButton(self)
        self.end_button.setObjectName("EndDrill")
        self.end_button.clicked.connect(self.end)
        self.score_button = QPushButton(self)
        self.score_button.setObjectName("ScoreCard")
        self.score_button.clicked.connect(self.open_score)
        for button in (
            self.pause_button,
            self.skip_button,
            self.add_button,
            self.end_button,
            self.score_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self._layout.addLayout(buttons)

        calendar_row = QHBoxLayout()
        self.calendar_heading = style.label("", self, bold=True)
        self.ics_button = QPushButton(self)
        self.ics_button.setObjectName("ExportCalendar")
        self.ics_button.clicked.connect(self.export_calendar)
        calendar_row.addWidget(self.calendar_heading, 1)
        calendar_row.addWidget(self.ics_button)
        self._layout.addLayout(calendar_row)
        self.calendar_table = QTableWidget(0, 4, self)
        self.calendar_table.setObjectName("DrillCalendarTable")
        self.calendar_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.calendar_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.calendar_table.verticalHeader().setVisible(False)
        self.calendar_table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch
        )
        self.calendar_table.cellDoubleClicked.connect(self._calendar_chosen)
        self._layout.addWidget(self.calendar_table, 1)
        self.entries: list[dict[str, Any]] = []
        self.scenario_playbooks: dict[str, str] = {}
        self._pending_entry: str | None = None

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._beat)
        self.retranslate()
        self.reload()

    def title(self) -> str:
        return self.tr("Drills")

    def retranslate(self) -> None:
        super().retranslate()
        self.scenario_label.setText(self.tr("Scenario"))
        self.calendar_label.setText(self.tr("Drill calendar entry"))
        self.speed_label.setText(self.tr("Speed"))
        self.start_button.setText(self.tr("Start drill"))
        self.skip_button.setText(self.tr("Skip inject"))
        self.add_button.setText(self.tr("Add inject…"))
        self.end_button.setText(self.tr("End drill"))
        self.score_button.setText(self.tr("Score card…"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Drill min"), self.tr("Kind"), self.tr("Inject"), self.tr("State")]
        )
        self.table.setAccessibleName(self.tr("Injects of the drill"))
        self.calendar_heading.setText(self.tr("Drill calendar: planned, run and scored"))
        self.ics_button.setText(self.tr("Export calendar (.ics)…"))
        self.calendar_table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Drill"), self.tr("Playbook"), self.tr("Runs and scores")]
        )
        self.calendar_table.setAccessibleName(self.tr("Drill calendar"))
        self._show()
        self._show_calendar()

    # -- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the scenarios, the calendar and the drill running (off the UI thread)."""
        console = self.ctx.console

        def read() -> tuple[list[dict[str, Any]], list[dict[str, Any]], str | None]:
            running = drills.running(console)
            return (
                [scenarios.summary(d) for d in scenarios.bundled()],
                drill_calendar.calendar(console),
                running[0] if running else None,
            )

        self.ctx.runner.query(read, on_done=self._loaded)

    def refresh(self) -> None:
        self.reload()

    def _loaded(self, found: tuple[list[dict[str, Any]], list[dict[str, Any]], str | None]) -> None:
        found_scenarios, entries, running = found
        lang = self.ctx.lang
        self.entries = entries
        self.scenario_playbooks = {s["code"]: s["playbook"] for s in found_scenarios}
        chosen_scenario = self.scenario_box.currentData()
        chosen_entry = self.calendar_box.currentData()
        self.scenario_box.clear()
        for scenario in found_scenarios:
            self.scenario_box.addItem(
                f"{text(scenario['name'], lang)} ({scenario['code']})", scenario["code"]
            )
        self.calendar_box.clear()
        self.calendar_box.addItem(self.tr("The nearest for its playbook"), None)
        for entry in entries:
            if entry["code"]:
                self.calendar_box.addItem(
                    f"{entry['date']}  {text(entry['name'], lang)}", entry["code"]
                )
        for box, value in ((self.scenario_box, chosen_scenario), (self.calendar_box, chosen_entry)):
            if value is not None and box.findData(value) >= 0:
                box.setCurrentIndex(box.findData(value))
        self._show_calendar()
        if self._pending_entry is not None:
            self.choose_calendar_entry(self._pending_entry)
        if running is not None and self.drill is None:
            self.follow(running)

    def choose_calendar_entry(self, code: str) -> None:
        """Preselect a drill-calendar entry (from the plan's calendar) and the scenario
        that plays its playbook."""
        index = self.calendar_box.findData(code)
        if index < 0:
            self._pending_entry = code  # the calendar is still being read
            return
        self._pending_entry = None
        self.calendar_box.setCurrentIndex(index)
        entry = next((e for e in self.entries if e["code"] == code), None)
        for scenario, playbook in self.scenario_playbooks.items():
            if entry is not None and playbook == entry["playbook"]:
                self.scenario_box.setCurrentIndex(self.scenario_box.findData(scenario))
                break

    def _calendar_chosen(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.entries) and self.entries[row]["code"]:
            self.choose_calendar_entry(self.entries[row]["code"])

    def export_calendar(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the drill calendar"), "drills.ics", "iCalendar (*.ics)"
        )
        if not name:
            return
        console = self.ctx.console
        self.ctx.runner.op(lambda: drill_calendar.write_ics(console, Path(name)))

    def _show_calendar(self) -> None:
        lang = self.ctx.lang
        self.calendar_table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            runs = "; ".join(
                self.tr("{drill}: {met} met, {partly} partly, {not_met} not met").format(
                    drill=run["drill"], **run["summary"]
                )
                if run["summary"]
                else self.tr("{drill}: running").format(drill=run["drill"])
                for run in entry["runs"]
            )
            cells = [
                format_date(entry["date"]),
                text(entry["name"], lang),
                entry["playbook"] or "",
                runs or self.tr("not run yet"),
            ]
            for column, value in enumerate(cells):
                self.calendar_table.setItem(row, column, QTableWidgetItem(value))

    # -- acting -----------------------------------------------------------------------------

    def start(self) -> None:
        scenario = self.scenario_box.currentData()
        if scenario is None:
            return
        calendar = self.calendar_box.currentData()
        speed = self.speed_box.value()
        console = self.ctx.console
        self.ctx.runner.op(
            lambda: drills.start(console, scenario, speed=speed, calendar=calendar),
            on_done=self.follow,
        )

    def follow(self, drill: str) -> None:
        """Control ``drill``: show it and let its injects arrive on the console's clock."""
        self.drill = drill
        self.timer.start()
        self._beat()

    def _beat(self) -> None:
        if self.drill is None or self._busy:
            return
        self._busy = True
        console, drill = self.ctx.console, self.drill
        self.ctx.runner.op(
            lambda: drills.step(console, drill), on_done=self._stepped, on_error=self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.timer.stop()
        from hisconsole.ui.runner import user_message

        self.status.setText(user_message(exc))

    def _stepped(self, result: drills.Step) -> None:
        self._busy = False
        self.state = result.state
        if result.state["state"] == drills.ENDED:
            self.timer.stop()
        self._show()

    def _then_step(self, _result: object = None) -> None:
        self._busy = False
        self._beat()

    def _control(self, fn: Any) -> None:
        if self.drill is None:
            return
        self._busy = True
        self.ctx.runner.op(fn, on_done=self._then_step, on_error=self._failed)

    def pause_or_resume(self) -> None:
        console, drill = self.ctx.console, self.drill
        if drill is None:
            return
        if self.state and self.state["state"] == drills.PAUSED:
            self._control(lambda: drills.resume(console, drill))
        else:
            self._control(lambda: drills.pause(console, drill))

    def skip_selected(self) -> None:
        row = self.table.currentRow()
        console, drill = self.ctx.console, self.drill
        if self.state is None or row < 0 or drill is None:
            return
        code = self.state["injects"][row]["code"]
        self._control(lambda: drills.skip(console, drill, code))

    def add_inject(self) -> None:
        drill = self.drill
        if drill is None:
            return
        dialog = AddInjectDialog(self)
        if not dialog.exec():
            return
        console, values = self.ctx.console, dialog.values()
        self._control(lambda: drills.add_inject(console, drill, **values))

    def end(self) -> None:
        console, drill = self.ctx.console, self.drill
        if drill is None:
            return
        self._control(lambda: drills.end(console, drill))

    def open_score(self) -> None:
        if self.drill is None:
            return
        self.score_dialog = ScoreCardDialog(self.ctx, self.drill, self)
        self.score_dialog.open()

    # -- showing ----------------------------------------------------------------------------

    def _show(self) -> None:
        state = self.state
        running = state is not None and state["state"] != drills.ENDED
        for button in (self.pause_button, self.skip_button, self.add_button, self.end_button):
            button.setEnabled(running)
        self.score_button.setEnabled(state is not None)
        # One drill at a time: a second one would answer the same incident's reports.
        for field in (self.scenario_box, self.calendar_box, self.speed_box, self.start_button):
            field.setEnabled(not running)
        if state is not None and running:
            index = self.scenario_box.findData(state["scenario"])
            if index >= 0:
                self.scenario_box.setCurrentIndex(index)
        paused = state is not None and state["state"] == drills.PAUSED
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        if state is None:
            self.status.setText(self.tr("No drill is running."))
            self.clock_label.setText("")
            self.next_label.setText("")
            self.table.setRowCount(0)
            return
        lang = self.ctx.lang
        words = {
            drills.RUNNING: self.tr("running"),
            drills.PAUSED: self.tr("paused"),
            drills.ENDED: self.tr("ended"),
        }
        self.status.setText(
            self.tr("{mark} {drill}: {name}, ×{speed}, {state}").format(
                mark=EXERCISE_MARK,
                drill=state["drill"],
                name=text(state["name"], lang),
                speed=state["speed"],
                state=words.get(state["state"], state["state"]),
            )
            + (
                self.tr(" · incident {incident}").format(incident=state["incident"])
                if state["incident"]
                else self.tr(" · no incident declared yet")
            )
        )
        self.clock_label.setText(
            self.tr("Drill minute {now} of {total}").format(
                now=f"{state['drill_minutes']:g}", total=state["duration_minutes"]
            )
        )
        coming = state["next"]
        self.next_label.setText(
            self.tr("Next: {at} min, {text}").format(
                at=f"{coming['at_minutes']:g}", text=text(coming["text"], lang)
            )
            if coming
            else self.tr("Nothing more is scheduled.")
        )
        kinds = {
            "report": self.tr("report"),
            "message": self.tr("message"),
            "status": self.tr("system status"),
            "callout": self.tr("call-out response"),
        }
        self.table.setRowCount(len(state["injects"]))
        for row, inject in enumerate(state["injects"]):
            cells = [
                f"{inject['at_minutes']:g}",
                kinds.get(inject["kind"], inject["kind"]),
                text(inject["text"], lang),
                inject_state_label(inject),
            ]
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
