"""The incident dialogs: declare, change level, report, intake, status, messages, steps, calls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain import glossary
from hisconsole.domain.glossary import LEVELS
from hisconsole.domain.plan import GROUP_CODES, text
from hisconsole.services import incidents as incident_service
from hisconsole.services import plan as plan_service
from hisconsole.services import response
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.i18n import (
    channel_label,
    datetime_edit_format,
    format_time,
    priority_label,
    system_status_label,
)
from hisconsole.ui.partials.form_dialog import FormDialog
from hisconsole.ui.situation import EXERCISE_MARK


def colour_icon(colour_hex: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour_hex))
    return QIcon(pixmap)


def level_items(ctx: Context) -> list[tuple[str, str, str]]:
    """(code, name, colour) of each warning level of the plan, I first."""
    snapshot = ctx.plan.snapshot
    levels = {lvl["code"]: lvl for lvl in (snapshot.section("levels") if snapshot else [])}
    items = []
    for code in LEVELS:
        level = levels.get(code, {})
        items.append((code, text(level.get("name"), ctx.lang), level.get("colour_hex", "#888888")))
    return items


def fill_levels(combo: QComboBox, ctx: Context, current: str | None = None) -> None:
    combo.clear()
    for code, name, colour in level_items(ctx):
        combo.addItem(colour_icon(colour), f"{code} — {name}" if name else code, code)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))


def fill_channels(combo: QComboBox, channels: tuple[str, ...]) -> None:
    current = combo.currentData()
    combo.clear()
    for channel in channels:
        combo.addItem(channel_label(channel), channel)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))


def local_qdatetime(moment: dt.datetime) -> QDateTime:
    """``moment`` in local time, to the second, for a date-time field."""
    local = moment.astimezone()
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def now_edit(ctx: Context, parent: QWidget) -> QDateTimeEdit:
    """A date-time field preset to now (the console's clock), in local time."""
    edit = QDateTimeEdit(parent)
    edit.setDisplayFormat(datetime_edit_format())
    edit.setCalendarPopup(True)
    edit.setDateTime(local_qdatetime(ctx.console.now()))
    return edit


def edited_time(edit: QDateTimeEdit, touched: bool) -> dt.datetime | None:
    """The time entered, or None ("now") when the user left the preset alone."""
    if not touched:
        return None
    value = edit.dateTime().toPython()
    assert isinstance(value, dt.datetime)
    return value.replace(second=0, microsecond=0).astimezone()


class DeclareDialog(FormDialog):
    """Declare an incident (optionally from a report received): under 30 seconds, by keyboard.

    Scenario (from the plan's playbooks; it presets level, systems and title),
    warning level, affected systems, title, when the problem was first
    reported (now by default), and whether it is an exercise.

    Signals:
        declared(str): the incident was declared (its id), just before the dialog closes.
    """

    declared = Signal(str)

    def __init__(
        self, ctx: Context, parent: QWidget | None = None, *, report: dict[str, Any] | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("DeclareDialog")
        self.report = report
        self.incident_id: str | None = None
        snapshot = ctx.plan.snapshot
        self.scenarios = snapshot.section("scenarios") if snapshot else []
        self.systems = snapshot.section("systems") if snapshot else []
        self.scenario_combo = QComboBox(self)
        self.scenario_combo.addItem("", None)
        for scenario in self.scenarios:
            self.scenario_combo.addItem(text(scenario["name"], ctx.lang), scenario["code"])
        self.level_combo = QComboBox(self)
        fill_levels(self.level_combo, ctx, "II")
        self.title_edit = QLineEdit(self)
        self.system_boxes: dict[str, QCheckBox] = {}
        systems_box = QWidget(self)
        grid = QGridLayout(systems_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, system in enumerate(self.systems):
            box = QCheckBox(f"{system['code']} — {text(system['name'], ctx.lang)}", systems_box)
            box.setFont(style.sized_font(box, 1))
            self.system_boxes[system["code"]] = box
            grid.addWidget(box, index // 2, index % 2)
        self.reported_edit = now_edit(ctx, self)
        self._time_touched = False
        self.reported_edit.dateTimeChanged.connect(self._touch_time)
        self.exercise_box = QCheckBox(self)
        # The playbook follows the systems ticked until the user picks one.
        self.playbook_note = style.label("", self, wrap=True, colour=style.MUTED_TEXT)
        self._scenario_picked = False
        self._proposing = False
        # Reports still to assess: the one that led here is offered for attaching.
        self.waiting = [] if report is not None else list(ctx.situation.situation.reports)
        self.report_boxes: dict[str, QCheckBox] = {}
        reports_box = QWidget(self)
        reports_layout = QVBoxLayout(reports_box)
        reports_layout.setContentsMargins(0, 0, 0, 0)
        for waiting in self.waiting[:5]:
            box = QCheckBox(reports_box)
            box.setChecked(len(self.waiting) == 1)
            box.toggled.connect(self._reports_chosen)
            self.report_boxes[waiting["id"]] = box
            reports_layout.addWidget(box)
        self.add_row(lambda: self.tr("&Scenario:"), self.scenario_combo)
        self.add_row(lambda: "", self.playbook_note)
        self.add_row(lambda: self.tr("Warning &level:"), self.level_combo)
        self.add_row(lambda: self.tr("&Title:"), self.title_edit)
        self.add_row(lambda: self.tr("Affected systems:"), systems_box)
        if self.report_boxes:
            self.add_row(lambda: self.tr("Reports waiting:"), reports_box)
        self.add_row(lambda: self.tr("First &reported at:"), self.reported_edit)
        self.add_row(lambda: "", self.exercise_box)
        self._auto_title = ""
        self.scenario_combo.currentIndexChanged.connect(self._scenario_chosen)
        for box in self.system_boxes.values():
            box.toggled.connect(self._propose)
        if report is not None:
            for code in report.get("systems", []):
                if code in self.system_boxes:
                    self.system_boxes[code].setChecked(True)
            self.title_edit.setText(report.get("what", ""))
            # The report's receipt time starts the clock; it is not asked again.
            self.reported_edit.setDateTime(
                local_qdatetime(dt.datetime.fromisoformat(report["received_at"]))
            )
            self.reported_edit.setEnabled(False)
            self.intro_label.show()
        self.title_edit.setFocus()
        self._propose()
        self._reports_chosen()
        self.retranslate()

    def _touch_time(self) -> None:
        self._time_touched = True

    def _propose(self) -> None:
        """Preselect the plan's playbook for the systems ticked (until the user picks one)."""
        if not self._scenario_picked:
            code = plan_service.propose_scenario(
                {"scenarios": self.scenarios}, self.selected_systems()
            )
            self._proposing = True
            self.scenario_combo.setCurrentIndex(max(0, self.scenario_combo.findData(code)))
            self._proposing = False
        self._explain_playbook()

    def _explain_playbook(self) -> None:
        if self.scenario_combo.currentData() is None:
            note = self.tr("No playbook: the incident will have no checklist steps.")
        elif self._scenario_picked:
            note = ""
        else:
            note = self.tr("Proposed by the plan for the systems ticked.")
        self.playbook_note.setText(note)
        self.playbook_note.setVisible(bool(note))

    def chosen_reports(self) -> list[str]:
        return [code for code, box in self.report_boxes.items() if box.isChecked()]

    def _reports_chosen(self) -> None:
        # The clock runs from the first chosen report's receipt, unless a time was typed.
        chosen = [w for w in self.waiting if w["id"] in self.chosen_reports()]
        if chosen and not self._time_touched:
            first = min(dt.datetime.fromisoformat(w["received_at"]) for w in chosen)
            self.reported_edit.blockSignals(True)
            self.reported_edit.setDateTime(local_qdatetime(first))
            self.reported_edit.blockSignals(False)

    def _scenario_chosen(self) -> None:
        if self._proposing:
            return  # a proposal changes nothing the user entered
        self._scenario_picked = True
        self._explain_playbook()
        code = self.scenario_combo.currentData()
        scenario = next((s for s in self.scenarios if s["code"] == code), None)
        if scenario is None:
            return
        if scenario.get("default_level") and self.report is None:
            self.level_combo.setCurrentIndex(
                max(0, self.level_combo.findData(scenario["default_level"]))
            )
        for system in scenario.get("systems", []):
            if system in self.system_boxes:
                self.system_boxes[system].setChecked(True)
        name = text(scenario["name"], self.ctx.lang)
        if not self.title_edit.text().strip() or self.title_edit.text() == self._auto_title:
            self.title_edit.setText(name)
            self._auto_title = name

    def selected_systems(self) -> list[str]:
        return [code for code, box in self.system_boxes.items() if box.isChecked()]

    def operation(self) -> Callable[[], Any] | None:
        console = self.ctx.console
        level = self.level_combo.currentData()
        title = self.title_edit.text()
        scenario = self.scenario_combo.currentData()
        exercise = self.exercise_box.isChecked()
        if self.report is not None:
            report_id = self.report["id"]
            return lambda: response.declare_from_report(
                console, report_id, level=level, title=title, scenario=scenario, exercise=exercise
            )
        systems = self.selected_systems()
        reported_at = edited_time(self.reported_edit, self._time_touched)
        reports = self.chosen_reports()
        if reports:
            return lambda: response.declare_with_reports(
                console,
                reports,
                level=level,
                title=title,
                systems=systems,
                scenario=scenario,
                exercise=exercise,
                reported_at=reported_at,
            )
        return lambda: incident_service.declare(
            console,
            level=level,
            title=title,
            systems=systems,
            scenario=scenario,
            exercise=exercise,
            reported_at=reported_at,
        )

    def succeeded(self, value: Any) -> None:
        # declare() gives (id, changes); declare_from_report() the id.
        self.incident_id = value[0] if isinstance(value, tuple) else value
        self.declared.emit(self.incident_id)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Declare incident"))
        self.scenario_combo.setItemText(0, self.tr("(no playbook)"))
        self._explain_playbook()
        for waiting in self.waiting[:5]:
            self.report_boxes[waiting["id"]].setText(
                self.tr("{reporter} ({department}), {time}: {what} — attach it").format(
                    reporter=waiting["reporter"],
                    department=waiting["department"],
                    time=format_time(waiting["received_at"]),
                    what=waiting["what"],
                )
            )
        self.exercise_box.setText(
            self.tr("Exercise (drill) — marked {mark}").format(mark=EXERCISE_MARK)
        )
        if self.report is not None:
            self.intro_label.setText(
                self.tr("From the report of {reporter} ({department}): {what}").format(
                    reporter=self.report["reporter"],
                    department=self.report["department"],
                    what=self.report["what"],
                )
            )
        self.ok_button.setText(self.tr("Declare"))


class LevelDialog(FormDialog):
    """Change an incident's warning level; the reason is required and goes into the log."""

    def __init__(self, ctx: Context, incident: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("LevelDialog")
        self.incident = incident
        self.level_combo = QComboBox(self)
        fill_levels(self.level_combo, ctx, incident["level"])
        self.reason_edit = QLineEdit(self)
        self.add_row(lambda: self.tr("New warning &level:"), self.level_combo)
        self.add_row(lambda: self.tr("&Reason:"), self.reason_edit)
        self.intro_label.show()
        self.reason_edit.setFocus()
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        reason = self.reason_edit.text().strip()
        if not reason:
            self.show_error(self.tr("Say why the warning level changes."))
            return None
        console, incident_id, level = (
            self.ctx.console,
            self.incident["id"],
            self.level_combo.currentData(),
        )
        return lambda: incident_service.change_level(console, incident_id, level, reason)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Change warning level"))
        self.intro_label.setText(
            self.tr("{id} — now level {level}").format(
                id=self.incident["id"], level=self.incident["level"]
            )
        )
        self.ok_button.setText(self.tr("Change level"))


class UpwardReportDialog(FormDialog):
    """Record a report made upwards (to whom, channel, time, summary): it stops the clock."""

    def __init__(self, ctx: Context, incident: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("UpwardReportDialog")
        self.incident = incident
        self.recipient_edit = QLineEdit(self)
        self.channel_combo = QComboBox(self)
        self.time_edit = now_edit(ctx, self)
        self._time_touched = False
        self.time_edit.dateTimeChanged.connect(self._touch_time)
        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(90)
        self.add_row(lambda: self.tr("Reported &to:"), self.recipient_edit)
        self.add_row(lambda: self.tr("&Channel:"), self.channel_combo)
        self.add_row(lambda: self.tr("&At:"), self.time_edit)
        self.add_row(lambda: self.tr("&Summary:"), self.summary_edit)
        self.recipient_edit.setFocus()
        self.retranslate()

    def _touch_time(self) -> None:
        self._time_touched = True

    def operation(self) -> Callable[[], Any] | None:
        console, incident_id = self.ctx.console, self.incident["id"]
        recipient = self.recipient_edit.text()
        channel = self.channel_combo.currentData()
        summary = self.summary_edit.toPlainText()
        at = edited_time(self.time_edit, self._time_touched)
        return lambda: incident_service.record_report(
            console, incident_id, recipient=recipient, channel=channel, summary=summary, at=at
        )

    def retranslate(self) -> None:
        super().retranslate()
        fill_channels(self.channel_combo, glossary.REPORT_CHANNELS)
        self.setWindowTitle(self.tr("Record upward report"))
        self.ok_button.setText(self.tr("Record report"))


class IntakeDialog(FormDialog):
    """Log a report received from a department at once, before anything is declared."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("IntakeDialog")
        self.reporter_edit = QLineEdit(self)
        self.department_edit = QLineEdit(self)
        self.what_edit = QPlainTextEdit(self)
        self.what_edit.setTabChangesFocus(True)
        self.what_edit.setFixedHeight(80)
        self.channel_combo = QComboBox(self)
        snapshot = ctx.plan.snapshot
        self.system_boxes: dict[str, QCheckBox] = {}
        systems_box = QWidget(self)
        grid = QGridLayout(systems_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, system in enumerate(snapshot.section("systems") if snapshot else []):
            box = QCheckBox(system["code"], systems_box)
            box.setToolTip(text(system["name"], ctx.lang))
            self.system_boxes[system["code"]] = box
            grid.addWidget(box, index // 4, index % 4)
        self.time_edit = now_edit(ctx, self)
        self._time_touched = False
        self.time_edit.dateTimeChanged.connect(self._touch_time)
        self.add_row(lambda: self.tr("Reported &by:"), self.reporter_edit)
        self.add_row(lambda: self.tr("&Department:"), self.department_edit)
        self.add_row(lambda: self.tr("&What:"), self.what_edit)
        self.add_row(lambda: self.tr("Systems:"), systems_box)
        self.add_row(lambda: self.tr("&Channel:"), self.channel_combo)
        self.add_row(lambda: self.tr("&Received at:"), self.time_edit)
        self.reporter_edit.setFocus()
        self.retranslate()

    def _touch_time(self) -> None:
        self._time_touched = True

    def operation(self) -> Callable[[], Any] | None:
        console = self.ctx.console
        values = {
            "reporter": self.reporter_edit.text(),
            "department": self.department_edit.text(),
            "what": self.what_edit.toPlainText(),
            "channel": self.channel_combo.currentData(),
            "systems": [c for c, box in self.system_boxes.items() if box.isChecked()],
            "received_at": edited_time(self.time_edit, self._time_touched),
        }
        return lambda: response.receive_report(console, **values)

    def retranslate(self) -> None:
        super().retranslate()
        fill_channels(self.channel_combo, glossary.REPORT_CHANNELS)
        self.setWindowTitle(self.tr("Log a report received"))
        self.ok_button.setText(self.tr("Log report"))


class AttachDialog(FormDialog):
    """Attach a report received to an open incident."""

    def __init__(
        self,
        ctx: Context,
        report: dict[str, Any],
        incidents: list[dict[str, Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("AttachDialog")
        self.report = report
        self.incident_combo = QComboBox(self)
        for incident in incidents:
            self.incident_combo.addItem(
                f"{incident['id']} — {incident['level']} — {incident['title']}", incident["id"]
            )
        self.add_row(lambda: self.tr("&Incident:"), self.incident_combo)
        self.intro_label.show()
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        incident_id = self.incident_combo.currentData()
        if incident_id is None:
            self.show_error(self.tr("There is no open incident to attach the report to."))
            return None
        console, report_id = self.ctx.console, self.report["id"]
        return lambda: response.attach_report(console, report_id, incident_id)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Attach report to incident"))
        self.intro_label.setText(
            self.tr("{reporter} ({department}): {what}").format(
                reporter=self.report["reporter"],
                department=self.report["department"],
                what=self.report["what"],
            )
        )
        self.ok_button.setText(self.tr("Attach"))


class TextDialog(FormDialog):
    """One text to enter (a reason, a correction, a reply, a name) for one service call."""

    def __init__(
        self,
        ctx: Context,
        *,
        title: Callable[[], str],
        caption: Callable[[], str],
        action: Callable[[], str],
        run: Callable[[str], Callable[[], Any]],
        intro: Callable[[], str] | None = None,
        required: Callable[[], str] | None = None,
        initial: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("TextDialog")
        self._title, self._action, self._intro, self._required = title, action, intro, required
        self._run = run
        self.text_edit = QLineEdit(initial, self)
        self.add_row(caption, self.text_edit)
        if intro is not None:
            self.intro_label.show()
        self.text_edit.setFocus()
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        value = self.text_edit.text().strip()
        if not value and self._required is not None:
            self.show_error(self._required())
            return None
        return self._run(value)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self._title())
        self.ok_button.setText(self._action())
        if self._intro is not None:
            self.intro_label.setText(self._intro())


class SystemStatusDialog(FormDialog):
    """Set one system's status on the systems board, with comment and repair estimate."""

    def __init__(
        self,
        ctx: Context,
        incident_id: str,
        systems: list[tuple[str, str]],
        current: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("SystemStatusDialog")
        self.incident_id = incident_id
        self.system_combo = QComboBox(self)
        for code, name in systems:
            self.system_combo.addItem(f"{code} — {name}", code)
        self.status_combo = QComboBox(self)
        for status in glossary.SYSTEM_STATUSES:
            self.status_combo.addItem("", status)
        self.comment_edit = QLineEdit(self)
        self.estimate_edit = QLineEdit(self)
        if current:
            self.system_combo.setCurrentIndex(max(0, self.system_combo.findData(current["code"])))
            self.status_combo.setCurrentIndex(
                max(0, self.status_combo.findData(current.get("status") or "down"))
            )
            self.estimate_edit.setText(current.get("estimate", ""))
        self.add_row(lambda: self.tr("S&ystem:"), self.system_combo)
        self.add_row(lambda: self.tr("&Status:"), self.status_combo)
        self.add_row(lambda: self.tr("&Comment:"), self.comment_edit)
        self.add_row(lambda: self.tr("Repair &estimate:"), self.estimate_edit)
        self.status_combo.setFocus()
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        console, incident_id = self.ctx.console, self.incident_id
        system, status = self.system_combo.currentData(), self.status_combo.currentData()
        comment, estimate = self.comment_edit.text(), self.estimate_edit.text()
        return lambda: incident_service.set_system_status(
            console, incident_id, system, status, comment=comment, estimate=estimate
        )

    def retranslate(self) -> None:
        super().retranslate()
        for index in range(self.status_combo.count()):
            self.status_combo.setItemText(
                index, system_status_label(self.status_combo.itemData(index))
            )
        self.setWindowTitle(self.tr("Set system status"))
        self.estimate_edit.setPlaceholderText(self.tr("e.g. back by 04:30"))
        self.ok_button.setText(self.tr("Set status"))


class MessageDialog(FormDialog):
    """Record a message (as HICS 213): from, to, priority, text, reply required."""

    def __init__(self, ctx: Context, incident_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("MessageDialog")
        self.incident_id = incident_id
        self.sender_edit = QLineEdit(self)
        self.recipient_edit = QLineEdit(self)
        self.priority_combo = QComboBox(self)
        for priority in response.PRIORITIES:
            self.priority_combo.addItem("", priority)
        self.priority_combo.setCurrentIndex(1)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(90)
        self.reply_box = QCheckBox(self)
        self.add_row(lambda: self.tr("&From:"), self.sender_edit)
        self.add_row(lambda: self.tr("&To:"), self.recipient_edit)
        self.add_row(lambda: self.tr("&Priority:"), self.priority_combo)
        self.add_row(lambda: self.tr("&Message:"), self.text_edit)
        self.add_row(lambda: "", self.reply_box)
        self.sender_edit.setFocus()
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        console, incident_id = self.ctx.console, self.incident_id
        values = {
            "sender": self.sender_edit.text(),
            "recipient": self.recipient_edit.text(),
            "text": self.text_edit.toPlainText(),
            "priority": self.priority_combo.currentData(),
            "reply_required": self.reply_box.isChecked(),
        }
        return lambda: response.send_message(console, incident_id, **values)

    def retranslate(self) -> None:
        super().retranslate()
        for index in range(self.priority_combo.count()):
            self.priority_combo.setItemText(
                index, priority_label(self.priority_combo.itemData(index))
            )
        self.reply_box.setText(self.tr("Reply required"))
        self.setWindowTitle(self.tr("New message"))
        self.ok_button.setText(self.tr("Record message"))


class AddStepDialog(FormDialog):
    """Add a step to a group's checklist."""

    def __init__(
        self, ctx: Context, incident_id: str, group: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("AddStepDialog")
        self.incident_id = incident_id
        self.group_combo = QComboBox(self)
        snapshot = ctx.plan.snapshot
        names = {
            g["code"]: text(g["name"], ctx.lang)
            for g in (snapshot.section("groups") if snapshot else [])
        }
        for code in GROUP_CODES:
            self.group_combo.addItem(names.get(code, code), code)
        if group:
            self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(group)))
        self.step_edit = QLineEdit(self)
        self.add_row(lambda: self.tr("&Group:"), self.group_combo)
        self.add_row(lambda: self.tr("&Step:"), self.step_edit)
        self.step_edit.setFocus()
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        console, incident_id = self.ctx.console, self.incident_id
        group, step = self.group_combo.currentData(), self.step_edit.text()
        return lambda: response.add_step(console, incident_id, group, step)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Add checklist step"))
        self.ok_button.setText(self.tr("Add step"))


class StartCalloutDialog(FormDialog):
    """Start a call-out over one of the call trees."""

    def __init__(
        self,
        ctx: Context,
        incident_id: str,
        trees: list[dict[str, Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("StartCalloutDialog")
        self.incident_id = incident_id
        self.tree_combo = QComboBox(self)
        for tree in trees:
            self.tree_combo.addItem(text(tree.get("name"), ctx.lang) or tree["code"], tree["code"])
        self.add_row(lambda: self.tr("Call &tree:"), self.tree_combo)
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        tree = self.tree_combo.currentData()
        if tree is None:
            self.show_error(self.tr("This console holds no call trees. Import the contacts first."))
            return None
        console, incident_id = self.ctx.console, self.incident_id
        return lambda: response.start_callout(console, incident_id, tree)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Start call-out"))
        self.ok_button.setText(self.tr("Start call-out"))


def open_dialog(dialog: QDialog) -> QDialog:
    """Show ``dialog`` window-modal without blocking (tests drive it like a user)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def button(text_: str, parent: QWidget | None = None, *, accessible: str = "") -> QPushButton:
    widget = QPushButton(text_, parent)
    widget.setFont(style.sized_font(widget, 1))
    if accessible:
        widget.setAccessibleName(accessible)
    return widget
