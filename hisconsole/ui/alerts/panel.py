"""The alert list under the banner, and the notice (desktop notification + sound) per alert."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hisconsole.services import alerts as alert_service
from hisconsole.services.alerts import URGENT, Alert
from hisconsole.ui import style
from hisconsole.ui.alerts.texts import alert_text
from hisconsole.ui.context import Context
from hisconsole.ui.runner import user_message
from hisconsole.ui.situation import Situation, clock_time

# (background, text) of a row: urgent, warning, and seen (acknowledged).
URGENT_COLOURS = ("#C62828", "#FFFFFF")
WARNING_COLOURS = ("#FFB300", "#000000")
SEEN_COLOURS = ("#ECEFF1", "#263238")
#: Rows shown before "Show all": the list must not push the page off a 768-pixel screen.
FOLDED_ROWS = 3


class AlertRow(QFrame):
    """One alert: what it is, in the interface language, and the button to acknowledge it.

    Signals: none (the button calls ``AlertPanel.acknowledge``).
    """

    def __init__(self, item: Alert, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AlertRow")
        self.item = item
        background, foreground = (
            SEEN_COLOURS
            if item.acknowledged
            else URGENT_COLOURS
            if item.severity == URGENT
            else WARNING_COLOURS
        )
        self.setStyleSheet(
            f"QFrame#AlertRow {{ background-color: {background}; border-radius: 4px; }}"
            f" QFrame#AlertRow QLabel {{ color: {foreground}; }}"
        )
        self.text_label = style.label(
            "", self, delta=style.BODY_DELTA, bold=not item.acknowledged, wrap=True
        )
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.ack_button = QPushButton(self)
        self.ack_button.setFont(style.sized_font(self.ack_button, style.BODY_DELTA))
        self.ack_button.setVisible(not item.acknowledged)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 8, 4)
        row.addWidget(self.text_label, 1)
        row.addWidget(self.ack_button)
        self.retranslate()

    def text(self) -> str:
        return self.text_label.text()

    def retranslate(self) -> None:
        words = alert_text(self.item)
        if self.item.acknowledged:
            words += "   " + self.tr("(seen by {name} at {time})").format(
                name=self.item.acknowledged_by, time=clock_time(self.item.acknowledged_at)
            )
        self.text_label.setText(words)
        self.ack_button.setText(self.tr("Acknowledge"))
        self.ack_button.setAccessibleName(self.tr("Acknowledge: {alert}").format(alert=words))


class AlertPanel(QFrame):
    """Every current alert, most urgent first, under the banner; hidden when there is none.

    The list is the situation's (``SituationWatch``): an alert disappears when its
    condition ends, never by hand. Texts follow the interface language. Each alert
    not yet acknowledged raises the notifier (desktop notice and sound) once: when it
    first appears, not at every refresh.

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AlertPanel")
        self.ctx = ctx
        self.alerts: list[Alert] = []
        self.rows: list[AlertRow] = []
        self.expanded = False
        self._notified: set[str] = set()
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(3)
        self.more_button = QPushButton(self)
        self.more_button.setFlat(True)
        self.more_button.clicked.connect(self.toggle)
        self.count_label = QLabel(self)
        self.note_label = QLabel(self)
        self.note_label.hide()
        footer = QHBoxLayout()
        footer.addWidget(self.note_label)
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.setSpacing(3)
        layout.addLayout(self._rows_box)
        layout.addLayout(footer)
        self.hide()
        ctx.situation.updated.connect(self.show_situation)
        self.show_situation(ctx.situation.situation)

    def show_situation(self, situation: Situation) -> None:
        if [a.key for a in situation.alerts] != [a.key for a in self.alerts]:
            self.note_label.hide()  # the note was about the list before
        self.alerts = list(situation.alerts)
        self._notify_new()
        self._rebuild()

    def texts(self) -> list[str]:
        """What the rows say, in order (the rows shown)."""
        return [row.text() for row in self.rows]

    def acknowledge(self, key: str) -> None:
        console = self.ctx.console
        self.ctx.runner.op(lambda: alert_service.acknowledge(console, key), on_error=self._refused)

    def _refused(self, exc: BaseException) -> None:
        # Another laptop or the condition got there first: say so, and show the list as it is.
        if isinstance(exc, alert_service.AlertAlreadyAcknowledged):
            message = self.tr("{name} had already acknowledged that alert.").format(
                name=exc.params["name"]
            )
        elif isinstance(exc, alert_service.AlertCleared):
            message = self.tr("That alert has already cleared.")
        else:
            message = user_message(exc)  # a bug is reported by the runner as well
        self.note_label.setText(message)
        self.note_label.show()
        self.ctx.situation.reload()

    def toggle(self) -> None:
        self.expanded = not self.expanded
        self._rebuild()

    def _notify_new(self) -> None:
        current = {a.key for a in self.alerts}
        for item in self.alerts:
            if item.key not in self._notified and not item.acknowledged:
                self.ctx.notifier.notify(self.tr("HIS Console alert"), alert_text(item))
        # An alert that cleared and comes back (a new condition) is news again.
        self._notified = current

    def _rebuild(self) -> None:
        for row in self.rows:
            self._rows_box.removeWidget(row)
            row.deleteLater()
        shown = self.alerts if self.expanded else self.alerts[:FOLDED_ROWS]
        self.rows = [AlertRow(item, self) for item in shown]
        for row in self.rows:
            row.ack_button.clicked.connect(lambda _c=False, k=row.item.key: self.acknowledge(k))
            self._rows_box.addWidget(row)
        self.setVisible(bool(self.alerts))
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for row in self.rows:
            row.retranslate()
        hidden = len(self.alerts) - len(self.rows)
        waiting = sum(1 for a in self.alerts if not a.acknowledged)
        self.count_label.setText(
            self.tr("{count} alert(s), {waiting} not yet acknowledged").format(
                count=len(self.alerts), waiting=waiting
            )
        )
        folded = len(self.alerts) > FOLDED_ROWS
        self.more_button.setVisible(folded)
        self.count_label.setVisible(folded)
        if hidden > 0:
            self.more_button.setText(self.tr("Show all ({count})").format(count=len(self.alerts)))
        else:
            self.more_button.setText(self.tr("Show fewer"))
