"""The base of a feature page's tabs: they follow the language and say how an action went."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.runner import user_message

#: How ``say`` colours its line: an error red, a success green, a remark muted, else plain.
SAY_COLOURS = {"error": style.ERROR_TEXT, "ok": style.OK_TEXT, "muted": style.MUTED_TEXT}


class Tab(QWidget):
    """A tab of a feature page.

    A subclass builds its widgets and sets every text in ``retranslate`` (called
    again on each language change). One that reports outcomes sets
    ``status_label`` and calls ``say`` for news and ``failed`` for a refusal.

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status_label: QLabel | None = None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text of the tab in the current language."""

    def say(self, text: str, kind: str = "") -> None:
        """Show how an action went on the status line, coloured by ``kind`` (SAY_COLOURS)."""
        if self.status_label is None:
            return
        self.status_label.setText(text)
        style.set_colour(self.status_label, SAY_COLOURS.get(kind))

    def status_text(self) -> str:
        return self.status_label.text() if self.status_label is not None else ""

    def failed(self, exc: BaseException, template: str = "{reason}") -> str:
        """Say why an action failed (``template`` around the reason) and return the words.
        (Whether it was a bug the runner decides, and reports.)"""
        message = template.format(reason=user_message(exc))
        self.say(message, "error")
        return message
