"""Settle a conflict between two edits of one person."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from hisconsole.domain.contacts import text_of
from hisconsole.services import contacts as contacts_service
from hisconsole.ui import style
from hisconsole.ui.contacts.models import REVIEW_BACKGROUND, group_label, phone_text
from hisconsole.ui.context import Context
from hisconsole.ui.partials.contact_labels import contact_field_label, plan_role_label
from hisconsole.ui.partials.form_dialog import FormDialog

CONFLICT_FIELDS = (
    "name",
    "position",
    "group",
    "organisation",
    "plan_role",
    "phones",
    "email",
    "notes",
)


class ConflictDialog(FormDialog):
    """Two laptops changed the same person: show the versions side by side, keep one.

    Keeping a version saves it as the person's value; it supersedes both.

    Signals: those of QDialog.
    """

    area = contacts_service.AREA

    def __init__(self, ctx: Context, entry: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ConflictDialog")
        self.setMinimumWidth(820)
        self.entry = entry
        self.rivals: list[dict[str, Any]] = list(entry.get("rivals") or [entry["data"]])
        # The fields that differ come first: they are what the choice is about.
        differs = {
            name: len({self._cell(rival, name) for rival in self.rivals}) > 1
            for name in CONFLICT_FIELDS
        }
        self.fields = sorted(CONFLICT_FIELDS, key=lambda name: not differs[name])
        self.table = QTableWidget(len(self.fields), len(self.rivals), self)
        self.table.setMinimumHeight(260)
        self.table.setStyleSheet("QTableWidget::item { padding: 3px 6px; }")
        self.table.setObjectName("ConflictTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.choice = QButtonGroup(self)
        choices = QHBoxLayout()
        self.choice_buttons: list[QRadioButton] = []
        for index in range(len(self.rivals)):
            radio = QRadioButton(self)
            radio.setFont(style.sized_font(radio, 1))
            self.choice.addButton(radio, index)
            self.choice_buttons.append(radio)
            choices.addWidget(radio)
        if self.choice_buttons:
            self.choice_buttons[-1].setChecked(True)
        self.form.addRow(self.table)
        self.form.addRow(choices)
        self.intro_label.show()
        self._fill()
        self.retranslate()

    def _cell(self, data: dict[str, Any], name: str) -> str:
        lang = self.ctx.lang
        value = data.get(name)
        if name == "phones":
            return "\n".join(phone_text(p) for p in value or [])
        if name == "group":
            return group_label(str(value or ""), lang)
        if name == "plan_role":
            return plan_role_label(str(value)) if value else ""
        if isinstance(value, dict):
            return "\n".join(v for v in (value.get("zh"), value.get("en")) if v)
        return str(value or "")

    def _fill(self) -> None:
        for row, name in enumerate(self.fields):
            cells = [self._cell(rival, name) for rival in self.rivals]
            differs = len(set(cells)) > 1
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if differs:
                    item.setBackground(QColor(REVIEW_BACKGROUND))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)

    def chosen(self) -> dict[str, Any]:
        return self.rivals[max(0, self.choice.checkedId())]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Rows fit their wrapped text once the columns have their final width.
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def operation(self) -> Callable[[], Any] | None:
        console, key, data = self.ctx.console, self.entry["key"], copy.deepcopy(self.chosen())
        return lambda: contacts_service.save_contact(console, data, key)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(
            self.tr("Conflict: {name}").format(
                name=text_of(self.entry["data"].get("name"), self.ctx.lang)
            )
        )
        self.intro_label.setText(
            self.tr(
                "Two laptops changed this person at the same time, so both versions are kept "
                "until you choose. Differences are highlighted. The version you keep replaces both."
            )
        )
        self.table.setVerticalHeaderLabels([contact_field_label(n) for n in self.fields])
        self.table.setHorizontalHeaderLabels(
            [self.tr("Version {number}").format(number=i + 1) for i in range(len(self.rivals))]
        )
        for index, radio in enumerate(self.choice_buttons):
            radio.setText(self.tr("Keep version {number}").format(number=index + 1))
        self.ok_button.setText(self.tr("Keep the chosen version"))
