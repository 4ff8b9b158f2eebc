"""Settings: facts about this console laptop (the settings themselves are not built yet)."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QFormLayout, QWidget

from hisconsole import __version__
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.pages.base import Page


class SettingsPage(Page):
    """Shows where this console keeps its data and which device and program it is.

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(24)
        self.form.setVerticalSpacing(10)
        self._layout.addLayout(self.form)
        self._rows = [
            (style.label("", self, bold=True), style.label("", self, wrap=True))
            for _fact in self.facts()
        ]
        for name_label, value_label in self._rows:
            self.form.addRow(name_label, value_label)
        self.note_label = style.label("", self, colour=style.MUTED_TEXT, wrap=True)
        self._layout.addSpacing(12)
        self._layout.addWidget(self.note_label)
        self._layout.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Settings")

    def facts(self) -> list[tuple[str, str]]:
        """(name, value) of every fact shown, in order."""
        console = self.ctx.console
        return [
            (self.tr("Data directory"), str(console.data_dir)),
            (self.tr("Database file"), str(console.database_path)),
            (self.tr("Window settings file"), self.ctx.settings.fileName()),
            (self.tr("Device ID"), console.device_id),
            (self.tr("Device name"), console.device_name),
            (self.tr("Program version"), __version__),
            (self.tr("Qt version"), f"{qVersion()} (PySide6 {PySide6.__version__})"),
        ]

    def retranslate(self) -> None:
        super().retranslate()
        for (name_label, value_label), (name, value) in zip(self._rows, self.facts(), strict=True):
            name_label.setText(name)
            value_label.setText(value)
        self.note_label.setText(
            self.tr(
                "Settings for the hub connection, trusted devices and printing will be added here."
            )
        )
