"""Print a call tree (the language of the sheet, the printer)."""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hisconsole.i18n import PrintLanguage
from hisconsole.ui.i18n import PRINT_LANGUAGE_NAMES, PRINT_LANGUAGES


class PrintTreeDialog(QDialog):
    """How to print a call tree: an A4 sheet or a pocket card, in Chinese, English or both.

    Signals: those of QDialog.
    """

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PrintTreeDialog")
        self.page_combo = QComboBox(self)
        self.page_combo.addItem("", "A4")
        self.page_combo.addItem("", "card")
        self.lang_combo = QComboBox(self)
        for choice in PRINT_LANGUAGES:
            self.lang_combo.addItem(PRINT_LANGUAGE_NAMES[choice], choice)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(lang)))
        self.page_label = QLabel(self)
        self.page_label.setBuddy(self.page_combo)
        self.lang_label = QLabel(self)
        self.lang_label.setBuddy(self.lang_combo)
        form = QFormLayout()
        form.addRow(self.page_label, self.page_combo)
        form.addRow(self.lang_label, self.lang_combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate()

    def page(self) -> str:
        return str(self.page_combo.currentData())

    def lang(self) -> PrintLanguage:
        return cast("PrintLanguage", self.lang_combo.currentData())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print call tree"))
        self.page_combo.setItemText(0, self.tr("A4 sheet"))
        self.page_combo.setItemText(1, self.tr("Pocket card"))
        self.page_label.setText(self.tr("&Paper:"))
        self.lang_label.setText(self.tr("&Language:"))
