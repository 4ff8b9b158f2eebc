"""The dialogs that settle a readiness item: a resource check, the "verify your number" round."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.plan import text
from hisconsole.services import calltrees
from hisconsole.services import readiness as service
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.i18n import format_date, phones_text
from hisconsole.ui.partials.form_dialog import FormDialog
from hisconsole.ui.runner import user_message


class ResourceCheckDialog(FormDialog):
    """Record a check of one of the plan's emergency resources: in order or a fault, a note."""

    area = service.AREA

    def __init__(self, ctx: Context, resource: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("ResourceCheckDialog")
        self.resource = resource
        self.ok_radio = QRadioButton(self)
        self.fault_radio = QRadioButton(self)
        self.ok_radio.setChecked(True)
        results = QWidget(self)
        row = QHBoxLayout(results)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.ok_radio)
        row.addWidget(self.fault_radio)
        row.addStretch(1)
        self.note_edit = QLineEdit(self)
        self.add_row(lambda: self.tr("Result:"), results)
        self.add_row(lambda: self.tr("&Note:"), self.note_edit)
        self.intro_label.show()
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        result = "ok" if self.ok_radio.isChecked() else "fault"
        note = self.note_edit.text()
        if result == "fault" and not note.strip():
            self.show_error(self.tr("Say what is wrong, so it can be put right."))
            return None
        console, code = self.ctx.console, self.resource["code"]
        return lambda: service.check_resource(console, code, result, note)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Record a resource check"))
        r = self.resource
        self.intro_label.setText(
            self.tr("{name} — {location}, check every {days} days").format(
                name=text(r["name"], self.ctx.lang),
                location=text(r["location"], self.ctx.lang),
                days=r["check_interval_days"],
            )
        )
        self.ok_radio.setText(self.tr("&In order"))
        self.fault_radio.setText(self.tr("&Fault found"))
        self.ok_button.setText(self.tr("Record check"))


class VerifyRoundDialog(QDialog):
    """The "verify your number" round (通讯录核对): call each person in turn and record what
    they said — number verified, number changed (correct it on the contact list), or nobody
    answered. A call tree narrows the round to the people it calls, in calling order."""

    COLUMNS = 4

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VerifyRoundDialog")
        self.ctx = ctx
        self.rows: list[dict[str, Any]] = []
        self.resize(820, 560)
        self.tree_combo = QComboBox(self)
        self.tree_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.note_edit = QLineEdit(self)
        self.answer_buttons: dict[str, QPushButton] = {}
        answers = QHBoxLayout()
        for result in ("verified", "changed", "unreachable"):
            push = QPushButton(self)
            push.clicked.connect(lambda _checked=False, r=result: self.answer(r))
            self.answer_buttons[result] = push
            answers.addWidget(push)
        answers.addStretch(1)
        self.error_label = style.label("", self, colour=style.ERROR_TEXT, wrap=True)
        self.error_label.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree_combo)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note_edit)
        layout.addLayout(answers)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.retranslate()
        self.tree_combo.blockSignals(True)
        self.tree_combo.addItem("", None)
        for tree in calltrees.list_trees(ctx.console):
            self.tree_combo.addItem(text(tree["name"], ctx.lang) or tree["code"], tree["code"])
        self.tree_combo.blockSignals(False)
        self.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Verify phone numbers"))
        if self.tree_combo.count():
            self.tree_combo.setItemText(0, self.tr("Everyone on the contact list"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Phones"), self.tr("Last answer"), self.tr("Due")]
        )
        self.note_edit.setPlaceholderText(self.tr("Note (what was said or changed)"))
        self.answer_buttons["verified"].setText(self.tr("Number &verified"))
        self.answer_buttons["changed"].setText(self.tr("Number &changed"))
        self.answer_buttons["unreachable"].setText(self.tr("&Unreachable"))

    def load(self) -> None:
        console, tree = self.ctx.console, self.tree_combo.currentData()
        self.ctx.runner.query(lambda: service.verification_round(console, tree), on_done=self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        selected = self.table.currentRow()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            last = row["last"]
            answer = (
                self.tr("{result}, {date}").format(
                    result=self.result_label(last["result"]), date=format_date(last["at"])
                )
                if last
                else self.tr("never asked")
            )
            cells = [
                text(row["name"], self.ctx.lang) or row["key"],
                phones_text(row["phones"]),
                answer,
                self.tr("due") if row["due"] else "",
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row["key"])
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()
        if rows:
            self.table.selectRow(min(max(selected, 0), len(rows) - 1))

    def result_label(self, result: str) -> str:
        return {
            "verified": self.tr("verified"),
            "changed": self.tr("changed"),
            "unreachable": self.tr("unreachable"),
        }.get(result, result)

    def answer(self, result: str) -> None:
        """Record the selected person's answer, then move on to the next person."""
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows):
            return
        console, key, note = self.ctx.console, self.rows[row]["key"], self.note_edit.text()
        self.error_label.hide()

        def done(_value: object) -> None:
            self.note_edit.clear()
            self.table.selectRow(min(row + 1, len(self.rows) - 1))
            self.load()

        self.ctx.runner.op(
            lambda: service.verify_contact(console, key, result, note),
            on_done=done,
            on_error=self._refused,
        )

    def _refused(self, exc: BaseException) -> None:
        self.error_label.setText(user_message(exc))
        self.error_label.show()
