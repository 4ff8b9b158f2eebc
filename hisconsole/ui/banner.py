"""The status banner across the top of the main window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QWidget

from hisconsole.services.console import Operator
from hisconsole.ui import style
from hisconsole.ui.i18n import role_label


class StatusBanner(QFrame):
    """Full-width status line: the warning level in its colour, the operator on duty, the plan.

    With no active incident it shows a neutral grey "normal operations" state;
    ``set_level`` shows a warning level (code, colour, text) instead.

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusBanner")
        self._level: tuple[str, str, str] | None = None
        self._operator: Operator | None = None
        self._plan_version: int | None = None

        self.status_label = style.label("", self, delta=style.SECTION_DELTA, bold=True, wrap=True)
        self.details_label = style.label("", self, delta=style.BODY_DELTA)
        self.details_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addWidget(self.status_label, 1)
        layout.addWidget(self.details_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.retranslate()

    def set_level(self, code: str, colour_hex: str, text: str) -> None:
        """Show a warning level: ``code`` (I–IV), its colour and the line to show beside it."""
        self._level = (code, colour_hex, text)
        self.retranslate()

    def clear_level(self) -> None:
        """Back to the neutral "no active incident" state."""
        self._level = None
        self.retranslate()

    def set_operator(self, operator: Operator) -> None:
        self._operator = operator
        self.retranslate()

    def set_plan_version(self, version: int | None) -> None:
        self._plan_version = version
        self.retranslate()

    def status_text(self) -> str:
        return self.status_label.text()

    def details_text(self) -> str:
        return self.details_label.text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self._level is None:
            colour = style.NEUTRAL_GREY
            status = self.tr("No active incident — normal operations")
        else:
            code, colour, text = self._level
            status = self.tr("Level {code}: {text}").format(code=code, text=text)
        self.status_label.setText(status)
        parts = []
        if self._operator is not None:
            parts.append(
                self.tr("On duty: {name} ({role})").format(
                    name=self._operator.name, role=role_label(self._operator.role)
                )
            )
        if self._plan_version is not None:
            parts.append(self.tr("Plan v{version}").format(version=self._plan_version))
        self.details_label.setText("   ·   ".join(parts))
        foreground = style.text_colour_on(colour)
        self.setStyleSheet(
            f"QFrame#StatusBanner {{ background-color: {colour}; }}"
            f" QFrame#StatusBanner QLabel {{ color: {foreground}; }}"
        )
