"""The status banner across the top of the main window."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from hisconsole.ui import style
from hisconsole.ui.i18n import role_label
from hisconsole.ui.partials.widgets import exercise_mark

if TYPE_CHECKING:  # painted before the console (and its database) is opened
    from hisconsole.services.console import Operator

# The status line's size over the body text: about 23 pt on a 9 pt desktop.
STATUS_DELTA = style.HEADING_DELTA + 6


@dataclass(frozen=True)
class BannerIncident:
    """The open incident the banner shows."""

    id: str
    title: str
    exercise: bool
    others: int = 0  # further open incidents


class StatusBanner(QFrame):
    """Full-width status line: the warning level in its colour, the incident, operator and plan.

    With no active incident it shows a neutral grey "normal operations" state;
    ``set_level`` shows a warning level (code, colour, level name) instead and
    ``set_incident`` the open incident under it (id, title, the exercise mark).

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusBanner")
        self._level: tuple[str, str, str] | None = None
        self._incident: BannerIncident | None = None
        self._operator: Operator | None = None
        self._verified = False
        self._plan_version: int | None = None
        self._network = ""

        # The warning level, readable from across the room (2 m from a 13-inch screen).
        self.status_label = style.label("", self, delta=STATUS_DELTA, bold=True, wrap=True)
        self.incident_label = style.label("", self, delta=style.BODY_DELTA, bold=True, wrap=True)
        self.incident_label.hide()
        self.exercise_label = exercise_mark(self, delta=style.SECTION_DELTA)
        self.exercise_label.hide()
        self.details_label = style.label("", self, delta=style.BODY_DELTA)
        self.details_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.status_label)
        texts.addWidget(self.incident_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.addLayout(texts, 1)
        layout.addWidget(self.exercise_label)
        layout.addSpacing(12)
        layout.addWidget(self.details_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.retranslate()

    def set_level(self, code: str, colour_hex: str, text: str) -> None:
        """Show a warning level: ``code`` (I–IV), its colour and the line to show beside it."""
        self._level = (code, colour_hex, text)
        self.retranslate()

    def set_incident(self, incident: BannerIncident | None) -> None:
        self._incident = incident
        self.retranslate()

    def clear_level(self) -> None:
        """Back to the neutral "no active incident" state."""
        self._level = None
        self._incident = None
        self.retranslate()

    def set_operator(self, operator: Operator, *, verified: bool = False) -> None:
        """``verified``: IT's list of people is in use, so the role was checked (else it
        is what the operator said, and the banner says so)."""
        self._operator = operator
        self._verified = verified
        self.retranslate()

    def set_plan_version(self, version: int | None) -> None:
        self._plan_version = version
        self.retranslate()

    def set_network(self, text: str) -> None:
        """The command-centre network's line ("3 laptops connected"); empty while off."""
        self._network = text
        self.retranslate()

    def status_text(self) -> str:
        return self.status_label.text()

    def incident_text(self) -> str:
        return self.incident_label.text() if self._incident else ""

    def details_text(self) -> str:
        return self.details_label.text()

    def colour(self) -> str:
        return self._level[1] if self._level else style.NEUTRAL_GREY

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
        incident = self._incident if self._level is not None else None
        if incident is not None:
            line = f"{incident.id} · {incident.title}"
            if incident.others:
                line += "   " + self.tr("(+{count} more open)").format(count=incident.others)
            self.incident_label.setText(line)
        self.incident_label.setVisible(incident is not None)
        self.exercise_label.setVisible(incident is not None and incident.exercise)
        parts = []
        if self._operator is not None:
            parts.append(
                (
                    self.tr("On duty: {name} ({role})")
                    if self._verified
                    else self.tr("On duty: {name} ({role}, unverified)")
                ).format(name=self._operator.name, role=role_label(self._operator.role))
            )
        if self._plan_version is not None:
            parts.append(self.tr("Plan v{version}").format(version=self._plan_version))
        if self._network:
            parts.append(self._network)
        self.details_label.setText("   ·   ".join(parts))
        foreground = style.text_colour_on(colour)
        self.setStyleSheet(
            f"QFrame#StatusBanner {{ background-color: {colour}; }}"
            f" QFrame#StatusBanner QLabel {{ color: {foreground}; }}"
            " QFrame#StatusBanner QLabel#ExerciseMark { color: #000000; }"
        )
