"""Edit a warning level of the plan."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from hisconsole.services import plan as plan_service
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.partials.bilingual import BilingualEdit
from hisconsole.ui.partials.form_dialog import FormDialog

_HEX = QRegularExpression(r"^#[0-9A-Fa-f]{6}$")


class LevelEditDialog(FormDialog):
    """Edit a warning level: names, colour, reporting deadlines, criteria and response.

    Signals: those of QDialog.
    """

    area = "plan"

    def __init__(self, ctx: Context, level: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("LevelEditDialog")
        self.level = copy.deepcopy(level)
        self.key = f"levels/{level['code']}"
        self.name_edit = self.text_row(lambda: self.tr("&Name:"), BilingualEdit(level["name"]))
        self.colour_name_edit = self.text_row(
            lambda: self.tr("Colour &name:"), BilingualEdit(level["colour_name"])
        )
        self.colour_edit = QLineEdit(level["colour_hex"], self)
        self.colour_edit.setValidator(QRegularExpressionValidator(_HEX, self.colour_edit))
        self.colour_edit.setMaximumWidth(120)
        self.swatch = style.swatch(level["colour_hex"], 24)
        self.colour_edit.textChanged.connect(self._colour_changed)
        colour_row = QWidget(self)
        colour_box = QHBoxLayout(colour_row)
        colour_box.setContentsMargins(0, 0, 0, 0)
        colour_box.addWidget(self.colour_edit)
        colour_box.addWidget(self.swatch)
        colour_box.addStretch(1)
        self.add_row(lambda: self.tr("Colour &code:"), colour_row)
        self.report_spin = self._minutes(level["report_minutes"])
        self.add_row(lambda: self.tr("&Report within (minutes):"), self.report_spin)
        self.followup_spin = self._minutes(level["followup_minutes"])
        self.add_row(lambda: self.tr("&Follow-up every (minutes):"), self.followup_spin)
        self.restart_box = QCheckBox(self)
        self.restart_box.setChecked(bool(level["restart_clock_on_change"]))
        self.add_row(lambda: "", self.restart_box)
        self.criteria_edit = self.text_row(
            lambda: self.tr("C&riteria:"), BilingualEdit(level["criteria"], multiline=True)
        )
        self.response_edit = self.text_row(
            lambda: self.tr("Re&sponse:"), BilingualEdit(level["response"], multiline=True)
        )
        self.report_spin.setFocus()
        self.retranslate()

    def _minutes(self, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, 7 * 24 * 60)
        spin.setValue(int(value))
        spin.setMaximumWidth(140)
        return spin

    def _colour_changed(self, value: str) -> None:
        if _HEX.match(value).hasMatch():
            self.swatch.setStyleSheet(
                f"background-color: {value}; border: 1px solid rgba(0, 0, 0, 60);"
                " border-radius: 4px;"
            )

    def data(self) -> dict[str, Any]:
        data = copy.deepcopy(self.level)
        data.update(
            name=self.name_edit.value(),
            colour_name=self.colour_name_edit.value(),
            colour_hex=self.colour_edit.text().strip().upper(),
            report_minutes=self.report_spin.value(),
            followup_minutes=self.followup_spin.value(),
            restart_clock_on_change=self.restart_box.isChecked(),
            criteria=self.criteria_edit.value(),
            response=self.response_edit.value(),
        )
        return data

    def operation(self) -> Callable[[], Any] | None:
        if not self.need_texts(
            [
                (self.tr("Name"), self.name_edit),
                (self.tr("Colour name"), self.colour_name_edit),
                (self.tr("Criteria"), self.criteria_edit),
                (self.tr("Response"), self.response_edit),
            ]
        ):
            return None
        if not _HEX.match(self.colour_edit.text().strip()).hasMatch():
            self.show_error(self.tr("Enter the colour as # and six hex digits, e.g. #F9A825."))
            return None
        console, key, data = self.ctx.console, self.key, self.data()
        return lambda: plan_service.edit_item(console, key, data)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Edit warning level {code}").format(code=self.level["code"]))
        self.restart_box.setText(self.tr("Restart the reporting clock when the level changes"))
        self.intro_label.setText(
            self.tr(
                "The change is a draft until a plan editor publishes a new version of the plan."
            )
        )
        self.intro_label.show()
        self.ok_button.setText(self.tr("Save change"))
