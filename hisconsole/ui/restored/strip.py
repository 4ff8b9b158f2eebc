"""The line under the banner while a laptop restored from a backup takes back its entries.

While the mark is there (services/restored.py) every write is refused; the line says why
and offers the ways out: the Sync page (a bundle import, a hub sync) or, when no other
laptop or hub holds any of this laptop's entries, recording alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMessageBox, QPushButton, QWidget

from hisconsole.services import restored
from hisconsole.services.changes import ChangeSet
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.restored import words
from hisconsole.ui.runner import user_message

# Urgent like an alert that blocks work (ui/alerts/panel.py): nothing can be recorded.
COLOURS = ("#C62828", "#FFFFFF")
# While the line shows, how often the mark is read again: an import or 'restore --alone'
# run in a terminal lifts it too, and the line should go without waiting for a click.
RECHECK_MS = 2000


class RestoredStrip(QFrame):
    """Says that this laptop was restored from a backup and records nothing until it has
    taken in the other laptops' entries; hidden otherwise.

    The mark is read when the window is attached, after every operation that changed
    something, and every ``RECHECK_MS`` while the line shows.

    Signals:
        open_sync(): the user asked for the Sync page (bundle import, hub sync).
    """

    open_sync = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RestoredStrip")
        self.ctx = ctx
        self.backup: str | None = None
        self._reading = False
        background, foreground = COLOURS
        self.setStyleSheet(
            f"QFrame#RestoredStrip {{ background-color: {background}; }}"
            f" QFrame#RestoredStrip QLabel {{ color: {foreground}; }}"
        )
        self.text_label = style.label("", self, delta=style.BODY_DELTA, bold=True, wrap=True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sync_button = QPushButton(self)
        self.sync_button.clicked.connect(self.open_sync)
        self.alone_button = QPushButton(self)
        self.alone_button.clicked.connect(self.record_alone)
        for button in (self.sync_button, self.alone_button):
            button.setFont(style.sized_font(button, style.BODY_DELTA))
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 6, 12, 6)
        row.addWidget(self.text_label, 1)
        row.addWidget(self.sync_button)
        row.addWidget(self.alone_button)
        self._timer = QTimer(self)
        self._timer.setInterval(RECHECK_MS)
        self._timer.timeout.connect(self.reload)
        self.hide()
        ctx.runner.changed.connect(self._changed)
        self.retranslate()
        self.reload()

    def text(self) -> str:
        return self.text_label.text() if self.backup is not None else ""

    def reload(self) -> None:
        if self._reading:
            return
        self._reading = True
        console = self.ctx.console
        self.ctx.runner.query(
            lambda: restored.restored_from(console), on_done=self._read, on_error=self._failed
        )

    def record_alone(self) -> None:
        """Ask, saying what it risks; then record again as 'restore --alone' does."""
        answer = QMessageBox.question(
            self,
            self.tr("Record alone?"),
            self.tr(
                "Only if no other laptop and no hub has any entry this laptop wrote after "
                "the backup {backup}.\n\n"
                "Should one of them still hold such entries, they will never come back "
                "here: new entries on this laptop take their numbers, and each side keeps "
                "its own entry under the same number.\n\n"
                "Yes: record alone from now on. No: take in the other laptops' entries "
                "first (Sync page)."
            ).format(backup=self.backup or "?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        console = self.ctx.console
        self.ctx.runner.op(
            lambda: restored.record_alone(console),
            on_done=lambda _was: self.reload(),
            on_error=self._refused,
        )

    def _changed(self, _changes: ChangeSet) -> None:
        if self.backup is not None:
            self.reload()

    def _read(self, backup: str | None) -> None:
        self._reading = False
        self.backup = backup
        self.setVisible(backup is not None)
        if backup is None:
            self._timer.stop()
        elif not self._timer.isActive():
            self._timer.start()
        self.retranslate()

    def _failed(self, exc: BaseException) -> None:
        # The mark could not be read (a busy database): keep showing what was last read,
        # writes still say why they are refused; the next check tries again. A bug has
        # gone to the crash dialog already (the runner).
        self._reading = False

    def _refused(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Record alone"), user_message(exc))
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.text_label.setText(
            self.tr(
                "This laptop was restored from the backup {backup}. It records nothing until "
                "it has taken in the other laptops' entries (its own since the backup may be "
                "among them): import a bundle from each of them, sync with the hub, or join "
                "them on the command-centre network."
            ).format(backup=self.backup or "?")
        )
        self.sync_button.setText(words.sync_button_text())
        self.alone_button.setText(words.alone_button_text())
