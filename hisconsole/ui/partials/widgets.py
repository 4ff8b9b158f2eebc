"""Incident widgets shared by pages: the reporting-clock tile, system chips, the exercise mark."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain import incidents as rules
from hisconsole.ui import style
from hisconsole.ui.i18n import clock_judgement, clock_kind_label, system_status_label
from hisconsole.ui.situation import EXERCISE_MARK, clock_state, clock_time, countdown

# Colours of a reporting clock by state: (background, text).
CLOCK_COLOURS = {
    rules.STATE_OK: ("#E8F5E9", "#1B5E20"),
    rules.STATE_AMBER: ("#FFB300", "#000000"),
    rules.STATE_RED: ("#C62828", "#FFFFFF"),
}
# No report running (settled, or none due).
SETTLED_COLOURS = ("#ECEFF1", "#37474F")
# The tile's state when no report is due.
NO_CLOCK = "none"

# The countdown's size: readable from 2 m on a 13-inch laptop.
COUNTDOWN_PT = 54

# Colours of a system's status on the board: (background, text).
STATUS_COLOURS = {
    "up": ("#2E7D32", "#FFFFFF"),
    "degraded": ("#FFB300", "#000000"),
    "down": ("#C62828", "#FFFFFF"),
    "na": ("#90A4AE", "#000000"),
}


def exercise_mark(parent: QWidget | None = None, *, delta: int = style.BODY_DELTA) -> QLabel:
    """The EXERCISE / 演练 mark: black on hatched yellow, impossible to miss."""
    mark = style.label(EXERCISE_MARK, parent, delta=delta, bold=True)
    mark.setObjectName("ExerciseMark")
    mark.setStyleSheet(
        "QLabel#ExerciseMark { background-color: #FFEB3B; color: #000000;"
        " border: 2px dashed #000000; padding: 2px 8px; }"
    )
    mark.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return mark


class ClockTile(QFrame):
    """One reporting clock, big: what is due, the countdown (or how long overdue), when.

    ``update_at(now)`` recomputes everything from the clock's times and ``now``
    (nothing counts by itself, so a paused or skipped timer never drifts). The
    ``state`` property (ok, amber, red; ``none`` when no report is due) drives
    the colour. Below, the last upward report as the plan judges it ("Initial
    report made 5 min late"). When the report is overdue the tile's button
    records it.

    Signals:
        report_requested(): the user asked to record the upward report now.
    """

    report_requested = Signal()

    def __init__(
        self,
        clock: dict[str, Any] | None,
        parent: QWidget | None = None,
        *,
        last: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ClockTile")
        self.clock = clock
        self.last = last
        self.state = ""
        self.seconds = 0.0
        self.kind_label = style.label("", self, delta=style.SECTION_DELTA, bold=True, wrap=True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("Countdown")
        font = QFont(self.count_label.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) + 40)
        font.setBold(True)
        self.count_label.setFont(font)
        self.due_label = style.label("", self, delta=style.BODY_DELTA + 1, wrap=True)
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("ReportNow")
        self.report_button.setFont(style.sized_font(self.report_button, style.BODY_DELTA + 2))
        self.report_button.setMinimumHeight(40)
        self.report_button.clicked.connect(self.report_requested)
        self.report_button.hide()
        self.last_label = style.label("", self, delta=style.BODY_DELTA, wrap=True)
        self.last_label.setObjectName("LastReport")
        self.last_label.setVisible(last is not None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.setSpacing(2)
        layout.addWidget(self.kind_label)
        layout.addWidget(self.count_label)
        layout.addWidget(self.due_label)
        layout.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.last_label)
        self.setMinimumWidth(300)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def countdown_text(self) -> str:
        return self.count_label.text()

    def update_at(self, now: dt.datetime) -> str:
        """Show the clock as it stands at ``now``; returns the state."""
        if self.clock is None:
            state, seconds = NO_CLOCK, 0.0
            self.kind_label.setText(self.tr("Reporting clock"))
            self.count_label.setText("—")
            self.due_label.setText(self.tr("No report is due."))
        else:
            state, seconds = clock_state(self.clock, now)
            self.kind_label.setText(
                self.tr("{report} (level {level})").format(
                    report=clock_kind_label(self.clock["kind"]), level=self.clock["level"]
                )
            )
            due = clock_time(self.clock["due_at"])
            if state == rules.STATE_RED:
                self.count_label.setText("+" + countdown(seconds))
                self.due_label.setText(self.tr("OVERDUE — was due at {time}.").format(time=due))
            else:
                self.count_label.setText(countdown(seconds))
                self.due_label.setText(self.tr("Due at {time}").format(time=due))
        self.report_button.setVisible(state == rules.STATE_RED)
        if self.last is not None:
            self.last_label.setText(
                self.tr("Last: {report} {judgement} ({time})").format(
                    report=clock_kind_label(self.last["kind"]),
                    judgement=clock_judgement(self.last),
                    time=clock_time(self.last["met_at"] or self.last["ended_at"]),
                )
            )
        self.seconds = seconds
        if state != self.state:
            self.state = state
            self.setProperty("state", state)
            self.setAccessibleName(self.tr("Reporting clock"))
            self.report_button.setText(self.tr("Record the report now…"))
            background, foreground = CLOCK_COLOURS.get(state, SETTLED_COLOURS)
            border = "#1B5E20" if state == rules.STATE_OK else background
            self.setStyleSheet(
                f"QFrame#ClockTile {{ background-color: {background};"
                f" border: 2px solid {border}; border-radius: 10px; }}"
                f" QFrame#ClockTile QLabel {{ color: {foreground}; background: transparent; }}"
                # Readable from across the room: set here, as a style sheet overrides setFont.
                f" QFrame#ClockTile QLabel#Countdown {{ font: bold {COUNTDOWN_PT}pt; }}"
                # White on the red tile: the one thing to press.
                " QFrame#ClockTile QPushButton#ReportNow { background-color: #FFFFFF;"
                " color: #B71C1C; font-weight: bold; border: 2px solid #FFFFFF;"
                " border-radius: 6px; padding: 4px 14px; }"
                " QFrame#ClockTile QPushButton#ReportNow:focus { border: 3px solid #0D47A1; }"
            )
        self.setAccessibleDescription(
            " ".join(
                t
                for t in (self.kind_label.text(), self.count_label.text(), self.last_label.text())
                if t
            )
        )
        return state

    def last_text(self) -> str:
        return self.last_label.text() if self.last is not None else ""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.state:
            # The tile's texts follow the language at the next tick; show them now.
            self.state = ""
        super().changeEvent(event)


class SystemChip(QFrame):
    """A system's code and status on its status colour (the systems board at a glance)."""

    def __init__(self, system: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SystemChip")
        status = system.get("status", "na")
        background, foreground = STATUS_COLOURS.get(status, STATUS_COLOURS["na"])
        self.setStyleSheet(
            f"QFrame#SystemChip {{ background-color: {background}; border-radius: 6px; }}"
            f" QFrame#SystemChip QLabel {{ color: {foreground}; }}"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(8)
        self.code_label = style.label(system["code"], self, delta=style.BODY_DELTA + 1, bold=True)
        self.status_label = style.label(system_status_label(status), self)
        layout.addWidget(self.code_label)
        layout.addWidget(self.status_label)
        since = clock_time(system.get("since"))
        self.setToolTip(
            " · ".join(p for p in (system_status_label(status), since, system.get("comment")) if p)
        )
        self.setAccessibleName(f"{system['code']}: {system_status_label(status)}")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
