"""The drill controller's dialogs: add an inject, and the score card."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.plan import text
from hisconsole.services.drills import score
from hisconsole.ui import style
from hisconsole.ui.context import Context

RESULT_COLOURS = {"met": "#1B5E20", "partly": "#E65100", "not-met": "#B71C1C"}


def inject_state_label(inject: dict[str, Any]) -> str:
    """An inject's state in words, with when it arrived."""
    state = str(inject["state"])
    if state == "delivered":
        return QCoreApplication.translate("Drills", "arrived at {minutes} min").format(
            minutes=f"{inject['arrived_minutes']:g}"
        )
    words = {
        "pending": QCoreApplication.translate("Drills", "to come"),
        "skipped": QCoreApplication.translate("Drills", "skipped"),
        "waiting-incident": QCoreApplication.translate("Drills", "waiting for the incident"),
        "waiting-callout": QCoreApplication.translate("Drills", "waiting for a call-out"),
    }
    return words.get(state, str(state))


def result_label(result: str) -> str:
    return {
        "met": QCoreApplication.translate("Drills", "met"),
        "partly": QCoreApplication.translate("Drills", "partly met"),
        "not-met": QCoreApplication.translate("Drills", "not met"),
    }.get(result, result)


class AddInjectDialog(QDialog):
    """Write an inject on the spot: a report, a message, a system status or a call-out
    response, arriving after a number of drill minutes.

    Signals: none (accepted / rejected).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add inject"))
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        for code, label in (
            ("message", self.tr("Message")),
            ("report", self.tr("Report to assess")),
            ("status", self.tr("System status change")),
            ("callout", self.tr("Call-out response")),
        ):
            self.kind.addItem(label, code)
        self.text = QLineEdit(self)
        self.from_field = QLineEdit(self)
        self.system = QLineEdit(self)
        self.system.setPlaceholderText("HIS")
        self.status = QComboBox(self)
        for code in ("down", "degraded", "up"):
            self.status.addItem(code, code)
        self.outcome = QComboBox(self)
        for code in ("reached", "coming", "no-answer", "declined"):
            self.outcome.addItem(code, code)
        self.after = QDoubleSpinBox(self)
        self.after.setRange(0, 600)
        self.after.setSuffix(self.tr(" min"))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(self.tr("From (report, message)"), self.from_field)
        form.addRow(self.tr("System (status)"), self.system)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Answer (call-out)"), self.outcome)
        form.addRow(self.tr("Arrives after"), self.after)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        """The inject as ``services.drills.run.add_inject`` takes it."""
        kind = self.kind.currentData()
        values: dict[str, Any] = {
            "kind": kind,
            "text": self.text.text(),
            "after_minutes": self.after.value(),
        }
        if kind in ("report", "message"):
            values["from"] = self.from_field.text()
        if kind == "report":
            values["department"] = self.from_field.text()
        if kind == "status":
            values["system"] = self.system.text().strip().upper()
            values["status"] = self.status.currentData()
        if kind == "callout":
            values["outcome"] = self.outcome.currentData()
        return values


class ScoreCardDialog(QDialog):
    """The drill's score card: each objective met / partly / not met with its figure, and
    the reporting clocks; saved as PDF in Chinese or English.

    Signals: none.
    """

    def __init__(self, ctx: Context, drill: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.drill = drill
        self.card: dict[str, Any] | None = None
        self.setObjectName("ScoreCardDialog")
        self.setWindowTitle(self.tr("Score card"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        self.summary = style.label(self.tr("Working out the score card…"), self, bold=True, delta=2)
        self.summary.setObjectName("ScoreSummary")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("ScoreObjectives")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Objective"), self.tr("Result"), self.tr("Measured")]
        )
        self.table.setAccessibleName(self.tr("Objectives"))
        layout.addWidget(self.table, 1)
        self.clocks = style.label("", self, wrap=True)
        layout.addWidget(self.clocks)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.save_zh = QPushButton(self.tr("Save PDF (中文)…"), self)
        self.save_en = QPushButton(self.tr("Save PDF (English)…"), self)
        self.save_zh.clicked.connect(lambda: self.save("zh"))
        self.save_en.clicked.connect(lambda: self.save("en"))
        buttons.addButton(self.save_zh, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_en, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        console = ctx.console
        ctx.runner.query(lambda: score.card_of(console, drill), on_done=self._shown)

    def _shown(self, card: dict[str, Any]) -> None:
        self.card = card
        lang = self.ctx.lang
        summary = card["summary"]
        self.summary.setText(
            self.tr("{met} met · {partly} partly met · {not_met} not met").format(**summary)
        )
        self.table.setRowCount(len(card["objectives"]))
        for row, objective in enumerate(card["objectives"]):
            measured = objective["measured"]
            unit = {"min": self.tr("min"), "%": "%"}.get(objective["unit"], "")
            result = QTableWidgetItem(result_label(objective["result"]))
            result.setForeground(style_colour(objective["result"]))
            self.table.setItem(row, 0, QTableWidgetItem(text(objective["name"], lang)))
            self.table.setItem(row, 1, result)
            self.table.setItem(
                row, 2, QTableWidgetItem("—" if measured is None else f"{measured:g} {unit}")
            )
        states = {
            "on-time": self.tr("on time"),
            "late": self.tr("late"),
            "missed": self.tr("missed"),
            "open": self.tr("not yet due"),
            "cancelled": self.tr("not owed"),
        }
        kinds = {
            "initial": self.tr("Initial report"),
            "followup": self.tr("Follow-up report"),
            "level-change": self.tr("Level-change report"),
        }
        self.clocks.setText(
            "\n".join(
                self.tr("{report}, level {level}: {state}").format(
                    report=kinds.get(clock["kind"], clock["kind"]),
                    level=clock["level"],
                    state=states.get(clock["state"], clock["state"]),
                )
                for clock in card["clocks"]
            )
        )

    def save(self, lang: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save score card"), f"{self.drill}-{lang}.pdf", "PDF (*.pdf)"
        )
        if not name:
            return
        console, drill = self.ctx.console, self.drill
        self.ctx.runner.op(lambda: score.write_pdf(console, drill, Path(name), lang))


def style_colour(result: str) -> Any:
    from PySide6.QtGui import QColor

    return QColor(style.themed_colour(RESULT_COLOURS.get(result, "#B71C1C")))
