"""Call-out pieces shared by the incident's Call-out tab and the dashboard: the waves as
text ("Wave 1: need 3, reached 1") and the bar that records a call's outcome."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSpinBox, QWidget

from hisconsole.domain import callout as callout_rules
from hisconsole.ui.i18n import call_status_label
from hisconsole.ui.partials.dialogs import button
from hisconsole.ui.situation import clock_time

#: Outcome buttons per row (six in one row do not fit a 1366-pixel screen translated).
PER_ROW = 3


def wave_lines(run: dict[str, Any]) -> list[str]:
    """One line per wave that needs responses (or has started after one fell short)."""
    lines = []
    waves = run.get("waves") or []
    for index, wave in enumerate(waves):
        previous = waves[index - 1] if index else None
        forced = previous is not None and previous.get("state") == "short"
        if wave.get("need") is None and not forced:
            continue
        if wave.get("need") is None:
            counted = QCoreApplication.translate(
                "Callout", "Wave {wave}: reached {reached} of {size}"
            ).format(wave=wave["wave"], reached=wave["reached"], size=wave["size"])
        else:
            counted = QCoreApplication.translate(
                "Callout", "Wave {wave}: need {need}, reached {reached}"
            ).format(wave=wave["wave"], need=wave["need"], reached=wave["reached"])
        state = {
            "waiting": QCoreApplication.translate("Callout", "not started"),
            "running": QCoreApplication.translate("Callout", "until {time}").format(
                time=clock_time(wave.get("deadline"))
            )
            if wave.get("deadline")
            else QCoreApplication.translate("Callout", "calling"),
            "met": QCoreApplication.translate("Callout", "enough reached"),
            "short": QCoreApplication.translate(
                "Callout", "too few by {time}: wave {next} called"
            ).format(time=clock_time(wave.get("deadline")), next=wave["wave"] + 1),
        }.get(str(wave.get("state")), "")
        lines.append(f"{counted} — {state}" if state else counted)
    return lines


class OutcomeBar(QWidget):
    """Buttons that record how a call went (reached, coming with an ETA, no answer, …).

    Signals: ``recorded(str, object)``: the outcome and the ETA in minutes (None
    unless the outcome is "coming" and an ETA was set).
    """

    recorded = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(self)
        grid.addWidget(self.caption, 0, 0, 1, PER_ROW + 1)
        self.buttons: dict[str, QPushButton] = {}
        for index, outcome in enumerate(callout_rules.OUTCOMES):
            push = button("", self)
            push.setObjectName(f"outcome-{outcome}")
            push.clicked.connect(lambda _checked=False, o=outcome: self._record(o))
            self.buttons[outcome] = push
            grid.addWidget(push, 1 + index // PER_ROW, index % PER_ROW)
        self.eta = QSpinBox(self)
        self.eta.setObjectName("eta")
        self.eta.setRange(0, 600)
        self.eta.setSingleStep(5)
        #: Whom the buttons record a call to, when there is one fixed person (the dashboard).
        self.person_name = ""
        coming = callout_rules.OUTCOMES.index(callout_rules.COMING)
        grid.addWidget(self.eta, 1 + coming // PER_ROW, PER_ROW)
        self.retranslate()

    def _record(self, outcome: str) -> None:
        eta = self.eta.value() if outcome == callout_rules.COMING and self.eta.value() else None
        self.recorded.emit(outcome, eta)
        self.eta.setValue(0)

    def set_person(self, name: str) -> None:
        """Say whose call the buttons record ("How did the call to 王建国 go?")."""
        self.person_name = name
        self.retranslate()

    def set_enabled(self, enabled: bool) -> None:
        for push in self.buttons.values():
            push.setEnabled(enabled)
        self.eta.setEnabled(enabled)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.caption.setText(
            QCoreApplication.translate("Callout", "How did the call to {name} go?").format(
                name=self.person_name
            )
            if self.person_name
            else QCoreApplication.translate("Callout", "Record call:")
        )
        for outcome, push in self.buttons.items():
            push.setText(call_status_label(outcome))
        self.eta.setSpecialValueText(QCoreApplication.translate("Callout", "ETA —"))
        self.eta.setPrefix(QCoreApplication.translate("Callout", "ETA "))
        self.eta.setSuffix(QCoreApplication.translate("Callout", " min"))
        self.eta.setAccessibleName(
            QCoreApplication.translate("Callout", "Minutes until they arrive (with Coming)")
        )
