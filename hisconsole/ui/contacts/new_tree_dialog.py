"""Set up a new call tree."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hisconsole.ui import style
from hisconsole.ui.partials.bilingual import BilingualEdit

_TREE_CODE = QRegularExpression(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class NewTreeDialog(QDialog):
    """The code, names and wait of a new call tree (its people are added in the editor).

    Signals: those of QDialog.
    """

    def __init__(self, existing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NewTreeDialog")
        self.setMinimumWidth(520)
        self.existing = existing
        self.code_edit = QLineEdit(self)
        self.code_edit.setValidator(QRegularExpressionValidator(_TREE_CODE, self.code_edit))
        self.name_edit = BilingualEdit(None, parent=self)
        self.wait_spin = QSpinBox(self)
        self.wait_spin.setRange(1, 120)
        self.wait_spin.setValue(5)
        self.code_label = QLabel(self)
        self.code_label.setBuddy(self.code_edit)
        self.name_label = QLabel(self)
        self.name_label.setBuddy(self.name_edit.fields["zh"])
        self.wait_label = QLabel(self)
        self.wait_label.setBuddy(self.wait_spin)
        form = QFormLayout()
        form.addRow(self.code_label, self.code_edit)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.wait_label, self.wait_spin)
        self.error_label = style.label("", self, colour=style.ERROR_TEXT, wrap=True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.code_edit.setFocus()
        self.retranslate()

    def tree(self) -> dict[str, Any]:
        name = {lang: value for lang, value in self.name_edit.value().items() if value}
        return {
            "code": self.code_edit.text().strip(),
            "name": name,
            "wait_minutes": self.wait_spin.value(),
            "nodes": [],
        }

    def accept(self) -> None:
        tree = self.tree()
        if not tree["code"]:
            message = self.tr("Give the call tree a short code, e.g. lis-down.")
        elif tree["code"] in self.existing:
            message = self.tr("There is already a call tree {code}.").format(code=tree["code"])
        elif not tree["name"]:
            message = self.tr("Give the call tree a name in Chinese or English.")
        else:
            super().accept()
            return
        self.error_label.setText(message)
        self.error_label.show()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New call tree"))
        self.code_label.setText(self.tr("&Code:"))
        self.name_label.setText(self.tr("&Name:"))
        self.wait_label.setText(self.tr("&Wait before calling the alternate (minutes):"))
